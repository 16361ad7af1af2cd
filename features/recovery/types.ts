/**
 * What the recovery feature's calls return: the plan and its scenarios, the register, the
 * agreements and the Safety Valve. Money in pence, dates ISO (YYYY-MM-DD), years "2026-27".
 */
import type {
  AgreementType,
  ConditionKind,
  FundingSource,
  InstalmentStatus,
  LegalBasis,
  LineMethod,
  Rag,
  ReturnBasis,
  SavingKind,
  SavingsBasis,
  ScenarioKind,
  SvKind,
} from './words';

// ---------------------------------------------------------------- plan

export interface PlanInfo {
  id: number;
  name: string;
  baseYear: string;
  horizonYears: number;
  /** The plan's years, base year excluded: ["2026-27", …]. */
  years: string[];
  note: string;
  scenarios: ScenarioInfo[];
}

export interface ScenarioInfo {
  id: number;
  planId: number;
  planName: string;
  name: string;
  kind: ScenarioKind;
  parentId: number | null;
  parentName: string | null;
  savingsBasis: SavingsBasis;
  note: string;
  locked: boolean;
  submittedOn: string | null;
  submittedNote: string;
  /** Projects attached (mitigated scenarios only). */
  projectIds: number[];
}

export interface PlanLineInfo {
  id: number;
  code: string;
  name: string;
  groupName: string;
  sourceLineId: number | null;
  method: LineMethod;
  basePence: number;
  baseCount: number | null;
  /** basePence / baseCount, activity lines only, to the penny. */
  unitCostPence: number | null;
  countGrowthBp: number;
  costGrowthBp: number;
}

export interface PlanFundingYearInfo {
  year: string;
  growthBp: number;
  transfersPence: number;
  adjustmentsPence: number;
  contributionsPence: number;
}

/** The assumptions of the unmitigated scenario a scenario rests on. */
export interface PlanAssumptions {
  scenarioId: number;
  baseLabel: string;
  baseAllocationPence: number;
  openingCumulativePence: number;
  funding: PlanFundingYearInfo[];
  lines: PlanLineInfo[];
  /** What the workspace says now about the base, when it differs from what the scenario was started from. */
  baseDrift: { openingCumulativePence: number; baseAllocationPence: number; linesChanged: number } | null;
}

export interface PlanLineYear {
  /** The plan year (always given by the server; the array runs in plan-year order). */
  year?: string;
  lineId: number;
  code: string;
  name: string;
  groupName: string;
  /** Activity lines: children or places that year (not rounded), and the average cost in pence. */
  count: number | null;
  unitCostPence: number | null;
  pence: number;
}

export interface PlanYearResult {
  year: string;
  allocationPence: number;
  transfersPence: number;
  adjustmentsPence: number;
  fundingPence: number;
  /** Unmitigated spend on the lines. */
  linesPence: number;
  /** Mitigated: HNB-funded project costs added, and savings taken off (positive numbers). */
  projectCostsPence: number;
  savingsPence: number;
  expenditurePence: number;
  inYearPence: number;
  /** Safety Valve instalments (received, or due and not withheld) and planned council contributions. */
  safetyValvePence: number;
  otherContributionsPence: number;
  contributionsPence: number;
  cumulativePence: number;
}

export interface PlanResult {
  scenarioId: number;
  scenario: string;
  kind: ScenarioKind;
  baseYear: string;
  baseLabel: string;
  openingCumulativePence: number;
  years: PlanYearResult[];
  /** Each line, each year (unmitigated spend). */
  lines: Array<{ lineId: number; code: string; name: string; groupName: string; method: LineMethod; years: PlanLineYear[] }>;
  /** Projects counted in a mitigated scenario, with their figures by year. */
  projects: Array<{
    projectId: number;
    code: string;
    name: string;
    workstream: string;
    hnbFunded: boolean;
    years: Array<{ year: string; costPence: number; savingPence: number; targetPence: number; deliveredPence: number | null }>;
  }>;
  firstInYearSurplus: string | null;
  /** Locked scenarios: the figures as they were submitted, and whether the live figures still match. */
  submitted: { on: string; note: string; years: PlanYearResult[]; matches: boolean } | null;
}

export interface ScenarioCompare {
  a: PlanResult;
  b: PlanResult;
  years: Array<{
    year: string;
    fundingDiffPence: number;
    expenditureDiffPence: number;
    inYearDiffPence: number;
    contributionsDiffPence: number;
    cumulativeDiffPence: number;
  }>;
}

// ---------------------------------------------------------------- register

export interface WorkstreamInfo {
  id: number;
  code: string;
  name: string;
  lead: string;
  aim: string;
  projectCount: number;
}

export interface RagEntry {
  id: number;
  rag: Rag;
  reason: string;
  asOf: string;
}

export interface ProjectYearInfo {
  year: string;
  costPence: number;
  targetSavingPence: number;
  deliveredSavingPence: number | null;
}

