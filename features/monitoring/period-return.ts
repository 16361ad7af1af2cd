/**
 * One period's monitoring figures for every line, worked out by SQLite: the export and import
 * of a 100,000-line return cannot afford to load a whole year's history into JavaScript (over
 * a million forecast rows) to look at one period.
 *
 * The rules are those of `monitoringRow` in domain/monitoring.ts, which stays the reference:
 * the forecast standing at a period is the latest one recorded at or before it, else the
 * revised budget; the previous forecast is the one standing a period earlier (the revised
 * budget at P1). A test holds the two to the same answers.
 */
import type { Db } from '../../db/client';

export interface YearLineRow {
  lineId: number;
  code: string;
  name: string;
  s251Code: string | null;
  groupId: number;
  groupCode: string;
  groupName: string;
  holder: string;
  originalPence: number;
  /** The revised budget. */
  budgetPence: number;
}

export interface PeriodReturnRow extends YearLineRow {
  forecastPence: number;
  previousPence: number;
  variancePence: number;
  actualPence: number | null;
  commentary: string;
}

/** Lines shown for a year: active ones, and retired ones that still hold figures in it. */
const linesOfYear = (withPeriodReturn: boolean) => `
  FROM budget_line l
  JOIN provision_group g ON g.id = l.group_id
  LEFT JOIN budget b ON b.year_id = @year AND b.line_id = l.id
  ${withPeriodReturn ? 'LEFT JOIN forecast cur ON cur.year_id = @year AND cur.period = @period AND cur.line_id = l.id' : ''}
  WHERE l.active = 1 OR b.id IS NOT NULL OR l.id IN (SELECT line_id FROM forecast WHERE year_id = @year)`;

// One index seek per line (forecast_line_history), newest period first.
const standingAt = (periodBound: string) => `
  (SELECT f.forecast_pence FROM forecast f
    WHERE f.year_id = @year AND f.line_id = l.id AND f.period <= ${periodBound} AND f.forecast_pence IS NOT NULL
    ORDER BY f.period DESC LIMIT 1)`;

const LINE_COLUMNS = 'l.id, l.code, l.name, l.s251_code, l.group_id, g.name, l.holder, coalesce(b.original_pence, 0), coalesce(b.revised_pence, 0), g.code';
const READING_ORDER = 'ORDER BY g.sort_order, g.id, l.sort_order, l.code';

const PERIOD_SQL = `
  SELECT ${LINE_COLUMNS}, ${standingAt('@period')}, ${standingAt('@period - 1')}, cur.actual_pence, cur.commentary
  ${linesOfYear(true)} ${READING_ORDER}`;

const YEAR_SQL = `SELECT ${LINE_COLUMNS} ${linesOfYear(false)} ${READING_ORDER}`;

type RawLine = [number, string, string, string | null, number, string, string, number, number, string];
type Raw = [...RawLine, number | null, number | null, number | null, string | null];

function lineOf(r: RawLine | Raw): YearLineRow {
  return {
    lineId: r[0],
    code: r[1],
    name: r[2],
    s251Code: r[3],
    groupId: r[4],
    groupName: r[5],
    holder: r[6],
    originalPence: r[7],
    budgetPence: r[8],
    groupCode: r[9],
  };
}

/** Every line of the year with its budget, in reading order. */
export function yearLineRows(db: Db, yearId: string): YearLineRow[] {
  return (db.$client.prepare(YEAR_SQL).raw().all({ year: yearId }) as RawLine[]).map(lineOf);
}

/**
 * Every line of the year at one period, in the order the forum reads them (group, then line),
 * each handed to `each` as it comes from SQLite: a caller that keeps its own shape of row never
 * holds the whole period twice (at 100,000 lines, tens of megabytes).
 */
export function eachPeriodReturn(db: Db, yearId: string, period: number, each: (row: PeriodReturnRow) => void): void {
  // One string for each provision type, holder, s251 line and commentary text, not one per row:
  // SQLite hands every row its own copy, and at 100,000 lines the copies are tens of megabytes,
  // held for as long as an import's preview is.
  const texts = new Map<string, string>();
  const one = (text: string): string => {
    const had = texts.get(text);
    if (had !== undefined) return had;
    texts.set(text, text);
    return text;
  };
  // One object literal per row, not lineOf plus a spread: at 100,000 lines the spread costs
  // as much as the query.
  for (const r of db.$client.prepare(PERIOD_SQL).raw().iterate({ year: yearId, period }) as IterableIterator<Raw>) {
    const budgetPence = r[8];
    const forecastPence = r[10] ?? budgetPence;
    each({
      lineId: r[0],
      code: r[1],
      name: r[2],
      s251Code: r[3] === null ? null : one(r[3]),
      groupId: r[4],
      groupName: one(r[5]),
      holder: one(r[6]),
      originalPence: r[7],
      budgetPence,
      groupCode: one(r[9]),
      forecastPence,
      previousPence: period === 1 ? budgetPence : (r[11] ?? budgetPence),
      variancePence: forecastPence - budgetPence,
      actualPence: r[12],
      commentary: r[13] === null ? '' : one(r[13]),
    });
  }
}

/** Every line of the year at one period, in reading order. */
export function periodReturnRows(db: Db, yearId: string, period: number): PeriodReturnRow[] {
  const rows: PeriodReturnRow[] = [];
  eachPeriodReturn(db, yearId, period, (r) => rows.push(r));
  return rows;
}
