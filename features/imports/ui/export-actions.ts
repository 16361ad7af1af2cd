import { useCallback, useState } from 'react';
import { api } from '../../../renderer/src/api/api';
import { saveWorkbook } from '../../../renderer/src/api/save-file';
import { useApp } from '../../../renderer/src/state/app-state';

type App = ReturnType<typeof useApp>;

const AFTER: Record<string, string> = {
  budget: 'Change budgets or add lines in it, then import it back with Import workbook.',
  monitoring: 'Send it to the budget holder; import it back with Import workbook when it is returned.',
};

/** A workbook to fill in and import back, saved where the user says (or downloaded, in the browser). */
export async function exportWorkbookAs(
  app: Pick<App, 'notify' | 'reportError' | 'dismissNotice'>,
  kind: string,
  scope: Record<string, string | number>,
): Promise<void> {
  app.dismissNotice();
  try {
    const saved = await saveWorkbook(await api.exportWorkbook({ kind, scope }));
    if (saved) app.notify('success', `Saved ${saved}`, AFTER[kind] ? [AFTER[kind]] : undefined);
  } catch (e) {
    app.reportError(e);
  }
}

/**
 * The workbooks sent out to be filled in and imported back: the budget for the year, and the
 * monitoring return for the period, for every line or one budget holder's.
 */
export function useWorkbookExports() {
  const app = useApp();
  const { year, period } = app;
  const [busy, setBusy] = useState(false);

  const run = useCallback(
    async (kind: string, scope: Record<string, string | number>) => {
      setBusy(true);
      try {
        await exportWorkbookAs(app, kind, scope);
      } finally {
        setBusy(false);
      }
    },
    [app],
  );

  const exportBudget = useCallback(async () => {
    if (year) await run('budget', { year });
  }, [year, run]);

  const exportReturn = useCallback(
    async (holder?: string) => {
      if (year) await run('monitoring', { year, period, ...(holder ? { holder } : {}) });
    },
    [year, period, run],
  );

  return { exportBudget, exportReturn, busy };
}
