import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type MoneyFormat, moneyFormat } from '../../electron/shared/money';
import type { BudgetGrid, MonitoringView } from '../../features/monitoring/types';
import type { PositionSummary } from '../../features/position/types';
import type { WorkspaceSettings } from '../../features/settings/types';
import type { AllocationView, YearInfo } from '../../features/years/types';
import { seriousAxeFindings } from './axe';
import { openDemoSession, OUTPUT_DIR, type Session } from './harness';

let s: Session;
let page: Page;
/** Money as this workspace shows it (its negative style), so the expected text follows the setting. */
let money: MoneyFormat;
const YEAR = '2026-27';
const PERIOD = 7;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  s = await openDemoSession();
  page = s.page;
  money = moneyFormat((await call<WorkspaceSettings>('getSettings', {})).negativeStyle);
}, 120_000);
afterAll(async () => {
  await s?.close();
});
// One failed step must not leave a drawer or dialog over the next one.
afterEach(async () => {
  if (await page.getByRole('dialog').count()) await page.keyboard.press('Escape');
  await page
    .getByRole('dialog')
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => undefined);
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await s.server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}
const view = () => call<MonitoringView>('getMonitoring', { year: YEAR, period: PERIOD });
const summary = () => call<PositionSummary>('getSummary', { year: YEAR, period: PERIOD });
const formatPence = (pence: number) => money.format(pence);

const cell = (rowId: string, col: string) => page.locator(`.ag-row[row-id="${rowId}"] [col-id="${col}"]`);
const kpi = (label: string) => page.getByRole('group', { name: label, exact: true }).locator('.kpi-value');
// By the link's accessible name: on a narrow window the label is visually hidden.
const nav = (name: string) => page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();

