import { useQuery } from '@tanstack/react-query';
import { api } from '../../../renderer/src/api/api';
import { useWrite } from '../../../renderer/src/data/use-write';

export function useMonitoring(year: string | null, period: number) {
  return useQuery({ queryKey: ['monitoring', year, period], queryFn: () => api.getMonitoring({ year: year!, period }), enabled: !!year });
}

export function useBudgetGrid(year: string | null) {
  return useQuery({ queryKey: ['budget', year], queryFn: () => api.getBudgetGrid({ year: year! }), enabled: !!year });
}

/** A period's forecasts change the view shown (returned by the save), later periods' views, the position and the year's latest period. */
export function useSetForecasts() {
  return useWrite(api.setForecasts, {
    put: (view, input) => [[['monitoring', input.year, input.period], view]],
    topics: (_view, input) => [['monitoring', input.year], 'position', 'years', 'history'],
  });
}

/** Budgets change the grid (returned by the save), every period's monitoring and the position. */
export function useSetBudgets() {
  return useWrite(api.setBudgets, {
    put: (grid, input) => [[['budget', input.year], grid]],
    topics: (_grid, input) => [['monitoring', input.year], 'position', 'history'],
  });
}
