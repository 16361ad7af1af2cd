/**
 * Keyboard only: focus goes back where it was after every drawer and dialog, Tab leaves the grid,
 * every control shows a focus indicator of 2px at 3:1 against what is behind it, and the main
 * actions' shortcuts are shown in the menus and tooltips and do what they say.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MENU_ITEMS } from '../../electron/shared/menu';
import type { MenuItemDef } from '../../electron/shared/menu-kit';
import type { MonitoringView } from '../../features/monitoring/types';
import { openDemoSession } from './harness';
import { applyBudgetImport, call, cell, expectAxeClean, focusedDescription, installColourTools, nav, PERIOD, sharedSession, shot, YEAR } from './ui';

// An import already applied, so the Imports screen has a Revert (and its dialog) to reach.
const s = sharedSession('keyboard', () => openDemoSession({ prepare: (server) => applyBudgetImport(server, 'Budget returned.xlsx') }));

const monitoring = () => call<MonitoringView>(s, 'getMonitoring', { year: YEAR, period: PERIOD });
const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Opens a surface from `trigger` with the keyboard, checks focus went into it, closes it with Escape, and checks focus came back. */
async function expectFocusReturns(trigger: Locator, surface: Locator, what: string, shotName?: string) {
  const page = s.page;
  // A screen's buttons may wait for its data (Add line needs the provision groups).
  await expect.poll(() => trigger.isEnabled(), { message: `${what}: its button is enabled`, timeout: 10_000 }).toBe(true);
  await trigger.focus();
  await page.keyboard.press('Enter');
  await surface.waitFor({ timeout: 10_000 });
  await expect.poll(() => isFocused(surface), { message: `${what}: focus moves into it` }).toBe(true);
  if (shotName) await shot(page, shotName);
  await expectAxeClean(page, what);
  await page.keyboard.press('Escape');
  await surface.waitFor({ state: 'detached' });
  await expect.poll(() => isFocused(trigger), { message: `${what}: focus back on its button, not on ${await focusedDescription(page)}` }).toBe(true);
}

describe('focus goes back where it was', () => {
  it('after the history drawer opened from the History button', async () => {
    const page = s.page;
    await cell(page, 'l1', 'forecastPence').click();
    await expectFocusReturns(
      page.getByRole('button', { name: 'History', exact: true }),
      page.getByRole('dialog', { name: /^History: HN01/ }),
      'history drawer',
      'keyboard-history',
    );
  });

  it('after the import wizard opened with Ctrl+I from a grid cell: back on that cell', async () => {
    const page = s.page;
    await cell(page, 'l2', 'forecastPence').click();
    await page.keyboard.press('Control+i');
    const wizard = page.getByRole('dialog', { name: /^Import a workbook/ });
    await wizard.waitFor();
    await expect.poll(() => isFocused(wizard)).toBe(true);
    await page.keyboard.press('Escape');
    await wizard.waitFor({ state: 'detached' });
    await expect.poll(() => focusedDescription(page)).toMatch(/row=l2 col=forecastPence/);
    // And the arrows carry on from there.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedDescription(page)).toMatch(/row=l3 col=forecastPence/);
  });

  it('after the virement dialog on Budget', async () => {
    const page = s.page;
    await nav(page, 'Budget');
    await expectFocusReturns(page.getByRole('button', { name: 'Virement…' }), page.getByRole('dialog', { name: 'Virement between lines' }), 'virement dialog');
  });

  it('after the close-year dialog, and the new allocation dialog, on Years and funding', async () => {
    const page = s.page;
    await nav(page, 'Years and funding');
    await expectFocusReturns(page.getByRole('button', { name: `Close ${YEAR}` }), page.getByRole('dialog', { name: `Close ${YEAR}` }), 'close-year dialog');
    await expectFocusReturns(
      page.getByRole('button', { name: 'New published version…' }),
      page.getByRole('dialog', { name: `New published allocation for ${YEAR}` }),
      'new allocation dialog',
    );
  });

  it('after the line dialog and the line history drawer on Budget lines', async () => {
    const page = s.page;
    await nav(page, 'Budget lines');
    await expectFocusReturns(page.getByRole('button', { name: 'Add line' }), page.getByRole('dialog'), 'add line dialog');
    await expectFocusReturns(
      page.getByRole('button', { name: /^History of HN03/ }),
      page.getByRole('dialog', { name: /^History: HN03/ }),
      'line history drawer',
    );
  });

  it('after the revert dialog on Imports, and the rename dialog on Workspaces', async () => {
    const page = s.page;
    await nav(page, 'Imports');
    await expectFocusReturns(
      page.getByRole('button', { name: 'Revert the import of Budget returned.xlsx' }),
      page.getByRole('dialog', { name: 'Revert the import of Budget returned.xlsx?' }),
      'revert dialog',
    );
    await nav(page, 'Workspaces');
    await expectFocusReturns(page.getByRole('button', { name: 'Rename…' }), page.getByRole('dialog', { name: 'Rename this workspace' }), 'rename dialog');
  });

  it('after the File menu', async () => {
    const page = s.page;
    await expectFocusReturns(page.getByRole('button', { name: 'File' }), page.getByRole('menu'), 'File menu');
  });
});

