/**
 * What the end-to-end tests share: reading the server as the truth, moving around the window as
 * a user does, screenshots once the screen has settled, and colour contrast worked out in the
 * page from the colours the browser actually paints.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { FileBytes } from '../../electron/shared/types';
import type { ImportStart } from '../../electron/shared/workbook-types';
import type { DomainServer } from '../../electron/server/server';
import { seriousAxeFindings } from './axe';
import { OUTPUT_DIR, type Session } from './harness';

export const YEAR = '2026-27';
export const PERIOD = 7;

/** A call to the domain server, as the page would make it; throws on a refusal. */
export async function call<T>(s: Session, channel: string, input: unknown): Promise<T> {
  const r = await s.server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

/** Goes to a screen from the navigation, by the link's accessible name (the label may be visually hidden). */
export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();
}

export const cell = (page: Page, rowId: string, col: string): Locator =>
  page.locator(`.ag-grid-scrolling-container .ag-row[row-id="${rowId}"] [col-id="${col}"]`);

/** A headline figure by its label. */
export const kpi = (page: Page, label: string): Locator => page.getByRole('group', { name: label, exact: true }).locator('.kpi-value');

/** A screenshot once transitions have finished, as the user would look at it. Endless ones (a spinner) never finish. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await page.screenshot({ path: join(OUTPUT_DIR, `${name}.png`) });
}

export async function expectAxeClean(page: Page, what: string): Promise<void> {
  const findings = await seriousAxeFindings(page);
  expect(findings, `${what}: ${JSON.stringify(findings, null, 2)}`).toEqual([]);
}

/**
 * Boxes that scroll sideways, and the page itself, each as "tag.classes scrollWidth>clientWidth":
 * the boxes matching `within`, leaving out any inside `except` (a grid, which scrolls its own
 * columns, or text that is visually hidden).
 */
