/**
 * What a plan and its scenarios refuse, each as a sentence a finance lead can act on: growth
 * past the sane range, a year outside the plan, a project in two plans, a duplicate name, a
 * change under a submitted scenario's lock.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { AppError, type ErrorIssue } from '../../../electron/shared/errors';
import type { Workspace } from '../../../electron/server/workspace';
import { plan, planScenario, planScenarioProject, projectYear, recoveryProject } from '../schema';
import { SANE_GROWTH_BP } from '../words';
import { isLocked, type PlanRow, type ScenarioRow, scenarioRef, yearsOfPlan } from './queries';

/** 350 → "3.5%", -2600 → "-26%". */
export function percentText(bp: number): string {
  return `${Number((bp / 100).toFixed(2))}%`;
}

export interface GrowthChange {
  field: string;
  /** "HNB allocation growth in 2027-28", "growth in numbers on HN12". */
  what: string;
  value: number | undefined;
  /** What is stored now: an unchanged figure is not asked about again. */
  was: number | undefined;
}

/**
 * Growth past ±25% a year is asked about before it is saved: most often a slip (35 typed for
 * 3.5), sometimes meant (a new special school opening). `confirmExtreme` lets the meant one through.
 */
export function checkGrowth(changes: readonly GrowthChange[], confirmExtreme: boolean | undefined): void {
  if (confirmExtreme) return;
  const issues: ErrorIssue[] = changes
    .filter((c) => c.value !== undefined && c.value !== c.was && Math.abs(c.value) > SANE_GROWTH_BP)
    .map((c) => ({
      field: c.field,
      rule: `growth within ±${percentText(SANE_GROWTH_BP)} a year unless confirmed`,
      message: `${c.what} of ${percentText(c.value!)} a year is outside ±${percentText(SANE_GROWTH_BP)}`,
    }));
  if (issues.length === 0) return;
  const list = issues.map((i) => i.message).join('; ');
  throw new AppError(
    'NEEDS_CONFIRMATION',
    `${list}. Growth that large is usually a slip (35 typed for 3.5): check the figure, or confirm it if it is meant (a new school opening, a change in duty). Nothing was saved.`,
    { issues },
  );
}

export function requireUniquePlanName(db: Db, name: string, exceptId?: number): void {
  const clash = db
    .select({ id: plan.id })
    .from(plan)
    .where(exceptId === undefined ? eq(plan.name, name) : and(eq(plan.name, name), ne(plan.id, exceptId)))
    .get();
  if (!clash) return;
  throw new AppError('DUPLICATE', `There is already a plan called "${name}". Give this one another name.`, {
    issues: [{ field: 'name', rule: 'plan names must be different', message: `"${name}" is taken` }],
  });
}

export function requireUniqueScenarioName(db: Db, p: PlanRow, name: string, exceptId?: number): void {
  const same = and(eq(planScenario.planId, p.id), eq(planScenario.name, name));
  const clash = db
    .select({ id: planScenario.id })
    .from(planScenario)
    .where(exceptId === undefined ? same : and(same, ne(planScenario.id, exceptId)))
    .get();
  if (!clash) return;
  throw new AppError('DUPLICATE', `The plan "${p.name}" already has a scenario called "${name}". Give this one another name.`, {
    issues: [{ field: 'name', rule: 'scenario names must be different within a plan', message: `"${name}" is taken in ${p.name}` }],
  });
}

export function requirePlanYear(p: PlanRow, year: string, field = 'year'): void {
  const years = yearsOfPlan(p);
  if (years.includes(year)) return;
  throw new AppError('INVALID_INPUT', `${year} is outside the plan "${p.name}", which runs from ${years[0]} to ${years[years.length - 1]}.`, {
    issues: [{ field, rule: 'year must be one of the plan years', message: `${year} is outside the plan` }],
  });
}

/** Checked before any work, so the refusal comes first and names the scenario; the change recorder would refuse anyway. */
export function requireUnlocked(ws: Workspace, s: ScenarioRow): void {
  if (isLocked(ws.db, s.id)) throw ws.locks.refusal(scenarioRef(s.id));
}

export function requireMitigated(s: ScenarioRow, field = 'scenarioId'): void {
  if (s.kind === 'mitigated') return;
  throw new AppError('INVALID_INPUT', `"${s.name}" is an unmitigated scenario: projects are attached to a mitigated scenario built on it.`, {
    issues: [{ field, rule: 'projects attach to mitigated scenarios', message: `${s.name} is unmitigated` }],
  });
}

/** The parent of a mitigated scenario: an unmitigated scenario of the same plan. */
export function requireUnmitigatedParent(parent: ScenarioRow, planId: number, field = 'parentId'): void {
  if (parent.kind === 'unmitigated' && parent.planId === planId) return;
  const why = parent.kind !== 'unmitigated' ? `"${parent.name}" is itself mitigated` : `"${parent.name}" belongs to another plan`;
  throw new AppError('INVALID_INPUT', `A mitigated scenario rests on an unmitigated scenario of the same plan: ${why}.`, {
    issues: [{ field, rule: 'parent must be unmitigated, in the same plan', message: why }],
  });
}

