import { Spinner } from '@fluentui/react-components';
import { useEffect } from 'react';
import { hasBridge } from './api/api';
import { AppHeader } from './components/AppHeader';
import { NavRail } from './components/NavRail';
import { NoticeBar } from './components/NoticeBar';
import { ImportWizard } from '../../features/imports/ui/wizard/ImportWizard';
import { BudgetScreen } from '../../features/monitoring/ui/BudgetScreen';
import { useWorkbookExports } from '../../features/imports/ui/export-actions';
import { ImportsScreen } from '../../features/imports/ui/ImportsScreen';
import { LinesScreen } from '../../features/lines/ui/LinesScreen';
import { MonitoringScreen } from '../../features/monitoring/ui/MonitoringScreen';
import { PositionScreen } from '../../features/position/ui/PositionScreen';
import { WorkspacesScreen, useWorkspaceChooser } from '../../features/workspaces/ui/WorkspacesScreen';
import { YearsScreen } from '../../features/years/ui/YearsScreen';
import { useApp } from './state/app-state';
import { useMenuCommand } from './state/menu';

const SCREENS = {
  monitoring: MonitoringScreen,
  budget: BudgetScreen,
  position: PositionScreen,
  imports: ImportsScreen,
  years: YearsScreen,
  lines: LinesScreen,
  workspaces: WorkspacesScreen,
};

/** Ctrl+Z undoes the last saved change, except while typing, where it belongs to the text box. */
function useUndoShortcut(runUndo: () => Promise<void>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
      e.preventDefault();
      void runUndo();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runUndo]);
}

export function App() {
  const app = useApp();
  const choose = useWorkspaceChooser();
  useUndoShortcut(app.runUndo);
  useMenuCommand('undo', () => void app.runUndo());
  useMenuCommand('show-workspaces', () => app.setScreen('workspaces'));
  useMenuCommand('open-workspace', () => void choose('open'));
  useMenuCommand('new-workspace', () => void choose('create'));
  const { exportBudget } = useWorkbookExports();
  const ready = !!app.workspace && !!app.year;
  useMenuCommand('show-imports', () => app.workspace && app.setScreen('imports'));
  useMenuCommand('import-workbook', () => app.workspace && app.setImporting(true));
  useMenuCommand('export-budget', () => {
    if (!ready) return;
    app.setScreen('budget');
    void exportBudget();
  });
  // The return can be for every line or one budget holder's: the Monitoring screen asks which.
  useMenuCommand('export-monitoring-return', () => {
    if (!ready) return;
    app.setScreen('monitoring');
    app.setIntent('choose-return-holder');
  });

  if (!hasBridge) {
    return (
      <main className="no-session">
        <h1>HNB Desk</h1>
        <p>
          This page needs the link printed by <code>npm start</code> or <code>npm run web</code>: it carries the one-time session token.
        </p>
      </main>
    );
  }
  const Screen = SCREENS[app.screen];
  return (
    <div className="app">
      <AppHeader />
      <div className="app-body">
        <NavRail />
        <main className="content">
          <NoticeBar />
          {app.workspace ? <Screen /> : app.noWorkspace ? <WorkspacesScreen /> : <Spinner className="loading" label="Opening workspace" />}
          {app.workspace && <ImportWizard />}
        </main>
      </div>
    </div>
  );
}
