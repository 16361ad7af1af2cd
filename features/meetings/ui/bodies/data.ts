import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../renderer/src/api/api';
import { useWrite } from '../../../../renderer/src/data/use-write';

/**
 * The reads and writes of Bodies and members. Everything sits under the 'meetings' topic: a
 * body's quorum, members and template show on its meetings too, so a write reads them all again.
 */
const TOPICS = ['meetings', 'history'];

export const bodiesKey = ['meetings', 'bodies'];
export const bodyKey = (id: number) => ['meetings', 'body', id];
export const bankHolidaysKey = ['meetings', 'bank-holidays'];

export function useBodies() {
  return useQuery({ queryKey: bodiesKey, queryFn: () => api.listBodies({}) });
}

export function useBody(id: number | null) {
  return useQuery({ queryKey: bodyKey(id ?? 0), queryFn: () => api.getBody({ id: id! }), enabled: id !== null });
}

export function useSaveBody() {
  return useWrite(api.saveBody, { topics: TOPICS, success: (b, input) => (input.id ? `${b.name} saved.` : `${b.name} added.`) });
}

/** Success is told by the caller: a save that breaks a composition rule is a warning, worded as one. */
export function useSaveMember() {
  return useWrite(api.saveMember, { topics: TOPICS });
}

export function useAddMemberTerm() {
  return useWrite(api.addMemberTerm, { topics: TOPICS });
}

export function useDeleteMember() {
  return useWrite(api.deleteMember, { topics: TOPICS });
}

export function useBankHolidays(enabled: boolean) {
  return useQuery({ queryKey: bankHolidaysKey, queryFn: () => api.listBankHolidays({}), enabled });
}

export function useSaveBankHoliday() {
  return useWrite(api.saveBankHoliday, { topics: TOPICS, put: (list) => [[bankHolidaysKey, list]] });
}

export function useDeleteBankHoliday() {
  return useWrite(api.deleteBankHoliday, { topics: TOPICS, put: (list) => [[bankHolidaysKey, list]] });
}
