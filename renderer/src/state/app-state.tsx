import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { UndoState } from '../../../features/history/types';
import { DEFAULT_SETTINGS, type WorkspaceSettings } from '../../../features/settings/types';
import type { WorkspaceInfo } from '../../../features/workspaces/types';
import type { YearInfo } from '../../../features/years/types';
import { type MoneyFormat, moneyFormat } from '../../../electron/shared/money';
import { api } from '../api/api';
import { ApiError } from '../api/api-error';
import { connection } from '../api/connection';
import { useShallowMemo } from './shallow-memo';

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
  undo: UndoState;
  settings: WorkspaceSettings;
  /** Money as this workspace shows it: negatives as -£1,234 or (£1,234). */
  money: MoneyFormat;
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
  /** False while the data server is not answering. */
  online: boolean;
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

const NO_UNDO: UndoState = { canUndo: false, label: null, blockedBy: null, canRedo: false, redoLabel: null };
let noticeId = 0;

export function AppStateProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [chosenYear, setChosenYear] = useState<string | null>(null);
  const [period, setPeriod] = useState(1);
  const [importing, setImporting] = useState(false);
  const [intent, setIntent] = useState<ScreenIntent | null>(null);
  const [online, setOnline] = useState(connection.online);

  const notify = useCallback((intent: Notice['intent'], title: string, lines?: string[]) => setNotice({ id: ++noticeId, intent, title, lines }), []);
  const dismissNotice = useCallback(() => setNotice(null), []);
  const reportError = useCallback(
    (e: unknown) => {
      if (e instanceof ApiError) notify('error', e.message, e.issues.length > 1 ? e.issues.map((i) => i.message) : undefined);
      else notify('error', e instanceof Error ? e.message : String(e));
    },
    [notify],
  );

  const ws = useQuery({ queryKey: ['workspace'], queryFn: () => api.getWorkspace({}) });
  const workspace = ws.data ?? null;
  const yearsQuery = useQuery({ queryKey: ['years', workspace?.path], queryFn: () => api.listYears({}), enabled: !!workspace });
  const undoQuery = useQuery({ queryKey: ['undo', workspace?.path], queryFn: () => api.getUndoState({}), enabled: !!workspace });
  const settingsQuery = useQuery({ queryKey: ['settings', workspace?.path], queryFn: () => api.getSettings({}), enabled: !!workspace });
  const years = yearsQuery.data ?? [];

  useEffect(() => {
    if (ws.error) reportError(ws.error);
  }, [ws.error, reportError]);

  // The year shown: the one chosen, while it exists; else the latest open year.
  const year = chosenYear && years.some((y) => y.id === chosenYear) ? chosenYear : (defaultYear(years)?.id ?? null);
  useEffect(() => {
    if (!chosenYear && year) {
      setChosenYear(year);
      setPeriod(defaultPeriod(years.find((y) => y.id === year)));
    }
  }, [chosenYear, year, years]);

  // When the server comes back, everything shown is read afresh.
  useEffect(
    () =>
      connection.subscribe((up) => {
        setOnline(up);
        if (up) void queryClient.invalidateQueries();
      }),
    [queryClient],
  );

  const setYear = useCallback(
    (id: string) => {
      setChosenYear(id);
      setPeriod(defaultPeriod(years.find((y) => y.id === id)));
    },
    [years],
  );

  const workspaceChanged = useCallback(
    (info: WorkspaceInfo) => {
      const same = info.path === workspace?.path;
      queryClient.setQueryData(['workspace'], info);
      void queryClient.invalidateQueries();
      if (same) return;
      setChosenYear(null);
      notify('success', `Opened ${info.name}`, info.backupPath ? [`This file was upgraded; a copy of it as it was is kept at ${info.backupPath}`] : undefined);
    },
    [workspace?.path, queryClient, notify],
  );

  const settings = settingsQuery.data ?? DEFAULT_SETTINGS;
  const money = useMemo(() => moneyFormat(settings.negativeStyle), [settings.negativeStyle]);

  const value = useShallowMemo<AppState>({
    workspace,
    noWorkspace: !!ws.error && !workspace,
    years,
    year,
    setYear,
    closed: years.find((y) => y.id === year)?.status === 'closed',
    period,
    setPeriod,
    undo: undoQuery.data ?? NO_UNDO,
    settings,
    money,
    notice,
    notify,
    dismissNotice,
    reportError,
    workspaceChanged,
    importing,
    setImporting,
    intent,
    setIntent,
    online,
  });
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
