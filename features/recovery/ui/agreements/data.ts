import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../renderer/src/api/api';
import { ukLongDate } from '../../../../electron/shared/dates';
import { useWrite } from '../../../../renderer/src/data/use-write';
import type { AgreementDetail } from '../../types';

/**
 * The reads and writes of the agreements screens. All under the 'recovery' topic: an agreement's
 * reference shows on the projects it delivers, and a threshold changes every agreement's flags,
 * so a write reads the whole area again.
 */
const TOPICS = ['recovery', 'history'];

export const overviewKey = ['recovery', 'agreements'];
export const agreementKey = (id: number) => ['recovery', 'agreement', id];

export function useAgreementsOverview() {
  return useQuery({ queryKey: overviewKey, queryFn: () => api.getAgreementsOverview({}) });
}

export function useAgreement(id: number) {
  return useQuery({ queryKey: agreementKey(id), queryFn: () => api.getAgreement({ id }), enabled: Number.isInteger(id) && id > 0 });
}

export function useProjectsForLinking(enabled: boolean) {
  return useQuery({ queryKey: ['recovery', 'projects', 'all'], queryFn: () => api.listProjects({}), enabled });
}

export function useSaveAgreement() {
  return useWrite(api.saveAgreement, {
    topics: TOPICS,
    put: (a) => [[agreementKey(a.id), a]],
    success: (a, input) => (input.id ? `${a.reference} saved.` : `${a.reference} added.`),
  });
}

export function useDeleteAgreement() {
  return useWrite(api.deleteAgreement, { topics: TOPICS });
}

/** Writes that come back with the agreement: shown at once. */
function useAgreementWrite<I>(call: (input: I) => Promise<AgreementDetail>, success?: (a: AgreementDetail, input: I) => string | null) {
  return useWrite(call, { topics: TOPICS, put: (a) => [[agreementKey(a.id), a]], success });
}

export const useTakeExtension = () =>
  useAgreementWrite(api.takeExtension, (a, i) => `Extension ${i.number} of ${a.reference} taken: it now ends on ${ukLongDate(a.currentEndOn)}.`);
export const useRemoveExtension = () => useAgreementWrite(api.removeExtension);
export const useSaveCondition = () => useAgreementWrite(api.saveCondition);
export const useDeleteCondition = () => useAgreementWrite(api.deleteCondition);
export const useSaveReport = () => useAgreementWrite(api.saveReport);
export const useDeleteReport = () => useAgreementWrite(api.deleteReport);

export function useLinkProject() {
  return useWrite(api.linkAgreement, { topics: TOPICS });
}

export function useUnlinkProject() {
  return useWrite(api.unlinkAgreement, { topics: TOPICS });
}

export function useSaveThreshold() {
  return useWrite(api.saveThreshold, { topics: TOPICS, success: () => 'Threshold saved: every agreement’s flags are worked out again.' });
}

export function useDeleteThreshold() {
  return useWrite(api.deleteThreshold, { topics: TOPICS, success: () => 'Threshold deleted: every agreement’s flags are worked out again.' });
}

export function useSetAlertDays() {
  return useWrite(api.setAlertDays, { topics: TOPICS, success: (r) => `Alerts now look ${r.alertDays} days ahead.` });
}
