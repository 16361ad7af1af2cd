import { mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatPence } from '../../electron/shared/money';
import type { MonitoringView, PositionSummary } from '../../electron/shared/types';
import { seriousAxeFindings } from './axe';
import { openDemoSession, OUTPUT_DIR, type Session } from './harness';

let s: Session;
let page: Page;
const YEAR = '2026-27';
const PERIOD = 7;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  s = await openDemoSession();
  page = s.page;
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

async function view(): Promise<MonitoringView> {
  const r = await s.server.call('getMonitoring', { year: YEAR, period: PERIOD });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as MonitoringView;
}
async function summary(): Promise<PositionSummary> {
  const r = await s.server.call('getSummary', { year: YEAR, period: PERIOD });
  if (!r.ok) throw new Error(r.error.message);
  return r.value as PositionSummary;
}

const cell = (rowId: string, col: string) => page.locator(`.ag-row[row-id="${rowId}"] [col-id="${col}"]`);
const kpi = (label: string) => page.getByRole('group', { name: label }).locator('.kpi-value');
const nav = (name: string) => page.getByRole('navigation', { name: 'Screens' }).getByText(name, { exact: true }).click();

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
    await expect.poll(() => page.getByText('DEMO DATA').isVisible()).toBe(true);
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
    const screens: Array<[string, string]> = [
      ['Budget', 'budget'],
      ['DSG position', 'position'],
      ['Years and funding', 'years'],
      ['Budget lines', 'lines'],
      ['Workspaces', 'workspaces'],
    ];
    for (const [name, file] of screens) {
      await nav(name);
      await page.locator('h1').filter({ hasText: /./ }).first().waitFor();
      if (file === 'position') await page.locator('.recharts-bar-rectangle').first().waitFor();
      if (file === 'budget') await cell('l1', 'originalPence').waitFor();
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
    const before = (await s.server.call('getBudgetGrid', { year: YEAR })) as {
      ok: true;
      value: { rows: Array<{ lineId: number; code: string; originalPence: number; revisedPence: number }>; total: { originalPence: number } };
    };
    const hn02 = before.value.rows.find((r) => r.code === 'HN02')!;
    expect(hn02.revisedPence).toBe(hn02.originalPence);
    await cell(`l${hn02.lineId}`, 'originalPence').click();
    await page.keyboard.type('1500000');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(`l${hn02.lineId}`, 'revisedPence').textContent()).toBe('£1,500,000');
    await expect.poll(() => kpi('Original budget').textContent()).toBe(formatPence(before.value.total.originalPence - hn02.originalPence + 150_000_000));
  });

  it("adds a year from the last one's budgets, enters its allocation and closes it with a reason", async () => {
    await nav('Years and funding');
    await page.getByRole('button', { name: 'Add year' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Financial year' }).textContent()).toContain('2027-28');
    const grid = (await s.server.call('getBudgetGrid', { year: '2027-28' })) as { ok: true; value: { total: { originalPence: number } } };
    const last = (await s.server.call('getBudgetGrid', { year: YEAR })) as { ok: true; value: { total: { revisedPence: number } } };
    expect(grid.value.total.originalPence).toBe(last.value.total.revisedPence);

    const input = page.getByLabel('High Needs allocation');
    await input.fill('£64,250,000');
    await input.press('Tab');
    await page.getByRole('button', { name: 'Save High Needs block' }).click();
    await expect
      .poll(async () => {
        const r = (await s.server.call('getAllocations', { year: '2027-28' })) as {
          ok: true;
          value: { blocks: Array<{ block: string; allocationPence: number }> };
        };
        return r.value.blocks.find((b) => b.block === 'hnb')!.allocationPence;
      })
      .toBe(6_425_000_000);

    await page
      .getByRole('row', { name: /2027-28/ })
      .getByRole('button', { name: 'Close year' })
      .click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('button', { name: 'Close year' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Reason').fill('Budget set and agreed by Schools Forum');
    await dialog.getByRole('button', { name: 'Close year' }).click();
    await expect
      .poll(async () => {
        const r = (await s.server.call('listYears', {})) as { ok: true; value: Array<{ id: string; status: string; statusReason: string | null }> };
        return r.value.find((y) => y.id === '2027-28');
      })
      .toMatchObject({ status: 'closed', statusReason: 'Budget set and agreed by Schools Forum' });
    await expectNoSeriousAxe('years after closing');
  });

  it('logged no script errors and no CSP violations', () => {
    expect(s.problems).toEqual([]);
  });
});
