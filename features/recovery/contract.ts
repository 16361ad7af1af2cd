import { z } from 'zod';
import { channel, empty, isoDate, pence, recordId, requiredText, signedPence, text, yearField } from '../../electron/shared/contract-kit';
import type { FileBytes } from '../../electron/shared/types';
import type {
  AgreementDetail,
  AgreementsOverview,
  PlanAssumptions,
  PlanInfo,
  PlanResult,
  ProjectDetail,
  ProjectSummary,
  ScenarioCompare,
  ScenarioInfo,
  SvAgreementInfo,
  ThresholdInfo,
  WorkstreamInfo,
} from './types';
import {
  AGREEMENT_TYPES,
  CONDITION_KINDS,
  FUNDING_SOURCES,
  INSTALMENT_STATUSES,
  LEGAL_BASES,
  LINE_METHODS,
  MAX_GROWTH_BP,
  MAX_HORIZON,
  MIN_GROWTH_BP,
  MIN_HORIZON,
  RAGS,
  RETURN_BASES,
  SAVING_KINDS,
  SAVINGS_BASES,
  SV_KINDS,
} from './words';

/** Growth in hundredths of a percent (350 = 3.5%); past ±25% the server asks for `confirmExtreme`. */
export const growthBp = z
  .int({ error: 'must be a percentage to two decimal places' })
  .min(MIN_GROWTH_BP, { error: 'must not be below -100%' })
  .max(MAX_GROWTH_BP, { error: 'must not be above 1,000%' });
const code = (max: number) => requiredText(max).regex(/^[^\s].*$/, { error: 'must not start with a space' });
const optionalDate = isoDate.nullable();
const kpiNumber = z.number({ error: 'must be a number' }).finite({ error: 'must be a number' }).min(-1e12).max(1e12);

