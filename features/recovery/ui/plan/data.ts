import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../renderer/src/api/api';
import { ApiError } from '../../../../renderer/src/api/api-error';
import { useWrite } from '../../../../renderer/src/data/use-write';
import type { PlanAssumptions, PlanResult, ScenarioInfo } from '../../types';

/**
 * The reads and writes of the plan screens. Everything sits under the 'recovery' topic, as the
 * register and agreements screens do: a project's savings change every mitigated scenario it is
 * attached to, and attaching one changes the project's page, so a write reads the area again.
 * Results are read afresh whenever a plan screen opens: the register may have moved them.
 */
const TOPICS = ['recovery', 'history'];

export const plansKey = ['recovery', 'plans'];
export const resultKey = (scenarioId: number) => ['recovery', 'plan-result', scenarioId];
export const assumptionsKey = (scenarioId: number) => ['recovery', 'plan-assumptions', scenarioId];

export function usePlans() {
  return useQuery({ queryKey: plansKey, queryFn: () => api.listPlans({}), refetchOnMount: 'always' });
}

export function usePlanResult(scenarioId: number | null) {
  return useQuery({
    queryKey: resultKey(scenarioId ?? 0),
    queryFn: () => api.getPlanResult({ scenarioId: scenarioId! }),
    enabled: scenarioId !== null,
    refetchOnMount: 'always',
  });
}

export function useAssumptions(scenarioId: number | null) {
  return useQuery({
    queryKey: assumptionsKey(scenarioId ?? 0),
    queryFn: () => api.getAssumptions({ scenarioId: scenarioId! }),
    enabled: scenarioId !== null,
    refetchOnMount: 'always',
  });
}

export function useCompare(a: number | null, b: number | null) {
  return useQuery({
    queryKey: ['recovery', 'plan-compare', a, b],
    queryFn: () => api.compareScenarios({ a: a!, b: b! }),
    enabled: a !== null && b !== null,
    refetchOnMount: 'always',
  });
}

export function useRegisterProjects(enabled: boolean) {
  return useQuery({ queryKey: ['recovery', 'projects', 'all'], queryFn: () => api.listProjects({}), enabled, refetchOnMount: 'always' });
}

export function useCreatePlan() {
  return useWrite(api.createPlan, {
    topics: TOPICS,
    success: (p) => `${p.name} created from ${p.baseYear}, running ${p.horizonYears} years to ${p.years.at(-1)}.`,
  });
}

export function useCreateMitigated() {
  return useWrite(api.createMitigatedScenario, { topics: TOPICS, success: (s) => `${s.name} added on ${s.parentName}: attach the projects it counts.` });
}

export function useCopyScenario() {
  return useWrite(api.copyScenario, {
    topics: TOPICS,
    success: (s) => `${s.name} saved as a copy${s.savingsBasis === 'delivered' ? ', re-based on the savings delivered' : ''}. It is not locked.`,
  });
}

export function useRenameScenario() {
  return useWrite(api.renameScenario, { topics: TOPICS, success: (s) => `Saved as ${s.name}.` });
}

export function useDeleteScenario() {
  return useWrite(api.deleteScenario, { topics: TOPICS });
}

export function useSubmitScenario() {
  return useWrite(api.submitScenario, { topics: TOPICS });
}

export function useAttachProject() {
  return useWrite(api.attachProject, { topics: TOPICS });
}

export function useDetachProject() {
  return useWrite(api.detachProject, { topics: TOPICS });
}

export function useRefreshBase() {
  return useWrite(api.refreshPlanBase, {
    topics: TOPICS,
    put: (a) => [[assumptionsKey(a.scenarioId), a]],
    success: (a) => `The base is read again from the workspace: ${a.baseLabel}.`,
  });
}

/** A save the server may hold back until the user confirms it (growth past ±25%): its question, or the result. */
export type Confirmable<O> = { needsConfirmation: string } | { done: O };

/**
 * Assumption writes: a growth figure past ±25% comes back as a question, not a refusal, so the
 * screen can ask "Save anyway?" and send it again with confirmExtreme.
 */
function confirmable<I, O>(call: (input: I) => Promise<O>) {
  return async (input: I): Promise<Confirmable<O>> => {
    try {
      return { done: await call(input) };
    } catch (e) {
      if (e instanceof ApiError && e.code === 'NEEDS_CONFIRMATION') return { needsConfirmation: e.message };
      throw e;
    }
  };
}

const putAssumptions = (out: Confirmable<PlanAssumptions>): Array<[readonly unknown[], unknown]> =>
  'done' in out ? [[assumptionsKey(out.done.scenarioId), out.done]] : [];

const saveFunding = confirmable(api.saveFundingYear);
const saveLine = confirmable(api.savePlanLine);

export function useSaveFundingYear() {
  return useWrite(saveFunding, { topics: (out) => ('done' in out ? TOPICS : []), put: putAssumptions });
}

export function useSavePlanLine() {
  return useWrite(saveLine, { topics: (out) => ('done' in out ? TOPICS : []), put: putAssumptions });
}

export function useDeletePlanLine() {
  return useWrite(api.deletePlanLine, { topics: TOPICS, put: (a) => [[assumptionsKey(a.scenarioId), a]] });
}

/** "Plan 2026: Mitigated (Safety Valve)": a scenario named with its plan, where several plans are listed. */
export const scenarioLabel = (s: Pick<ScenarioInfo, 'planName' | 'name'>) => `${s.planName}: ${s.name}`;

/** "Unmitigated", or "Safety Valve proposal (mitigated)": the scenario's name, saying its kind when the name does not. */
export function seriesName(r: Pick<PlanResult, 'scenario' | 'kind'>): string {
  return r.scenario.toLowerCase().includes(r.kind) ? r.scenario : `${r.scenario} (${r.kind})`;
}