interface ProjectRow {
  id: number;
  code: string;
  name: string;
}

export function requireProject(db: Db, id: number, field = 'projectId'): ProjectRow {
  const p = db
    .select({ id: recoveryProject.id, code: recoveryProject.code, name: recoveryProject.name })
    .from(recoveryProject)
    .where(eq(recoveryProject.id, id))
    .get();
  if (!p) {
    throw new AppError('NOT_FOUND', `There is no project with id ${id}: it may have been deleted.`, {
      issues: [{ field, rule: 'project must exist', message: `no project ${id}` }],
    });
  }
  return p;
}

/** The years a project has money in (a cost, a target or a delivered saving); a row of noughts is no year. */
function moneyYears(db: Db, projectId: number): string[] {
  return db
    .select({ year: projectYear.yearId, cost: projectYear.costPence, target: projectYear.targetSavingPence, delivered: projectYear.deliveredSavingPence })
    .from(projectYear)
    .where(eq(projectYear.projectId, projectId))
    .all()
    .filter((y) => y.cost !== 0 || y.target !== 0 || (y.delivered ?? 0) !== 0)
    .map((y) => y.year)
    .sort();
}

function outsideRefusal(project: ProjectRow, p: PlanRow, outside: string[], field: string): AppError {
  const years = yearsOfPlan(p);
  const which = outside.length === 1 ? `a savings or cost year (${outside[0]})` : `savings or cost years (${outside.join(', ')})`;
  return new AppError(
    'INVALID_INPUT',
    `${project.code} ${project.name} has ${which} outside the plan "${p.name}", which runs from ${years[0]} to ${years[years.length - 1]}. Move those figures into the plan's years, or use a plan that covers them.`,
    { issues: outside.map((y) => ({ field, rule: 'a savings year outside the plan', message: `${project.code}: ${y} is outside ${p.name}` })) },
  );
}

/** The plans a project counts in now (through the scenarios it is attached to). */
function plansOfProject(db: Db, projectId: number): PlanRow[] {
  return db
    .selectDistinct({ id: plan.id, name: plan.name, baseYearId: plan.baseYearId, horizonYears: plan.horizonYears, note: plan.note })
    .from(planScenarioProject)
    .innerJoin(planScenario, eq(planScenario.id, planScenarioProject.scenarioId))
    .innerJoin(plan, eq(plan.id, planScenario.planId))
    .where(eq(planScenarioProject.projectId, projectId))
    .all();
}

/** Attaching: the project belongs to no other plan, and every year it has money in falls inside this one. */
export function checkAttach(db: Db, project: ProjectRow, p: PlanRow): void {
  const other = plansOfProject(db, project.id).find((x) => x.id !== p.id);
  if (other) {
    throw new AppError(
      'INVALID_INPUT',
      `${project.code} ${project.name} is already attached to a scenario of the plan "${other.name}": a project counts in one plan only, so the plans and the register cannot disagree. Detach it there first.`,
      { issues: [{ field: 'projectId', rule: 'a project attached to a scenario of another plan', message: `${project.code} is in ${other.name}` }] },
    );
  }
  const years = new Set(yearsOfPlan(p));
  const outside = moneyYears(db, project.id).filter((y) => !years.has(y));
  if (outside.length > 0) throw outsideRefusal(project, p, outside, 'projectId');
}

/**
 * For the register: a project's year with money in it must fall inside every plan the project
 * is attached to. Throws the refusal "a savings year outside the plan"; nothing to do otherwise.
 */
export function requireProjectYearsInPlans(db: Db, projectId: number, years: readonly string[], field = 'year'): void {
  const project = requireProject(db, projectId);
  for (const p of plansOfProject(db, projectId)) {
    const inPlan = new Set(yearsOfPlan(p));
    const outside = years.filter((y) => !inPlan.has(y));
    if (outside.length > 0) throw outsideRefusal(project, p, [...new Set(outside)].sort(), field);
  }
}

/** Changing a plan's horizon: every attached project's money must still fall inside it. */
export function checkHorizon(db: Db, p: PlanRow, horizonYears: number): void {
  const years = new Set(yearsOfPlan({ baseYearId: p.baseYearId, horizonYears }));
  const projects = db
    .selectDistinct({ id: recoveryProject.id, code: recoveryProject.code, name: recoveryProject.name })
    .from(planScenarioProject)
    .innerJoin(planScenario, eq(planScenario.id, planScenarioProject.scenarioId))
    .innerJoin(recoveryProject, eq(recoveryProject.id, planScenarioProject.projectId))
    .where(eq(planScenario.planId, p.id))
    .all();
  for (const project of projects) {
    const outside = moneyYears(db, project.id).filter((y) => !years.has(y));
    if (outside.length > 0) throw outsideRefusal(project, { ...p, horizonYears }, outside, 'horizonYears');
  }
}
