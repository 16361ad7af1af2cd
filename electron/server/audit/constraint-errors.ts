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

/**
 * A delete the database refused because other rows still refer to the row (a reference that
 * restricts): which tables, and how many rows in each, so the sentence says what to unlink first.
 * Null when nothing refers to it (the error was something else).
 */
export function referencesToRow(
  db: { prepare(sql: string): { all(...a: unknown[]): unknown[]; get(...a: unknown[]): unknown } },
  table: string,
  id: unknown,
): string | null {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
  const found: string[] = [];
  for (const t of tables) {
    const keys = db.prepare(`SELECT "from" AS col, "table" AS target FROM pragma_foreign_key_list(?)`).all(t.name) as Array<{ col: string; target: string }>;
    for (const k of keys) {
      if (k.target !== table) continue;
      const n = (db.prepare(`SELECT COUNT(*) AS n FROM "${t.name}" WHERE "${k.col}" = ?`).get(id) as { n: number }).n;
      if (n > 0) found.push(`${n} ${words(t.name)}${n === 1 ? '' : ' rows'}`);
    }
  }
  return found.length ? found.join(', ') : null;
}

/** The sentence for a delete refused because other records still refer to the row. */
export function stillReferredTo(entity: string, uses: string): AppError {
  const what = words(entity);
  const message = `The ${what} could not be deleted because other records still refer to it (${uses}). Remove those links first. Nothing was changed.`;
  return new AppError('INVALID_INPUT', message, { issues: [{ field: 'id', rule: 'must not be referred to by other records', message }] });
}