describe('the grid and the Tab key', () => {
  it('Tab leaves the grid from a cell, forwards and backwards; the arrows move within it', async () => {
    const page = s.page;
    await nav(page, 'Monitoring');
    await cell(page, 'l4', 'forecastPence').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedDescription(page)).toMatch(/row=l4 col=variancePence/);
    const inGrid = () => page.evaluate(() => !!document.activeElement?.closest('.ag-root'));
    // With nothing after the grid, Tab leaves it for the end of the page, and the next Tab starts again at the top.
    await page.keyboard.press('Tab');
    await expect.poll(inGrid, { message: `Tab from a cell went to ${await focusedDescription(page)}` }).toBe(false);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedDescription(page)).toMatch(/"File"/);
    // A value not saved is listed under the grid, with its Discard button: Tab from a cell goes there.
    await cell(page, 'l5', 'forecastPence').click();
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    const discard = page.getByRole('alert', { name: 'Values not saved' }).getByRole('button', { name: 'Discard' });
    await discard.waitFor();
    await cell(page, 'l4', 'variancePence').click();
    await page.keyboard.press('Tab');
    await expect.poll(() => isFocused(discard), { message: `Tab from a cell went to ${await focusedDescription(page)}` }).toBe(true);
    // Backwards, Shift+Tab from a cell goes to the controls above the grid.
    await cell(page, 'l4', 'variancePence').click();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(inGrid, { message: `Shift+Tab from a cell went to ${await focusedDescription(page)}` }).toBe(false);
    expect(await focusedDescription(page)).not.toBe('body');
    await discard.click();
    await discard.waitFor({ state: 'detached' });
  });
});

interface FocusRing {
  element: string;
  ok: boolean;
  rings: Array<{ how: string; width: number; contrast: number }>;
}

