/**
 * The scope of a workbook of budget lines (the budget and the monitoring return): a year, and
 * for a return its period; optionally one budget holder's lines or one provision group's.
 */
import { z } from 'zod';
import { periodField, recordId, text, yearField } from '../../electron/shared/contract-kit';
import { AppError } from '../../electron/shared/errors';
import { periodLongLabel } from '../../electron/shared/periods';
import type { ScopeFieldInfo } from '../../electron/shared/workbook-types';
import type { ScopeDef } from '../../electron/server/workbooks/engine/kind';
import type { Workspace } from '../../electron/server/workspace';
import { provisionGroup } from '../lines/schema';
import { requireYear, yearRef } from '../years/queries';
import type { YearLineRow } from './period-return';

const holderField = text(200)
  .transform((s) => s.trim())
  .optional();

export const yearScope = z.strictObject({ year: yearField, holder: holderField, groupId: recordId.optional() });
export const periodScope = yearScope.extend({ period: periodField });
export type YearScope = z.output<typeof yearScope>;
export type PeriodScope = z.output<typeof periodScope>;

const YEAR_FIELD: ScopeFieldInfo = { name: 'year', label: 'Year', input: 'year', required: true };
const PERIOD_FIELD: ScopeFieldInfo = { name: 'period', label: 'Period', input: 'period', required: true };
const HOLDER_FIELD: ScopeFieldInfo = { name: 'holder', label: 'Budget holder', input: 'text', required: false };

function check(ws: Workspace, scope: YearScope): void {
  requireYear(ws.db, scope.year);
  if (
    scope.groupId !== undefined &&
    !ws.db
      .select()
      .from(provisionGroup)
      .all()
      .some((g) => g.id === scope.groupId)
  ) {
    throw new AppError('NOT_FOUND', `There is no provision group ${scope.groupId}.`, {
      issues: [{ field: 'groupId', rule: 'must be a provision group', message: `there is no provision group ${scope.groupId}` }],
    });
  }
}

function label(ws: Workspace, scope: YearScope & { period?: number }): string {
  const parts = [scope.period ? `${scope.year}, ${periodLongLabel(scope.year, scope.period)}` : scope.year];
  if (scope.holder) parts.push(`budget holder ${scope.holder}`);
  if (scope.groupId !== undefined) {
    const g = ws.db
      .select()
      .from(provisionGroup)
      .all()
      .find((x) => x.id === scope.groupId);
    parts.push(`provision type ${g?.name ?? scope.groupId}`);
  }
  return parts.join('; ');
}

export const budgetScope: ScopeDef<YearScope> = {
  fields: [YEAR_FIELD, HOLDER_FIELD],
  schema: yearScope,
  check,
  label,
  locks: (s) => [yearRef(s.year)],
};

export const returnScope: ScopeDef<PeriodScope> = {
  fields: [YEAR_FIELD, PERIOD_FIELD, HOLDER_FIELD],
  schema: periodScope,
  check,
  label,
  locks: (s) => [yearRef(s.year)],
};

/** Whether a line is one a scope covers: optionally one budget holder's or one group's. */
export function scopeFilter(scope: YearScope): (line: Pick<YearLineRow, 'holder' | 'groupId'>) => boolean {
  const holder = scope.holder?.toLowerCase();
  return (l) => (!holder || l.holder.trim().toLowerCase() === holder) && (scope.groupId === undefined || l.groupId === scope.groupId);
}

/** Keeps the lines a scope covers. */
export function inScope<R extends YearLineRow>(rows: R[], scope: YearScope): R[] {
  if (!scope.holder && scope.groupId === undefined) return rows;
  return rows.filter(scopeFilter(scope));
}

/**
 * Every line a file could name that this scope does not hold, by code: another holder's line,
 * or a retired one. A row carrying one of these codes came from another return.
 */
export function linesElsewhere(ws: Workspace, inScopeIds: Set<number>): Map<string, string> {
  const out = new Map<string, string>();
  // Raw rows, as period-return.ts reads them: at 100,000 lines, drizzle's mapping of each row
  // costs more than the query, and every line is looked at on each import's preview.
  const lines = ws.db.$client.prepare('SELECT id, code, holder, active FROM budget_line').raw().all() as Array<[number, string, string, number]>;
  for (const [id, code, holder, active] of lines) {
    if (inScopeIds.has(id)) continue;
    const whose = !active ? 'a retired line' : holder.trim() ? `budget holder ${holder.trim()}'s line` : 'a line not in this workbook';
    out.set(code.trim().toLowerCase(), `${code} (${whose})`);
  }
  return out;
}
