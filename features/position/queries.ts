import type { Db } from '../../db/client';
import { forecastAt, type LineYear, reportingPeriod } from '../monitoring/rules';
import { loadLineYears } from '../monitoring/queries';
import { allocationBlocks, allYears, contributionsTotal, latestAllocationVersion, requireYear, type YearRow } from '../years/queries';
import { positionFor, rollForward, type YearFunding } from './rules';
import type { PositionSummary } from './types';

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

/** The given years rolled forward, oldest first, each at P12 (or at the period asked for one of them). */
function rolled(db: Db, years: YearRow[], at?: { year: string; period: number }): PositionSummary[] {
  const periodOf = (year: string) => (at && year === at.year ? at.period : 12);
  return rollForward(
    years.map((y) => yearFunding(db, y, loadLineYears(db, y.id), periodOf(y.id))),
    periodOf,
  );
}

/** Every year's position, oldest first: at P12, except `at.year`, shown at `at.period`. */
export function positionSeries(db: Db, at?: { year: string; period?: number }): PositionSummary[] {
  const years = allYears(db);
  if (!at) return rolled(db, years);
  const year = requireYear(db, at.year);
  const period = at.period ?? reportingPeriod(year.status, loadLineYears(db, year.id));
  // Years after the one asked about roll on from its position at P12, as the books do.
  const before = rolled(
    db,
    years.filter((y) => y.id <= at.year),
    { year: at.year, period },
  );
  const after = years.filter((y) => y.id > at.year);
  if (after.length === 0) return before;
  const full = rolled(db, years);
  return [...before, ...full.slice(before.length)];
}

/** A year's position at a period, brought forward from the years before it. */
export function positionSummary(db: Db, yearId: string, period?: number): PositionSummary {
  const year = requireYear(db, yearId);
  const lines = loadLineYears(db, yearId);
  const p = period ?? reportingPeriod(year.status, lines);
  const series = rolled(
    db,
    allYears(db).filter((y) => y.id < year.id),
  );
  const bf = series.length > 0 ? series[series.length - 1]!.carriedForwardPence : (year.openingBalancePence ?? 0);
  return positionFor(yearFunding(db, year, lines, p), p, bf);
}
