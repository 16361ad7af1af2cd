/** Years and funding: the financial years, the DSG allocation by block, and contributions to the deficit. */

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

export interface YearInfo {
  id: string;
  startDate: string;
  endDate: string;
  status: YearStatus;
  /** Why it was last closed or reopened. */
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
