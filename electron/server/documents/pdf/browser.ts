/**
 * The browser that lays packs out outside Electron (the `hnb` command line, the loopback web
 * host, tests): an installed Chromium-family browser driven by playwright-core. Microsoft Edge is
 * on every Windows desktop; on Linux, Chromium or Chrome. HNB_BROWSER names another.
 */
import { existsSync } from 'node:fs';
import { basename, posix, win32 } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppError } from '../../../shared/errors';
import { abortable, throwIfAborted } from './cancel';
import { fontAtUrl, fontFaceCss, fontFaceUrlCss } from './fonts';
import type { PdfEngine } from './types';

interface Candidate {
  path: string;
  name: string;
}

/** Windows environment names are case-insensitive; a plain object passed in tests is not. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key];
}

/** Every place looked at, in order of preference. */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Candidate[] {
  if (platform === 'win32') {
    const roots = [
      envValue(env, 'ProgramFiles(x86)') ?? 'C:\\Program Files (x86)',
      envValue(env, 'ProgramFiles') ?? 'C:\\Program Files',
      envValue(env, 'LOCALAPPDATA'),
    ].filter((root): root is string => Boolean(root));
    return [
      ...roots.map((root) => ({ path: win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), name: 'Microsoft Edge' })),
      ...roots.map((root) => ({ path: win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), name: 'Google Chrome' })),
    ];
  }
  if (platform === 'darwin') {
    return [
      { path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', name: 'Microsoft Edge' },
      { path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', name: 'Google Chrome' },
      { path: '/Applications/Chromium.app/Contents/MacOS/Chromium', name: 'Chromium' },
    ];
  }
  return [
    { path: '/usr/bin/chromium', name: 'Chromium' },
    { path: '/usr/bin/chromium-browser', name: 'Chromium' },
    { path: '/snap/bin/chromium', name: 'Chromium' },
    { path: '/usr/bin/google-chrome', name: 'Google Chrome' },
    { path: '/usr/bin/google-chrome-stable', name: 'Google Chrome' },
    { path: '/usr/bin/microsoft-edge', name: 'Microsoft Edge' },
  ].map((c) => ({ ...c, path: posix.normalize(c.path) }));
}

/** HNB_BROWSER when it names a file that exists, else the first installed browser, else null. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): { path: string; name: string } | null {
  const chosen = envValue(env, 'HNB_BROWSER');
  if (chosen) return existsSync(chosen) ? { path: chosen, name: basename(chosen) } : null;
  return browserCandidates(env, platform).find((c) => existsSync(c.path)) ?? null;
}

/** The refusal when no browser is found: what was looked for and how to fix it. */
export function browserNotFound(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): AppError {
  const chosen = envValue(env, 'HNB_BROWSER');
  const looked = chosen ? [chosen] : browserCandidates(env, platform).map((c) => c.path);
  const install = platform === 'win32' ? 'Install Microsoft Edge or Google Chrome' : 'Install Chromium, Google Chrome or Microsoft Edge';
  const message = chosen
    ? `The PDF could not be made: HNB_BROWSER names ${chosen}, which does not exist. Set HNB_BROWSER to the full path of an installed Chromium-family browser (Edge, Chrome or Chromium), or unset it.`
    : `The PDF could not be made: no Chromium-family browser (Microsoft Edge, Google Chrome or Chromium) was found to lay it out. ${install}, or set HNB_BROWSER to the full path of one.`;
  return new AppError('NOT_AVAILABLE', message, { lookedFor: looked });
}

/**
 * Connections the page might open without a request the router sees (preconnect, DNS prefetch)
 * go to a proxy that is not there, loopback included: the pack never touches the network.
 */
const LAUNCH_ARGS = [
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--dns-prefetch-disable',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--no-pings',
  // Less memory: a headless print needs no GPU, and one renderer at a time. (No --disable-features
  // here: Chromium keeps the last one given, and Playwright's own turns off start-up requests.)
  '--disable-gpu',
  '--renderer-process-limit=1',
];

/** A page lays out this many packs before it is replaced, so a long session does not grow. */
const PAGE_USES = 25;
/** Pages kept open between renders (more are opened while renders overlap). */
const IDLE_PAGES = 2;

interface Slot {
  page: Page;
  uses: number;
}

interface Warm {
  browser: Browser;
  context: BrowserContext;
  idle: Slot[];
}

/**
 * Headless Chromium or Edge through playwright-core: launched on the first render and kept warm
 * (browser, context and a page or two) for the next; close() ends it, and a later render launches
 * it again. JavaScript is off, the HTML is set directly (no URL is loaded), and every request is
 * refused except the pack's own fonts, answered from memory.
 */
export function playwrightEngine(options: { executablePath?: string } = {}): PdfEngine {
  let warm: Promise<Warm> | null = null;
  const found = options.executablePath ? { path: options.executablePath, name: basename(options.executablePath) } : findBrowser();

  function start(): Promise<Warm> {
    if (!found || !existsSync(found.path)) return Promise.reject(found ? browserNotFound({ HNB_BROWSER: found.path }) : browserNotFound());
    warm ??= (async () => {
      const { chromium } = await import('playwright-core');
      let browser: Browser;
      try {
        browser = await chromium.launch({ executablePath: found.path, headless: true, args: LAUNCH_ARGS });
      } catch (error) {
        warm = null;
        throw new AppError(
          'NOT_AVAILABLE',
          `The PDF could not be made: ${found.name} (${found.path}) would not start. Check that it runs, or set HNB_BROWSER to another Chromium-family browser. (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
        );
      }
      const self = warm;
      // A crashed browser is launched afresh on the next render.
      browser.on('disconnected', () => {
        if (warm === self) warm = null;
      });
      const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false, offline: true });
      await context.route('**/*', (route) => {
        const font = fontAtUrl(route.request().url());
        return font ? route.fulfill({ status: 200, contentType: 'font/ttf', body: Buffer.from(font) }) : route.abort('blockedbyclient');
      });
      return { browser, context, idle: [] };
    })();
    return warm;
  }

  return {
    name: found ? `playwright: ${found.name}` : 'playwright: no browser',
    async render(html, { landscapeDefault = false, signal } = {}) {
      throwIfAborted(signal);
      const w = await abortable(signal, start());
      const slot: Slot = w.idle.pop() ?? { page: await w.context.newPage(), uses: 0 };
      slot.uses++;
      const css = fontFaceCss();
      const at = html.indexOf(css);
      const content = at < 0 ? html : html.slice(0, at) + fontFaceUrlCss() + html.slice(at + css.length);
      const work = (async () => {
        await slot.page.setContent(content, { waitUntil: 'load' });
        // Web fonts load as layout asks for them; print once they are all in.
        await slot.page.evaluate('document.fonts.ready.then(() => undefined)');
        const pdf = await slot.page.pdf({
          format: 'A4',
          landscape: landscapeDefault,
          preferCSSPageSize: true,
          printBackground: true,
          tagged: true,
          outline: false,
        });
        // The laid-out pack is let go at once; the page, its process and the fonts stay warm.
        await slot.page.setContent('<!doctype html><title></title>');
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      })();
      // Cancelled, the page is closed under the work: its rejection then has no one waiting for it.
      work.catch(() => undefined);
      let reuse = false;
      try {
        const bytes = await abortable(signal, work, () => void slot.page.close().catch(() => undefined));
        reuse = slot.uses < PAGE_USES && w.idle.length < IDLE_PAGES && !slot.page.isClosed();
        return bytes;
      } finally {
        if (reuse) w.idle.push(slot);
        else await slot.page.close().catch(() => undefined);
      }
    },
    /**
     * Closes the idle pages: a page's process keeps the memory of what it laid out even once
     * blank. The browser stays up; the next layout opens a page, a fraction of a second.
     */
    async release() {
      const w = await warm?.catch(() => null);
      if (!w) return;
      const idle = w.idle.splice(0);
      await Promise.all(idle.map((slot) => slot.page.close().catch(() => undefined)));
    },
    /** Ends the browser; a later render launches it again. */
    async close() {
      const w = warm;
      warm = null;
      if (w) await (await w.catch(() => null))?.browser.close();
    },
  };
}
