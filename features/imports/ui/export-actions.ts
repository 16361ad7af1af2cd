import { useCallback } from 'react';
import { api } from '../../../renderer/src/api/api';
import { useApp } from '../../../renderer/src/state/app-state';
import { saveWorkbook } from '../../../renderer/src/api/save-file';

/**
 * The workbooks sent out to be filled in and imported back: the budget for the year, and the
 * monitoring return for the period, for every line or one budget holder's.
 */
export function useWorkbookExports() {
  const { year, period, notify, reportError } = useApp();

  const exportBudget = useCallback(async () => {
    if (!year) return;
    try {
      const saved = await saveWorkbook(await api.exportWorkbook({ kind: 'budget', year }));
      if (saved) notify('success', `Saved ${saved}`, ['Change budgets or add lines in it, then import it back with Import workbook.']);
    } catch (e) {
      reportError(e);
    }
  }, [year, notify, reportError]);

  const exportReturn = useCallback(
    async (holder?: string) => {
      if (!year) return;
      try {
        const saved = await saveWorkbook(await api.exportWorkbook({ kind: 'monitoring', year, period, ...(holder ? { holder } : {}) }));
        if (saved) notify('success', `Saved ${saved}`, ['Send it to the budget holder; import it back with Import workbook when it is returned.']);
      } catch (e) {
        reportError(e);
      }
    },
    [year, period, notify, reportError],
  );

  return { exportBudget, exportReturn };
}
