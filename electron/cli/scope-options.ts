/**
 * A workbook kind's scope from command-line options: --year 2026-27 --period P7 --holder "J Smith",
 * the recovery kinds' --scenario, --plan, --workstream, --agreement, --quarter, and a partnership
 * return's --partnership, an allocation run's --run. They arrive as text; each kind's scope schema coerces and checks its own.
 */
import { parsePeriod } from '../shared/periods';
import type { ScopeFieldInfo } from '../shared/workbook-types';
import { type CliContext, optionError, stringOption } from './command';

export const SCOPE_OPTIONS = {
  year: 'string',
  period: 'string',
  holder: 'string',
  scenario: 'string',
  plan: 'string',
  workstream: 'string',
  agreement: 'string',
  quarter: 'string',
  partnership: 'string',
  run: 'string',
} as const;

export function periodOption(ctx: CliContext): number | undefined {
  const text = stringOption(ctx, 'period');
  if (text === undefined) return undefined;
  const p = parsePeriod(text);
  if (p === undefined) throw optionError('period', `--period must be P1 (April) to P12 (March), not "${text}"`);
  return p;
}

/** The options a kind's scope names, read as its fields; the kind checks them. */
export function scopeFromOptions(ctx: CliContext, fields: ScopeFieldInfo[]): Record<string, string | number> {
  const scope: Record<string, string | number> = {};
  for (const f of fields) {
    if (f.input === 'period') {
      const p = periodOption(ctx);
      if (p !== undefined) scope[f.name] = p;
      continue;
    }
    const v = stringOption(ctx, f.name);
    if (v !== undefined) scope[f.name] = v;
  }
  return scope;
}