/** What shows that the focused element has focus: outlines, box-shadows and pseudo-element frames that appear only with focus. */
async function focusRing(): Promise<FocusRing | null> {
  return s.page.evaluate(() => {
    const w = window as unknown as {
      __rgba(css: string): number[];
      __over(top: number[], bottom: number[]): number[];
      __behind(el: Element | null, own?: boolean): number[];
      __contrast(a: number[], b: number[]): number;
    };
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el.hasAttribute('data-tabster-dummy')) return null;
    interface Ring {
      key: string;
      how: string;
      width: number;
      colour: string;
      inside: boolean;
      node: Element;
    }
    const px = (v: string) => Number.parseFloat(v) || 0;
    const scaledAway = (t: string) => {
      const m = /matrix\(([^)]+)\)/.exec(t);
      if (!m) return false;
      const [a, b, c, d] = m[1]!.split(',').map(Number);
      return Math.hypot(a!, b!) < 0.01 || Math.hypot(c!, d!) < 0.01;
    };
    const shadows = (v: string) => (v === 'none' ? [] : v.split(/,(?![^(]*\))/).map((x) => x.trim()));
    const ringsOf = (node: Element, depth: number): Ring[] => {
      const out: Ring[] = [];
      for (const pseudo of ['', '::before', '::after']) {
        const cs = getComputedStyle(node, pseudo || null);
        if (pseudo && (cs.content === 'none' || cs.content === 'normal' || cs.display === 'none')) continue;
        if (cs.visibility === 'hidden' || px(cs.opacity) === 0 || scaledAway(cs.transform)) continue;
        const key = `${depth}${pseudo}`;
        if (cs.outlineStyle !== 'none' && px(cs.outlineWidth) > 0)
          out.push({
            key: `${key}outline`,
            how: `outline${pseudo}`,
            width: px(cs.outlineWidth),
            colour: cs.outlineColor,
            inside: px(cs.outlineOffset) < 0,
            node,
          });
        for (const sh of shadows(cs.boxShadow)) {
          const colour = /(rgba?\([^)]*\)|color\([^)]*\)|oklab\([^)]*\)|#[0-9a-f]+)/i.exec(sh)?.[1] ?? '';
          const lengths = sh.replace(colour, '').replace('inset', '').trim().split(/\s+/).map(px);
          const spread = lengths[3] ?? 0;
          if (spread > 0) out.push({ key: `${key}shadow${sh}`, how: `box-shadow${pseudo}`, width: spread, colour, inside: sh.includes('inset'), node });
        }
        if (!pseudo) {
          // An element's own border counts where focus changes it (Fluent darkens a button's border).
          for (const side of ['top', 'right', 'bottom', 'left']) {
            const width = px(cs.getPropertyValue(`border-${side}-width`));
            if (cs.getPropertyValue(`border-${side}-style`) !== 'none' && width > 0)
              out.push({ key: `${key}own-border-${side}`, how: 'border', width, colour: cs.getPropertyValue(`border-${side}-color`), inside: true, node });
          }
        } else {
          const outside = ['top', 'right', 'bottom', 'left'].some((side) => px(cs.getPropertyValue(side)) < 0);
          for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
            const width = px(cs.getPropertyValue(`border-${side.toLowerCase()}-width`));
            const style = cs.getPropertyValue(`border-${side.toLowerCase()}-style`);
            if (style !== 'none' && width > 0)
              out.push({
                key: `${key}border${side}`,
                how: `border${pseudo}`,
                width,
                colour: cs.getPropertyValue(`border-${side.toLowerCase()}-color`),
                inside: !outside,
                node,
              });
          }
        }
      }
      return out;
    };
    const nodes: Element[] = [];
    for (let n: Element | null = el; n && nodes.length < 4 && n !== document.body; n = n.parentElement) nodes.push(n);
    const snap = () => nodes.flatMap((n, i) => ringsOf(n, i));
    const focused = snap();
    // What is there without focus is not a focus indicator: compare with the element blurred. The
    // grid marks its focused cell with a class it keeps while the page is blurred: there the
    // frame it draws is the indicator.
    const gridCell = el.getAttribute('role') === 'gridcell';
    el.blur();
    const unfocused = gridCell ? [] : snap();
    el.focus({ preventScroll: true });
    const changed = focused.filter((f) => !unfocused.some((u) => u.key === f.key && u.colour === f.colour && u.width === f.width));
    const measured = changed.map((r) => {
      const behind = w.__behind(r.node, r.inside);
      const colour = w.__over(w.__rgba(r.colour), behind);
      return { ...r, rgb: colour.map(Math.round).join(','), contrast: Math.round(w.__contrast(colour, behind) * 100) / 100 };
    });
    // A 1px border and a 1px inset shadow of one colour on one element are one 2px frame (Fluent's buttons).
    const rings = measured
      .map((r) => {
        if (r.how !== 'border' && r.how !== 'box-shadow') return r;
        const partner = measured.find(
          (o) => o !== r && o.node === r.node && o.rgb === r.rgb && o.inside && (o.how === 'border') !== (r.how === 'border') && o.how !== 'outline',
        );
        return partner && r.inside
          ? {
              ...r,
              how: 'border + inset shadow',
              width:
                Math.max(...measured.filter((o) => o.node === r.node && o.how === 'border' && o.rgb === r.rgb).map((o) => o.width), 0) +
                Math.max(...measured.filter((o) => o.node === r.node && o.how === 'box-shadow' && o.rgb === r.rgb).map((o) => o.width), 0),
            }
          : r;
      })
      .map((r) => ({ how: r.how, width: r.width, contrast: r.contrast }))
      .filter((r, i, all) => all.findIndex((o) => o.how === r.how && o.width === r.width && o.contrast === r.contrast) === i);
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? '';
    const where = el.closest('[row-id]')?.getAttribute('row-id') ?? '';
    return {
      element: `${el.tagName.toLowerCase()}${el.getAttribute('role') ? `[role=${el.getAttribute('role')}]` : ''}${where ? ` row=${where}` : ''}${el.getAttribute('col-id') ? ` col=${el.getAttribute('col-id')}` : ''} "${name}"`,
      ok: rings.some((r) => r.width >= 2 && r.contrast >= 3),
      rings,
    };
  });
}

