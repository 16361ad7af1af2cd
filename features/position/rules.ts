import type { AllocationBlock, AllocationVersionInfo, YearStatus } from '../years/types';
import type { PositionSummary } from './types';

export interface YearFunding {
  year: string;
  status: YearStatus;
  openingBalancePence: number | null;
  blocks: AllocationBlock[];
  version: AllocationVersionInfo | null;
  contributionsPence: number;
  budgetPence: number;
  /** Total forecast at the period asked for (or at P12 for rolling a year forward). */
  forecastPence: number;
}

/**
 * The DSG position for one year. Carried forward = brought forward + in-year + contributions;
 * negative figures are deficits, as they sit in the unusable reserve under the statutory override.
 */
export function positionFor(f: YearFunding, period: number, broughtForwardPence: number): PositionSummary {
  const hnb = f.blocks.find((b) => b.block === 'hnb');
  const netFundingPence = hnb ? hnb.netPence : 0;
  const totalDsgPence = f.blocks.reduce((s, b) => s + b.netPence, 0);
  const inYearPence = netFundingPence - f.forecastPence;
  const carriedForwardPence = broughtForwardPence + inYearPence + f.contributionsPence;
  return {
    year: f.year,
    period,
    status: f.status,
    netFundingPence,
    budgetPence: f.budgetPence,
    forecastPence: f.forecastPence,
    variancePence: f.forecastPence - f.budgetPence,
    inYearPence,
    broughtForwardPence,
    contributionsPence: f.contributionsPence,
    carriedForwardPence,
    totalDsgPence,
    deficitPercentOfDsg: carriedForwardPence < 0 && totalDsgPence > 0 ? (-carriedForwardPence / totalDsgPence) * 100 : null,
    allocationVersion: f.version,
  };
}

/**
 * Rolls the position forward year by year: the earliest year starts from its opening balance,
 * each later year from the previous year's carried forward at P12 (its outturn, or its latest
 * forecast while still open). `years` must be in date order, each with its forecast at the
 * period `periodOf` says (P12 unless asked).
 */
export function rollForward(years: YearFunding[], periodOf: (year: string) => number = () => 12): PositionSummary[] {
  const out: PositionSummary[] = [];
  let bf = 0;
  years.forEach((y, i) => {
    if (i === 0) bf = y.openingBalancePence ?? 0;
    const p = positionFor(y, periodOf(y.year), bf);
    out.push(p);
    bf = p.carriedForwardPence;
  });
  return out;
}
