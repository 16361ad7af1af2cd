/**
 * What every block kind shares: its refusals when the data it names is gone, the fields its
 * settings are written with (the editor stores whatever its inputs give: 7, "7" or "P7"), and
 * the visible note a block prints when its data no longer exists.
 */
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { isYearId, parsePeriod } from '../../../shared/periods';
import { escapeHtml } from '../rich-html';

/** "The block 'High Needs monitoring' names 2031-32, which is not in this workspace." */
export function blockNotFound(label: string, what: string): AppError {
  return new AppError('NOT_FOUND', `The block '${label}' ${what}`);
}

export const blockYear = z
  .string({ error: 'must be a financial year such as 2026-27' })
  .refine(isYearId, { error: 'must be a financial year such as 2026-27 (April to March)' });

const periodOf = (v: unknown) => (typeof v === 'string' ? (parsePeriod(v) ?? v) : v);

export const blockPeriod = z.preprocess(
  periodOf,
  z
    .int({ error: 'must be a period from P1 (April) to P12 (March)' })
    .min(1, { error: 'must be a period from P1 (April) to P12 (March)' })
    .max(12, { error: 'must be a period from P1 (April) to P12 (March)' }),
);

/** A period to compare from: 0 is the budget set for the year, before any forecast. */
export const blockFromPeriod = z.preprocess(
  (v) => (v === '' || v === null ? undefined : periodOf(v)),
  z
    .int({ error: 'must be a period from P1 (April) to P11 (February), or 0 for the budget' })
    .min(0, { error: 'must be a period from P1 to P11, or 0 for the budget' })
    .max(11, { error: 'must be a period from P1 to P11, or 0 for the budget' })
    .optional(),
);

/** The settings most blocks take: a year and the month reported. */
export const yearPeriodSettings = z.object({ year: blockYear, period: blockPeriod });

/** What the editor asks for them. */
export const YEAR_PERIOD_FIELDS = [
  { key: 'year', label: 'Year', type: 'year' },
  { key: 'period', label: 'Period', type: 'period' },
] as const satisfies ReadonlyArray<{ key: string; label: string; type: 'year' | 'period' }>;

/** The note printed where a block's data has gone, so a reader (and publishing) sees it. */
export function blockProblemHtml(problem: string, inline: boolean): string {
  const text = `[data no longer available: ${escapeHtml(problem)}]`;
  return inline ? `<span class="block-problem">${text}</span>` : `<p class="block-problem">${text}</p>`;
}

/** A settings object's problems in one sentence, naming the block. */
export function settingsProblem(label: string, error: z.ZodError): string {
  const parts = error.issues.map((i) => `${i.path.length ? `${i.path.join('.')} ` : ''}${i.message}`);
  return `The block '${label}' has settings that are not valid: ${parts.join('; ')}.`;
}
