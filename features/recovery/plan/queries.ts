/**
 * Reading a plan: its scenarios, their assumptions, the base the workspace gives, and the
 * result of a scenario (computePlanResult, which the blocks, the DfE workbook and the bench use too).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { type EntityRef, entityRef } from '../../../electron/shared/entity-ref';
import { AppError } from '../../../electron/shared/errors';
import { periodLongLabel } from '../../../electron/shared/periods';
import { lockStates } from '../../../electron/server/locks/locks';
import { forecastAt } from '../../monitoring/rules';
import { loadLineYears } from '../../monitoring/queries';
import { positionSummary } from '../../position/queries';
import { allocationBlocks, allYears, latestAllocationVersion } from '../../years/queries';
import { plan, planFundingYear, planLine, planScenario, planScenarioProject, recoveryProject, workstream } from '../schema';
import type { PlanAssumptions, PlanInfo, PlanLineInfo, PlanResult, PlanYearResult, ScenarioInfo } from '../types';
import { SCENARIO_ENTITY } from '../words';
import { computePlan, type PlanFundingInput, type PlanInputs, type PlanProjectInput, planYears, type ProjectYearInput } from './rules';

export type PlanRow = typeof plan.$inferSelect;
export type ScenarioRow = typeof planScenario.$inferSelect;
export type PlanLineRow = typeof planLine.$inferSelect;
export type FundingRow = typeof planFundingYear.$inferSelect;

/** The lock, and the audit scope, every row a scenario owns sits under. */
export const scenarioRef = (id: number): EntityRef => entityRef(SCENARIO_ENTITY, id);

export function requirePlan(db: Db, id: number): PlanRow {
  const row = db.select().from(plan).where(eq(plan.id, id)).get();
  if (!row)
    throw new AppError('NOT_FOUND', `There is no plan with id ${id}: it may have been deleted.`, {
      issues: [{ field: 'id', rule: 'plan must exist', message: `no plan ${id}` }],
    });
  return row;
}

