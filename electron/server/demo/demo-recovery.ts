/**
 * The demo's recovery work (issue 11, section 8): agreements and the council's thresholds, the
 * Safety Valve agreement whose instalments are the demo years' safety_valve contributions, the
 * recovery register, and the deficit management plan built on the 2025-26 outturn with its
 * unmitigated and mitigated scenarios and a locked copy sent to the DfE. Written inside the demo's
 * one change set, row by row through the change recorder, after the years and meetings exist.
 */
import { and, eq } from 'drizzle-orm';
import { computePlanResult, readBase } from '../../../features/recovery/plan/queries';
import {
  agreement,
  agreementCondition,
  agreementExtension,
  agreementReport,
  decisionThreshold,
  plan,
  planFundingYear,
  planLine,
  planScenario,
  planScenarioProject,
  projectAgreement,
  projectKpi,
  projectMilestone,
  projectRag,
  projectYear,
  recoveryProject,
  recoverySettings,
  svAgreement,
  svCondition,
  svInstalment,
  svMonitoring,
  workstream,
} from '../../../features/recovery/schema';
import { svRef } from '../../../features/recovery/safety-valve/queries';
import { contributionNote } from '../../../features/recovery/safety-valve/rules';
import { DEFAULT_ALERT_DAYS, SCENARIO_ENTITY } from '../../../features/recovery/words';
import { body } from '../../../features/meetings/schema';
import { deficitContribution } from '../../../features/years/schema';
import type { ChangeRecorder } from '../audit/recorder';
import { setLock } from '../locks/locks';
import type { Workspace } from '../workspace';
import { DEMO_BOARD_NAME } from './demo-meetings';
import { DEMO_YEARS } from './demo-plan';
import { DEMO_AGREEMENTS, DEMO_THRESHOLDS, DEMO_UNDERSPEND_TEXT } from './demo-recovery-agreements';
import { DEMO_PLAN, DEMO_PLAN_FUNDING, DEMO_PLAN_LINES, DEMO_PLAN_REVISION, DEMO_SCENARIOS } from './demo-recovery-plan';
import { DEMO_PLAN_YEARS, DEMO_PROJECTS, DEMO_WORKSTREAMS } from './demo-recovery-register';
import { DEMO_SV, DEMO_SV_CONDITIONS, DEMO_SV_INSTALMENTS, DEMO_SV_QUARTERS } from './demo-recovery-sv';

const pence = (pounds: number) => Math.round(pounds * 100);

export function addDemoRecovery(rec: ChangeRecorder, ws: Workspace): void {
  rec.insert(recoverySettings, { id: 1, alertDays: DEFAULT_ALERT_DAYS });
  const agreements = addAgreements(rec);
  addSafetyValve(rec, ws);
  const projects = addRegister(rec, ws, agreements);
  addPlan(rec, ws, projects);
}

function addAgreements(rec: ChangeRecorder): Map<string, number> {
  for (const t of DEMO_THRESHOLDS) {
    rec.insert(decisionThreshold, { effectiveFrom: t.effectiveFrom, keyDecisionPence: pence(t.keyDecision), callInPence: null, note: t.note });
  }
  const ids = new Map<string, number>();
  for (const a of DEMO_AGREEMENTS) {
    const row = rec.insert(agreement, {
      reference: a.reference,
      counterparty: a.counterparty,
      type: a.type,
      purpose: a.purpose,
      legalBasis: a.legalBasis,
      legalBasisOn: a.legalBasisOn,
      startOn: a.startOn,
      endOn: a.endOn,
      annualValuePence: pence(a.annual),
      extensionsOffered: a.extensions.offered,
      extensionMonths: a.extensions.months,
      extensionNoticeDays: a.extensions.noticeDays,
      decisionReference: a.decisionReference,
      decisionOn: a.decisionOn,
      forwardPlanReference: a.forwardPlanReference,
      keyDecisionOverride: a.keyDecisionOverride?.value ?? null,
      keyDecisionReason: a.keyDecisionOverride?.reason ?? '',
      reportingDuties: a.reportingDuties,
      note: a.note ?? '',
    });
    ids.set(a.reference, row.id);
    a.extensions.taken.forEach(([takenOn, decisionReference], i) => {
      rec.insert(agreementExtension, { agreementId: row.id, number: i + 1, takenOn, decisionReference });
    });
    const condition = a.underspend
      ? rec.insert(agreementCondition, {
          agreementId: row.id,
          kind: 'underspend_return',
          text: DEMO_UNDERSPEND_TEXT,
          thresholdBp: a.underspend.thresholdBp,
          returnBasis: a.underspend.returnBasis,
        })
      : null;
    for (const [title, dueOn, receivedOn] of a.reports) {
      // Annual reports answer the underspend condition; termly returns are reporting duties.
      const conditionId = condition && /annual/i.test(title) ? condition.id : null;
      rec.insert(agreementReport, { agreementId: row.id, conditionId, title, dueOn, receivedOn });
    }
  }
  return ids;
}