async function pasteInto(target: ReturnType<typeof cell>, text: string) {
  await target.click();
  // A real paste event carrying what Excel puts on the clipboard.
  await target.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function expectNoSeriousAxe(screen: string) {
  const findings = await seriousAxeFindings(page);
  expect(findings, `${screen}: ${JSON.stringify(findings, null, 2)}`).toEqual([]);
}

describe('a finance lead in the app', () => {
  it('sees the monitoring view of the open year, with the demo clearly marked', async () => {
    await expect.poll(() => page.getByText('DEMO DATA', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.locator('.screen-sub').first().textContent()).toContain(`${YEAR}, P7 (October 2026)`);
    const v = await view();
    await expect.poll(() => kpi('Forecast outturn').textContent()).toBe(formatPence(v.total.forecastPence));
    await page.screenshot({ path: join(OUTPUT_DIR, 'monitoring.png') });
    await expectNoSeriousAxe('monitoring');
  });

  it('edits a forecast with the keyboard and sees variance, subtotal and DSG position move by exactly that much', async () => {
    const before = await view();
    const pos = await summary();
    const hn01 = before.rows.find((r) => r.code === 'HN01')!;
    const group = before.groups.find((g) => g.groupId === hn01.groupId)!;
    const newForecast = 900_000_000; // £9,000,000
    const delta = newForecast - hn01.forecastPence;

    await cell(`l${hn01.lineId}`, 'forecastPence').click();
    await page.keyboard.type('9,000,000');
    await page.keyboard.press('Enter');

    await expect.poll(() => cell(`l${hn01.lineId}`, 'forecastPence').textContent()).toBe('£9,000,000');
    await expect.poll(() => cell(`l${hn01.lineId}`, 'variancePence').textContent()).toBe(formatPence(newForecast - hn01.budgetPence));
    await expect.poll(() => cell(`s${group.groupId}`, 'forecastPence').textContent()).toBe(formatPence(group.forecastPence + delta));
    await expect.poll(() => cell(`s${group.groupId}`, 'variancePence').textContent()).toBe(formatPence(group.variancePence + delta));
    await expect.poll(() => kpi('Variance').textContent()).toBe(formatPence(before.total.variancePence + delta));
    await expect.poll(() => kpi('DSG carried forward').textContent()).toBe(formatPence(pos.carriedForwardPence - delta));
    await expect
      .poll(() => page.locator('.ag-grid-pinned-bottom-rows [col-id="forecastPence"]').textContent())
      .toBe(formatPence(before.total.forecastPence + delta));

    const after = await summary();
    expect(after.carriedForwardPence).toBe(pos.carriedForwardPence - delta);
    await nav('DSG position');
    await expect.poll(() => kpi('Carried forward').textContent()).toBe(formatPence(after.carriedForwardPence));
    await nav('Monitoring');
  });

  it('shows who changed the line, from what to what, in its history', async () => {
    await cell('l1', 'forecastPence').click();
    await page.getByRole('button', { name: 'History' }).click();
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.getByRole('list').first().textContent()).toContain('Forecast P7');
    const first = drawer.locator('.history-item').first();
    await expect.poll(() => first.textContent()).toMatch(/Forecast P7.*£[\d,]+ → £9,000,000.*e2e\.tester/);
    await expectNoSeriousAxe('history drawer');
    await page.getByRole('button', { name: 'Close history' }).click();
  });

  it('undoes the edit with Ctrl+Z', async () => {
    const original = (await view()).rows.find((r) => r.code === 'HN01')!;
    await cell('l1', 'variancePence').click();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await view()).rows.find((r) => r.code === 'HN01')!.forecastPence).not.toBe(original.forecastPence);
    const restored = (await view()).rows.find((r) => r.code === 'HN01')!;
    await expect.poll(() => cell('l1', 'forecastPence').textContent()).toBe(formatPence(restored.forecastPence));
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Undone: Forecast HN01 P7/);
  });

  it('pastes a column copied from Excel down the lines, and actuals with commentary across', async () => {
    await pasteInto(cell('l1', 'forecastPence'), '8,200,000\r\n1,400,000\r\n');
    await expect.poll(async () => (await view()).rows.find((r) => r.code === 'HN02')!.forecastPence).toBe(140_000_000);
    await pasteInto(cell('l1', 'actualPence'), '4,800,000.50\tOne new place\r\n');
    await expect.poll(async () => (await view()).rows.find((r) => r.code === 'HN01')!.commentary).toBe('One new place');
    expect((await view()).rows.find((r) => r.code === 'HN01')).toMatchObject({ forecastPence: 820_000_000, actualPence: 480_000_050 });
    await expect.poll(() => cell('l1', 'commentary').textContent()).toBe('One new place');
  });

  it('refuses a paste with a bad cell, or one that would cover a subtotal, and saves none of it', async () => {
    const before = await view();
    await pasteInto(cell('l1', 'forecastPence'), '1,000\r\nabc\r\n');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/Nothing was pasted.*HN02, Forecast outturn: "abc" is not an amount of money/);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await pasteInto(cell('l1', 'forecastPence'), '1\r\n2\r\n3\r\n4\r\n');
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/would cover "Total Place funding"/);
    expect(await view()).toEqual(before);
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  });

  it('keeps a closed year read-only', async () => {
    await page.getByRole('combobox', { name: 'Financial year' }).click();
    await page.getByRole('option', { name: '2025-26 (closed)' }).click();
    await expect.poll(() => page.locator('.screen-sub').first().textContent()).toContain('outturn, year closed');
    const before = await s.server.call('getMonitoring', { year: '2025-26', period: 12 });
    await cell('l1', 'forecastPence').click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    expect(await s.server.call('getMonitoring', { year: '2025-26', period: 12 })).toEqual(before);
    await page.getByRole('combobox', { name: 'Financial year' }).click();
    await page.getByRole('option', { name: YEAR }).click();
  });

  it('shows the budget grid, DSG chart and set-up screens without serious accessibility problems', async () => {
    const screens: Array<[string, string, string]> = [
      ['Budget', 'budget', 'High Needs budget'],
      ['DSG position', 'position', 'DSG position'],
      ['Imports', 'imports', 'Imports'],
      ['Years and funding', 'years', 'Years and funding'],
      ['Budget lines', 'lines', 'Budget lines'],
      ['Settings', 'settings', 'Settings'],
      ['Workspaces', 'workspaces', 'Workspaces'],
    ];
    for (const [name, file, heading] of screens) {
      await nav(name);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      if (file === 'position') await page.locator('.recharts-bar-rectangle').first().waitFor();
      if (file === 'budget') await cell('l1', 'originalPence').waitFor();
      if (file === 'lines') await page.getByRole('cell', { name: 'HN01', exact: true }).first().waitFor();
      if (file === 'settings') await page.getByRole('button', { name: 'Save settings' }).waitFor();
      if (file === 'years') await page.getByRole('table', { name: `DSG allocation ${YEAR}` }).waitFor();
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
      await page.screenshot({ path: join(OUTPUT_DIR, `${file}.png`) });
      await expectNoSeriousAxe(name);
    }
  });

  it('exports the monitoring table as a workbook from the screen', async () => {
    await nav('Monitoring');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to Excel' }).click()]);
    expect(download.suggestedFilename()).toBe(`High Needs monitoring ${YEAR} P${PERIOD}.xlsx`);
    const file = join(s.dir, 'export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(file);
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(String(wb.getWorksheet('High Needs monitoring')!.getCell('A2').value)).toBe(`${YEAR}, P7 (October 2026)`);
  });

  it('edits an original budget and sees the revised budget follow and the totals move', async () => {
    await nav('Budget');
    const before = await call<BudgetGrid>('getBudgetGrid', { year: YEAR });
    const hn02 = before.rows.find((r) => r.code === 'HN02')!;
    expect(hn02.revisedPence).toBe(hn02.originalPence);
    await cell(`l${hn02.lineId}`, 'originalPence').click();
    await page.keyboard.type('1500000');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(`l${hn02.lineId}`, 'revisedPence').textContent()).toBe('£1,500,000');
    await expect.poll(() => kpi('Original budget').textContent()).toBe(formatPence(before.total.originalPence - hn02.originalPence + 150_000_000));
  });

  it("adds a year from the last one's budgets, enters its allocation and closes it with a reason", async () => {
    await nav('Years and funding');
    await page.getByRole('heading', { level: 1, name: 'Years and funding' }).waitFor();
    // The next year is offered, starting from the last year's revised budgets.
    await page.getByRole('radio', { name: /^2027-28, the year after 2026-27/ }).check();
    await expect.poll(() => page.getByRole('combobox', { name: 'Start budgets from' }).textContent()).toBe(`${YEAR} revised budgets`);
    await page.getByRole('button', { name: 'Add 2027-28' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Financial year' }).textContent()).toContain('2027-28');
    const grid = await call<BudgetGrid>('getBudgetGrid', { year: '2027-28' });
    const last = await call<BudgetGrid>('getBudgetGrid', { year: YEAR });
    expect(grid.total.originalPence).toBe(last.total.revisedPence);

    const input = page.getByLabel('High Needs allocation');
    await input.fill('£64,250,000');
    await input.press('Tab');
    await page.getByRole('button', { name: 'Save High Needs block' }).click();
    await expect
      .poll(async () => (await call<AllocationView>('getAllocations', { year: '2027-28' })).blocks.find((b) => b.block === 'hnb')!.allocationPence)
      .toBe(6_425_000_000);

    await page.getByRole('button', { name: 'Close 2027-28' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('button', { name: 'Close year' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Reason').fill('Budget set and agreed by Schools Forum');
    await dialog.getByRole('button', { name: 'Close year' }).click();
    await expect
      .poll(async () => (await call<YearInfo[]>('listYears', {})).find((y) => y.id === '2027-28'))
      .toMatchObject({ status: 'closed', statusReason: 'Budget set and agreed by Schools Forum' });
    await dialog.waitFor({ state: 'detached' });
    await expectNoSeriousAxe('years after closing');
  });

  it('logged no script errors and no CSP violations', () => {
    expect(s.problems).toEqual([]);
  });
});
