/** Budgets and monthly monitoring: each line's budget for the year, and its forecast outturn, actual to date and commentary, P1 to P12. */
import type { GroupHeader, LineRef } from '../lines/types';
import type { YearStatus } from '../years/types';

/** Where a line's forecast at a period came from. */
export type ForecastSource = 'this-period' | 'earlier-period' | 'budget';

export interface MonitoringRow extends LineRef {
  budgetPence: number;
  forecastPence: number;
  forecastSource: ForecastSource;
  /** The period whose entry supplied the forecast, when not the budget. */
  forecastFromPeriod: number | null;
  /** Marked "reviewed, no change" for this period: the forecast standing from before is confirmed. */
  reviewed: boolean;
  actualPence: number | null;
  previousPence: number;
  /** forecast - budget; positive is an overspend. */
  variancePence: number;
  /** forecast - previous forecast. */
  movementPence: number;
  commentary: string;
}

export interface MonitoringTotals {
  budgetPence: number;
  forecastPence: number;
  actualPence: number;
  previousPence: number;
  variancePence: number;
  movementPence: number;
}

export interface MonitoringView {
  year: string;
  period: number;
  status: YearStatus;
  rows: MonitoringRow[];
  groups: Array<GroupHeader & MonitoringTotals>;
  total: MonitoringTotals;
}

/** What closing a year would leave behind: months nobody reported, lines without an outturn. */
export interface YearCloseCheck {
  year: string;
  /** Periods in which no line has a forecast or a "reviewed, no change" mark. */
  periodsWithoutReturns: number[];
  /** Lines with no forecast of their own at P12: their outturn would be an earlier forecast or the budget. */
  linesWithoutOutturn: Array<{ lineId: number; code: string; name: string; standingFrom: number | null }>;
}

export interface BudgetRow extends LineRef {
  originalPence: number;
  revisedPence: number;
  /** revised - original: the virements made during the year. */
  virementPence: number;
}

export interface BudgetTotals {
  originalPence: number;
  revisedPence: number;
  virementPence: number;
}

export interface BudgetGrid {
  year: string;
  status: YearStatus;
  rows: BudgetRow[];
  groups: Array<GroupHeader & BudgetTotals>;
  total: BudgetTotals;
}
