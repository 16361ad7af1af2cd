import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../renderer/src/api/api';
import { useLabelledWrite } from '../../../../renderer/src/data/use-labelled-write';
import type { WriteOptions } from '../../../../renderer/src/data/use-write';
import type { ProjectDetail } from '../../types';
import { refusalText } from './refusal';

/**
 * The reads and writes of the recovery register. Everything sits under the 'recovery' topic: a
 * project's savings and costs move the mitigated scenarios it counts in, and its code and RAG
 * show on agreements, so a write reads the plan and the agreements again too.
 */
const TOPICS = ['recovery', 'history'];

export const workstreamsKey = ['recovery', 'register', 'workstreams'];
export const projectsKey = ['recovery', 'register', 'projects'];
export const projectKey = (id: number) => ['recovery', 'register', 'project', id];

export function useWorkstreams() {
  return useQuery({ queryKey: workstreamsKey, queryFn: () => api.listWorkstreams({}) });
}

/** Every project in one call: the register filters and sorts them on the page. */
export function useProjects() {
  return useQuery({ queryKey: projectsKey, queryFn: () => api.listProjects({}) });
}

export function useProject(id: number) {
  return useQuery({ queryKey: projectKey(id), queryFn: () => api.getProject({ id }), enabled: Number.isInteger(id) && id > 0, retry: false });
}

/** Agreements to link a project to. */
export function useAgreementChoices(enabled: boolean) {
  return useQuery({ queryKey: ['recovery', 'agreements', 'overview'], queryFn: () => api.getAgreementsOverview({}), enabled });
}

/** Plans and their scenarios, to count a project in a mitigated one. */
export function usePlans(enabled: boolean) {
  return useQuery({ queryKey: ['recovery', 'plans'], queryFn: () => api.listPlans({}), enabled });
}

/**
 * A write whose refusal is shown in its own form: `refusal()` gives the server's reason with the
 * field it is about named as the form names it ("Year: 2031-32 is outside the plan…").
 */
export function useFormWrite<I, O>(call: (input: I) => Promise<O>, options: WriteOptions<I, O>, labels: Record<string, string>) {
  return useLabelledWrite(call, options, labels, refusalText);
}

/** A write that returns the project: shown at once on its page. */
const onProject = <I>(success?: (p: ProjectDetail, input: I) => string | null): WriteOptions<I, ProjectDetail> => ({
  topics: TOPICS,
  put: (p) => [[projectKey(p.id), p]],
  success,
});

export const WORKSTREAM_LABELS = { code: 'Code', name: 'Name', lead: 'Lead', aim: 'Aim', id: 'Workstream' };
export const PROJECT_LABELS = {
  code: 'Code',
  name: 'Name',
  owner: 'Owner',
  aim: 'Aim',
  workstreamId: 'Workstream',
  fundingSource: 'Funding source',
  savingKind: 'Saving or cost avoidance',
  approvedBudgetPence: 'Approved budget',
  spendToDatePence: 'Spend to date',
  forecastPence: 'Forecast',
  boardBodyId: 'Overseeing board',
};
export const YEAR_LABELS = { year: 'Year', costPence: 'HNB cost', targetSavingPence: 'Target saving', deliveredSavingPence: 'Delivered saving' };
export const RAG_FORM_LABELS = { rag: 'RAG', reason: 'Reason', asOf: 'Assessed on' };
export const MILESTONE_LABELS = { title: 'Milestone', dueOn: 'Due', doneOn: 'Done' };
export const KPI_LABELS = {
  measure: 'Measure',
  baseline: 'Baseline',
  baselineOn: 'Baseline date',
  target: 'Target',
  targetOn: 'Target date',
  latest: 'Latest',
  latestOn: 'Latest date',
  higherIsBetter: 'Direction',
};
export const LINK_LABELS = { agreementId: 'Agreement', scenarioId: 'Scenario', projectId: 'Project' };

export function useSaveWorkstream() {
  return useFormWrite(api.saveWorkstream, { topics: TOPICS, put: (list) => [[workstreamsKey, list]] }, WORKSTREAM_LABELS);
}

export function useDeleteWorkstream() {
  return useFormWrite(api.deleteWorkstream, { topics: TOPICS, put: (list) => [[workstreamsKey, list]] }, WORKSTREAM_LABELS);
}

export function useSaveProject() {
  return useFormWrite(
    api.saveProject,
    onProject((p, input) => (input.id ? `${p.code} saved.` : `${p.code} ${p.name} added to the register.`)),
    PROJECT_LABELS,
  );
}

export function useDeleteProject() {
  return useFormWrite(api.deleteProject, { topics: TOPICS }, PROJECT_LABELS);
}

export function useRecordRag() {
  return useFormWrite(api.recordRag, onProject(), RAG_FORM_LABELS);
}

export function useSaveMilestone() {
  return useFormWrite(api.saveMilestone, onProject(), MILESTONE_LABELS);
}

export function useDeleteMilestone() {
  return useFormWrite(api.deleteMilestone, onProject(), MILESTONE_LABELS);
}

export function useSaveKpi() {
  return useFormWrite(api.saveKpi, onProject(), KPI_LABELS);
}

export function useDeleteKpi() {
  return useFormWrite(api.deleteKpi, onProject(), KPI_LABELS);
}

export function useSaveProjectYear() {
  return useFormWrite(api.saveProjectYear, onProject(), YEAR_LABELS);
}

export function useDeleteProjectYear() {
  return useFormWrite(api.deleteProjectYear, onProject(), YEAR_LABELS);
}

export function useLinkAgreement() {
  return useFormWrite(api.linkAgreement, onProject(), LINK_LABELS);
}

export function useUnlinkAgreement() {
  return useFormWrite(api.unlinkAgreement, onProject(), LINK_LABELS);
}

/** Attaching returns the scenario, not the project: the project is read again with the rest. */
export function useAttachProject() {
  return useFormWrite(api.attachProject, { topics: TOPICS }, LINK_LABELS);
}

export function useDetachProject() {
  return useFormWrite(api.detachProject, { topics: TOPICS }, LINK_LABELS);
}
