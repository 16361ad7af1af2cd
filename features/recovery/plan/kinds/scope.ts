/**
 * The scope of a plan assumptions workbook: one unmitigated scenario, named as people name it
 * (`--scenario Unmitigated --plan "Recovery plan 2026"`) or by its id. The scenario found is
 * kept on the scope as `scenarioId`, so the file's hidden `_meta` sheet names it by id (a
 * renamed scenario still takes its file back) and the lock check knows whose lock to read.
 */
import { asc } from 'drizzle-orm';
import { z } from 'zod';
import { recordId } from '../../../../electron/shared/contract-kit';
import { AppError } from '../../../../electron/shared/errors';
import type { ScopeDef } from '../../../../electron/server/workbooks/engine/kind';
import type { Workspace } from '../../../../electron/server/workspace';
import type { Db } from '../../../../db/client';
import { plan, planScenario } from '../../schema';
import { type PlanRow, requirePlan, type ScenarioRow, scenarioRef, yearsOfPlan } from '../queries';

/** A name, or an id as the command line gives it (text) or a number. */
const nameOrId = (what: string) =>
  z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string({ error: `must be a ${what} name or id` })
      .trim()
      .min(1, { error: `must name a ${what}` })
      .max(120, { error: 'must be at most 120 characters' }),
  );

export const planScope = z.strictObject({
  scenario: nameOrId('scenario'),
  plan: nameOrId('plan').optional(),
  /** Set by the check from the scenario named; written to `_meta` and trusted over the name when read back. */
  scenarioId: z.coerce.number().pipe(recordId).optional(),
});
export type PlanScope = z.output<typeof planScope>;

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function refuse(field: string, rule: string, sentence: string): AppError {
  return new AppError('NOT_FOUND', sentence, { issues: [{ field, rule, message: sentence }] });
}

/** The plan named (by name, or by id), or every plan when none is. */
function plansNamed(db: Db, named: string | undefined): PlanRow[] {
  const all = db.select().from(plan).orderBy(asc(plan.name)).all();
  if (named === undefined || named === '') return all;
  const hit = all.filter((p) => same(p.name, named));
  if (hit.length) return hit;
  const byId = /^\d+$/.test(named) ? all.filter((p) => p.id === Number(named)) : [];
  if (byId.length) return byId;
  throw refuse(
    'plan',
    'must be a plan of this workspace',
    all.length
      ? `There is no plan called "${named}". The plans are: ${all.map((p) => `"${p.name}"`).join(', ')}.`
      : `There is no plan called "${named}": this workspace has no plan yet.`,
  );
}

/**
 * The unmitigated scenario a scope names. A mitigated one is refused: its assumptions are its
 * parent's, and the sentence names the parent to export instead.
 */