describe('visible focus', () => {
  it('on every control of the Monitoring screen, tabbed through: at least 2px, at least 3:1 against what is behind it', async () => {
    const page = s.page;
    await nav(page, 'Monitoring');
    await cell(page, 'l1', 'forecastPence').waitFor();
    await installColourTools(page);
    // Transitions would show a ring half drawn (or half gone); the end state is what is measured.
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation-duration: 0s !important; }' });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const seen: FocusRing[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const r = await focusRing();
      if (!r) continue;
      if (keys.has(r.element)) break;
      keys.add(r.element);
      seen.push(r);
      // How it looks: on the navy bar, on a toolbar button, on a grid heading.
      if (/^button "File"/.test(r.element)) await shot(page, 'keyboard-focus-header');
      if (/^button "Import workbook…"/.test(r.element)) await shot(page, 'keyboard-focus-button');
      if (/col=forecastPence "Forecast outturn"/.test(r.element)) await shot(page, 'keyboard-focus-heading');
    }
    if (process.env.E2E_DEBUG) console.log(JSON.stringify(seen, null, 1));
    // The tour went through the header, the navigation, the screen's controls and the grid.
    expect(seen.length).toBeGreaterThan(15);
    for (const name of ['File', 'Monitoring', 'Export to Excel', 'Import workbook…'])
      expect(
        seen.some((r) => r.element.includes(`"${name}`)),
        name,
      ).toBe(true);
    expect(
      seen.some((r) => /col=/.test(r.element)),
      'a grid cell or heading',
    ).toBe(true);
    expect(
      seen.filter((r) => !r.ok),
      'controls without a visible focus indicator',
    ).toEqual([]);
  });
});

describe('shortcuts', () => {
  it('are shown in the File and Edit menus, from the same list the desktop menu is built from', async () => {
    const page = s.page;
    const withKeys = (MENU_ITEMS as readonly MenuItemDef[]).filter((i) => i.shortcut);
    expect(withKeys.map((i) => i.shortcut)).toEqual(expect.arrayContaining(['Ctrl+I', 'Ctrl+Z', 'Ctrl+Y', 'Ctrl+E']));
    for (const [menu, title] of [
      ['file', 'File'],
      ['edit', 'Edit'],
    ] as const) {
      await page.getByRole('button', { name: title, exact: true }).click();
      const list = page.getByRole('menu');
      await list.waitFor();
      for (const item of withKeys.filter((i) => i.menu === menu)) {
        const label = item.label.replace(/&/g, '');
        await expect.poll(() => list.getByRole('menuitem', { name: label }).textContent(), { message: label }).toBe(`${label}${item.shortcut}`);
      }
      if (menu === 'file') {
        await shot(page, 'keyboard-file-menu');
        await expectAxeClean(page, 'File menu');
      }
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'detached' });
    }
  });

  it('are shown in the tooltips of the buttons that have one, on hover and on keyboard focus', async () => {
    const page = s.page;
    await nav(page, 'Monitoring');
    const importButton = page.getByRole('button', { name: 'Import workbook…' });
    await importButton.hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('(Ctrl+I)');
    await page.mouse.move(0, 700);
    await page.getByRole('tooltip').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Export to Excel' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain('(Ctrl+E)');
    // The tooltip describes the button it belongs to.
    const describedBy = await page.getByRole('button', { name: 'Export to Excel' }).getAttribute('aria-describedby');
    expect(await page.getByRole('tooltip').getAttribute('id')).toBe(describedBy);
    await shot(page, 'keyboard-tooltip');
    await page.keyboard.press('Escape');
  });

  it('Ctrl+Z undoes the last change and Ctrl+Y makes it again, from a grid cell', async () => {
    const page = s.page;
    await nav(page, 'Monitoring');
    const before = (await monitoring()).rows.find((r) => r.code === 'HN03')!;
    await cell(page, 'l3', 'forecastPence').click();
    await page.keyboard.type('1000000');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await monitoring()).rows.find((r) => r.code === 'HN03')!.forecastPence).toBe(100_000_000);
    // The undo button's tooltip names the change and its shortcut.
    await page.getByRole('button', { name: 'Undo' }).hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toMatch(/^Undo: Forecast HN03 P7.*\(Ctrl\+Z\)$/);
    await cell(page, 'l3', 'variancePence').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await monitoring()).rows.find((r) => r.code === 'HN03')!.forecastPence).toBe(before.forecastPence);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Undone: Forecast HN03 P7/);
    await page.keyboard.press('Control+y');
    await expect.poll(async () => (await monitoring()).rows.find((r) => r.code === 'HN03')!.forecastPence).toBe(100_000_000);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Redone: Forecast HN03 P7/);
    await expect.poll(() => cell(page, 'l3', 'forecastPence').textContent()).toBe('£1,000,000');
  });

  it('logged no script errors', () => {
    expect(s.problems).toEqual([]);
  });
});
