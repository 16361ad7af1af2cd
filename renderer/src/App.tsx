import { Spinner } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useMemo } from 'react';
import { createHashRouter, Navigate, Outlet, RouterProvider, useLocation, useNavigate } from 'react-router';
import type { MenuCommand } from '../../electron/shared/menu';
import { hasBridge } from './api/api';
import { AppHeader } from './components/AppHeader';
import { ConnectionBanner } from './components/ConnectionBanner';
import { NavRail } from './components/NavRail';
import { NoticeBar } from './components/NoticeBar';
import { FEATURE_UI, ROUTES } from './features';
import { useApp } from './state/app-state';
import { useAnyMenuCommand } from './state/commands';
import { useShortcuts } from './state/shortcuts';

const WORKSPACES_PATH = '/workspaces';

/** Hands each menu command to the feature that answers it. */
function useFeatureCommands(): void {
  const app = useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useAnyMenuCommand((command: MenuCommand) => {
    for (const f of FEATURE_UI) {
      const run = f.commands?.[command];
      if (run) void run({ app, navigate, queryClient });
    }
  });
}

function Layout() {
  const app = useApp();
  const location = useLocation();
  useShortcuts(true);
  useFeatureCommands();
  // With no workspace open only the Workspaces screen can work: it opens and says why.
  const showScreen = !!app.workspace || (app.noWorkspace && location.pathname === WORKSPACES_PATH);
  const overlays = FEATURE_UI.flatMap((f) => f.overlays ?? []);
  return (
    <div className="app">
      <AppHeader />
      <div className="app-body">
        <NavRail />
        <main className="content" id="content">
          <ConnectionBanner />
          <NoticeBar />
          <Suspense fallback={<Spinner className="loading" label="Opening the screen" />}>
            {showScreen ? <Outlet /> : app.noWorkspace ? <Navigate to={WORKSPACES_PATH} replace /> : <Spinner className="loading" label="Opening workspace" />}
          </Suspense>
          {app.workspace && (
            <Suspense fallback={null}>
              {overlays.map((Overlay, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the overlays are a fixed list
                <Overlay key={i} />
              ))}
            </Suspense>
          )}
        </main>
      </div>
    </div>
  );
}

/**
 * The first screen's code starts loading as this module runs, beside the workspace's first
 * queries, rather than after the first render has redirected to it: one round of waiting fewer.
 */
function startLoadingFirstScreen(): void {
  const path = window.location.hash.replace(/^#/, '').split(/[?#]/)[0] ?? '';
  const route = ROUTES.find((r) => r.path === path) ?? ROUTES.find((r) => !r.hidden);
  void route?.load().catch(() => undefined);
}
startLoadingFirstScreen();

export function App() {
  const router = useMemo(
    () =>
      createHashRouter([
        {
          path: '/',
          element: <Layout />,
          children: [
            { index: true, element: <Navigate to={ROUTES.find((r) => !r.hidden)?.path ?? WORKSPACES_PATH} replace /> },
            ...ROUTES.map((r) => ({ path: r.path, lazy: async () => ({ Component: (await r.load()).default }) })),
            { path: '*', element: <Navigate to={ROUTES.find((r) => !r.hidden)?.path ?? WORKSPACES_PATH} replace /> },
          ],
        },
      ]),
    [],
  );
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
  return <RouterProvider router={router} />;
}
