import type { GroupHeader, LineRef } from '../lines/types';
import type { YearStatus } from '../years/types';
import type { BudgetGrid, BudgetRow, BudgetTotals, ForecastSource, MonitoringRow, MonitoringTotals } from './types';

export interface PeriodEntry {
  forecastPence: number | null;
  actualPence: number | null;
  commentary: string | null;
  /** "Reviewed, no change": the standing forecast confirmed for the month. */
  reviewed: boolean;
}

/** Everything recorded for one line in one year. */
export interface LineYear {
  line: LineRef;
  group: GroupHeader;
  originalPence: number;
  revisedPence: number;
  entries: Map<number, PeriodEntry>;
}

export interface ForecastAt {
  pence: number;
  source: ForecastSource;
  fromPeriod: number | null;
}

/**
 * A line's forecast at a period is the latest one recorded at or before it: budget holders
 * do not re-enter an unchanged forecast each month. With none yet, the revised budget stands.
 */
export function forecastAt(ly: LineYear, period: number): ForecastAt {
  for (let p = period; p >= 1; p--) {
    const f = ly.entries.get(p)?.forecastPence;
    if (f !== null && f !== undefined) {
      return { pence: f, source: p === period ? 'this-period' : 'earlier-period', fromPeriod: p };
    }
  }
  return { pence: ly.revisedPence, source: 'budget', fromPeriod: null };
}

export function monitoringRow(ly: LineYear, period: number): MonitoringRow {
  const now = forecastAt(ly, period);
  const previous = period === 1 ? ly.revisedPence : forecastAt(ly, period - 1).pence;
  const entry = ly.entries.get(period);
  return {
    ...ly.line,
    budgetPence: ly.revisedPence,
    forecastPence: now.pence,
    forecastSource: now.source,
    forecastFromPeriod: now.fromPeriod,
    reviewed: entry?.reviewed ?? false,
    actualPence: entry?.actualPence ?? null,
    previousPence: previous,
    variancePence: now.pence - ly.revisedPence,
    movementPence: now.pence - previous,
    commentary: entry?.commentary ?? '',
  };
}

const zeroMonitoring = (): MonitoringTotals => ({
  budgetPence: 0,
  forecastPence: 0,
  actualPence: 0,
  previousPence: 0,
  variancePence: 0,
  movementPence: 0,
});

function addMonitoring(t: MonitoringTotals, r: MonitoringRow): void {
  t.budgetPence += r.budgetPence;
  t.forecastPence += r.forecastPence;
  t.actualPence += r.actualPence ?? 0;
  t.previousPence += r.previousPence;
  t.variancePence += r.variancePence;
  t.movementPence += r.movementPence;
}

/** Groups in first-seen order: callers pass lines already sorted by group, then line. */
function groupTotals<R extends { groupId: number }, T>(
  lines: LineYear[],
  rows: R[],
  zero: () => T,
  add: (t: T, r: R) => void,
): { groups: Array<GroupHeader & T>; total: T } {
  const byId = new Map<number, GroupHeader & T>();
  const total = zero();
  rows.forEach((row, i) => {
    const header = lines[i]!.group;
    let g = byId.get(header.groupId);
    if (!g) {
      g = { ...header, ...zero() };
      byId.set(header.groupId, g);
    }
    add(g, row);
    add(total, row);
  });
  return { groups: [...byId.values()], total };
}

export function computeMonitoring(lines: LineYear[], period: number) {
  const rows = lines.map((ly) => monitoringRow(ly, period));
  return { rows, ...groupTotals(lines, rows, zeroMonitoring, addMonitoring) };
}

export function computeBudgetGrid(year: string, status: YearStatus, lines: LineYear[]): BudgetGrid {
  const rows: BudgetRow[] = lines.map((ly) => ({
    ...ly.line,
    originalPence: ly.originalPence,
    revisedPence: ly.revisedPence,
    virementPence: ly.revisedPence - ly.originalPence,
  }));
  const zero = (): BudgetTotals => ({ originalPence: 0, revisedPence: 0, virementPence: 0 });
  const add = (t: BudgetTotals, r: BudgetRow) => {
    t.originalPence += r.originalPence;
    t.revisedPence += r.revisedPence;
    t.virementPence += r.virementPence;
  };
  return { year, status, rows, ...groupTotals(lines, rows, zero, add) };
}

/** The period a year is reported at when none is named: P12 once closed, else the latest with a forecast. */
export function reportingPeriod(status: YearStatus, lines: LineYear[]): number {
  if (status === 'closed') return 12;
  let latest = 0;
  for (const ly of lines) for (const [p, e] of ly.entries) if (e.forecastPence !== null && p > latest) latest = p;
  return latest || 1;
}