/** The instalments own the safety_valve contributions the demo years were given, year by year. */
function addSafetyValve(rec: ChangeRecorder, ws: Workspace): void {
  const sv = rec.insert(svAgreement, {
    name: DEMO_SV.name,
    kind: 'safety_valve',
    signedOn: DEMO_SV.signedOn,
    totalPence: pence(DEMO_SV.total),
    capitalPence: pence(DEMO_SV.capital),
    note: DEMO_SV.note,
  });
  const context = { subject: svRef(sv.id) };
  for (const i of DEMO_SV_INSTALMENTS) {
    let contributionId: number | null = null;
    if (i.receivedOn !== null) {
      const c = ws.db
        .select()
        .from(deficitContribution)
        .where(and(eq(deficitContribution.yearId, i.year), eq(deficitContribution.kind, 'safety_valve')))
        .get();
      if (!c || c.amountPence !== pence(i.received!)) throw new Error(`The demo's ${i.year} Safety Valve contribution does not match its instalment`);
      contributionId = c.id;
      // The open year's note as recording the instalment writes it; closed years keep theirs.
      if (DEMO_YEARS.some((y) => y.year === i.year && !y.closed))
        rec.update(deficitContribution, c.id, { note: contributionNote(DEMO_SV.name, i.year, i.receivedOn) }, context);
    }
    rec.insert(svInstalment, {
      agreementId: sv.id,
      yearId: i.year,
      expectedPence: pence(i.expected),
      status: i.receivedOn === null ? 'due' : 'received',
      receivedPence: i.received === null ? null : pence(i.received),
      receivedOn: i.receivedOn,
      contributionId,
      note: i.note,
    });
  }
  for (const c of DEMO_SV_CONDITIONS) {
    const row = rec.insert(svCondition, { agreementId: sv.id, number: c.number, text: c.text, target: c.target });
    c.monitoring.forEach(([rag, narrative, figures], q) => {
      const [yearId, quarter] = DEMO_SV_QUARTERS[q]!;
      rec.insert(
        svMonitoring,
        { conditionId: row.id, yearId, quarter, rag, narrative, figures },
        { ...context, part: `condition ${c.number}, ${yearId} Q${quarter}` },
      );
    });
  }
}

function addRegister(rec: ChangeRecorder, ws: Workspace, agreements: Map<string, number>): Map<string, number> {
  const board = ws.db.select().from(body).where(eq(body.name, DEMO_BOARD_NAME)).get();
  const streams = new Map<string, number>();
  DEMO_WORKSTREAMS.forEach((w, i) => {
    streams.set(w.code, rec.insert(workstream, { code: w.code, name: w.name, lead: w.lead, aim: w.aim, sortOrder: i }).id);
  });
  const ids = new Map<string, number>();
  DEMO_PROJECTS.forEach((p, i) => {
    const row = rec.insert(recoveryProject, {
      code: p.code,
      name: p.name,
      owner: p.owner,
      aim: p.aim,
      workstreamId: streams.get(p.workstream)!,
      fundingSource: p.fundingSource,
      savingKind: p.savingKind,
      approvedBudgetPence: pence(p.budget),
      spendToDatePence: pence(p.spend),
      forecastPence: pence(p.forecast),
      boardBodyId: board?.id ?? null,
      sortOrder: i,
    });
    ids.set(p.code, row.id);
    DEMO_PLAN_YEARS.forEach((yearId, y) => {
      const costPence = pence(p.cost[y] ?? 0);
      const targetSavingPence = pence(p.target[y] ?? 0);
      const delivered = y === 0 && p.delivered !== undefined ? pence(p.delivered) : null;
      if (costPence === 0 && targetSavingPence === 0 && delivered === null) return;
      rec.insert(projectYear, { projectId: row.id, yearId, costPence, targetSavingPence, deliveredSavingPence: delivered });
    });
    for (const [asOf, rag, reason] of p.rags) rec.insert(projectRag, { projectId: row.id, rag, reason, asOf });
    p.milestones.forEach(([title, dueOn, doneOn], m) => {
      rec.insert(projectMilestone, { projectId: row.id, title, dueOn, doneOn, sortOrder: m });
    });
    (p.kpis ?? []).forEach((kpi, n) => {
      rec.insert(projectKpi, { projectId: row.id, ...kpi, sortOrder: n });
    });
    for (const ref of p.agreements) rec.insert(projectAgreement, { projectId: row.id, agreementId: agreements.get(ref)! });
  });
  return ids;
}

