/**
 * Zoom and scaling (WCAG 1.4.10 Reflow): a 1366×768 laptop set to 125%, 150% or 200% in Windows
 * gives the window 1093×614, 911×512 or 683×384 CSS pixels. The navigation folds to icons (each
 * still named), column headings wrap rather than being cut off, the grid keeps at least ten rows
 * (the page scrolls instead), nothing outside the grid needs a horizontal scrollbar, and axe
 * finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoSession, type Session } from './harness';
import { cell, expectAxeClean, nav, shot } from './ui';

const SCALES = [1.25, 1.5, 2];
const ROW_HEIGHT = 30;
const NAV_LABELS = [
  'Monitoring',
  'Budget',
  'DSG position',
  'Deficit plan',
  'Compare scenarios',
  'Recovery register',
  'Agreements',
  'Safety Valve',
  'Partnerships',
  'Schools',
  'Allocation runs',
  'Partnership returns',
  'Meetings',
  'Bodies and members',
  'Imports',
  'Years and funding',
  'Budget lines',
  'Settings',
  'Workspaces',
];

interface Layout {
  navWidth: number;
  /** Nav labels still taking visible room. */
  visibleLabels: string[];
  /** Column headings whose text does not fit its cell. */
  cutHeaders: Array<{ text: string; scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number }>;
  headers: number;
  gridHeight: number;
  headerHeight: number;
  /** Rows wholly in view in the grid's body, with the pinned total rows. */
  rowsInView: number;
  pageScrollWidth: number;
  innerWidth: number;
  /** Elements outside the grid wider than the room they have (a horizontal scrollbar, or text cut off). */
  overflowing: string[];
}

async function layout(s: Session): Promise<Layout> {
  return s.page.evaluate(() => {
    const rect = (el: Element | null) => el?.getBoundingClientRect() ?? new DOMRect();
    const visibleLabels = [...document.querySelectorAll('.nav-label')].filter((l) => rect(l).width > 1 || rect(l).height > 1).map((l) => l.textContent ?? '');
    const texts = [...document.querySelectorAll<HTMLElement>('.ag-header-cell .ag-header-cell-text')];
    const cutHeaders = texts
      .filter((t) => t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1)
      .map((t) => ({
        text: t.textContent ?? '',
        scrollWidth: t.scrollWidth,
        clientWidth: t.clientWidth,
        scrollHeight: t.scrollHeight,
        clientHeight: t.clientHeight,
      }));
    // The rows between the heading and the pinned total (or the grid's own scrollbar), wholly in view.
    const header = rect(document.querySelector('.ag-header'));
    const viewport = rect(document.querySelector('.ag-grid-viewport'));
    const pinnedRows = [...document.querySelectorAll('.ag-grid-pinned-bottom-rows .ag-row')];
    const pinnedTop = Math.min(viewport.bottom, ...pinnedRows.map((r) => rect(r).top));
    const inBody = [...document.querySelectorAll('.ag-grid-scrolling-container .ag-row')].filter((r) => {
      const b = rect(r);
      return b.height > 0 && b.top >= header.bottom - 0.5 && b.bottom <= pinnedTop + 0.5;
    }).length;
    const pinned = pinnedRows.filter((r) => rect(r).bottom <= viewport.bottom + 0.5).length;
    const grid = document.querySelector('.ag-root-wrapper');
    const overflowing = [...document.querySelectorAll<HTMLElement>('.app *')]
      .filter((el) => !el.closest('.ag-root-wrapper') && !el.closest('.visually-hidden, .nav-label, .nav-section-title, .header-field-label, .brand-name'))
      .filter((el) => {
        const cs = getComputedStyle(el);
        // Only boxes that scroll or clip: text in an ellipsis is cut by design (the tooltip has it whole).
        return (cs.overflowX === 'auto' || cs.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${el.scrollWidth}>${el.clientWidth}`);
    return {
      navWidth: rect(document.querySelector('.nav-rail')).width,
      visibleLabels,
      cutHeaders,
      headers: texts.length,
      gridHeight: rect(grid).height,
      headerHeight: rect(document.querySelector('.ag-header')).height,
      rowsInView: inBody + pinned,
      pageScrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      overflowing,
    };
  });
}

async function expectReflows(s: Session, screen: string, scale: number) {
  const page = s.page;
  // Headings wrap once fonts and column widths have settled.
  await page.waitForFunction(() => document.querySelectorAll('.ag-header-cell-text').length > 3);
  await page.waitForTimeout(300);
  const l = await layout(s);
  if (process.env.E2E_DEBUG) console.log(screen, scale, JSON.stringify(l));
  // Taken first, so a failure below can be looked at.
  await shot(page, `zoom-${screen.toLowerCase()}-${scale}`);
  const what = `${screen} at ${scale * 100}%`;
  // The navigation is icons only, and every link keeps its name.
  expect(l.navWidth, what).toBeLessThanOrEqual(64);
  expect(l.visibleLabels, `${what}: nav labels still showing`).toEqual([]);
  const links = page.getByRole('navigation', { name: 'Screens' }).getByRole('link');
  expect(await links.count()).toBe(NAV_LABELS.length);
  for (const name of NAV_LABELS)
    await expect.poll(() => page.getByRole('link', { name, exact: true }).isVisible(), { message: `${what}: link named ${name}` }).toBe(true);
  // Column headings wrap: none cut off.
  expect(l.headers, what).toBeGreaterThan(3);
  expect(l.cutHeaders, `${what}: headings cut off`).toEqual([]);
  // The grid keeps its header and at least ten rows; the page scrolls to show them.
  expect(l.gridHeight, `${what}: grid ${l.gridHeight}px for a ${l.headerHeight}px header`).toBeGreaterThanOrEqual(l.headerHeight + 10 * ROW_HEIGHT);
  expect(l.rowsInView, `${what}: rows wholly in view`).toBeGreaterThanOrEqual(10);
  // No horizontal scrolling of the page, nor of any box outside the grid.
  expect(l.pageScrollWidth, what).toBeLessThanOrEqual(l.innerWidth);
  expect(l.overflowing, `${what}: boxes scrolling sideways`).toEqual([]);
  await expectAxeClean(page, what);
  // And the grid itself, scrolled to as the user would.
  await page.locator('.grid-frame').scrollIntoViewIfNeeded();
  await shot(page, `zoom-${screen.toLowerCase()}-${scale}-grid`);
}

for (const scale of SCALES) {
  describe(`at ${scale * 100}% on a 1366×768 screen`, () => {
    let s: Session;
    beforeAll(async () => {
      s = await openDemoSession({ screen: { width: Math.round(1366 / scale), height: Math.round(768 / scale), deviceScaleFactor: scale } });
    }, 120_000);
    afterAll(async () => {
      await s?.close();
    });

    it('Monitoring reflows: icon navigation, wrapped headings, ten rows, no sideways scrolling', async () => {
      await cell(s.page, 'l1', 'forecastPence').waitFor();
      await expectReflows(s, 'Monitoring', scale);
    });

    it('Budget reflows the same way', async () => {
      await nav(s.page, 'Budget');
      await cell(s.page, 'l1', 'originalPence').waitFor();
      await expectReflows(s, 'Budget', scale);
      expect(s.problems).toEqual([]);
    });
  });
}
