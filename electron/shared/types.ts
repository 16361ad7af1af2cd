/** Result shapes that cross the contract. Money is always integer pence. */

export type DsgBlock = 'schools' | 'cssb' | 'hnb' | 'early_years';
export type YearStatus = 'open' | 'closed';
export type ContributionKind = 'safety_valve' | 'council' | 'other';

export const BLOCK_NAMES: Record<DsgBlock, string> = {
  schools: 'Schools',
  cssb: 'Central School Services',
  hnb: 'High Needs',
  early_years: 'Early Years',
};

export const CONTRIBUTION_NAMES: Record<ContributionKind, string> = {
  safety_valve: 'Safety Valve instalment',
  council: 'Council contribution',
  other: 'Other approved transfer',
};

export interface WorkspaceInfo {
  id: string;
  path: string;
  name: string;
  isDemo: boolean;
  schemaVersion: number;
  createdAt: string;
  /** Set when this open migrated an older file: where the copy taken beforehand is. */
  backupPath: string | null;
}

export interface RecentWorkspace {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface YearInfo {
  id: string;
  startDate: string;
  endDate: string;
  status: YearStatus;
  statusReason: string | null;
  openingBalancePence: number | null;
  /** The earliest year holds the opening balance; later years roll forward. */
  isEarliest: boolean;
  /** Latest period with any forecast recorded, or null. */
  latestPeriod: number | null;
}

export interface AllocationBlock {
  block: DsgBlock;
  allocationPence: number;
  deductionsPence: number;
  adjustmentsPence: number;
  transfersPence: number;
  /** allocation - deductions + adjustments + transfers */
  netPence: number;
}

export interface AllocationVersionInfo {
  id: number;
  publishedOn: string;
  label: string;
}

export interface AllocationView {
  year: string;
  version: AllocationVersionInfo | null;
  versions: AllocationVersionInfo[];
  blocks: AllocationBlock[];
  totalNetPence: number;
}

export interface ContributionInfo {
  id: number;
  yearId: string;
  kind: ContributionKind;
  amountPence: number;
  note: string;
}

export interface ProvisionGroupInfo {
  id: number;
  code: string;
  name: string;
  sortOrder: number;
}

export interface S251LineInfo {
  code: string;
  name: string;
}

export interface BudgetLineInfo {
  id: number;
  code: string;
  name: string;
  s251Code: string | null;
  groupId: number;
  groupName: string;
  sortOrder: number;
  holder: string;
  active: boolean;
}

export interface LineRef {
  lineId: number;
  code: string;
  name: string;
  s251Code: string | null;
  groupId: number;
  holder: string;
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

export interface GroupHeader {
  groupId: number;
  code: string;
  name: string;
}

export interface BudgetGrid {
  year: string;
  status: YearStatus;
  rows: BudgetRow[];
  groups: Array<GroupHeader & BudgetTotals>;
  total: BudgetTotals;
}

/** Where a line's forecast at a period came from. */
export type ForecastSource = 'this-period' | 'earlier-period' | 'budget';

export interface MonitoringRow extends LineRef {
  budgetPence: number;
  forecastPence: number;
  forecastSource: ForecastSource;
  /** The period whose entry supplied the forecast, when not the budget. */
  forecastFromPeriod: number | null;
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

export interface MonitoringView {
  year: string;
  period: number;
  status: YearStatus;
  rows: MonitoringRow[];
  groups: Array<GroupHeader & MonitoringTotals>;
  total: MonitoringTotals;
  position: PositionSummary;
}

export interface HistoryEntry {
  id: number;
  at: string;
  who: string;
  changeSetId: number;
  changeKind: string;
  changeLabel: string;
  entity: string;
  op: 'insert' | 'update' | 'delete';
  field: string;
  /** Human label for the field, e.g. "Forecast P6". */
  what: string;
  /** Values as formatted for people: "£1,234,567", "(none)". */
  oldText: string;
  newText: string;
  yearId: string | null;
  period: number | null;
  lineId: number | null;
  undone: boolean;
}

export interface UndoState {
  canUndo: boolean;
  label: string | null;
  /** Why the last change cannot be undone (its year has since closed), or null. */
  blockedBy: string | null;
}

export interface FileBytes {
  fileName: string;
  /** base64, so it crosses IPC and HTTP alike. */
  base64: string;
}
