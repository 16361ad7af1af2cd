/**
 * UK formats everywhere: no screen shows an ISO date (2026-12-03); dates read 03/12/2026 or
 * 3 December 2026. With the workspace set to show negatives in brackets, money on Monitoring (and
 * the DSG position) reads (£1,234), never -£1,234.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { moneyFormat } from '../../electron/shared/money';
import type { MonitoringView } from '../../features/monitoring/types';
import type { PositionSummary } from '../../features/position/types';
import type { WorkspaceSettings } from '../../features/settings/types';
import { openDemoSession } from './harness';
import { applyBudgetImport, call, cell, expectAxeClean, ISO_DATE, kpi, nav, PERIOD, sharedSession, shot, UK_DATE, YEAR } from './ui';

// An import, so the Imports screen lists one with its date.
const s = sharedSession('uk-formats', () => openDemoSession({ prepare: (server) => applyBudgetImport(server, 'Budget returned.xlsx') }));

/**
 * Everything the page shows in words: its text (dialogs and tooltips included), and the chart's
 * (SVG) labels. Not the chart library's text-measuring span, parked off-screen at -20000px.
 */
const shownText = (page: Page) =>
  page.evaluate(() => {
    const text = [...document.body.children]
      .filter((c) => c.id !== 'recharts_measurement_span')
      // biome-ignore lint/performance/useDomNodeTextContent: what is rendered is what is read; hidden text is not shown
      .map((c) => (c as HTMLElement).innerText ?? '')
      .join('\n');
    return `${text}\n${[...document.querySelectorAll('svg text')].map((t) => t.textContent).join('\n')}`;
  });

async function expectUkDates(page: Page, what: string, mustShowADate: boolean) {
  const text = await shownText(page);
  expect(text.match(ISO_DATE)?.[0] ?? null, `${what} shows an ISO date`).toBeNull();
  if (mustShowADate) expect(text, `${what} shows a date`).toMatch(UK_DATE);
}

describe('dates', () => {
  it('are never ISO on any screen, and read as 03/12/2026 or 3 December 2026 where a screen shows one', async () => {
    const page = s.page;
    const screens: Array<{ name: string; heading: string; ready: () => Promise<unknown>; dated: boolean }> = [
      { name: 'Monitoring', heading: 'High Needs monitoring', ready: () => cell(page, 'l1', 'forecastPence').waitFor(), dated: false },
      { name: 'Budget', heading: 'High Needs budget', ready: () => cell(page, 'l1', 'originalPence').waitFor(), dated: false },
      // "DSG allocations, December, 19 December 2025"
      { name: 'DSG position', heading: 'DSG position', ready: () => page.locator('.recharts-bar-rectangle').first().waitFor(), dated: true },
      // When each import was made.
      { name: 'Imports', heading: 'Imports', ready: () => page.getByRole('table', { name: 'Import history' }).waitFor(), dated: true },
      // The allocation in force, "published 19 December 2025".
      {
        name: 'Years and funding',
        heading: 'Years and funding',
        ready: () => page.getByRole('table', { name: `DSG allocation ${YEAR}` }).waitFor(),
        dated: true,
      },
      { name: 'Budget lines', heading: 'Budget lines', ready: () => page.getByRole('table', { name: 'Budget lines' }).waitFor(), dated: false },
      { name: 'Settings', heading: 'Settings', ready: () => page.getByRole('button', { name: 'Save settings' }).waitFor(), dated: false },
      // When the workspace was made, and last opened.
      { name: 'Workspaces', heading: 'Workspaces', ready: () => page.getByRole('table', { name: 'Recent workspaces' }).waitFor(), dated: true },
    ];
    for (const sc of screens) {
      await nav(page, sc.name);
      await page.getByRole('heading', { level: 1, name: sc.heading }).waitFor();
      await sc.ready();
      await expectUkDates(page, sc.name, sc.dated);
    }
    await expect
      .poll(() =>
        page
          .getByText(/^Created$/)
          .locator('xpath=following-sibling::dd[1]')
          .textContent(),
      )
      .toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);

    // The history of a line: when each change was made.
    await nav(page, 'Monitoring');
    await cell(page, 'l1', 'forecastPence').click();
    await page.getByRole('button', { name: 'History', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: /^History: HN01/ });
    await drawer.locator('.history-item').first().waitFor();
    await expect.poll(() => drawer.locator('.history-meta').first().textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} · /);
    await expectUkDates(page, 'history drawer', true);
    await page.getByRole('button', { name: 'Close history' }).click();

    // The import preview says when the file was exported.
    const exported = await call<{ base64: string; fileName: string }>(s, 'exportWorkbook', { kind: 'monitoring', scope: { year: YEAR, period: PERIOD } });
    await page.getByRole('button', { name: 'Import workbook…' }).click();
    const wizard = page.getByRole('dialog', { name: /^Import a workbook/ });
    await wizard.getByRole('button', { name: 'Choose file…' }).waitFor();
    await page.locator('#import-file-input').setInputFiles({
      name: exported.fileName,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(exported.base64, 'base64'),
    });
    await expect.poll(() => wizard.textContent(), { timeout: 30_000 }).toMatch(/Exported \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} by e2e\.tester/);
    await expectUkDates(page, 'import preview', true);
    await wizard.getByRole('button', { name: 'Cancel' }).click();
    await wizard.waitFor({ state: 'detached' });
  });
});