export const recoveryContract = {
  // The deficit management plan
  listPlans: channel(empty).returns<PlanInfo[]>(),
  /** A new plan from a base year the workspace holds: an unmitigated scenario read from it, and an empty mitigated one. */
  createPlan: channel(
    z.strictObject({
      name: requiredText(120),
      baseYear: yearField,
      horizonYears: z
        .int({ error: 'must be a whole number of years' })
        .min(MIN_HORIZON, { error: `must be at least ${MIN_HORIZON} years` })
        .max(MAX_HORIZON, { error: `must be at most ${MAX_HORIZON} years` }),
    }),
  ).returns<PlanInfo>(),
  updatePlan: channel(
    z.strictObject({
      id: recordId,
      name: requiredText(120).optional(),
      note: text(2000).optional(),
      horizonYears: z.int().min(MIN_HORIZON).max(MAX_HORIZON).optional(),
    }),
  ).returns<PlanInfo>(),
  /** Only a plan with no submitted scenario. */
  deletePlan: channel(z.strictObject({ id: recordId })).returns<{ deleted: number }>(),
  getPlanResult: channel(z.strictObject({ scenarioId: recordId })).returns<PlanResult>(),
  getAssumptions: channel(z.strictObject({ scenarioId: recordId })).returns<PlanAssumptions>(),
  saveFundingYear: channel(
    z.strictObject({
      scenarioId: recordId,
      year: yearField,
      growthBp: growthBp.optional(),
      transfersPence: signedPence.optional(),
      adjustmentsPence: signedPence.optional(),
      contributionsPence: pence.optional(),
      /** Growth past ±25% was meant. */
      confirmExtreme: z.boolean().optional(),
    }),
  ).returns<PlanAssumptions>(),
  savePlanLine: channel(
    z.strictObject({
      scenarioId: recordId,
      id: recordId.optional(),
      code: code(40),
      name: requiredText(200),
      groupName: requiredText(120),
      method: z.enum(LINE_METHODS),
      /** Lines read from the workspace keep their base; a line added by hand needs one. */
      basePence: signedPence.optional(),
      baseCount: z.number({ error: 'must be a number of children or places' }).positive({ error: 'must be more than nought' }).max(1e7).nullable().optional(),
      countGrowthBp: growthBp,
      costGrowthBp: growthBp,
      confirmExtreme: z.boolean().optional(),
    }),
  ).returns<PlanAssumptions>(),
  deletePlanLine: channel(z.strictObject({ id: recordId })).returns<PlanAssumptions>(),
  /** Reads the base again from the workspace (base year's forecast or outturn, allocation, carried forward). */
  refreshPlanBase: channel(z.strictObject({ scenarioId: recordId })).returns<PlanAssumptions>(),
  /** A mitigated scenario on an unmitigated parent, with no projects yet. */
  createMitigatedScenario: channel(z.strictObject({ parentId: recordId, name: requiredText(120) })).returns<ScenarioInfo>(),
  /** A copy with all its assumptions (or, for a mitigated one, its projects), unlocked; a mitigated copy may be re-based on delivered savings. */
  copyScenario: channel(z.strictObject({ id: recordId, name: requiredText(120), savingsBasis: z.enum(SAVINGS_BASES).optional() })).returns<ScenarioInfo>(),
  renameScenario: channel(z.strictObject({ id: recordId, name: requiredText(120), note: text(2000).optional() })).returns<ScenarioInfo>(),
  deleteScenario: channel(z.strictObject({ id: recordId })).returns<{ deleted: number }>(),
  attachProject: channel(z.strictObject({ scenarioId: recordId, projectId: recordId })).returns<ScenarioInfo>(),
  detachProject: channel(z.strictObject({ scenarioId: recordId, projectId: recordId })).returns<ScenarioInfo>(),
  /** Submits and locks a scenario (and, for a mitigated one, its unmitigated parent) with a date and a note. */
  submitScenario: channel(z.strictObject({ id: recordId, submittedOn: isoDate, note: requiredText(500) })).returns<ScenarioInfo>(),
  compareScenarios: channel(z.strictObject({ a: recordId, b: recordId })).returns<ScenarioCompare>(),
  /** The plan in the layout of the DfE management plan's summary: unmitigated, mitigated, and the savings log. */
  buildPlanWorkbook: channel(z.strictObject({ unmitigatedId: recordId, mitigatedId: recordId.optional() })).returns<FileBytes>(),

  // The recovery register
  listWorkstreams: channel(empty).returns<WorkstreamInfo[]>(),
  saveWorkstream: channel(
    z.strictObject({ id: recordId.optional(), code: code(20), name: requiredText(200), lead: text(120).optional(), aim: text(2000).optional() }),
  ).returns<WorkstreamInfo[]>(),
  /** Only a workstream with no projects. */
  deleteWorkstream: channel(z.strictObject({ id: recordId })).returns<WorkstreamInfo[]>(),
  listProjects: channel(z.strictObject({ workstreamId: recordId.optional(), rag: z.enum(RAGS).optional() })).returns<ProjectSummary[]>(),
  getProject: channel(z.strictObject({ id: recordId })).returns<ProjectDetail>(),
  saveProject: channel(
    z.strictObject({
      id: recordId.optional(),
      code: code(20),
      name: requiredText(200),
      owner: text(120).optional(),
      aim: text(2000).optional(),
      workstreamId: recordId,
      fundingSource: z.enum(FUNDING_SOURCES),
      savingKind: z.enum(SAVING_KINDS).optional(),
      approvedBudgetPence: pence.optional(),
      spendToDatePence: pence.optional(),
      forecastPence: pence.optional(),
      boardBodyId: recordId.nullable().optional(),
    }),
  ).returns<ProjectDetail>(),
  deleteProject: channel(z.strictObject({ id: recordId })).returns<{ deleted: number }>(),
  recordRag: channel(z.strictObject({ projectId: recordId, rag: z.enum(RAGS), reason: text(1000), asOf: isoDate })).returns<ProjectDetail>(),
  saveMilestone: channel(
    z.strictObject({ projectId: recordId, id: recordId.optional(), title: requiredText(300), dueOn: isoDate, doneOn: optionalDate.optional() }),
  ).returns<ProjectDetail>(),
  deleteMilestone: channel(z.strictObject({ id: recordId })).returns<ProjectDetail>(),
  saveKpi: channel(
    z.strictObject({
      projectId: recordId,
      id: recordId.optional(),
      measure: requiredText(200),
      baseline: kpiNumber,
      baselineOn: isoDate,
      target: kpiNumber.nullable().optional(),
      targetOn: optionalDate.optional(),
      latest: kpiNumber.nullable().optional(),
      latestOn: optionalDate.optional(),
      higherIsBetter: z.boolean().optional(),
    }),
  ).returns<ProjectDetail>(),
  deleteKpi: channel(z.strictObject({ id: recordId })).returns<ProjectDetail>(),
  /** A year's cost, target saving and delivered saving (null: not yet known); years must fall in the plans it counts in. */
  saveProjectYear: channel(
    z.strictObject({ projectId: recordId, year: yearField, costPence: pence, targetSavingPence: pence, deliveredSavingPence: signedPence.nullable() }),
  ).returns<ProjectDetail>(),
  deleteProjectYear: channel(z.strictObject({ projectId: recordId, year: yearField })).returns<ProjectDetail>(),
  linkAgreement: channel(z.strictObject({ projectId: recordId, agreementId: recordId })).returns<ProjectDetail>(),
  unlinkAgreement: channel(z.strictObject({ projectId: recordId, agreementId: recordId })).returns<ProjectDetail>(),

  // Agreements and contracts
  /** Every agreement with its flags and alerts as of `today` (default: today in London). */
  getAgreementsOverview: channel(z.strictObject({ today: isoDate.optional() })).returns<AgreementsOverview>(),
  getAgreement: channel(z.strictObject({ id: recordId, today: isoDate.optional() })).returns<AgreementDetail>(),
  saveAgreement: channel(
    z.strictObject({
      id: recordId.optional(),
      reference: code(60),
      counterparty: requiredText(200),
      type: z.enum(AGREEMENT_TYPES),
      purpose: text(2000).optional(),
      legalBasis: z.enum(LEGAL_BASES),
      legalBasisOn: optionalDate.optional(),
      startOn: isoDate,
      endOn: isoDate,
      annualValuePence: pence,
      extensionsOffered: z.int({ error: 'must be a whole number' }).min(0).max(10),
      extensionMonths: z.int({ error: 'must be a whole number of months' }).min(0).max(120),
      extensionNoticeDays: z.int().min(0).max(730).optional(),
      decisionReference: text(60).optional(),
      decisionOn: optionalDate.optional(),
      forwardPlanReference: text(60).optional(),
      keyDecisionOverride: z.boolean().nullable().optional(),
      keyDecisionReason: text(500).optional(),
      callInOverride: z.boolean().nullable().optional(),
      callInReason: text(500).optional(),
      reportingDuties: text(2000).optional(),
      note: text(2000).optional(),
    }),
  ).returns<AgreementDetail>(),
  deleteAgreement: channel(z.strictObject({ id: recordId })).returns<{ deleted: number }>(),
  takeExtension: channel(
    z.strictObject({ agreementId: recordId, number: z.int().min(1).max(10), takenOn: isoDate, decisionReference: text(60).optional() }),
  ).returns<AgreementDetail>(),
  removeExtension: channel(z.strictObject({ id: recordId })).returns<AgreementDetail>(),
  saveCondition: channel(
    z.strictObject({
      agreementId: recordId,
      id: recordId.optional(),
      kind: z.enum(CONDITION_KINDS),
      text: requiredText(1000),
      thresholdBp: z.int().min(0).max(10000).nullable().optional(),
      returnBasis: z.enum(RETURN_BASES).nullable().optional(),
    }),
  ).returns<AgreementDetail>(),
  deleteCondition: channel(z.strictObject({ id: recordId })).returns<AgreementDetail>(),
  saveReport: channel(
    z.strictObject({
      agreementId: recordId,
      id: recordId.optional(),
      conditionId: recordId.nullable().optional(),
      title: requiredText(200),
      dueOn: isoDate,
      receivedOn: optionalDate.optional(),
    }),
  ).returns<AgreementDetail>(),
  deleteReport: channel(z.strictObject({ id: recordId })).returns<AgreementDetail>(),
  saveThreshold: channel(
    z.strictObject({
      id: recordId.optional(),
      effectiveFrom: isoDate,
      keyDecisionPence: pence,
      callInPence: pence.nullable().optional(),
      note: text(500).optional(),
    }),
  ).returns<ThresholdInfo[]>(),
  deleteThreshold: channel(z.strictObject({ id: recordId })).returns<ThresholdInfo[]>(),
  setAlertDays: channel(z.strictObject({ days: z.int({ error: 'must be a whole number of days' }).min(1).max(730) })).returns<{ alertDays: number }>(),

  // Safety Valve and DBV
  listSvAgreements: channel(empty).returns<SvAgreementInfo[]>(),
  saveSvAgreement: channel(
    z.strictObject({
      id: recordId.optional(),
      name: requiredText(200),
      kind: z.enum(SV_KINDS),
      counterparty: text(200).optional(),
      signedOn: isoDate,
      totalPence: pence,
      capitalPence: pence.optional(),
      note: text(2000).optional(),
    }),
  ).returns<SvAgreementInfo[]>(),
  saveInstalment: channel(
    z.strictObject({ agreementId: recordId, id: recordId.optional(), year: yearField, expectedPence: pence, note: text(500).optional() }),
  ).returns<SvAgreementInfo[]>(),
  /** Received: the amount becomes a Safety Valve contribution in that year's DSG position; due or withheld: it is taken out again. */
  recordInstalment: channel(
    z.strictObject({
      id: recordId,
      status: z.enum(INSTALMENT_STATUSES),
      receivedPence: pence.optional(),
      receivedOn: isoDate.optional(),
      note: text(500).optional(),
    }),
  ).returns<SvAgreementInfo[]>(),
  deleteInstalment: channel(z.strictObject({ id: recordId })).returns<SvAgreementInfo[]>(),
  saveSvCondition: channel(
    z.strictObject({ agreementId: recordId, id: recordId.optional(), number: z.int().min(1).max(99), text: requiredText(1000), target: text(1000).optional() }),
  ).returns<SvAgreementInfo[]>(),
  deleteSvCondition: channel(z.strictObject({ id: recordId })).returns<SvAgreementInfo[]>(),
  saveSvMonitoring: channel(
    z.strictObject({
      conditionId: recordId,
      year: yearField,
      quarter: z.int().min(1).max(4),
      rag: z.enum(RAGS).nullable(),
      narrative: text(4000),
      figures: text(1000),
    }),
  ).returns<SvAgreementInfo[]>(),
};
