/**
 * A rule the database itself refused (a CHECK, a unique key, a reference) said in words, never as
 * SQLite's own text, and naming where the row came from when the writer said (a workbook's cell).
 */
import { AppError } from '../../shared/errors';

export interface WriteSource {
  /** "Monitoring return!A12", "HN05 P7". */
  label: string;
  sheet?: string;
  cell?: string;
}

const CHECK_WORDS: Array<[RegExp, string]> = [
  [/_whole_(pence|numbers)$/, 'amounts must be whole pence and periods whole numbers'],
  [/_(nonnegative|positive)$/, 'the amount must not be negative'],
  [/_period_range$/, 'the period must be P1 (April) to P12 (March)'],
  [/_not_blank$/, 'it must not be blank'],
  [/_id_format$/, 'a year must be written like 2024-25'],
  [/_json$/, 'it must be well-formed'],
];

const words = (name: string) => name.replace(/_/g, ' ');

/** The rule broken, in words, from SQLite's error; null when the error is not a broken rule. */
export function ruleInWords(e: unknown): string | null {
  const code = (e as { code?: unknown })?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return null;
  const text = String((e as Error).message);
  const check = /CHECK constraint failed: (\w+)/.exec(text);
  if (check) return CHECK_WORDS.find(([re]) => re.test(check[1]!))?.[1] ?? 'it breaks one of the workspace’s rules';
  const unique = /UNIQUE constraint failed: ([\w.]+)/.exec(text);
  if (unique) return `${words(unique[1]!.split(',')[0]!.split('.').pop()!)} must be unique, and another record already has this one`;
  const notNull = /NOT NULL constraint failed: ([\w.]+)/.exec(text);
  if (notNull) return `${words(notNull[1]!.split('.').pop()!)} must be filled in`;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || /FOREIGN KEY/.test(text)) return 'it refers to a record that does not exist';
  return 'it breaks one of the workspace’s rules';
}

/** An AppError for a broken database rule, or null to let the error through as it is. */
export function databaseRuleError(e: unknown, entity: string, source: WriteSource | null): AppError | null {
  const rule = ruleInWords(e);
  if (rule === null) return null;
  const what = words(entity);
  const message = source
    ? `${source.label}: the ${what} could not be saved because ${rule}. Nothing was saved.`
    : `The ${what} could not be saved because ${rule}. Nothing was saved.`;
  return new AppError('INVALID_INPUT', message, {
    issues: [{ sheet: source?.sheet, cell: source?.cell, rule, message: source ? `${source.label} — ${rule}` : rule }],
  });
}
