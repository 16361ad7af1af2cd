import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { allocation, allocationVersion, budget, budgetLine, deficitContribution, financialYear, forecast } from '../../db/schema';
import { AppError } from '../../electron/shared/errors';
import { closedYearError } from '../../electron/server/audit/recorder';
import type { AllocationBlock, AllocationVersionInfo, DsgBlock, PositionSummary } from '../../electron/shared/types';
import { computeMonitoring, forecastAt, reportingPeriod, type LineYear, type PeriodEntry } from '../monitoring/rules';
import { yearLineRows } from '../monitoring/period-return';
import { netOf, positionFor, rollForward, type YearFunding } from '../position/rules';

export const BLOCK_ORDER: DsgBlock[] = ['schools', 'cssb', 'hnb', 'early_years'];

export type YearRow = typeof financialYear.$inferSelect;

export function requireYear(db: Db, yearId: string): YearRow {
  const row = db.select().from(financialYear).where(eq(financialYear.id, yearId)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no year ${yearId} in this workspace. Add it under Years first.`, {
      issues: [{ field: 'year', rule: 'year must exist', message: `${yearId} does not exist` }],
    });
  }
  return row;
}

/** The year, which must be open: checked before any work so the refusal names the year. */
export function requireOpenYear(db: Db, yearId: string): YearRow {
  const year = requireYear(db, yearId);
  if (year.status === 'closed') throw closedYearError(yearId);
  return year;
}

export function allYears(db: Db): YearRow[] {
  return db.select().from(financialYear).orderBy(asc(financialYear.id)).all();
}

/** A year's lines (see yearLineRows: active ones, and retired ones that still hold figures) with every return. */
export function loadLineYears(db: Db, yearId: string): LineYear[] {
  const entries = new Map<number, Map<number, PeriodEntry>>();
  // A year can hold over a million forecast rows: read them raw, without drizzle's per-row mapping.
  const rows = db.$client
    .prepare('SELECT line_id, period, forecast_pence, actual_pence, commentary FROM forecast WHERE year_id = ?')
    .raw()
    .all(yearId) as Array<[number, number, number | null, number | null, string | null]>;
  for (const [lineId, period, forecastPence, actualPence, commentary] of rows) {
    let m = entries.get(lineId);
    if (!m) entries.set(lineId, (m = new Map()));
    m.set(period, { forecastPence, actualPence, commentary });
  }
  return yearLineRows(db, yearId).map((l) => ({
    line: { lineId: l.lineId, code: l.code, name: l.name, s251Code: l.s251Code, groupId: l.groupId, holder: l.holder },
    group: { groupId: l.groupId, code: l.groupCode, name: l.groupName },
    originalPence: l.originalPence,
    revisedPence: l.budgetPence,
    entries: entries.get(l.lineId) ?? new Map(),
  }));
}

export function latestAllocationVersion(db: Db, yearId: string): AllocationVersionInfo | null {
  const v = db
    .select()
    .from(allocationVersion)
    .where(eq(allocationVersion.yearId, yearId))
    .orderBy(desc(allocationVersion.publishedOn), desc(allocationVersion.id))
    .limit(1)
    .get();
  return v ? { id: v.id, publishedOn: v.publishedOn, label: v.label } : null;
}

export function allocationBlocks(db: Db, versionId: number | null): AllocationBlock[] {
  const rows = versionId === null ? [] : db.select().from(allocation).where(eq(allocation.versionId, versionId)).all();
  return BLOCK_ORDER.map((block) => {
    const r = rows.find((x) => x.block === block);
    const base = {
      block,
      allocationPence: r?.allocationPence ?? 0,
      deductionsPence: r?.deductionsPence ?? 0,
      adjustmentsPence: r?.adjustmentsPence ?? 0,
      transfersPence: r?.transfersPence ?? 0,
    };
    return { ...base, netPence: netOf(base) };
  });
}

function contributionsTotal(db: Db, yearId: string): number {
  const r = db
    .select({ total: sql<number>`coalesce(sum(${deficitContribution.amountPence}), 0)` })
    .from(deficitContribution)
    .where(eq(deficitContribution.yearId, yearId))
    .get();
  return Number(r?.total ?? 0);
}

function yearFunding(db: Db, y: YearRow, lines: LineYear[], period: number): YearFunding {
  const version = latestAllocationVersion(db, y.id);
  return {
    year: y.id,
    status: y.status,
    openingBalancePence: y.openingBalancePence,
    blocks: allocationBlocks(db, version?.id ?? null),
    version,
    contributionsPence: contributionsTotal(db, y.id),
    budgetPence: lines.reduce((s, l) => s + l.revisedPence, 0),
    forecastPence: lines.reduce((s, l) => s + forecastAt(l, period).pence, 0),
  };
}

/** The given years rolled forward at P12, oldest first. */
function rolled(db: Db, years: YearRow[]): PositionSummary[] {
  return rollForward(years.map((y) => yearFunding(db, y, loadLineYears(db, y.id), 12)));
}

export function positionSeries(db: Db): PositionSummary[] {
  return rolled(db, allYears(db));
}

/** A year's position at a period, brought forward from the years before it. */
function positionOf(db: Db, year: YearRow, lines: LineYear[], period?: number): PositionSummary {
  const p = period ?? reportingPeriod(year.status, lines);
  const series = rolled(
    db,
    allYears(db).filter((y) => y.id < year.id),
  );
  const bf = series.length > 0 ? series[series.length - 1]!.carriedForwardPence : (year.openingBalancePence ?? 0);
  return positionFor(yearFunding(db, year, lines, p), p, bf);
}

export function positionSummary(db: Db, yearId: string, period?: number): PositionSummary {
  return positionOf(db, requireYear(db, yearId), loadLineYears(db, yearId), period);
}

export function monitoringView(db: Db, yearId: string, period: number) {
  const year = requireYear(db, yearId);
  const lines = loadLineYears(db, yearId);
  return {
    year: yearId,
    period,
    status: year.status,
    ...computeMonitoring(lines, period),
    position: positionOf(db, year, lines, period),
  };
}

export function latestPeriods(db: Db): Map<string, number> {
  const rows = db
    .select({ yearId: forecast.yearId, latest: sql<number>`max(${forecast.period})` })
    .from(forecast)
    .where(sql`${forecast.forecastPence} IS NOT NULL`)
    .groupBy(forecast.yearId)
    .all();
  return new Map(rows.map((r) => [r.yearId, Number(r.latest)]));
}

/** The lines with these ids, in use or retired. */
export function linesById(db: Db, ids: number[]): Map<number, { id: number; code: string; active: boolean }> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ id: budgetLine.id, code: budgetLine.code, active: budgetLine.active })
      .from(budgetLine)
      .where(inArray(budgetLine.id, ids))
      .all()
      .map((l) => [l.id, l]),
  );
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
