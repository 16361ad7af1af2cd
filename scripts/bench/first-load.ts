/**
 * The renderer's first load and its bundle. The bundle is measured from the built files
 * (out/renderer, made by `npm run build` first); the first load in headless Chromium against the
 * web host, on a demo workspace, from `page.goto(launchUrl)` until the Monitoring grid shows its
 * first row. Each run has a new browser context, so nothing is cached from the run before.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const RENDERER_DIR = join(__dirname, '..', '..', 'out', 'renderer');
const ASSETS = join(RENDERER_DIR, 'assets');
/** The first row of the Monitoring screen's grid: what a user waits for. */
export const FIRST_ROW = 'section[aria-labelledby="monitoring-title"] .ag-row';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface FileSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface BundleStats {
  js: { files: number; bytes: number; gzip: number };
  css: { files: number; bytes: number; gzip: number };
  /** The chunk index.html runs (its module script). */
  entry: FileSize;
  /** Everything index.html asks for before anything runs: the entry, the chunks it preloads, its stylesheets. */
  upFront: { files: number; bytes: number; gzip: number };
}

function sizeOf(file: string): FileSize {
  const bytes = readFileSync(join(ASSETS, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

function sum(sizes: FileSize[]) {
  return { files: sizes.length, bytes: sizes.reduce((n, s) => n + s.bytes, 0), gzip: sizes.reduce((n, s) => n + s.gzip, 0) };
}

/** Sizes of the built renderer's scripts and styles (gzip at level 9, as a server would send them). */
export function bundleStats(): BundleStats {
  const files = readdirSync(ASSETS).map(sizeOf);
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
  const named = (re: RegExp) => [...html.matchAll(re)].map((m) => basename(m[1]!));
  const entryFile = named(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)[0];
  if (!entryFile) throw new Error('out/renderer/index.html has no module script');
  const upFront = new Set([
    entryFile,
    ...named(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    ...named(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g),
  ]);
  return {
    js: sum(files.filter((f) => f.file.endsWith('.js'))),
    css: sum(files.filter((f) => f.file.endsWith('.css'))),
    entry: sizeOf(entryFile),
    upFront: sum(files.filter((f) => upFront.has(f.file))),
  };
}

export interface FirstLoadRun {
  seconds: number | null;
  /** Why the run has no time (the row never showed). */
  failed?: string;
  /** The scripts and styles the page had fetched when its first row showed. */
  fetched: { files: number; bytes: number; gzip: number };
}

/** Child side: several first loads of the demo workspace's Monitoring screen. */
export async function firstLoads(runs: number): Promise<FirstLoadRun[]> {
  const { chromium } = await import('playwright-core');
  const { DomainServer } = await import('../../electron/server/server');
  const { loadDemo } = await import('../../electron/server/demo/load-demo');
  const { startWebHost } = await import('../../electron/server/hosts/web-host');
  const dir = mkdtempSync(join(tmpdir(), 'hnb-first-load-'));
  const server = new DomainServer({ dataDir: dir, user: 'bench' });
  await server.openDefault();
  loadDemo(server.workspace!);
  const host = await startWebHost({ server, staticDir: RENDERER_DIR });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const sizes = new Map(readdirSync(ASSETS).map((f) => [f, sizeOf(f)]));
  const out: FirstLoadRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Europe/London' });
      const page = await context.newPage();
      const fetched = new Set<string>();
      page.on('response', (r) => {
        const file = basename(new URL(r.url()).pathname);
        if (sizes.has(file)) fetched.add(file);
      });
      const t0 = performance.now();
      let seconds: number | null = null;
      let failed: string | undefined;
      try {
        await page.goto(host.launchUrl);
        await page.locator(FIRST_ROW).first().waitFor({ state: 'visible', timeout: 30_000 });
        seconds = (performance.now() - t0) / 1000;
      } catch (e) {
        failed = (e as Error).message.split('\n')[0];
      }
      out.push({ seconds, failed, fetched: sum([...fetched].map((f) => sizes.get(f)!)) });
      await context.close();
    }
  } finally {
    await browser.close();
    await host.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** Whether the bundle is there to measure: the build ran, and made index.html. */
export function rendererBuilt(): boolean {
  try {
    return statSync(join(RENDERER_DIR, 'index.html')).isFile();
  } catch {
    return false;
  }
}
