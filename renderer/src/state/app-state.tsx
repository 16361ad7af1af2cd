import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { UndoState, WorkspaceInfo, YearInfo } from '../../../electron/shared/types';
import { api } from '../api/api';
import { ApiError } from '../api/api-error';

export type ScreenId = 'monitoring' | 'budget' | 'position' | 'imports' | 'years' | 'lines' | 'workspaces';

/** Something a screen should do once it shows, asked for from elsewhere (the menu). */
export type ScreenIntent = 'choose-return-holder';

export interface Notice {
  id: number;
  intent: 'success' | 'error' | 'info' | 'warning';
  title: string;
  lines?: string[];
}

interface AppState {
  workspace: WorkspaceInfo | null;
  /** True once opening the workspace has been tried and nothing is open. */
  noWorkspace: boolean;
  years: YearInfo[];
  year: string | null;
  setYear(year: string): void;
  /** The chosen year is closed: its figures are read-only. */
  closed: boolean;
  period: number;
  setPeriod(period: number): void;
  screen: ScreenId;
  setScreen(screen: ScreenId): void;
  /** Bumped after every write, so every screen re-reads what it shows. */
  version: number;
  refresh(): void;
  undo: UndoState;
  runUndo(): Promise<void>;
  notice: Notice | null;
  notify(intent: Notice['intent'], title: string, lines?: string[]): void;
  dismissNotice(): void;
  /** Shows a refused call with every issue it names. */
  reportError(e: unknown): void;
  workspaceChanged(info: WorkspaceInfo): void;
  /** The import wizard: open over whichever screen is showing. */
  importing: boolean;
  setImporting(open: boolean): void;
  intent: ScreenIntent | null;
  setIntent(intent: ScreenIntent | null): void;
}

const Ctx = createContext<AppState | null>(null);

export function useApp(): AppState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useApp outside AppStateProvider');
  return v;
}

/** The period a year opens at: its latest return, or P12 once closed. */
export function defaultPeriod(y: YearInfo | undefined): number {
  if (!y) return 1;
  if (y.status === 'closed') return 12;
  return y.latestPeriod ?? 1;
}

function defaultYear(years: YearInfo[]): YearInfo | undefined {
  const open = years.filter((y) => y.status === 'open');
  return open[open.length - 1] ?? years[years.length - 1];
}

let noticeId = 0;

export function AppStateProvider({ children }: { children: ReactNode }) {
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [noWorkspace, setNoWorkspace] = useState(false);
  const [years, setYears] = useState<YearInfo[]>([]);
  const [year, setYearState] = useState<string | null>(null);
  const [period, setPeriod] = useState(1);
  const [screen, setScreen] = useState<ScreenId>('monitoring');
  const [version, setVersion] = useState(0);
  const [undo, setUndo] = useState<UndoState>({ canUndo: false, label: null, blockedBy: null });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [importing, setImporting] = useState(false);
  const [intent, setIntent] = useState<ScreenIntent | null>(null);

  const notify = useCallback((intent: Notice['intent'], title: string, lines?: string[]) => {
    setNotice({ id: ++noticeId, intent, title, lines });
  }, []);

  const reportError = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError) {
        const lines = e.issues.length > 1 ? e.issues.map((i) => i.message) : undefined;
        notify('error', e.message, lines);
      } else notify('error', e instanceof Error ? e.message : String(e));
    },
    [notify],
  );

  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  const loadYears = useCallback(async (keepYear: boolean) => {
    const list = await api.listYears({});
    setYears(list);
    setYearState((current) => {
      if (keepYear && current && list.some((y) => y.id === current)) return current;
      const y = defaultYear(list);
      setPeriod(defaultPeriod(y));
      return y?.id ?? null;
    });
  }, []);

  useEffect(() => {
    api
      .getWorkspace({})
      .then(async (info) => {
        setWorkspace(info);
        await loadYears(false);
      })
      .catch((e) => {
        setNoWorkspace(true);
        reportError(e);
      });
  }, [loadYears, reportError]);

  useEffect(() => {
    if (!workspace) return;
    loadYears(true).catch(reportError);
    api
      .getUndoState({})
      .then(setUndo)
      .catch(() => undefined);
  }, [version, workspace, loadYears, reportError]);

  const setYear = useCallback(
    (id: string) => {
      setYearState(id);
      setPeriod(defaultPeriod(years.find((y) => y.id === id)));
    },
    [years],
  );

  const runUndo = useCallback(async () => {
    try {
      const r = await api.undo({});
      notify('success', `Undone: ${r.undone}`);
      refresh();
    } catch (e) {
      reportError(e);
    }
  }, [notify, refresh, reportError]);

  const workspaceChanged = useCallback(
    (info: WorkspaceInfo) => {
      const same = info.path === workspace?.path;
      setWorkspace(info);
      setNoWorkspace(false);
      loadYears(same).catch(reportError);
      refresh();
      if (same) return;
      setScreen('monitoring');
      notify('success', `Opened ${info.name}`, info.backupPath ? [`This file was upgraded; a copy of it as it was is kept at ${info.backupPath}`] : undefined);
    },
    [workspace?.path, loadYears, refresh, notify, reportError],
  );

  const value = useMemo<AppState>(
    () => ({
      workspace,
      noWorkspace,
      years,
      year,
      setYear,
      closed: years.find((y) => y.id === year)?.status === 'closed',
      period,
      setPeriod,
      screen,
      setScreen,
      version,
      refresh,
      undo,
      runUndo,
      notice,
      notify,
      dismissNotice: () => setNotice(null),
      reportError,
      workspaceChanged,
      importing,
      setImporting,
      intent,
      setIntent,
    }),
    [
      workspace,
      noWorkspace,
      years,
      year,
      setYear,
      period,
      screen,
      version,
      refresh,
      undo,
      runUndo,
      notice,
      notify,
      reportError,
      workspaceChanged,
      importing,
      intent,
    ],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

/**
 * Loads data for a screen and reloads it when its inputs or the data version change. When the
 * inputs change (another year or period) the old figures are dropped at once, so they are never
 * shown, or edited, under the new heading; a reload after a save keeps them on screen meanwhile.
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; loading: boolean } {
  const { version, reportError } = useApp();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const lastDeps = useRef<string | null>(null);
  useEffect(() => {
    let live = true;
    const key = JSON.stringify(deps);
    const inputsChanged = key !== lastDeps.current;
    lastDeps.current = key;
    if (inputsChanged) setData(null);
    setLoading(true);
    load()
      .then((d) => live && setData(d))
      .catch((e) => {
        if (!live) return;
        if (inputsChanged) setData(null);
        reportError(e);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, version]);
  return { data, loading };
}
