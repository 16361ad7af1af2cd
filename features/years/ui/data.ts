import { useQuery } from '@tanstack/react-query';
import { api } from '../../../renderer/src/api/api';
import { ukLongDate } from '../../../electron/shared/dates';
import { useWrite } from '../../../renderer/src/data/use-write';
import { BLOCK_NAMES } from '../types';

/**
 * The reads and writes of Years and funding. Allocations and contributions sit under the
 * 'years' topic, so any write that names 'years' reads them again too.
 */

/** What adding a year, or closing or reopening one, can change: every figure of that year is locked or unlocked, or new. */
const YEAR_TOPICS = ['years', 'monitoring', 'budget', 'position', 'history'];
/** Allocations, contributions and the opening balance change the DSG position and this screen. */
const FUNDING_TOPICS = ['position', 'years', 'history'];

export const allocationsKey = (year: string) => ['years', 'allocations', year];
export const contributionsKey = (year: string) => ['years', 'contributions', year];

export function useAllocations(year: string) {
  return useQuery({ queryKey: allocationsKey(year), queryFn: () => api.getAllocations({ year }) });
}

export function useContributions(year: string) {
  return useQuery({ queryKey: contributionsKey(year), queryFn: () => api.listContributions({ year }) });
}

/**
 * What closing the year would leave behind. Under the year's 'monitoring' key, so a forecast saved
 * for that year reads it again; always fetched afresh when the close dialog opens.
 */
export function useYearCloseCheck(year: string | null) {
  return useQuery({
    queryKey: ['monitoring', year, 'close-check'],
    queryFn: () => api.getYearCloseCheck({ year: year! }),
    enabled: !!year,
    staleTime: 0,
  });
}

export function useCreateYear() {
  return useWrite(api.createYear, { topics: YEAR_TOPICS });
}

export function useSetYearStatus() {
  return useWrite(api.setYearStatus, {
    topics: YEAR_TOPICS,
    success: (y) => (y.status === 'closed' ? `${y.id} closed: its figures are now its outturn and cannot change until it is reopened.` : `${y.id} reopened.`),
  });
}

export function useSetOpeningBalance() {
  return useWrite(api.setOpeningBalance, { topics: FUNDING_TOPICS, success: (y) => `Opening balance for ${y.id} saved.` });
}

export function useSaveAllocation() {
  return useWrite(api.saveAllocation, {
    topics: FUNDING_TOPICS,
    put: (view, input) => [[allocationsKey(input.year), view]],
    success: (view, input) => `${BLOCK_NAMES[input.block]} block saved for ${input.year}${view.version ? ` (${view.version.label})` : ''}.`,
  });
}

export function useAddAllocationVersion() {
  return useWrite(api.addAllocationVersion, {
    topics: FUNDING_TOPICS,
    put: (view, input) => [[allocationsKey(input.year), view]],
    success: (_view, input) =>
      `${input.label}, published ${ukLongDate(input.publishedOn)}, is now in force for ${input.year}. It starts from the figures before it: change what the DfE changed.`,
  });
}

export function useSaveContribution() {
  return useWrite(api.saveContribution, { topics: FUNDING_TOPICS });
}

export function useDeleteContribution() {
  return useWrite(api.deleteContribution, { topics: FUNDING_TOPICS });
}