describe('negative money in brackets', () => {
  it('once chosen in Settings, shows on Monitoring and the DSG position as (£1,234), never -£1,234', async () => {
    const page = s.page;
    const view = await call<MonitoringView>(s, 'getMonitoring', { year: YEAR, period: PERIOD });
    const pos = await call<PositionSummary>(s, 'getSummary', { year: YEAR, period: PERIOD });
    const negative = view.rows.find((r) => r.movementPence < 0)!;
    expect(negative, 'a line whose forecast fell').toBeDefined();
    expect(pos.inYearPence).toBeLessThan(0);
    // Before: minus signs.
    await nav(page, 'Monitoring');
    await expect.poll(() => kpi(page, 'In-year position').textContent()).toBe(moneyFormat('minus').format(pos.inYearPence));

    await nav(page, 'Settings');
    await page.getByRole('radio', { name: /^In brackets/ }).check();
    await expect.poll(() => page.getByText('You have changes not saved yet.').count()).toBe(1);
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Settings saved: negative amounts shown as (£1,234)');
    await expect.poll(async () => (await call<WorkspaceSettings>(s, 'getSettings', {})).negativeStyle).toBe('brackets');
    await expectAxeClean(page, 'Settings');

    const brackets = moneyFormat('brackets');
    await nav(page, 'Monitoring');
    await expect.poll(() => kpi(page, 'In-year position').textContent()).toBe(brackets.format(pos.inYearPence));
    await expect.poll(() => kpi(page, 'DSG carried forward').textContent()).toBe(brackets.format(pos.carriedForwardPence));
    await expect.poll(() => cell(page, `l${negative.lineId}`, 'movementPence').textContent()).toBe(brackets.format(negative.movementPence));
    expect(brackets.format(negative.movementPence)).toMatch(/^\(£[\d,]+\)$/);
    const monitoringText = await shownText(page);
    expect(monitoringText).toMatch(/\(£[\d,]+\)/);
    expect(monitoringText.match(/[-−–]\s?£[\d,.]+[mk]?/)?.[0] ?? null, 'a minus sign before £ on Monitoring').toBeNull();
    await shot(page, 'formats-brackets-monitoring');

    await nav(page, 'DSG position');
    await page.locator('.recharts-bar-rectangle').first().waitFor();
    await expect.poll(() => kpi(page, 'Carried forward').textContent()).toBe(brackets.format(pos.carriedForwardPence));
    const positionText = await shownText(page);
    expect(positionText.match(/[-−–]\s?£[\d,.]+[mk]?/)?.[0] ?? null, 'a minus sign before £ on the DSG position').toBeNull();
    // The chart's right-hand scale too: deficits in brackets.
    expect(positionText).toMatch(/\(£[\d.]+m\)/);
    await shot(page, 'formats-brackets-position');
  });

  it('logged no script errors', () => {
    expect(s.problems).toEqual([]);
  });
});