export async function sidewaysScrollers(page: Page, within: string, except: string): Promise<string[]> {
  return page.evaluate(
    ([within, except]) => {
      const out = [...document.querySelectorAll<HTMLElement>(within)]
        .filter((el) => !el.closest(except))
        .filter((el) => {
          const cs = getComputedStyle(el);
          return (cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${el.scrollWidth}>${el.clientWidth}`);
      if (document.documentElement.scrollWidth > window.innerWidth) out.push(`page ${document.documentElement.scrollWidth}>${window.innerWidth}`);
      return out;
    },
    [within, except] as const,
  );
}

/**
 * A zoomed screen as it first shows: the page does not scroll sideways (tables scrolling in their
 * own frame do not count), axe finds nothing serious, and a screenshot from the top (`name`).
 */
export async function lookZoomed(page: Page, what: string, scale: number, name: string): Promise<void> {
  // The pointer on the app's name, where no tooltip covers the screen.
  await page.mouse.move(5, 5);
  await page.waitForTimeout(250);
  expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), `${what}: the page scrolls sideways`).toBe(false);
  await expectAxeClean(page, `${what} at ${scale * 100}%`);
  await page.locator('.content').evaluate((el) => el.scrollTo(0, 0));
  await shot(page, name);
}

/** Closes whatever dialog, drawer or menu a failed step left open, so the next test starts clean. */
export async function closeOverlays(page: Page): Promise<void> {
  for (let i = 0; i < 3 && (await page.locator('[role=dialog], [role=menu]').count()); i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(250);
  }
  await page
    .getByRole('dialog')
    .first()
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => undefined);
}

/** Where the keyboard is: a description of the focused element that a failure message can show. */
export async function focusedDescription(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '';
    const row = el.closest('[row-id]')?.getAttribute('row-id');
    const col = el.getAttribute('col-id');
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${row ? ` row=${row}` : ''}${col ? ` col=${col}` : ''} "${name}"`;
  });
}

/**
 * Installs, once per page, colour helpers the tests call with page.evaluate: `__rgba(css)` turns
 * any CSS colour into [r, g, b, a] (through a canvas, so color-mix() and oklab() work too),
 * `__behind(el)` is the opaque colour painted behind an element (its ancestors' backgrounds,
 * composited), and `__contrast(a, b)` the WCAG contrast ratio.
 */
export async function installColourTools(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    if (w.__contrast) return;
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const g = canvas.getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): [number, number, number, number] => {
      g.clearRect(0, 0, 1, 1);
      g.fillStyle = '#000';
      g.fillStyle = css;
      g.fillRect(0, 0, 1, 1);
      const d = g.getImageData(0, 0, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!, d[3]! / 255];
    };
    const over = (top: number[], bottom: number[]) => [0, 1, 2].map((i) => top[i]! * top[3]! + bottom[i]! * (1 - top[3]!));
    /** The colour painted behind `el` (including its own background when `own`), made opaque against white. */
    const behind = (el: Element | null, own = true): number[] => {
      const layers: number[][] = [];
      for (let e: Element | null = own ? el : (el?.parentElement ?? null); e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) layers.push(c);
        if (c[3] >= 1) break;
      }
      let colour = [255, 255, 255];
      for (const l of layers.reverse()) colour = over(l, colour);
      return colour;
    };
    const lum = (c: number[]) => {
      const [r, gg, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * gg! + 0.0722 * b!;
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    w.__rgba = rgba;
    w.__over = over;
    w.__behind = behind;
    w.__contrast = contrast;
  });
}

/** The UK date forms the app must use, and the ISO form it must never show. */
export const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
export const UK_DATE = /\b\d{2}\/\d{2}\/\d{4}\b|\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;

/**
 * Applies, straight through the server, a returned budget workbook that changes one line's
 * original budget: an import batch to list under Imports (with its Revert).
 */
export async function applyBudgetImport(server: DomainServer, fileName: string): Promise<void> {
  const unwrap = <T>(r: Awaited<ReturnType<DomainServer['call']>>): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  const file = unwrap<FileBytes>(await server.call('exportWorkbook', { kind: 'budget', scope: { year: YEAR } }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('Budget')!;
  let [codeCol, origCol, headerRow] = [0, 0, 0];
  sheet.eachRow((row, r) => {
    row.eachCell((c, col) => {
      if (c.value === 'Line code') [codeCol, headerRow] = [col, r];
      if (c.value === 'Original budget') origCol = col;
    });
  });
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).getCell(codeCol).value === 'HN19') sheet.getRow(r).getCell(origCol).value = 1_300_000;
  }
  const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  const start = unwrap<ImportStart>(await server.call('importFile', { source: { fileName, base64 } }));
  if (start.stage !== 'preview') throw new Error(`the import stopped at ${start.stage}`);
  unwrap(await server.call('applyImport', { importId: start.preview.importId, confirmFlags: true }));
}

/** After a failed test, what the screen showed: test/output/failed-<file>-<test>.png. */
export async function shotIfFailed(page: Page, file: string, task: { name: string; result?: { state?: string } }): Promise<void> {
  if (task.result?.state !== 'fail') return;
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: join(OUTPUT_DIR, `failed-${file}-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
}

/**
 * The one session a test file's tests share: opened by `open` before them, closed after them;
 * after each test, a screenshot if it failed (test/output/failed-<file>-<test>.png) and any
 * dialog, drawer or menu it left open closed. Call at the top of the file; the session it
 * returns stands for the one opened, once it is (a property set on it, such as `host`, is set
 * on that session).
 */
export function sharedSession(file: string, open: () => Promise<Session>): Session {
  let current: Session | undefined;
  const session = () => {
    if (!current) throw new Error(`${file}: the session is not open yet (it opens in beforeAll)`);
    return current;
  };
  beforeAll(async () => {
    current = await open();
  }, 120_000);
  afterAll(async () => {
    await current?.close();
  });
  afterEach(async ({ task }) => {
    if (!current) return;
    await shotIfFailed(current.page, file, task);
    await closeOverlays(current.page);
  });
  return new Proxy({} as Session, {
    get: (_, key) => Reflect.get(session(), key),
    set: (_, key, value) => Reflect.set(session(), key, value),
  });
}
