import { useCallback, useState } from 'react';
import { api } from '../../../renderer/src/api/api';
import { saveWorkbook } from '../../../renderer/src/api/save-file';
import { useApp } from '../../../renderer/src/state/app-state';

type App = ReturnType<typeof useApp>;

/** The monitoring table and DSG position, as the forum sees them, saved as a workbook. */
export async function exportReport(app: Pick<App, 'year' | 'period' | 'notify' | 'reportError' | 'dismissNotice'>): Promise<void> {
  if (!app.year) return;
  app.dismissNotice();
  try {
    const saved = await saveWorkbook(await api.buildMonitoringWorkbook({ year: app.year, period: app.period }));
    if (saved) app.notify('success', `Saved ${saved}`);
  } catch (e) {
    app.reportError(e);
  }
}

/** The same, for a button that shows it is busy. */
export function useExportReport() {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async () => {
    setBusy(true);
    try {
      await exportReport(app);
    } finally {
      setBusy(false);
    }
  }, [app]);
  return { run, busy };
}
