import { useQuery } from '@tanstack/react-query';
import { api } from '../../../../renderer/src/api/api';
import { useWrite } from '../../../../renderer/src/data/use-write';
import { RETURN_PERIOD_LABELS, RETURN_STATUS_LABELS } from '../../words';

/**
 * The reads and writes of the returns screen. Everything sits under the 'allocations' topic: a
 * return's figures move the partnership's underspend and flag, and the returns-position block a
 * forum paper shows, so a write reads the area again.
 */
const TOPICS = ['allocations'];

export const returnsKey = (year: string) => ['allocations', 'returns', year];

export function useReturns(year: string | null) {
  return useQuery({ queryKey: returnsKey(year ?? ''), queryFn: () => api.listReturns({ year: year! }), enabled: !!year });
}

/** The partnerships' agreements, for the link from a partnership to the agreement its rule comes from. */
export function usePartnerships(year: string | null) {
  return useQuery({ queryKey: ['allocations', 'partnerships', year ?? ''], queryFn: () => api.listPartnerships({ year: year! }), enabled: !!year });
}

export function useSetUpReturns() {
  return useWrite(api.setUpReturns, {
    topics: TOPICS,
    put: (o) => [[returnsKey(o.year), o]],
    success: (o, input) => {
      const made = o.partnerships.filter((p) => input.partnershipId === undefined || p.partnershipId === input.partnershipId);
      const n = made.reduce((s, p) => s + p.returns.length, 0);
      return `${o.year}: ${n} return${n === 1 ? '' : 's'} ready to send, one for each period of each partnership with an allocation.`;
    },
  });
}

export function useSaveReturn() {
  return useWrite(api.saveReturn, {
    topics: TOPICS,
    success: (r) => `${r.partnership}’s ${RETURN_PERIOD_LABELS[r.period].toLowerCase()} return saved.`,
  });
}

export function useSetReturnStatus() {
  return useWrite(api.setReturnStatus, {
    topics: TOPICS,
    success: (r) => `${r.partnership}’s ${RETURN_PERIOD_LABELS[r.period].toLowerCase()} return is ${RETURN_STATUS_LABELS[r.status].toLowerCase()}.`,
  });
}

export function useSetDevelopmentPlan() {
  return useWrite(api.setDevelopmentPlan, {
    topics: TOPICS,
    put: (o) => [[returnsKey(o.year), o]],
    success: (o, input) => {
      const p = o.partnerships.find((x) => x.partnershipId === input.partnershipId);
      const name = p?.partnership ?? 'The partnership';
      return input.approvedOn ? `${name}: development plan recorded.` : `${name}: development plan cleared.`;
    },
  });
}

export const useSaveCategory = () =>
  useWrite(api.saveReturnCategory, { topics: TOPICS, success: (c, i) => `Spending category ${c.name} ${i.id ? 'saved' : 'added'}.` });
export const useDeleteCategory = () => useWrite(api.deleteReturnCategory, { topics: TOPICS, success: () => 'Spending category deleted.' });
export const useSaveMeasure = () =>
  useWrite(api.saveReturnMeasure, { topics: TOPICS, success: (m, i) => `Outcome measure ${m.name} ${i.id ? 'saved' : 'added'}.` });
export const useDeleteMeasure = () => useWrite(api.deleteReturnMeasure, { topics: TOPICS, success: () => 'Outcome measure deleted.' });