export interface ProjectSummary {
  id: number;
  code: string;
  name: string;
  owner: string;
  workstreamId: number;
  workstream: string;
  fundingSource: FundingSource;
  savingKind: SavingKind;
  approvedBudgetPence: number;
  spendToDatePence: number;
  forecastPence: number;
  rag: Rag | null;
  ragReason: string;
  ragAsOf: string | null;
  totalTargetPence: number;
  totalDeliveredPence: number;
  totalCostPence: number;
  scenarioNames: string[];
  agreementRefs: string[];
  board: string | null;
  milestonesDone: number;
  milestonesTotal: number;
  /** The next milestone not done, if any, and whether it is overdue. */
  nextMilestone: { title: string; dueOn: string; overdue: boolean } | null;
}

export interface MilestoneInfo {
  id: number;
  title: string;
  dueOn: string;
  doneOn: string | null;
}

export interface KpiInfo {
  id: number;
  measure: string;
  baseline: number;
  baselineOn: string;
  target: number | null;
  targetOn: string | null;
  latest: number | null;
  latestOn: string | null;
  higherIsBetter: boolean;
}

export interface ProjectDetail extends ProjectSummary {
  aim: string;
  boardBodyId: number | null;
  ragHistory: RagEntry[];
  milestones: MilestoneInfo[];
  kpis: KpiInfo[];
  years: ProjectYearInfo[];
  scenarios: Array<{ id: number; name: string; planName: string; locked: boolean }>;
  agreements: Array<{ id: number; reference: string; counterparty: string; endOn: string }>;
}

// ---------------------------------------------------------------- agreements

export interface ExtensionTaken {
  id: number;
  number: number;
  takenOn: string;
  decisionReference: string;
}

export interface ConditionInfo {
  id: number;
  kind: ConditionKind;
  text: string;
  thresholdBp: number | null;
  returnBasis: ReturnBasis | null;
}

export interface ReportInfo {
  id: number;
  conditionId: number | null;
  title: string;
  dueOn: string;
  receivedOn: string | null;
  overdue: boolean;
}

export interface DecisionFlag {
  value: boolean;
  /** Worked out from the thresholds, or set by hand. */
  source: 'threshold' | 'override' | 'no-threshold';
  /** "£500,000 a year from 1 April 2022: £780,830 a year is above it", or the override's reason. */
  explanation: string;
}

export interface AgreementAlert {
  kind: 'ending' | 'extension-decision' | 'no-decision-reference' | 'report-overdue';
  /** The date it is about (the end date, the decision due, the report due), if any. */
  on: string | null;
  text: string;
}

export interface AgreementSummary {
  id: number;
  reference: string;
  counterparty: string;
  type: AgreementType;
  purpose: string;
  legalBasis: LegalBasis;
  legalBasisOn: string | null;
  startOn: string;
  endOn: string;
  /** The end with the extensions taken. */
  currentEndOn: string;
  /** The end if every extension offered were taken. */
  finalEndOn: string;
  annualValuePence: number;
  extensions: { offered: number; taken: number; months: number };
  totalValuePence: number;
  totalWithExtensionsPence: number;
  decisionReference: string;
  decisionOn: string | null;
  forwardPlanReference: string;
  keyDecision: DecisionFlag;
  callIn: DecisionFlag;
  alerts: AgreementAlert[];
  projectCodes: string[];
}

export interface AgreementDetail extends AgreementSummary {
  extensionNoticeDays: number;
  keyDecisionOverride: boolean | null;
  keyDecisionReason: string;
  callInOverride: boolean | null;
  callInReason: string;
  reportingDuties: string;
  note: string;
  extensionsTaken: ExtensionTaken[];
  conditions: ConditionInfo[];
  reports: ReportInfo[];
  projects: Array<{ id: number; code: string; name: string }>;
  /** Terms for the timeline: the initial term and each extension, taken or not. */
  terms: Array<{ label: string; startOn: string; endOn: string; state: 'initial' | 'taken' | 'offered' }>;
  /** A warning about the legal basis against its date (regulation 12(7) relied on after 23 February 2025). */
  legalBasisWarning: string | null;
}

export interface ThresholdInfo {
  id: number;
  effectiveFrom: string;
  keyDecisionPence: number;
  callInPence: number | null;
  note: string;
}

export interface AgreementsOverview {
  today: string;
  alertDays: number;
  agreements: AgreementSummary[];
  thresholds: ThresholdInfo[];
}

// ---------------------------------------------------------------- Safety Valve

export interface InstalmentInfo {
  id: number;
  year: string;
  expectedPence: number;
  status: InstalmentStatus;
  receivedPence: number | null;
  receivedOn: string | null;
  note: string;
  /** The contribution it is in the DSG position as, once received. */
  contributionId: number | null;
}

export interface SvMonitoringInfo {
  id: number;
  year: string;
  quarter: number;
  rag: Rag | null;
  narrative: string;
  figures: string;
}

export interface SvConditionInfo {
  id: number;
  number: number;
  text: string;
  target: string;
  monitoring: SvMonitoringInfo[];
  latest: SvMonitoringInfo | null;
}

export interface SvAgreementInfo {
  id: number;
  name: string;
  kind: SvKind;
  counterparty: string;
  signedOn: string;
  totalPence: number;
  capitalPence: number;
  note: string;
  receivedPence: number;
  withheldPence: number;
  instalments: InstalmentInfo[];
  conditions: SvConditionInfo[];
}