export function requireScenario(db: Db, id: number, field = 'id'): ScenarioRow {
  const row = db.select().from(planScenario).where(eq(planScenario.id, id)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no scenario with id ${id}: it may have been deleted.`, {
      issues: [{ field, rule: 'scenario must exist', message: `no scenario ${id}` }],
    });
  }
  return row;
}

/** The scenarios locked now (submitted), by id. */
export function lockedScenarios(db: Db): Map<number, { reason: string; changedAt: string }> {
  const out = new Map<number, { reason: string; changedAt: string }>();
  for (const [id, l] of lockStates(db, SCENARIO_ENTITY)) if (l.locked) out.set(Number(id), { reason: l.reason, changedAt: l.changedAt });
  return out;
}

export function isLocked(db: Db, scenarioId: number): boolean {
  return lockedScenarios(db).has(scenarioId);
}

/** The unmitigated scenario whose assumptions a scenario uses: itself, or a mitigated one's parent. */
export function assumptionsOf(db: Db, s: ScenarioRow): ScenarioRow {
  return s.kind === 'unmitigated' || s.parentId === null ? s : requireScenario(db, s.parentId, 'parentId');
}

export function yearsOfPlan(p: Pick<PlanRow, 'baseYearId' | 'horizonYears'>): string[] {
  return planYears(p.baseYearId, p.horizonYears);
}

/** Every scenario of the given plans (all plans when none are named), in plan then creation order. */
export function scenarioInfos(db: Db, planIds?: number[]): ScenarioInfo[] {
  const scenarios = (planIds ? db.select().from(planScenario).where(inArray(planScenario.planId, planIds)) : db.select().from(planScenario))
    .orderBy(asc(planScenario.planId), asc(planScenario.id))
    .all();
  if (scenarios.length === 0) return [];
  const plans = new Map(
    db
      .select({ id: plan.id, name: plan.name })
      .from(plan)
      .all()
      .map((p) => [p.id, p.name]),
  );
  const names = new Map(scenarios.map((s) => [s.id, s.name]));
  const locked = lockedScenarios(db);
  const projects = new Map<number, number[]>();
  const links = db
    .select({ scenarioId: planScenarioProject.scenarioId, projectId: planScenarioProject.projectId })
    .from(planScenarioProject)
    .where(
      inArray(
        planScenarioProject.scenarioId,
        scenarios.map((s) => s.id),
      ),
    )
    .orderBy(asc(planScenarioProject.projectId))
    .all();
  for (const l of links) {
    const list = projects.get(l.scenarioId) ?? [];
    list.push(l.projectId);
    projects.set(l.scenarioId, list);
  }
  return scenarios.map((s) => ({
    id: s.id,
    planId: s.planId,
    planName: plans.get(s.planId) ?? '',
    name: s.name,
    kind: s.kind,
    parentId: s.parentId,
    parentName: s.parentId === null ? null : (names.get(s.parentId) ?? null),
    savingsBasis: s.savingsBasis,
    note: s.note,
    locked: locked.has(s.id),
    submittedOn: s.submittedOn,
    submittedNote: s.submittedNote,
    projectIds: projects.get(s.id) ?? [],
  }));
}

export function scenarioInfo(db: Db, id: number): ScenarioInfo {
  const s = requireScenario(db, id);
  return scenarioInfos(db, [s.planId]).find((x) => x.id === id)!;
}

export function planInfos(db: Db, ids?: number[]): PlanInfo[] {
  const plans = (ids ? db.select().from(plan).where(inArray(plan.id, ids)) : db.select().from(plan)).orderBy(asc(plan.name)).all();
  const scenarios = scenarioInfos(
    db,
    plans.map((p) => p.id),
  );
  return plans.map((p) => ({
    id: p.id,
    name: p.name,
    baseYear: p.baseYearId,
    horizonYears: p.horizonYears,
    years: yearsOfPlan(p),
    note: p.note,
    scenarios: scenarios.filter((s) => s.planId === p.id),
  }));
}

export function planInfo(db: Db, id: number): PlanInfo {
  requirePlan(db, id);
  return planInfos(db, [id])[0]!;
}

// ---------------------------------------------------------------- the base, from the workspace

export interface BaseLine {
  lineId: number;
  code: string;
  name: string;
  groupName: string;
  basePence: number;
}

export interface WorkspaceBase {
  year: string;
  /** "2025-26 forecast at P7 (October 2025)", or "2024-25 outturn" once the year is closed. */
  label: string;
  /** HNB allocation net of deductions (recoupment): what the growth applies to. */
  baseAllocationPence: number;
  /** The base year's HNB transfers and adjustments, which a new plan's years start from. */
  transfersPence: number;
  adjustmentsPence: number;
  /** The base year's carried forward, exactly as `hnb summary` gives it. */
  openingCumulativePence: number;
  lines: BaseLine[];
}

export function requireBaseYear(db: Db, yearId: string, field = 'baseYear'): void {
  if (allYears(db).some((y) => y.id === yearId)) return;
  throw new AppError(
    'NOT_FOUND',
    `The workspace does not hold ${yearId}, so a plan cannot start from it. Add the year under Years first, or choose a year it holds.`,
    {
      issues: [{ field, rule: 'base year must exist in the workspace', message: `${yearId} is not in the workspace` }],
    },
  );
}

/** The base year as the workspace gives it now: its forecast at the latest period (or outturn once closed), allocation and carried forward. */
export function readBase(db: Db, yearId: string): WorkspaceBase {
  requireBaseYear(db, yearId);
  const summary = positionSummary(db, yearId);
  const closed = summary.status === 'closed';
  const hnb = allocationBlocks(db, latestAllocationVersion(db, yearId)?.id ?? null).find((b) => b.block === 'hnb')!;
  return {
    year: yearId,
    label: closed ? `${yearId} outturn` : `${yearId} forecast at ${periodLongLabel(yearId, summary.period)}`,
    baseAllocationPence: hnb.allocationPence - hnb.deductionsPence,
    transfersPence: hnb.transfersPence,
    adjustmentsPence: hnb.adjustmentsPence,
    openingCumulativePence: summary.carriedForwardPence,
    lines: loadLineYears(db, yearId).map((ly) => ({
      lineId: ly.line.lineId,
      code: ly.line.code,
      name: ly.line.name,
      groupName: ly.group.name,
      basePence: forecastAt(ly, summary.period).pence,
    })),
  };
}

// ---------------------------------------------------------------- assumptions

export function linesOf(db: Db, scenarioId: number): PlanLineRow[] {
  return db.select().from(planLine).where(eq(planLine.scenarioId, scenarioId)).orderBy(asc(planLine.sortOrder), asc(planLine.id)).all();
}

export function fundingOf(db: Db, scenarioId: number): FundingRow[] {
  return db.select().from(planFundingYear).where(eq(planFundingYear.scenarioId, scenarioId)).orderBy(asc(planFundingYear.yearId)).all();
}

function unitCost(l: Pick<PlanLineRow, 'method' | 'basePence' | 'baseCount'>): number | null {
  if (l.method !== 'activity' || l.baseCount === null || l.baseCount <= 0) return null;
  const x = l.basePence / l.baseCount;
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

export function lineInfo(l: PlanLineRow): PlanLineInfo {
  return {
    id: l.id,
    code: l.code,
    name: l.name,
    groupName: l.groupName,
    sourceLineId: l.sourceLineId,
    method: l.method,
    basePence: l.basePence,
    baseCount: l.baseCount,
    unitCostPence: unitCost(l),
    countGrowthBp: l.countGrowthBp,
    costGrowthBp: l.costGrowthBp,
  };
}

/** How many lines a refresh of the base would change: a base moved, or a workspace line the plan does not have yet. */
export function linesChangedBy(base: WorkspaceBase, lines: readonly PlanLineRow[]): number {
  const bySource = new Map(lines.filter((l) => l.sourceLineId !== null).map((l) => [l.sourceLineId!, l]));
  let changed = 0;
  for (const b of base.lines) {
    const l = bySource.get(b.lineId);
    if (!l || l.basePence !== b.basePence) changed++;
  }
  return changed;
}

/** The assumptions of the unmitigated scenario a scenario rests on, and how far the workspace has moved from its base. */
export function planAssumptions(db: Db, scenarioId: number): PlanAssumptions {
  const s = assumptionsOf(db, requireScenario(db, scenarioId, 'scenarioId'));
  const p = requirePlan(db, s.planId);
  const lines = linesOf(db, s.id);
  const stored = new Map(fundingOf(db, s.id).map((f) => [f.yearId, f]));
  const base = readBase(db, p.baseYearId);
  const linesChanged = linesChangedBy(base, lines);
  const drift =
    base.openingCumulativePence !== s.openingCumulativePence || base.baseAllocationPence !== s.baseAllocationPence || linesChanged > 0
      ? { openingCumulativePence: base.openingCumulativePence, baseAllocationPence: base.baseAllocationPence, linesChanged }
      : null;
  return {
    scenarioId: s.id,
    baseLabel: s.baseLabel,
    baseAllocationPence: s.baseAllocationPence,
    openingCumulativePence: s.openingCumulativePence,
    funding: yearsOfPlan(p).map((year) => {
      const f = stored.get(year);
      return {
        year,
        growthBp: f?.growthBp ?? 0,
        transfersPence: f?.transfersPence ?? 0,
        adjustmentsPence: f?.adjustmentsPence ?? 0,
        contributionsPence: f?.contributionsPence ?? 0,
      };
    }),
    lines: lines.map(lineInfo),
    baseDrift: drift,
  };
}

// ---------------------------------------------------------------- the result

/** Safety Valve instalments by year as the plan counts them: received amount, expected while due, nothing if withheld. */
export function safetyValveByYear(db: Db): Map<string, number> {
  const rows = db.$client
    .prepare(
      `SELECT year_id, sum(CASE status WHEN 'received' THEN coalesce(received_pence, 0) WHEN 'due' THEN expected_pence ELSE 0 END)
       FROM sv_instalment GROUP BY year_id`,
    )
    .raw()
    .all() as Array<[string, number]>;
  return new Map(rows.map(([y, p]) => [y, Number(p)]));
}

/** The projects attached to a scenario with their money by year. */
export function attachedProjects(db: Db, scenarioId: number): PlanProjectInput[] {
  const projects = db
    .select({
      id: recoveryProject.id,
      code: recoveryProject.code,
      name: recoveryProject.name,
      workstream: workstream.name,
      source: recoveryProject.fundingSource,
    })
    .from(planScenarioProject)
    .innerJoin(recoveryProject, eq(recoveryProject.id, planScenarioProject.projectId))
    .innerJoin(workstream, eq(workstream.id, recoveryProject.workstreamId))
    .where(eq(planScenarioProject.scenarioId, scenarioId))
    .orderBy(asc(workstream.sortOrder), asc(workstream.code), asc(recoveryProject.sortOrder), asc(recoveryProject.code))
    .all();
  if (projects.length === 0) return [];
  // One read of every attached project's years: 200 projects over 10 years is 2,000 rows.
  const years = db.$client
    .prepare(
      `SELECT py.project_id, py.year_id, py.cost_pence, py.target_saving_pence, py.delivered_saving_pence
       FROM project_year py JOIN plan_scenario_project sp ON sp.project_id = py.project_id WHERE sp.scenario_id = ?`,
    )
    .raw()
    .all(scenarioId) as Array<[number, string, number, number, number | null]>;
  const byProject = new Map<number, Map<string, ProjectYearInput>>();
  for (const [projectId, year, costPence, targetSavingPence, deliveredSavingPence] of years) {
    let m = byProject.get(projectId);
    if (!m) {
      m = new Map();
      byProject.set(projectId, m);
    }
    m.set(year, { costPence, targetSavingPence, deliveredSavingPence });
  }
  return projects.map((p) => ({
    projectId: p.id,
    code: p.code,
    name: p.name,
    workstream: p.workstream,
    hnbFunded: p.source === 'hnb',
    years: byProject.get(p.id) ?? new Map(),
  }));
}

/** Everything the arithmetic needs for a scenario: its unmitigated assumptions, the Safety Valve, and (mitigated) its projects. */
export function loadPlanInputs(db: Db, s: ScenarioRow, p: PlanRow): PlanInputs {
  const u = assumptionsOf(db, s);
  const funding = new Map<string, PlanFundingInput>(
    fundingOf(db, u.id).map((f) => [
      f.yearId,
      { growthBp: f.growthBp, transfersPence: f.transfersPence, adjustmentsPence: f.adjustmentsPence, contributionsPence: f.contributionsPence },
    ]),
  );
  return {
    years: yearsOfPlan(p),
    baseAllocationPence: u.baseAllocationPence,
    openingCumulativePence: u.openingCumulativePence,
    funding,
    lines: linesOf(db, u.id),
    safetyValve: safetyValveByYear(db),
    projects: s.kind === 'mitigated' ? attachedProjects(db, s.id) : [],
    savingsBasis: s.savingsBasis,
  };
}

/**
 * A scenario's figures year by year, worked out from what the workspace holds now: fast enough
 * to run after every edit (a 10-year plan with 60 lines and 200 projects in a few milliseconds).
 */
export function computePlanResult(db: Db, scenarioId: number): PlanResult {
  const s = requireScenario(db, scenarioId, 'scenarioId');
  const p = requirePlan(db, s.planId);
  const u = assumptionsOf(db, s);
  const c = computePlan(loadPlanInputs(db, s, p));
  let submitted: PlanResult['submitted'] = null;
  if (s.submittedOn !== null && s.submittedFigures !== null) {
    const years = JSON.parse(s.submittedFigures) as PlanYearResult[];
    submitted = { on: s.submittedOn, note: s.submittedNote, years, matches: JSON.stringify(years) === JSON.stringify(c.years) };
  }
  return {
    scenarioId: s.id,
    scenario: s.name,
    kind: s.kind,
    baseYear: p.baseYearId,
    baseLabel: u.baseLabel,
    openingCumulativePence: u.openingCumulativePence,
    years: c.years,
    lines: c.lines,
    projects: c.projects,
    firstInYearSurplus: c.firstInYearSurplus,
    submitted,
  };
}
