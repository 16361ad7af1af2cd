/**
 * The fixed lists of the recovery feature (the deficit management plan, the recovery register,
 * agreements and the Safety Valve) and the words people read for each. Shared by the schema,
 * the contract, the server, the workbooks and the screens, so a label never drifts from its value.
 */

export const SCENARIO_KINDS = ['unmitigated', 'mitigated'] as const;
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];
export const SCENARIO_KIND_LABELS: Record<ScenarioKind, string> = { unmitigated: 'Unmitigated', mitigated: 'Mitigated' };

/** A mitigated scenario takes off its projects' target savings, or (a re-based copy) what they delivered. */
export const SAVINGS_BASES = ['target', 'delivered'] as const;
export type SavingsBasis = (typeof SAVINGS_BASES)[number];
export const SAVINGS_BASIS_LABELS: Record<SavingsBasis, string> = { target: 'Target savings', delivered: 'Delivered savings' };

/** Activity-driven: children or places × average annual cost; otherwise the line grows by a percentage. */
export const LINE_METHODS = ['activity', 'percent'] as const;
export type LineMethod = (typeof LINE_METHODS)[number];
export const LINE_METHOD_LABELS: Record<LineMethod, string> = { activity: 'Children or places × cost', percent: 'Grown by a percentage' };

/** Growth beyond this (either way) is asked about before it is saved: a typing slip, or a deliberate extreme. */
export const SANE_GROWTH_BP = 2500;
/** And never beyond this: no plan grows a line tenfold in a year, or below nothing. */
export const MAX_GROWTH_BP = 100_000;
export const MIN_GROWTH_BP = -10_000;
export const MIN_HORIZON = 5;
export const MAX_HORIZON = 15;

export const FUNDING_SOURCES = ['hnb', 'transformation_reserve', 'forum_allocation', 'council', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  hnb: 'High Needs Block',
  transformation_reserve: 'Transformation reserve',
  forum_allocation: 'Schools Forum allocation',
  council: 'Council',
  other: 'Other',
};

export const SAVING_KINDS = ['saving', 'cost_avoidance'] as const;
export type SavingKind = (typeof SAVING_KINDS)[number];
export const SAVING_KIND_LABELS: Record<SavingKind, string> = { saving: 'Saving', cost_avoidance: 'Cost avoidance' };

export const RAGS = ['red', 'amber', 'green'] as const;
export type Rag = (typeof RAGS)[number];
export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export const AGREEMENT_TYPES = ['cooperation', 'direct_award', 'tender', 'grant', 'sla'] as const;
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export const AGREEMENT_TYPE_LABELS: Record<AgreementType, string> = {
  cooperation: 'Cooperation agreement between public bodies',
  direct_award: 'Direct award',
  tender: 'Competitive tender',
  grant: 'Grant',
  sla: 'Service level agreement',
};

/** domain.md section 5: the Public Contracts Regulations 2015 until 23 February 2025, the Procurement Act 2023 from 24 February 2025. */
export const LEGAL_BASES = ['pcr2015_reg12_7', 'pcr2015', 'procurement_act_2023', 'grant_terms', 'other'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const LEGAL_BASIS_LABELS: Record<LegalBasis, string> = {
  pcr2015_reg12_7: 'Public Contracts Regulations 2015, regulation 12(7)',
  pcr2015: 'Public Contracts Regulations 2015',
  procurement_act_2023: 'Procurement Act 2023',
  grant_terms: 'Grant terms (not a procurement)',
  other: 'Other',
};
/** The last day the 2015 regulations applied, and the first under the 2023 Act. */
export const PCR2015_LAST_DAY = '2025-02-23';
export const PROCUREMENT_ACT_FIRST_DAY = '2025-02-24';

export const CONDITION_KINDS = ['underspend_return', 'other'] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number];
export const CONDITION_KIND_LABELS: Record<ConditionKind, string> = { underspend_return: 'Underspend returned', other: 'Other condition' };

/** Whether the whole underspend goes back once it passes the threshold, or only the part above it. */
export const RETURN_BASES = ['whole', 'above_threshold'] as const;
export type ReturnBasis = (typeof RETURN_BASES)[number];
export const RETURN_BASIS_LABELS: Record<ReturnBasis, string> = { whole: 'The whole underspend', above_threshold: 'Only the part above the threshold' };

export const DECISION_FLAG_OVERRIDES = ['auto', 'yes', 'no'] as const;
export type DecisionFlagOverride = (typeof DECISION_FLAG_OVERRIDES)[number];

export const DEFAULT_ALERT_DAYS = 60;

export const SV_KINDS = ['safety_valve', 'dbv'] as const;
export type SvKind = (typeof SV_KINDS)[number];
export const SV_KIND_LABELS: Record<SvKind, string> = { safety_valve: 'Safety Valve agreement', dbv: 'Delivering Better Value' };

export const INSTALMENT_STATUSES = ['due', 'received', 'withheld'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];
export const INSTALMENT_STATUS_LABELS: Record<InstalmentStatus, string> = { due: 'Due', received: 'Received', withheld: 'Withheld' };

export const QUARTERS = [1, 2, 3, 4] as const;
/** Q1 April–June … Q4 January–March. */
export const QUARTER_LABELS: Record<number, string> = { 1: 'Q1 (April–June)', 2: 'Q2 (July–September)', 3: 'Q3 (October–December)', 4: 'Q4 (January–March)' };

/** The lock a submitted scenario sits under. */
export const SCENARIO_ENTITY = 'plan_scenario';