function addPlan(rec: ChangeRecorder, ws: Workspace, projects: Map<string, number>): void {
  const base = readBase(ws.db, DEMO_PLAN.baseYear);
  const p = rec.insert(plan, { name: DEMO_PLAN.name, baseYearId: DEMO_PLAN.baseYear, horizonYears: DEMO_PLAN.horizonYears, note: DEMO_PLAN.note });
  const unmitigated = (name: string, revised: boolean) => {
    const s = rec.insert(planScenario, {
      planId: p.id,
      name,
      kind: 'unmitigated',
      baseLabel: base.label,
      baseAllocationPence: base.baseAllocationPence,
      openingCumulativePence: base.openingCumulativePence,
    });
    for (const f of DEMO_PLAN_FUNDING) {
      rec.insert(planFundingYear, {
        scenarioId: s.id,
        yearId: f.year,
        growthBp: f.growthBp,
        transfersPence: pence(f.transfers),
        adjustmentsPence: pence(f.adjustments),
        contributionsPence: pence(f.contributions),
      });
    }
    base.lines.forEach((l, i) => {
      const a = DEMO_PLAN_LINES[l.code] ?? { costGrowthBp: 0 };
      const countGrowthBp = revised && l.code === DEMO_PLAN_REVISION.code ? DEMO_PLAN_REVISION.countGrowthBp : (a.countGrowthBp ?? 0);
      rec.insert(planLine, {
        scenarioId: s.id,
        code: l.code,
        name: l.name,
        groupName: l.groupName,
        sourceLineId: l.lineId,
        method: a.count ? 'activity' : 'percent',
        basePence: l.basePence,
        baseCount: a.count ?? null,
        countGrowthBp,
        costGrowthBp: a.costGrowthBp,
        sortOrder: i,
      });
    });
    return s.id;
  };
  const mitigated = (name: string, parentId: number) => {
    const s = rec.insert(planScenario, {
      planId: p.id,
      name,
      kind: 'mitigated',
      parentId,
      note: 'Every project in the recovery register, at its target savings.',
    });
    for (const id of projects.values()) rec.insert(planScenarioProject, { scenarioId: s.id, projectId: id });
    return s.id;
  };

  const sentU = unmitigated(DEMO_SCENARIOS.sentUnmitigated, false);
  const sentM = mitigated(DEMO_SCENARIOS.sentMitigated, sentU);
  const liveU = unmitigated(DEMO_SCENARIOS.unmitigated, true);
  rec.update(planScenario, liveU, { note: `Since the copy sent to the DfE: ${DEMO_PLAN_REVISION.why}.` });
  mitigated(DEMO_SCENARIOS.mitigated, liveU);

  // Submitted as submitScenario does it: the figures as sent, then the lock.
  const at = `${DEMO_SCENARIOS.sentOn}T10:00:00.000Z`;
  for (const id of [sentU, sentM]) {
    const years = JSON.stringify(computePlanResult(ws.db, id).years);
    rec.update(planScenario, id, { submittedOn: DEMO_SCENARIOS.sentOn, submittedNote: DEMO_SCENARIOS.sentNote, submittedFigures: years });
    setLock(rec, ws.db, SCENARIO_ENTITY, String(id), true, DEMO_SCENARIOS.sentNote, { who: ws.actor.who(), at });
  }
}
