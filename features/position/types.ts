/** The DSG position: net High Needs funding against the forecast, rolled from year to year. */
import type { AllocationVersionInfo, YearStatus } from '../years/types';

export interface PositionSummary {
  year: string;
  period: number;
  status: YearStatus;
  /** Net HNB funding: allocation - deductions + adjustments + transfers. */
  netFundingPence: number;
  budgetPence: number;
  forecastPence: number;
  variancePence: number;
  /** netFunding - forecast; negative is an in-year deficit. */
  inYearPence: number;
  broughtForwardPence: number;
  contributionsPence: number;
  /** broughtForward + inYear + contributions; negative is a cumulative deficit. */
  carriedForwardPence: number;
  totalDsgPence: number;
  /** Cumulative deficit as a percentage of total DSG (positive number), or null. */
  deficitPercentOfDsg: number | null;
  allocationVersion: AllocationVersionInfo | null;
}
