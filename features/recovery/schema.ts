import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { wholeNumbers } from '../../db/schema/checks';
import { budgetLine } from '../lines/schema';
import { body } from '../meetings/schema';
import { deficitContribution, financialYear } from '../years/schema';
import {
  AGREEMENT_TYPES,
  CONDITION_KINDS,
  FUNDING_SOURCES,
  INSTALMENT_STATUSES,
  LEGAL_BASES,
  LINE_METHODS,
  RAGS,
  RETURN_BASES,
  SAVING_KINDS,
  SAVINGS_BASES,
  SCENARIO_KINDS,
  SV_KINDS,
} from './words';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const yearGlob = (c: unknown) => sql`${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'`;
const dateGlob = (c: unknown) => sql`${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

// ---------------------------------------------------------------- the deficit management plan

/** A multi-year plan, from a base year the workspace holds, for `horizonYears` years after it. */
export const plan = sqliteTable(
  'plan',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    baseYearId: text('base_year_id')
      .notNull()
      .references(() => financialYear.id),
    horizonYears: integer('horizon_years').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('plan_name').on(t.name),
    check('plan_horizon', sql`${t.horizonYears} BETWEEN 5 AND 15`),
    check('plan_whole_numbers', wholeNumbers(t.horizonYears)),
  ],
);

/**
 * A scenario of a plan. An unmitigated one holds the assumptions (funding, lines, the base it
 * started from); a mitigated one is its unmitigated parent plus the projects attached to it, so
 * the plan and the register can never disagree. Submitting locks it (lock row, entity plan_scenario).
 */
export const planScenario = sqliteTable(
  'plan_scenario',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plan.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: SCENARIO_KINDS }).notNull(),
    parentId: integer('parent_id'),
    savingsBasis: text('savings_basis', { enum: SAVINGS_BASES }).notNull().default('target'),
    note: text('note').notNull().default(''),
    /** What the base was read from: "2025-26 forecast at P7 (October 2025)", "2024-25 outturn". */
    baseLabel: text('base_label').notNull().default(''),
    /** The base year's HNB allocation net of deductions (recoupment), which the growth applies to. */
    baseAllocationPence: integer('base_allocation_pence').notNull().default(0),
    /** The base year's carried forward balance, as the DSG position gives it (negative: deficit). */
    openingCumulativePence: integer('opening_cumulative_pence').notNull().default(0),
    /** Set as the scenario is submitted and locked: the date, the note, and the figures as sent (PlanResult JSON). */
    submittedOn: text('submitted_on'),
    submittedNote: text('submitted_note').notNull().default(''),
    submittedFigures: text('submitted_figures'),
  },
  (t) => [
    uniqueIndex('plan_scenario_name').on(t.planId, t.name),
    index('plan_scenario_parent').on(t.parentId),
    check('plan_scenario_kind', sql`${t.kind} IN (${inList(SCENARIO_KINDS)})`),
    check('plan_scenario_savings_basis', sql`${t.savingsBasis} IN (${inList(SAVINGS_BASES)})`),
    check('plan_scenario_parent_rule', sql`(${t.kind} = 'unmitigated' AND ${t.parentId} IS NULL) OR (${t.kind} = 'mitigated' AND ${t.parentId} IS NOT NULL)`),
    check('plan_scenario_submitted_on', sql`${t.submittedOn} IS NULL OR ${dateGlob(t.submittedOn)}`),
    check('plan_scenario_whole_pence', wholeNumbers(t.baseAllocationPence, t.openingCumulativePence)),
  ],
);

/** An unmitigated scenario's funding for one plan year: allocation growth, transfers, adjustments, contributions. */
export const planFundingYear = sqliteTable(
  'plan_funding_year',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scenarioId: integer('scenario_id')
      .notNull()
      .references(() => planScenario.id, { onDelete: 'cascade' }),
    yearId: text('year_id').notNull(),
    /** Growth of the HNB allocation on the year before, in hundredths of a percent (350 = 3.5%). */
    growthBp: integer('growth_bp').notNull().default(0),
    /** Planned block transfers into the HNB (negative: out). */
    transfersPence: integer('transfers_pence').notNull().default(0),
    /** Import/export adjustments, either sign. */
    adjustmentsPence: integer('adjustments_pence').notNull().default(0),
    /** Council and other planned contributions towards the deficit (Safety Valve instalments come from the agreement). */
    contributionsPence: integer('contributions_pence').notNull().default(0),
  },
  (t) => [
    uniqueIndex('plan_funding_year_scenario_year').on(t.scenarioId, t.yearId),
    check('plan_funding_year_year', yearGlob(t.yearId)),
    check('plan_funding_year_contributions', sql`${t.contributionsPence} >= 0`),
    check('plan_funding_year_growth', sql`${t.growthBp} BETWEEN -10000 AND 100000`),
    check('plan_funding_year_whole', wholeNumbers(t.growthBp, t.transfersPence, t.adjustmentsPence, t.contributionsPence)),
  ],
);

/** An expenditure line of an unmitigated scenario, started from the base year's budget line and its forecast. */
export const planLine = sqliteTable(
  'plan_line',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scenarioId: integer('scenario_id')
      .notNull()
      .references(() => planScenario.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** The provision type it is shown under (the budget line's group when it was read). */
    groupName: text('group_name').notNull(),
    sourceLineId: integer('source_line_id').references(() => budgetLine.id, { onDelete: 'set null' }),
    method: text('method', { enum: LINE_METHODS }).notNull(),
    /** Spend in the base year (its forecast, or outturn once closed). */
    basePence: integer('base_pence').notNull(),
    /** Activity lines: children or places in the base year; average cost = basePence / baseCount. */
    baseCount: real('base_count'),
    /** Activity lines: yearly growth in numbers, hundredths of a percent. */
    countGrowthBp: integer('count_growth_bp').notNull().default(0),
    /** Activity lines: yearly growth in average cost; percentage lines: yearly growth of the line. */
    costGrowthBp: integer('cost_growth_bp').notNull().default(0),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('plan_line_scenario_code').on(t.scenarioId, t.code),
    check('plan_line_method', sql`${t.method} IN (${inList(LINE_METHODS)})`),
    check('plan_line_code_not_blank', sql`length(trim(${t.code})) > 0`),
    check('plan_line_activity_count', sql`${t.method} <> 'activity' OR (${t.baseCount} IS NOT NULL AND ${t.baseCount} > 0)`),
    check('plan_line_growth', sql`${t.countGrowthBp} BETWEEN -10000 AND 100000 AND ${t.costGrowthBp} BETWEEN -10000 AND 100000`),
    check('plan_line_whole', wholeNumbers(t.basePence, t.countGrowthBp, t.costGrowthBp, t.sortOrder)),
  ],
);

/** A recovery project attached to a mitigated scenario: its HNB costs and its savings count there. */
export const planScenarioProject = sqliteTable(
  'plan_scenario_project',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scenarioId: integer('scenario_id')
      .notNull()
      .references(() => planScenario.id, { onDelete: 'cascade' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => recoveryProject.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('plan_scenario_project_pair').on(t.scenarioId, t.projectId), index('plan_scenario_project_project').on(t.projectId)],
);

// ---------------------------------------------------------------- the recovery register

export const workstream = sqliteTable(
  'workstream',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    lead: text('lead').notNull().default(''),
    aim: text('aim').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('workstream_code').on(t.code), check('workstream_code_not_blank', sql`length(trim(${t.code})) > 0`)],
);

export const recoveryProject = sqliteTable(
  'recovery_project',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    owner: text('owner').notNull().default(''),
    aim: text('aim').notNull().default(''),
    workstreamId: integer('workstream_id')
      .notNull()
      .references(() => workstream.id),
    fundingSource: text('funding_source', { enum: FUNDING_SOURCES }).notNull(),
    savingKind: text('saving_kind', { enum: SAVING_KINDS }).notNull().default('saving'),
    approvedBudgetPence: integer('approved_budget_pence').notNull().default(0),
    spendToDatePence: integer('spend_to_date_pence').notNull().default(0),
    forecastPence: integer('forecast_pence').notNull().default(0),
    /** The board that oversees it (a SEND programme board), if it is one of the workspace's bodies. */
    boardBodyId: integer('board_body_id').references(() => body.id, { onDelete: 'set null' }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('recovery_project_code').on(t.code),
    index('recovery_project_workstream').on(t.workstreamId),
    check('recovery_project_code_not_blank', sql`length(trim(${t.code})) > 0`),
    check('recovery_project_funding_source', sql`${t.fundingSource} IN (${inList(FUNDING_SOURCES)})`),
    check('recovery_project_saving_kind', sql`${t.savingKind} IN (${inList(SAVING_KINDS)})`),
    check('recovery_project_money', sql`${t.approvedBudgetPence} >= 0 AND ${t.spendToDatePence} >= 0 AND ${t.forecastPence} >= 0`),
    check('recovery_project_whole', wholeNumbers(t.approvedBudgetPence, t.spendToDatePence, t.forecastPence, t.sortOrder)),
  ],
);

/** RAG with its reason and the date it was assessed; the latest by date is the project's RAG, the rest its history. */
export const projectRag = sqliteTable(
  'project_rag',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => recoveryProject.id, { onDelete: 'cascade' }),
    rag: text('rag', { enum: RAGS }).notNull(),
    reason: text('reason').notNull().default(''),
    asOf: text('as_of').notNull(),
  },
  (t) => [
    index('project_rag_project').on(t.projectId, t.asOf),
    check('project_rag_rag', sql`${t.rag} IN (${inList(RAGS)})`),
    check('project_rag_as_of', dateGlob(t.asOf)),
  ],
);

export const projectMilestone = sqliteTable(
  'project_milestone',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => recoveryProject.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    dueOn: text('due_on').notNull(),
    doneOn: text('done_on'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('project_milestone_project').on(t.projectId),
    check('project_milestone_dates', sql`${dateGlob(t.dueOn)} AND (${t.doneOn} IS NULL OR ${dateGlob(t.doneOn)})`),
  ],
);

/** A measure of a project's effect: EHC plans 224 (31 March 2024) against a target, latest 252 (31 March 2025). */
export const projectKpi = sqliteTable(
  'project_kpi',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => recoveryProject.id, { onDelete: 'cascade' }),
    measure: text('measure').notNull(),
    baseline: real('baseline').notNull(),
    baselineOn: text('baseline_on').notNull(),
    target: real('target'),
    targetOn: text('target_on'),
    latest: real('latest'),
    latestOn: text('latest_on'),
    /** False when lower is better (exclusions, requests for assessment). */
    higherIsBetter: integer('higher_is_better', { mode: 'boolean' }).notNull().default(false),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('project_kpi_project').on(t.projectId),
    check(
      'project_kpi_dates',
      sql`${dateGlob(t.baselineOn)} AND (${t.targetOn} IS NULL OR ${dateGlob(t.targetOn)}) AND (${t.latestOn} IS NULL OR ${dateGlob(t.latestOn)})`,
    ),
  ],
);

/** A project's money by year: the HNB cost of the investment, and savings or cost avoidance targeted and delivered. */
export const projectYear = sqliteTable(
  'project_year',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => recoveryProject.id, { onDelete: 'cascade' }),
    yearId: text('year_id').notNull(),
    costPence: integer('cost_pence').notNull().default(0),
    targetSavingPence: integer('target_saving_pence').notNull().default(0),
    deliveredSavingPence: integer('delivered_saving_pence'),
  },
  (t) => [
    uniqueIndex('project_year_project_year').on(t.projectId, t.yearId),
    check('project_year_year', yearGlob(t.yearId)),
    check('project_year_money', sql`${t.costPence} >= 0 AND ${t.targetSavingPence} >= 0`),
    check('project_year_whole', wholeNumbers(t.costPence, t.targetSavingPence, t.deliveredSavingPence)),
  ],
);

export const projectAgreement = sqliteTable(
  'project_agreement',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => recoveryProject.id, { onDelete: 'cascade' }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreement.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('project_agreement_pair').on(t.projectId, t.agreementId), index('project_agreement_agreement').on(t.agreementId)],
);

// ---------------------------------------------------------------- agreements and contracts

export const agreement = sqliteTable(
  'agreement',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    reference: text('reference').notNull(),
    counterparty: text('counterparty').notNull(),
    type: text('type', { enum: AGREEMENT_TYPES }).notNull(),
    purpose: text('purpose').notNull().default(''),
    legalBasis: text('legal_basis', { enum: LEGAL_BASES }).notNull(),
    /** The date the legal basis was relied on (the award or signing). */
    legalBasisOn: text('legal_basis_on'),
    startOn: text('start_on').notNull(),
    endOn: text('end_on').notNull(),
    annualValuePence: integer('annual_value_pence').notNull(),
    extensionsOffered: integer('extensions_offered').notNull().default(0),
    extensionMonths: integer('extension_months').notNull().default(0),
    /** Days before the current term ends by which the next extension must be decided. */
    extensionNoticeDays: integer('extension_notice_days').notNull().default(90),
    decisionReference: text('decision_reference').notNull().default(''),
    /** The date of the decision: the threshold in force that day says whether it was a key decision. */
    decisionOn: text('decision_on'),
    forwardPlanReference: text('forward_plan_reference').notNull().default(''),
    /** null: worked out from the thresholds; true/false: set by hand, with the reason. */
    keyDecisionOverride: integer('key_decision_override', { mode: 'boolean' }),
    keyDecisionReason: text('key_decision_reason').notNull().default(''),
    callInOverride: integer('call_in_override', { mode: 'boolean' }),
    callInReason: text('call_in_reason').notNull().default(''),
    reportingDuties: text('reporting_duties').notNull().default(''),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('agreement_reference').on(t.reference),
    check('agreement_reference_not_blank', sql`length(trim(${t.reference})) > 0`),
    check('agreement_type', sql`${t.type} IN (${inList(AGREEMENT_TYPES)})`),
    check('agreement_legal_basis', sql`${t.legalBasis} IN (${inList(LEGAL_BASES)})`),
    check('agreement_dates', sql`${dateGlob(t.startOn)} AND ${dateGlob(t.endOn)} AND ${t.endOn} >= ${t.startOn}`),
    check('agreement_other_dates', sql`(${t.legalBasisOn} IS NULL OR ${dateGlob(t.legalBasisOn)}) AND (${t.decisionOn} IS NULL OR ${dateGlob(t.decisionOn)})`),
    check(
      'agreement_extensions',
      sql`${t.extensionsOffered} BETWEEN 0 AND 10 AND ${t.extensionMonths} BETWEEN 0 AND 120 AND (${t.extensionsOffered} = 0 OR ${t.extensionMonths} > 0) AND ${t.extensionNoticeDays} BETWEEN 0 AND 730`,
    ),
    check('agreement_value', sql`${t.annualValuePence} >= 0`),
    check('agreement_whole', wholeNumbers(t.annualValuePence, t.extensionsOffered, t.extensionMonths, t.extensionNoticeDays)),
  ],
);

/** An extension option taken: number 1 is the first of those offered. */
export const agreementExtension = sqliteTable(
  'agreement_extension',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreement.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    takenOn: text('taken_on').notNull(),
    decisionReference: text('decision_reference').notNull().default(''),
  },
  (t) => [
    uniqueIndex('agreement_extension_number').on(t.agreementId, t.number),
    check('agreement_extension_number_positive', sql`${t.number} >= 1`),
    check('agreement_extension_taken_on', dateGlob(t.takenOn)),
    check('agreement_extension_whole', wholeNumbers(t.number)),
  ],
);

export const agreementCondition = sqliteTable(
  'agreement_condition',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreement.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CONDITION_KINDS }).notNull(),
    text: text('text').notNull(),
    /** Underspend conditions: the share of the year's funding above which it goes back (1500 = 15%). */
    thresholdBp: integer('threshold_bp'),
    returnBasis: text('return_basis', { enum: RETURN_BASES }),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('agreement_condition_agreement').on(t.agreementId),
    check('agreement_condition_kind', sql`${t.kind} IN (${inList(CONDITION_KINDS)})`),
    check(
      'agreement_condition_underspend',
      sql`${t.kind} <> 'underspend_return' OR (${t.thresholdBp} IS NOT NULL AND ${t.thresholdBp} BETWEEN 0 AND 10000 AND ${t.returnBasis} IS NOT NULL AND ${t.returnBasis} IN (${inList(RETURN_BASES)}))`,
    ),
    check('agreement_condition_whole', wholeNumbers(t.thresholdBp, t.sortOrder)),
  ],
);

/** A report the agreement or one of its conditions calls for (a termly return), due on a date. */
export const agreementReport = sqliteTable(
  'agreement_report',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreement.id, { onDelete: 'cascade' }),
    conditionId: integer('condition_id').references(() => agreementCondition.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    dueOn: text('due_on').notNull(),
    receivedOn: text('received_on'),
  },
  (t) => [
    index('agreement_report_agreement').on(t.agreementId),
    check('agreement_report_dates', sql`${dateGlob(t.dueOn)} AND (${t.receivedOn} IS NULL OR ${dateGlob(t.receivedOn)})`),
  ],
);

/** The authority's key-decision and call-in thresholds (a year's value), each from the date it took effect. */
export const decisionThreshold = sqliteTable(
  'decision_threshold',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    effectiveFrom: text('effective_from').notNull(),
    keyDecisionPence: integer('key_decision_pence').notNull(),
    /** null: the same as the key-decision threshold. */
    callInPence: integer('call_in_pence'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('decision_threshold_from').on(t.effectiveFrom),
    check('decision_threshold_from_date', dateGlob(t.effectiveFrom)),
    check('decision_threshold_positive', sql`${t.keyDecisionPence} > 0 AND (${t.callInPence} IS NULL OR ${t.callInPence} > 0)`),
    check('decision_threshold_whole', wholeNumbers(t.keyDecisionPence, t.callInPence)),
  ],
);

/** One row: the feature's settings (how far ahead alerts look). */
export const recoverySettings = sqliteTable(
  'recovery_settings',
  {
    id: integer('id').primaryKey(),
    alertDays: integer('alert_days').notNull().default(60),
  },
  (t) => [check('recovery_settings_one_row', sql`${t.id} = 1`), check('recovery_settings_alert_days', sql`${t.alertDays} BETWEEN 1 AND 730`)],
);

// ---------------------------------------------------------------- Safety Valve and DBV

export const svAgreement = sqliteTable(
  'sv_agreement',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: SV_KINDS }).notNull(),
    counterparty: text('counterparty').notNull().default('Department for Education'),
    signedOn: text('signed_on').notNull(),
    /** Revenue towards the historic deficit. */
    totalPence: integer('total_pence').notNull(),
    capitalPence: integer('capital_pence').notNull().default(0),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('sv_agreement_name').on(t.name),
    check('sv_agreement_kind', sql`${t.kind} IN (${inList(SV_KINDS)})`),
    check('sv_agreement_signed_on', dateGlob(t.signedOn)),
    check('sv_agreement_money', sql`${t.totalPence} >= 0 AND ${t.capitalPence} >= 0`),
    check('sv_agreement_whole', wholeNumbers(t.totalPence, t.capitalPence)),
  ],
);

/** An instalment by year. Once received it is a contribution in the DSG position (a deficit_contribution row it owns). */
export const svInstalment = sqliteTable(
  'sv_instalment',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => svAgreement.id, { onDelete: 'cascade' }),
    yearId: text('year_id').notNull(),
    expectedPence: integer('expected_pence').notNull(),
    status: text('status', { enum: INSTALMENT_STATUSES }).notNull().default('due'),
    receivedPence: integer('received_pence'),
    receivedOn: text('received_on'),
    contributionId: integer('contribution_id').references(() => deficitContribution.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('sv_instalment_year').on(t.agreementId, t.yearId),
    check('sv_instalment_year_format', yearGlob(t.yearId)),
    check('sv_instalment_status', sql`${t.status} IN (${inList(INSTALMENT_STATUSES)})`),
    check(
      'sv_instalment_received',
      sql`(${t.status} = 'received' AND ${t.receivedPence} IS NOT NULL AND ${t.receivedOn} IS NOT NULL AND ${dateGlob(t.receivedOn)}) OR (${t.status} <> 'received' AND ${t.receivedPence} IS NULL)`,
    ),
    check('sv_instalment_money', sql`${t.expectedPence} >= 0 AND (${t.receivedPence} IS NULL OR ${t.receivedPence} >= 0)`),
    check('sv_instalment_whole', wholeNumbers(t.expectedPence, t.receivedPence)),
  ],
);

export const svCondition = sqliteTable(
  'sv_condition',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => svAgreement.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    target: text('target').notNull().default(''),
  },
  (t) => [
    uniqueIndex('sv_condition_number').on(t.agreementId, t.number),
    check('sv_condition_number_positive', sql`${t.number} >= 1`),
    check('sv_condition_whole', wholeNumbers(t.number)),
  ],
);

/** A quarter's monitoring of one condition, as reported to the DfE. */
export const svMonitoring = sqliteTable(
  'sv_monitoring',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conditionId: integer('condition_id')
      .notNull()
      .references(() => svCondition.id, { onDelete: 'cascade' }),
    yearId: text('year_id').notNull(),
    quarter: integer('quarter').notNull(),
    rag: text('rag', { enum: RAGS }),
    narrative: text('narrative').notNull().default(''),
    figures: text('figures').notNull().default(''),
  },
  (t) => [
    uniqueIndex('sv_monitoring_quarter').on(t.conditionId, t.yearId, t.quarter),
    check('sv_monitoring_year', yearGlob(t.yearId)),
    check('sv_monitoring_quarter_range', sql`${t.quarter} BETWEEN 1 AND 4`),
    check('sv_monitoring_rag', sql`${t.rag} IS NULL OR ${t.rag} IN (${inList(RAGS)})`),
    check('sv_monitoring_whole', wholeNumbers(t.quarter)),
  ],
);
