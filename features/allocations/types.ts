/**
 * What the allocations feature's calls return: schools and their data, partnerships and buy-in,
 * allocation runs and their results, and partnership returns. Money in pence, dates ISO
 * (YYYY-MM-DD), years "2026-27", weights in basis points (2500 = 25%).
 */
import type { BuyInStatus, PartnershipKind, Phase, ReturnFrequency, ReturnPeriod, ReturnStatus, RunStatus, SchoolStatus, SchoolType } from './words';

// ---------------------------------------------------------------- schools

export interface DataColumnInfo {
  id: number;
  key: string;
  name: string;
  description: string;
  sortOrder: number;
  /** Runs whose factors weigh it: it cannot be deleted while any does. */
  usedByRuns: number;
}

export interface SchoolInfo {
  id: number;
  urn: number;
  name: string;
  phase: Phase;
  type: SchoolType;
  trust: string;
  status: SchoolStatus;
}

/** A school in a year: its partnership, its buy-in decision and its data. */
export interface SchoolYearRow extends SchoolInfo {
  partnershipId: number | null;
  partnershipName: string | null;
  buyIn: BuyInStatus | null;
  buyInDecidedOn: string | null;
  buyInNote: string;
  /** By data column key; a column with no figure for the school that year is absent. */
  data: Record<string, number>;
}

export interface SchoolsOverview {
  year: string;
  columns: DataColumnInfo[];
  schools: SchoolYearRow[];
}

export interface PartnershipInfo {
  id: number;
  name: string;
  area: string;
  kind: PartnershipKind;
  /** The area partnership a cluster sits in (its schools count there in a run), or null. */
  parentId: number | null;
  parentName: string | null;
  leadSchoolId: number | null;
  leadSchoolName: string | null;
  agreementId: number | null;
  /** The agreement's reference and counterparty, as the agreements screen shows them. */
  agreementLabel: string | null;
  returnFrequency: ReturnFrequency;
  note: string;
  /** Members in the year asked about (0 when no year was given). */
  members: number;
}

/** Buy-in in one cluster (or partnership) for a year: counts and shares of pupils. */
export interface BuyInCount {
  partnershipId: number;
  partnershipName: string;
  /** The area partnership a cluster sits in, so a list can group clusters under their area. */
  parentId?: number | null;
  parentName?: string | null;
  schools: number;
  boughtIn: number;
  undecided: number;
  leaving: number;
  /** Schools with no decision recorded count as undecided; this says how many of those there are. */
  notRecorded: number;
  /** Pupils (the `pupils` data column) of the schools in each state; null when the year has no pupil numbers. */
  pupils: number | null;
  boughtInPupils: number | null;
  undecidedPupils: number | null;
  leavingPupils: number | null;
}

// ---------------------------------------------------------------- allocation runs

export interface FactorInput {
  name: string;
  weightBp: number;
  /** Data columns (by id) and each one's weight inside the factor. */
  columns: Array<{ columnId: number; weight: number }>;
}

export interface RunInfo {
  id: number;
  year: string;
  name: string;
  formulaPotPence: number;
  placeRatePence: number;
  status: RunStatus;
  approvedOn: string | null;
  approvedNote: string;
  /** Locked: approved, or shown in a published forum pack. */
  locked: boolean;
  lockReason: string | null;
  copiedFromId: number | null;
  calculatedAt: string;
  note: string;
  totalPence: number;
  partnerships: number;
}

export interface RunFactor {
  id: number;
  name: string;
  weightBp: number;
  /** The factor's share of the pot, exact to the penny (pot × weight). */
  potPence: number;
  columns: Array<{ columnId: number; key: string; name: string; weight: number }>;
}

export interface AllocationRow {
  partnershipId: number;
  partnership: string;
  schools: number;
  /** Formula total in whole pounds after largest-remainder rounding. */
  formulaPence: number;
  /** The exact formula total, rounded to the penny for display. */
  exactFormulaPence: number;
  /** Each factor's exact share, to the penny, by factor name. */
  byFactor: Record<string, number>;
  places: number;
  placesPence: number;
  totalPence: number;
}

export interface RunDetail extends RunInfo {
  factors: RunFactor[];
  allocations: AllocationRow[];
  /** The formula totals add up to the pot exactly; place funding is added on top. */
  formulaTotalPence: number;
  placesTotalPence: number;
  /** The school data (or membership) has changed since the run was calculated. */
  dataChanged: boolean;
  /** How the rounding works, for the screen and the CLI. */
  roundingNote: string;
}

export interface RunCompareRow {
  partnershipId: number;
  partnership: string;
  aPence: number | null;
  bPence: number | null;
  /** b − a; null when either side has no allocation. */
  differencePence: number | null;
  byFactor: Record<string, { a: number | null; b: number | null }>;
  placesA: number | null;
  placesB: number | null;
}

export interface RunCompare {
  a: RunInfo;
  b: RunInfo;
  rows: RunCompareRow[];
  totalA: number;
  totalB: number;
}

// ---------------------------------------------------------------- returns

export interface ReturnCategoryInfo {
  id: number;
  name: string;
  sortOrder: number;
}

export interface ReturnMeasureInfo {
  id: number;
  name: string;
  unit: string;
  sortOrder: number;
}

export interface ReturnInfo {
  id: number;
  year: string;
  partnershipId: number;
  partnership: string;
  period: ReturnPeriod;
  status: ReturnStatus;
  sentOn: string | null;
  receivedOn: string | null;
  checkedOn: string | null;
  placesUsed: number | null;
  commentary: string;
  /** By category id. */
  spend: Record<number, number>;
  spendPence: number;
  /** By measure id. */
  measures: Record<number, number>;
}

/** One partnership's year: its allocation, its returns, and the underspend test. */
export interface PartnershipReturnsYear {
  partnershipId: number;
  partnership: string;
  returnFrequency: ReturnFrequency;
  /** From the year's allocation run (approved, else the latest). */
  allocationPence: number;
  places: number;
  returns: ReturnInfo[];
  /** Spend reported in the returns received or checked. */
  spendPence: number;
  underspendPence: number;
  /** Every period's return is received or checked: the year-end test applies. */
  yearComplete: boolean;
  /** From the agreement's underspend condition; null when it has none. */
  thresholdBp: number | null;
  returnBasis: 'whole' | 'above_threshold' | null;
  developmentPlanApprovedOn: string | null;
  developmentPlanNote: string;
  /** The amount the agreement says goes back (0 when under the line or excused by a development plan). */
  toReturnPence: number;
  /** Above the line with no approved development plan. */
  flagged: boolean;
  /** Why, as a sentence ("Underspend 18.2% is above the 15% line; ..."). */
  flagReason: string | null;
}

export interface ReturnsOverview {
  year: string;
  /** The run the allocations are read from, or null when the year has none. */
  run: RunInfo | null;
  categories: ReturnCategoryInfo[];
  measures: ReturnMeasureInfo[];
  partnerships: PartnershipReturnsYear[];
}
