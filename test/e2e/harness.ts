import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadDemo } from '../../electron/server/demo/load-demo';
import { startWebHost, type WebHost } from '../../electron/server/hosts/web-host';
import { DomainServer } from '../../electron/server/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** A private build can be served instead (HNB_RENDERER_DIR), so parallel work does not rebuild under a running test. */
export const RENDERER_DIR = process.env.HNB_RENDERER_DIR ?? join(__dirname, '..', '..', 'out', 'renderer');
export const OUTPUT_DIR = join(__dirname, '..', 'output');

export interface Session {
  dir: string;
  server: DomainServer;
  /** Replaced by a test that stops the host and starts another (startWebHost with the same port and token). */
  host: WebHost;
  context: BrowserContext;
  page: Page;
  /** Console errors and CSP violations seen by the page. */
  problems: string[];
  close(): Promise<void>;
}

/** The window the page is shown in: 1366x768 at 100% unless a test zooms it. */
export interface Screen {
  width: number;
  height: number;
  deviceScaleFactor?: number;
}

/** A demo workspace in a temp folder, served on loopback, opened in headless Chromium at 1366x768. */
export async function openDemoSession(
  options: { screen?: Screen; prepare?: (server: DomainServer) => Promise<void> | void; now?: () => Date } = {},
): Promise<Session> {
  const s = await openSession(
    async (server) => {
      await server.openDefault();
      loadDemo(server.workspace!);
      await options.prepare?.(server);
    },
    options.screen,
    { now: options.now },
  );
  await s.page.getByRole('heading', { name: 'High Needs monitoring' }).waitFor();
  return s;
}

/**
 * The app on loopback in headless Chromium, after `prepare` has set up the server's workspace.
 * `now` fixes the server's clock (what it takes "today" to be), as testServer's does.
 */
export async function openSession(
  prepare: (server: DomainServer, dir: string) => Promise<void>,
  screen?: Screen,
  options: { now?: () => Date } = {},
): Promise<Session> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error(`${RENDERER_DIR} is missing: run npm run build (npm test does it first).`);
  const dir = mkdtempSync(join(tmpdir(), 'hnb-e2e-'));
  const server = new DomainServer({ dataDir: dir, user: 'e2e.tester', now: options.now, logError: () => undefined });
  await prepare(server, dir);
  const host = await startWebHost({ server, staticDir: RENDERER_DIR });
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: screen?.width ?? 1366, height: screen?.height ?? 768 },
    deviceScaleFactor: screen?.deviceScaleFactor ?? 1,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    // Playwright hides scrollbars in headless mode; a Windows desktop shows them, and AG Grid
    // measures them to size its columns, so show them as a user would see them.
    ignoreDefaultArgs: ['--hide-scrollbars'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(host.launchUrl);
  const session: Session = {
    dir,
    server,
    host,
    context,
    page,
    problems,
    async close() {
      await context.close();
      // The host in use now: a test may have stopped it and started another on the same port.
      await session.host.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return session;
}