export function resolvePlanScenario(db: Db, scope: Pick<PlanScope, 'scenario' | 'plan' | 'scenarioId'>): { scenario: ScenarioRow; plan: PlanRow } {
  let found: ScenarioRow | undefined;
  if (scope.scenarioId !== undefined) {
    found = db
      .select()
      .from(planScenario)
      .all()
      .find((s) => s.id === scope.scenarioId);
    if (!found)
      throw refuse(
        'scenarioId',
        'must be a scenario of this workspace',
        `The scenario this workbook was exported from (id ${scope.scenarioId}) has been deleted.`,
      );
  } else {
    const plans = plansNamed(db, scope.plan);
    const planIds = new Set(plans.map((p) => p.id));
    const scenarios = db
      .select()
      .from(planScenario)
      .orderBy(asc(planScenario.id))
      .all()
      .filter((s) => planIds.has(s.planId));
    let hits = scenarios.filter((s) => same(s.name, scope.scenario));
    if (hits.length === 0 && /^\d+$/.test(scope.scenario)) hits = scenarios.filter((s) => s.id === Number(scope.scenario));
    if (hits.length > 1) {
      const names = hits.map((s) => `"${plans.find((p) => p.id === s.planId)?.name}"`).join(', ');
      throw new AppError('INVALID_INPUT', `Several plans have a scenario called "${scope.scenario}" (${names}): say which plan (--plan NAME).`, {
        issues: [{ field: 'plan', rule: 'must say which plan when scenario names repeat', message: `"${scope.scenario}" is in ${names}` }],
      });
    }
    found = hits[0];
    if (!found) {
      const where = scope.plan ? ` in the plan "${plans[0]!.name}"` : '';
      const offer = scenarios.filter((s) => s.kind === 'unmitigated').map((s) => `"${s.name}"`);
      throw refuse(
        'scenario',
        'must be a scenario of this workspace',
        `There is no scenario called "${scope.scenario}"${where}.${offer.length ? ` Unmitigated scenarios: ${offer.join(', ')}.` : ' Make a plan first.'}`,
      );
    }
  }
  const p = requirePlan(db, found.planId);
  if (found.kind === 'mitigated') {
    const parent = db
      .select()
      .from(planScenario)
      .all()
      .find((s) => s.id === found.parentId);
    const parentName = parent?.name ?? 'its unmitigated parent';
    const why = `"${found.name}" is a mitigated scenario: its assumptions are those of "${parentName}"`;
    throw new AppError(
      'INVALID_INPUT',
      `${why}, so export and import "${parentName}" instead. A mitigated scenario differs only by the projects attached to it.`,
      { issues: [{ field: 'scenario', rule: 'must be an unmitigated scenario', message: why }] },
    );
  }
  return { scenario: found, plan: p };
}

/** The scenario a name (and plan) names, if exactly one unmitigated one; undefined otherwise. */
function namedScenario(db: Db, scope: Pick<PlanScope, 'scenario' | 'plan'>): ScenarioRow | undefined {
  try {
    return resolvePlanScenario(db, { scenario: scope.scenario, plan: scope.plan }).scenario;
  } catch {
    return undefined;
  }
}

function check(ws: Workspace, scope: PlanScope): void {
  const { scenario } = resolvePlanScenario(ws.db, scope);
  // A workbook's `_meta` names its scenario twice, by id and by name, and they agreed when it was written. The id is
  // trusted over the name (a renamed scenario takes its file back), but a name that now names another scenario means
  // one of the two was typed over: the funding sheet's rows (years) would fit that other scenario just as well.
  const named = scope.scenarioId === undefined ? undefined : namedScenario(ws.db, scope);
  if (named && named.id !== scenario.id) {
    const sentence = `the scenario id ${scenario.id} is "${scenario.name}", but the scenario named beside it is "${named.name}" (id ${named.id}): one of them has been changed, so which scenario the file is for cannot be told`;
    throw new AppError('INVALID_INPUT', sentence, { issues: [{ field: 'scenarioId', rule: 'must be the scenario the workbook names', message: sentence }] });
  }
  // The engine hands this same object to locks() and writes it to _meta: keep the id on it.
  scope.scenarioId = scenario.id;
}

function label(ws: Workspace, scope: PlanScope): string {
  const { scenario, plan: p } = resolvePlanScenario(ws.db, scope);
  const years = yearsOfPlan(p);
  return `${p.name}, scenario "${scenario.name}": ${years[0]} to ${years[years.length - 1]} from ${scenario.baseLabel || p.baseYearId}`;
}

export const planScopeDef: ScopeDef<PlanScope> = {
  fields: [
    { name: 'scenario', label: 'Scenario', input: 'text', required: true },
    { name: 'plan', label: 'Plan', input: 'text', required: false },
  ],
  schema: planScope,
  check,
  label,
  locks: (s) => (s.scenarioId === undefined ? [] : [scenarioRef(s.scenarioId)]),
};

/** A file name's part for a name: no characters Windows refuses in a file name. */
export const fileSafe = (s: string) => s.replace(/[\\/:*?"<>|]+/g, ' ').trim();
