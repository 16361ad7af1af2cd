import { useQuery } from '@tanstack/react-query';
import { api } from '../../../renderer/src/api/api';

/** A year's DSG position at a period. */
export function useSummary(year: string | null, period: number | undefined) {
  return useQuery({ queryKey: ['position', 'summary', year, period], queryFn: () => api.getSummary({ year: year!, period }), enabled: !!year });
}

/** Every year's position, the one being looked at shown at its period. */
export function usePositionSeries(year: string | null, period: number | undefined) {
  return useQuery({ queryKey: ['position', 'series', year, period], queryFn: () => api.getPositionSeries(year ? { year, period } : {}) });
}
