import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { requireYear } from '../years/queries';
import { yearLineRows } from './period-return';
import { computeMonitoring, type LineYear, type PeriodEntry } from './rules';
import { budget, forecast } from './schema';
import type { MonitoringView, YearCloseCheck } from './types';

/** A year's lines (see yearLineRows: active ones, and retired ones that still hold figures) with every return. */
export function loadLineYears(db: Db, yearId: string): LineYear[] {
  const entries = new Map<number, Map<number, PeriodEntry>>();
  // A year can hold over a million forecast rows: read them raw, without drizzle's per-row mapping.
  const rows = db.$client
    .prepare('SELECT line_id, period, forecast_pence, actual_pence, commentary, reviewed FROM forecast WHERE year_id = ?')
    .raw()
    .all(yearId) as Array<[number, number, number | null, number | null, string | null, number]>;
  for (const [lineId, period, forecastPence, actualPence, commentary, reviewed] of rows) {
    let m = entries.get(lineId);
    if (!m) {
      m = new Map();
      entries.set(lineId, m);
    }
    m.set(period, { forecastPence, actualPence, commentary, reviewed: reviewed === 1 });
  }
  return yearLineRows(db, yearId).map((l) => ({
    line: { lineId: l.lineId, code: l.code, name: l.name, s251Code: l.s251Code, groupId: l.groupId, holder: l.holder },
    group: { groupId: l.groupId, code: l.groupCode, name: l.groupName },
    originalPence: l.originalPence,
    revisedPence: l.budgetPence,
    entries: entries.get(l.lineId) ?? new Map(),
  }));
}

export function monitoringView(db: Db, yearId: string, period: number): MonitoringView {
  const year = requireYear(db, yearId);
  return { year: yearId, period, status: year.status, ...computeMonitoring(loadLineYears(db, yearId), period) };
}

export function findForecast(db: Db, yearId: string, period: number, lineId: number) {
  return db
    .select()
    .from(forecast)
    .where(and(eq(forecast.yearId, yearId), eq(forecast.period, period), eq(forecast.lineId, lineId)))
    .get();
}

/** A period's forecast row ids by line: one query for a whole import rather than one per row. */
export function forecastIdsOfPeriod(db: Db, yearId: string, period: number): Map<number, number> {
  const rows = db.$client.prepare('SELECT line_id, id FROM forecast WHERE year_id = ? AND period = ?').raw().all(yearId, period) as Array<[number, number]>;
  return new Map(rows);
}

/** A year's budget rows by line. */
export function budgetsOfYear(db: Db, yearId: string) {
  return new Map(
    db
      .select()
      .from(budget)
      .where(eq(budget.yearId, yearId))
      .all()
      .map((b) => [b.lineId, b]),
  );
}

export function findBudget(db: Db, yearId: string, lineId: number) {
  return db
    .select()
    .from(budget)
    .where(and(eq(budget.yearId, yearId), eq(budget.lineId, lineId)))
    .get();
}

/** What closing a year would leave behind: months nobody reported in, and lines without a P12 forecast of their own. */
export function closeCheck(db: Db, yearId: string): YearCloseCheck {
  requireYear(db, yearId);
  const lines = loadLineYears(db, yearId);
  const reported = new Set<number>();
  for (const l of lines) for (const [p, e] of l.entries) if (e.forecastPence !== null || e.reviewed) reported.add(p);
  const periodsWithoutReturns = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((p) => !reported.has(p));
  const linesWithoutOutturn = lines
    .filter((l) => (l.entries.get(12)?.forecastPence ?? null) === null && !l.entries.get(12)?.reviewed)
    .map((l) => {
      let from: number | null = null;
      for (let p = 11; p >= 1 && from === null; p--) if ((l.entries.get(p)?.forecastPence ?? null) !== null) from = p;
      return { lineId: l.line.lineId, code: l.line.code, name: l.line.name, standingFrom: from };
    });
  return { year: yearId, periodsWithoutReturns, linesWithoutOutturn };
}
