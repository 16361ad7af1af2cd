/**
 * The fixed lists of the allocations feature (schools, partnerships and clusters, formula
 * allocation runs, partnership returns and buy-in) and the words people read for each. Shared by
 * the schema, the contract, the server, the workbooks and the screens.
 */

/** The DfE's phases of education, as Get Information about Schools names them. */
export const PHASES = ['nursery', 'primary', 'middle', 'secondary', 'all_through', 'sixteen_plus', 'not_applicable'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
  nursery: 'Nursery',
  primary: 'Primary',
  middle: 'Middle',
  secondary: 'Secondary',
  all_through: 'All-through',
  sixteen_plus: '16 plus',
  not_applicable: 'Not applicable',
};

export const SCHOOL_TYPES = ['maintained', 'academy', 'special', 'pru', 'ap'] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];
export const SCHOOL_TYPE_LABELS: Record<SchoolType, string> = {
  maintained: 'Maintained',
  academy: 'Academy',
  special: 'Special',
  pru: 'Pupil referral unit',
  ap: 'Alternative provision',
};

export const SCHOOL_STATUSES = ['open', 'closed'] as const;
export type SchoolStatus = (typeof SCHOOL_STATUSES)[number];
export const SCHOOL_STATUS_LABELS: Record<SchoolStatus, string> = { open: 'Open', closed: 'Closed' };

export const PARTNERSHIP_KINDS = ['area_inclusion', 'cluster', 'other'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];
export const PARTNERSHIP_KIND_LABELS: Record<PartnershipKind, string> = {
  area_inclusion: 'Area inclusion partnership',
  cluster: 'Cluster',
  other: 'Other',
};

/** How often a partnership sends a return, as its agreement says. */
export const RETURN_FREQUENCIES = ['termly', 'annual'] as const;
export type ReturnFrequency = (typeof RETURN_FREQUENCIES)[number];
export const RETURN_FREQUENCY_LABELS: Record<ReturnFrequency, string> = { termly: 'Termly', annual: 'Annual' };

/** The periods a return covers: the three terms of the academic year inside the financial year, or the whole year. */
export const RETURN_PERIODS = ['summer', 'autumn', 'spring', 'annual'] as const;
export type ReturnPeriod = (typeof RETURN_PERIODS)[number];
export const RETURN_PERIOD_LABELS: Record<ReturnPeriod, string> = {
  summer: 'Summer term',
  autumn: 'Autumn term',
  spring: 'Spring term',
  annual: 'Whole year',
};
/**
 * A financial year (April–March) holds the summer term first, then autumn, then spring: the
 * order a year's returns arrive in.
 */
export const PERIODS_OF: Record<ReturnFrequency, readonly ReturnPeriod[]> = {
  termly: ['summer', 'autumn', 'spring'],
  annual: ['annual'],
};

export const RETURN_STATUSES = ['not_sent', 'sent', 'received', 'checked'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];
export const RETURN_STATUS_LABELS: Record<ReturnStatus, string> = {
  not_sent: 'Not sent',
  sent: 'Sent',
  received: 'Received',
  checked: 'Checked',
};

export const BUY_IN_STATUSES = ['bought_in', 'undecided', 'leaving'] as const;
export type BuyInStatus = (typeof BUY_IN_STATUSES)[number];
export const BUY_IN_STATUS_LABELS: Record<BuyInStatus, string> = {
  bought_in: 'Bought in',
  undecided: 'Yet to decide',
  leaving: 'Leaving',
};

export const RUN_STATUSES = ['draft', 'approved'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RUN_STATUS_LABELS: Record<RunStatus, string> = { draft: 'Draft', approved: 'Approved' };

/** The entity a run's lock is held on (approved, or used in a published forum pack). */
export const RUN_ENTITY = 'allocation_run';

/** The data column whose figures are the school's pupil numbers: buy-in shares are shares of these. */
export const PUPILS_COLUMN = 'pupils';

/** Factor weights are basis points and must add up to exactly this (100%). */
export const WEIGHTS_TOTAL_BP = 10_000;
/** School data and a column's weight inside a factor are numbers to at most this many decimal places. */
export const DATA_DECIMALS = 4;
export const MAX_FACTORS = 20;
/** A data value above this is a slip (no school has a billion pupils), and keeps sums exact. */
export const MAX_DATA_VALUE = 1_000_000_000;
