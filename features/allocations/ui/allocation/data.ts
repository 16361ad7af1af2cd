import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../renderer/src/api/api';
import { useWrite } from '../../../../renderer/src/data/use-write';
import type { RunDetail } from '../../types';

/**
 * The reads and writes of the allocation screen. Everything sits under the 'allocations' topic:
 * a run's results rest on the schools, their data and membership (the other screens of the
 * feature), and the returns read their allocations from the year's run, so a write reads the
 * area again. A run is read afresh whenever the screen opens: its data may have moved.
 */
const TOPICS = ['allocations', 'history'];

export const runsKey = ['allocations', 'runs'];
export const runKey = (runId: number) => ['allocations', 'run', runId];

export function useRuns() {
  return useQuery({ queryKey: runsKey, queryFn: () => api.listRuns({}), refetchOnMount: 'always' });
}

export function useRun(runId: number | null) {
  return useQuery({ queryKey: runKey(runId ?? 0), queryFn: () => api.getRun({ runId: runId! }), enabled: runId !== null, refetchOnMount: 'always' });
}

/** b against a; without b, a against the run that counts for the year before. */
export function useCompare(a: number | null, b: number | null, enabled: boolean) {
  return useQuery({
    queryKey: ['allocations', 'run-compare', a, b],
    queryFn: () => api.compareRuns(b === null ? { a: a! } : { a: a!, b }),
    enabled: enabled && a !== null,
    refetchOnMount: 'always',
    retry: false,
  });
}

export function useDataColumns(enabled = true) {
  return useQuery({ queryKey: ['allocations', 'data-columns'], queryFn: () => api.listDataColumns({}), enabled, refetchOnMount: 'always' });
}

export function usePartnerships(year: string | null) {
  return useQuery({
    queryKey: ['allocations', 'partnerships', year],
    queryFn: () => api.listPartnerships({ year: year! }),
    enabled: year !== null,
    refetchOnMount: 'always',
  });
}

const putRun = (r: RunDetail): Array<[readonly unknown[], unknown]> => [[runKey(r.id), r]];

export function useCreateRun() {
  return useWrite(api.createRun, { topics: TOPICS, put: putRun, success: (r) => `${r.name} worked out for ${r.year} on today's data.` });
}

export function useUpdateRun() {
  return useWrite(api.updateRun, { topics: TOPICS, put: putRun, success: (r) => `${r.name} saved and worked out again on today's data.` });
}

export function useRecalculateRun() {
  return useWrite(api.recalculateRun, { topics: TOPICS, put: putRun, success: (r) => `${r.name} worked out again on today's school data and membership.` });
}

export function useCopyRun() {
  return useWrite(api.copyRun, { topics: TOPICS, put: putRun, success: (r) => `${r.name} made for ${r.year}: a draft, worked out on today's data.` });
}

export function useApproveRun() {
  return useWrite(api.approveRun, { topics: TOPICS, put: putRun });
}

export function useDeleteRun() {
  return useWrite(api.deleteRun, { topics: TOPICS });
}

/** The run that counts for a year: the most recently approved (by date, then id), else the latest. */
export function countingRun<R extends { year: string; id: number; status: string; approvedOn: string | null }>(
  runs: readonly R[],
  year: string,
): R | undefined {
  const ofYear = runs.filter((r) => r.year === year);
  const approved = ofYear.filter((r) => r.status === 'approved').sort((a, b) => (a.approvedOn ?? '').localeCompare(b.approvedOn ?? '') || a.id - b.id);
  return approved.at(-1) ?? ofYear.sort((a, b) => a.id - b.id).at(-1);
}

/** "2025-26" before "2026-27". */
export function previousYear(year: string): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
