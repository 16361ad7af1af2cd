import { useQuery } from '@tanstack/react-query';
import { londonDate } from '../../../../electron/shared/dates';
import { api } from '../../../../renderer/src/api/api';
import { useWrite } from '../../../../renderer/src/data/use-write';
import type { SvAgreementInfo } from '../../types';
import { overviewKey } from '../agreements/data';

/**
 * The reads and writes of the Safety Valve screen. An instalment received is a contribution in
 * its year's DSG position and in the plan, so a write reads those again too.
 */
const TOPICS = ['recovery', 'position', 'years', 'history'];

export const svKey = ['recovery', 'safety-valve'];

export function useSvAgreements() {
  return useQuery({ queryKey: svKey, queryFn: () => api.listSvAgreements({}) });
}

/**
 * Today as the server has it (the agreements overview carries it): the quarters that have begun
 * are the server's to say, and a test may fix its clock. Null until it answers; the window's own
 * date if it cannot.
 */
export function useServerToday(): string | null {
  const { data, error } = useQuery({ queryKey: overviewKey, queryFn: () => api.getAgreementsOverview({}) });
  return data?.today ?? (error ? londonDate(new Date()) : null);
}

function useSvWrite<I>(call: (input: I) => Promise<SvAgreementInfo[]>, success?: (out: SvAgreementInfo[], input: I) => string | null) {
  return useWrite(call, { topics: TOPICS, put: (list) => [[svKey, list]], success });
}

export const useSaveSvAgreement = () => useSvWrite(api.saveSvAgreement, (_, i) => (i.id ? `${i.name} saved.` : `${i.name} added.`));
export const useSaveInstalment = () => useSvWrite(api.saveInstalment, (_, i) => `The ${i.year} instalment saved.`);
export const useRecordInstalment = () => useSvWrite(api.recordInstalment);
export const useDeleteInstalment = () => useSvWrite(api.deleteInstalment);
export const useSaveSvCondition = () => useSvWrite(api.saveSvCondition, (_, i) => `Condition ${i.number} saved.`);
export const useDeleteSvCondition = () => useSvWrite(api.deleteSvCondition);
export const useSaveSvMonitoring = () => useSvWrite(api.saveSvMonitoring);
