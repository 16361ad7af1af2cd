/**
 * The spreadsheet round trip in the window: a returned workbook is read, every change shown as
 * old → new before anything is written, applied as one batch, and reverted from Imports.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatPence } from '../../electron/shared/money';
import type { FileBytes } from '../../electron/shared/types';
import type { BudgetLineInfo } from '../../features/lines/types';
import type { MonitoringRow, MonitoringView } from '../../features/monitoring/types';
import type { ImportBatchInfo } from '../../electron/shared/workbook-types';
import { seriousAxeFindings } from './axe';
import { openDemoSession, OUTPUT_DIR, type Session } from './harness';

let s: Session;
let page: Page;
const YEAR = '2026-27';
const PERIOD = 7;
const SHEET = 'Monitoring return';
const HEADER_ROW = 4;
const LONG = 30_000;
const TEST_TIMEOUT = 180_000;

beforeAll(async () => {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  s = await openDemoSession();
  page = s.page;
}, 120_000);
afterAll(async () => {
  await s?.close();
});
// A failed step must not leave the wizard over the next test: cancel it (which discards the import).
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await page.screenshot({ path: join(OUTPUT_DIR, `import-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) });
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()); i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
  await page
    .getByRole('dialog')
    .waitFor({ state: 'detached', timeout: 5000 })
    .catch(() => undefined);
  const dismiss = page.locator('.notice').getByRole('button', { name: 'Dismiss' });
  if (await dismiss.count()) await dismiss.click();
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await s.server.call(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}
const monitoring = () => call<MonitoringView>('getMonitoring', { year: YEAR, period: PERIOD });
const lineOf = (v: MonitoringView, code: string): MonitoringRow => {
  const r = v.rows.find((x) => x.code === code);
  if (!r) throw new Error(`no line ${code}`);
  return r;
};

async function exportedReturn(): Promise<ExcelJS.Workbook> {
  const file = await call<FileBytes>('exportWorkbook', { kind: 'monitoring', scope: { year: YEAR, period: PERIOD } });
  const bytes = Buffer.from(file.base64, 'base64');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

/** The 1-based column of a heading on the return's heading row. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(HEADER_ROW).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (!found) throw new Error(`no column "${header}" on row ${HEADER_ROW} of ${sheet.name}`);
  return found;
}

function rowOfCode(sheet: ExcelJS.Worksheet, code: string): number {
  const col = columnOf(sheet, 'Line code');
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(col).value === code) return r;
  throw new Error(`no row for ${code}`);
}

const letter = (col: number) => String.fromCharCode(64 + col);

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const path = join(s.dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const dialog = () => page.getByRole('dialog');
const nav = (name: string) => page.getByRole('navigation', { name: 'Screens' }).getByText(name, { exact: true }).click();
/** A screenshot once transitions have finished, as the user would look at it. */
async function shot(name: string) {
  // Endless ones (a spinner, an indeterminate progress bar) never finish.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity));
  await page.screenshot({ path: join(OUTPUT_DIR, `import-${name}.png`) });
}
const applyButton = () => dialog().getByRole('button', { name: 'Apply', exact: true });
const tile = (label: string) =>
  dialog()
    .getByRole('list', { name: 'What the file would change' })
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^\\d[\\d,]* ${label}$`) });

async function expectNoSeriousAxe(what: string) {
  const findings = await seriousAxeFindings(page);
  expect(findings, `${what}: ${JSON.stringify(findings, null, 2)}`).toEqual([]);
}

/** Opens the wizard from a screen's button and gives it the file, as the browser's file picker would. */
async function importFromScreen(path: string, screen: string, heading: string) {
  await nav(screen);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.getByRole('button', { name: 'Import workbook…' }).click();
  await dialog().getByRole('button', { name: 'Choose file…' }).waitFor();
  await page.locator('#import-file-input').setInputFiles(path);
}

async function waitForPreview(): Promise<Locator> {
  const current = dialog().getByRole('list', { name: 'Steps' }).locator('[aria-current="step"]');
  const stage = async () => `${await current.textContent()} | ${await dialog().textContent()}`;
  await expect.poll(stage, { timeout: LONG }).toMatch(/^\d Review and apply \|/);
  return dialog();
}

/**
 * Apply, and the second question Apply asks when the preview carries flags (a forecast moved by
 * more than the workspace's threshold): the flags are named again, and Apply anyway goes on.
 */
async function applyConfirmingFlags(flag: RegExp) {
  await applyButton().click();
  const confirm = page.getByRole('dialog', { name: /^Apply .* anyway\?$/ });
  await expect.poll(() => confirm.textContent(), { timeout: LONG }).toMatch(flag);
  await confirm.getByRole('button', { name: 'Apply anyway' }).click();
  await page.getByRole('dialog', { name: /^Import a workbook/ }).waitFor({ state: 'detached', timeout: LONG });
}

async function isApplyDisabled(): Promise<boolean> {
  const b = applyButton();
  return (await b.getAttribute('aria-disabled')) === 'true' || (await b.isDisabled());
}

describe('importing a workbook in the window', () => {
  it(
    'reads a returned monitoring return, shows each change as old → new, applies it and reverts it from Imports',
    async () => {
      const before = await monitoring();
      const [a, b] = before.rows;
      const newForecast = 123_456_789; // £1,234,567.89
      expect(a!.forecastPence).not.toBe(newForecast);
      const wb = await exportedReturn();
      const sh = wb.getWorksheet(SHEET)!;
      sh.getRow(rowOfCode(sh, a!.code)).getCell(columnOf(sh, 'Forecast outturn')).value = newForecast / 100;
      const comment = 'Two placements ended early; one new out-of-area place from November.';
      expect(b!.commentary).not.toBe(comment);
      sh.getRow(rowOfCode(sh, b!.code)).getCell(columnOf(sh, 'Commentary')).value = comment;
      const path = await save(wb, 'Monitoring return returned.xlsx');

      // The choose step, then the reading step held open long enough to be seen.
      await nav('Monitoring');
      await page.getByRole('button', { name: 'Import workbook…' }).click();
      await dialog().getByRole('button', { name: 'Choose file…' }).waitFor();
      await shot('choose');
      await expectNoSeriousAxe('wizard: choose file');
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/api/importFile', async (route) => {
        await held;
        await route.continue();
      });
      await page.locator('#import-file-input').setInputFiles(path);
      const bar = dialog().getByRole('progressbar');
      await bar.waitFor();
      await expect.poll(() => dialog().textContent()).toContain('Reading Monitoring return returned.xlsx');
      await shot('reading');
      const answered = page.waitForResponse('**/api/importFile', { timeout: LONG });
      release();
      await answered;
      await page.unroute('**/api/importFile');

      const d = await waitForPreview();
      await expect.poll(() => tile('changed').textContent()).toBe('2 changed');
      await expect.poll(() => tile('errors').textContent()).toBe('0 errors');
      const rowA = d.getByRole('row').filter({ hasText: a!.code });
      await expect.poll(() => rowA.textContent()).toContain(`Forecast outturn: ${formatPence(a!.forecastPence, { pence: true })} → £1,234,567.89`);
      // The old value is struck through, the new one emphasised.
      await expect.poll(() => rowA.locator('del').first().textContent()).toBe(formatPence(a!.forecastPence, { pence: true }));
      await expect.poll(() => rowA.locator('ins').first().textContent()).toBe('£1,234,567.89');
      const rowB = d.getByRole('row').filter({ hasText: b!.code });
      await expect.poll(() => rowB.textContent()).toContain(`→ ${comment}`);
      // A forecast cut to a seventh of itself is more than the workspace's 50% threshold: flagged before applying.
      await expect.poll(() => d.getByText('Large moves').count()).toBe(1);
      await expect.poll(() => d.textContent()).toContain('1 line moves by more than 50%');
      expect(await isApplyDisabled()).toBe(false);
      await shot('preview');
      await expectNoSeriousAxe('wizard: preview');
      // Nothing is written by the preview.
      expect(await monitoring()).toEqual(before);

      await applyButton().click();
      const again = page.getByRole('dialog', { name: 'Apply Monitoring return returned.xlsx anyway?' });
      await expect.poll(() => again.textContent()).toContain('Large moves: 1 line moves by more than 50%');
      await shot('apply-confirm');
      await expectNoSeriousAxe('wizard: apply anyway?');
      // Going back leaves the preview as it was, with nothing written.
      await again.getByRole('button', { name: 'Go back' }).click();
      await again.waitFor({ state: 'detached' });
      expect(await monitoring()).toEqual(before);
      await applyConfirmingFlags(/Large moves/);
      await expect.poll(() => page.locator('.notice').textContent()).toMatch(/Imported Monitoring return returned\.xlsx: 2 changed, 0 added/);
      const after = await monitoring();
      expect(lineOf(after, a!.code).forecastPence).toBe(newForecast);
      expect(lineOf(after, b!.code).commentary).toBe(comment);
      // The screen behind re-reads what it shows.
      await expect.poll(() => page.locator(`.ag-row[row-id="l${a!.lineId}"] [col-id="forecastPence"]`).textContent()).toBe(formatPence(newForecast));

      await nav('Imports');
      const history = page.getByRole('table', { name: 'Import history' });
      const batchRow = history.getByRole('row').filter({ hasText: 'Monitoring return returned.xlsx' });
      await expect
        .poll(() => batchRow.textContent())
        .toMatch(/e2e\.tester.*High Needs monitoring return, 2026-27, P7 \(October 2026\).*2 changed, 0 added.*Applied/);
      await shot('imports');
      await expectNoSeriousAxe('imports screen');

      await batchRow.getByRole('button', { name: /^Revert/ }).click();
      const confirm = page.getByRole('dialog');
      await expect.poll(() => confirm.textContent()).toContain('Reverting restores the figures this import changed');
      await shot('revert-confirm');
      await expectNoSeriousAxe('revert confirmation');
      await confirm.getByRole('button', { name: 'Revert import' }).click();
      await confirm.waitFor({ state: 'detached', timeout: LONG });
      await expect.poll(async () => lineOf(await monitoring(), a!.code).forecastPence, { timeout: LONG }).toBe(a!.forecastPence);
      expect(lineOf(await monitoring(), b!.code).commentary).toBe(b!.commentary);
      await expect.poll(() => batchRow.textContent()).toMatch(/Reverted.*by e2e\.tester/);
      expect(await batchRow.getByRole('button', { name: /^Revert/ }).count()).toBe(0);
      await shot('imports-reverted');
      const batches = await call<ImportBatchInfo[]>('listImportBatches', {});
      expect(batches[0]).toMatchObject({ fileName: 'Monitoring return returned.xlsx', changed: 2, revertedBy: 'e2e.tester' });
    },
    TEST_TIMEOUT,
  );

  it(
    'lists a text value in a money cell as Sheet!Cell — rule — found, and will not apply the file',
    async () => {
      const before = await monitoring();
      const [a] = before.rows;
      const wb = await exportedReturn();
      const sh = wb.getWorksheet(SHEET)!;
      const col = columnOf(sh, 'Forecast outturn');
      const row = rowOfCode(sh, a!.code);
      sh.getRow(row).getCell(col).value = 'about 5k';
      const path = await save(wb, 'Return with a typo.xlsx');

      await importFromScreen(path, 'Imports', 'Imports');
      const d = await waitForPreview();
      expect(letter(col)).toBe('I');
      const errors = d.getByRole('region', { name: 'Problems in the file' });
      await expect
        .poll(() => errors.getByRole('listitem').first().textContent())
        .toMatch(new RegExp(`^${SHEET}!${letter(col)}${row} — Forecast outturn must be an amount in pounds[^—]* — found "about 5k"$`));
      await expect.poll(() => tile('errors?').textContent()).toBe('1 error');
      expect(await isApplyDisabled()).toBe(true);
      const why = d.locator('#apply-blocked');
      await expect.poll(() => why.textContent()).toMatch(/not possible while the file has 1 problem/);
      expect(await applyButton().getAttribute('aria-describedby')).toBe('apply-blocked');
      await shot('preview-errors');
      // Even a forced click does nothing.
      await applyButton().click({ force: true });
      await page.waitForTimeout(500);
      expect(await dialog().count()).toBe(1);
      expect(await monitoring()).toEqual(before);

      await d.getByRole('button', { name: 'Cancel' }).click();
      await dialog().waitFor({ state: 'detached', timeout: LONG });
      expect(await monitoring()).toEqual(before);
      expect((await call<ImportBatchInfo[]>('listImportBatches', {})).some((b) => b.fileName === 'Return with a typo.xlsx')).toBe(false);
    },
    TEST_TIMEOUT,
  );

  it(
    'asks a changed-in-both row which value to keep before applying',
    async () => {
      const before = await monitoring();
      const [, , c, e] = before.rows;
      const wb = await exportedReturn();
      // After the export the workspace changes c; the file changes c and e.
      await call('setForecasts', { year: YEAR, period: PERIOD, changes: [{ lineId: c!.lineId, forecastPence: 111_100 }] });
      const sh = wb.getWorksheet(SHEET)!;
      const fc = columnOf(sh, 'Forecast outturn');
      sh.getRow(rowOfCode(sh, c!.code)).getCell(fc).value = 3333;
      sh.getRow(rowOfCode(sh, e!.code)).getCell(fc).value = 4444;
      const path = await save(wb, 'Return with a conflict.xlsx');

      await importFromScreen(path, 'Monitoring', 'High Needs monitoring');
      const d = await waitForPreview();
      await expect.poll(() => tile('conflicts?').textContent()).toBe('1 conflict');
      const rowC = d.getByRole('row').filter({ hasText: c!.code });
      await expect.poll(() => rowC.textContent()).toContain('Forecast outturn: £1,111.00 → £3,333.00');
      expect(await isApplyDisabled()).toBe(true);
      await expect.poll(() => d.locator('#apply-blocked').textContent()).toContain('Choose which value to keep for 1 row');
      await shot('preview-conflict');
      await rowC.getByRole('radio', { name: 'Take file value' }).check();
      expect(await isApplyDisabled()).toBe(false);
      await applyConfirmingFlags(/Large moves/);
      const after = await monitoring();
      expect(lineOf(after, c!.code).forecastPence).toBe(333_300);
      expect(lineOf(after, e!.code).forecastPence).toBe(444_400);
    },
    TEST_TIMEOUT,
  );

  it(
    'reads a workbook of its own making: asks what it holds, proposes the columns, and applies it',
    async () => {
      const before = await monitoring();
      const lines = await call<BudgetLineInfo[]>('listLines', {});
      const [x, y] = lines.filter((l) => l.active);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Forecasts');
      ws.getCell('A1').value = 'Anytown Council: High Needs forecast outturn';
      ws.mergeCells('A1:D1');
      ws.getCell('A2').value = 'October 2026 (P7), from the finance system';
      ws.addRow(['Cost Centre', 'Description', 'Forecast Outturn', 'Comments']);
      ws.addRow([x!.code, x!.name, 1234.5, 'Two new places']);
      ws.addRow([y!.code, y!.name, 98_765, '']);
      ws.addRow(['Total', '', { formula: 'SUM(C4:C5)', result: 1234.5 + 98_765 }, '']);
      expect(ws.getCell('A3').value).toBe('Cost Centre');
      const path = await save(wb, 'Finance system forecast.xlsx');

      await importFromScreen(path, 'Budget', 'High Needs budget');
      const d = dialog();
      // Polling the dialog's text shows what it says instead (a refusal, say) if this step never comes.
      await expect.poll(() => d.textContent(), { timeout: LONG }).toContain('Finance system forecast.xlsx was not exported by HNB Desk');
      const next = d.getByRole('button', { name: 'Next: match columns' });
      expect(await next.isDisabled()).toBe(true);
      await d.getByRole('radio', { name: /High Needs monitoring return/ }).check();
      // The scope's fields are the ones the server names for the kind.
      await expect.poll(() => d.getByRole('combobox', { name: 'Year' }).textContent()).toBe(YEAR);
      const period = d.getByRole('combobox', { name: 'Period' });
      await period.click();
      await page.getByRole('option', { name: 'P7 (October 2026)' }).click();
      await expect.poll(() => period.textContent()).toBe('P7 (October 2026)');
      await shot('kind');
      await expectNoSeriousAxe('wizard: what it holds');
      await next.click();

      const forCode = d.getByRole('combobox', { name: 'Column for Line code' });
      await forCode.waitFor({ timeout: LONG });
      await expect.poll(() => d.textContent()).toMatch(/Headings found on row 3 of the sheet Forecasts/);
      await expect.poll(() => forCode.textContent()).toBe('A · Cost Centre');
      await expect.poll(() => d.getByRole('combobox', { name: 'Column for Forecast outturn' }).textContent()).toBe('C · Forecast Outturn');
      await expect.poll(() => d.getByRole('combobox', { name: 'Column for Commentary' }).textContent()).toBe('D · Comments');
      await expect.poll(() => d.getByRole('combobox', { name: 'Column for Actual to date' }).textContent()).toBe('— not in this file —');
      // The file's first rows are there to see what each column holds.
      await expect.poll(() => d.getByRole('region', { name: 'The first rows of the file' }).textContent()).toContain('Two new places');
      await d.getByRole('textbox', { name: 'Save this mapping as' }).fill('Finance system');
      await d.getByRole('button', { name: 'Save mapping' }).click();
      await expect.poll(() => d.getByRole('status').textContent()).toContain('Saved as "Finance system"');
      const saved = await call<Array<{ name: string; columns: Record<string, string> }>>('listMappings', { kind: 'monitoring' });
      expect(saved.find((m) => m.name === 'Finance system')?.columns).toEqual({
        'Cost Centre': 'code',
        'Forecast Outturn': 'forecastPence',
        Comments: 'commentary',
      });
      await shot('mapping');
      await expectNoSeriousAxe('wizard: match columns');
      await d.getByRole('button', { name: 'Preview changes' }).click();

      await waitForPreview();
      await expect.poll(() => tile('changed').textContent()).toBe('2 changed');
      await expect.poll(() => d.getByRole('list', { name: 'Notes' }).textContent()).toContain('1 subtotal or total row was skipped');
      const rowX = d.getByRole('row').filter({ hasText: x!.code });
      await expect
        .poll(() => rowX.textContent())
        .toContain(`Forecast outturn: ${formatPence(lineOf(before, x!.code).forecastPence, { pence: true })} → £1,234.50`);
      const missing = d.getByRole('checkbox', { name: /Remove rows missing from the file/ });
      expect(await missing.isChecked()).toBe(false);
      await expect.poll(() => d.textContent()).toContain("this period's forecast, actual and commentary are cleared");
      await shot('preview-foreign');
      await applyConfirmingFlags(/Large moves/);

      const after = await monitoring();
      expect(lineOf(after, x!.code)).toMatchObject({ forecastPence: 123_450, commentary: 'Two new places' });
      expect(lineOf(after, y!.code).forecastPence).toBe(9_876_500);
      // Lines not in the file are left as they were.
      for (const r of before.rows.filter((r) => r.code !== x!.code && r.code !== y!.code)) expect(lineOf(after, r.code)).toEqual(r);
    },
    TEST_TIMEOUT,
  );

  it(
    'pages through a preview of thousands of rows without putting them all on the page',
    async () => {
      const groups = await call<Array<{ name: string }>>('listGroups', {});
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('New lines');
      ws.addRow(['Line code', 'Budget line', 'Provision type', 'Original budget']);
      const N = 3000;
      for (let i = 1; i <= N; i++) ws.addRow([`NEW${String(i).padStart(4, '0')}`, `Placement ${i}`, groups[i % groups.length]!.name, 1000 + i]);
      const path = await save(wb, 'Three thousand lines.xlsx');
      const before = await call<BudgetLineInfo[]>('listLines', {});

      await importFromScreen(path, 'Budget', 'High Needs budget');
      const d = dialog();
      await expect.poll(() => d.textContent(), { timeout: LONG }).toContain('Three thousand lines.xlsx was not exported by HNB Desk');
      await d.getByRole('radio', { name: /High Needs budget/ }).check();
      await d.getByRole('button', { name: 'Next: match columns' }).click();
      await expect.poll(() => d.getByRole('combobox', { name: 'Column for Provision type' }).textContent(), { timeout: LONG }).toBe('C · Provision type');
      await d.getByRole('button', { name: 'Preview changes' }).click();
      await waitForPreview();
      await expect.poll(() => tile('added').textContent()).toBe('3,000 added');
      const pages = d.getByRole('navigation', { name: 'Pages of rows' });
      await expect.poll(() => pages.textContent()).toContain('1–50 of 3,0');
      expect(await d.locator('.preview-table tbody tr').count()).toBe(50);
      await pages.getByRole('button', { name: 'Next' }).click();
      await expect.poll(() => pages.textContent()).toContain('51–100 of 3,0');
      await expect.poll(() => d.getByRole('row').filter({ hasText: 'NEW0051' }).textContent()).toContain('Original budget: £1,051.00');
      await d.getByRole('tab', { name: /^Added/ }).click();
      await expect.poll(() => pages.textContent()).toContain('1–50 of 3,000 rows');
      await shot('preview-large');

      await d.getByRole('button', { name: 'Cancel' }).click();
      await dialog().waitFor({ state: 'detached', timeout: LONG });
      expect(await call<BudgetLineInfo[]>('listLines', {})).toEqual(before);
    },
    TEST_TIMEOUT,
  );

  it(
    'exports the return for one budget holder from a menu, and the budget workbook',
    async () => {
      const view = await monitoring();
      const holder = 'SEND Finance Business Partner';
      const theirs = view.rows.filter((r) => r.holder === holder).map((r) => r.code);
      expect(theirs.length).toBeGreaterThan(0);
      expect(theirs.length).toBeLessThan(view.rows.length);

      await nav('Monitoring');
      await page.getByRole('heading', { level: 1, name: 'High Needs monitoring' }).waitFor();
      await page.getByRole('button', { name: 'Export return for budget holders' }).click();
      const menu = page.getByRole('menu');
      await menu.getByRole('menuitem', { name: 'All lines' }).waitFor();
      await shot('export-menu');
      await expectNoSeriousAxe('export menu');
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: LONG }), menu.getByRole('menuitem', { name: holder }).click()]);
      expect(download.suggestedFilename()).toBe(`Monitoring return ${YEAR} P${PERIOD} ${holder}.xlsx`);
      const file = join(s.dir, 'holder-return.xlsx');
      await download.saveAs(file);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const sh = wb.getWorksheet(SHEET)!;
      const codeCol = columnOf(sh, 'Line code');
      const idCol = columnOf(sh, 'Row id');
      const codes: string[] = [];
      for (let r = HEADER_ROW + 1; r <= sh.rowCount; r++)
        if (typeof sh.getRow(r).getCell(idCol).value === 'number') codes.push(String(sh.getRow(r).getCell(codeCol).value));
      expect(codes).toEqual(theirs);
      await expect.poll(() => page.locator('.notice').textContent()).toContain(`Saved Monitoring return ${YEAR} P${PERIOD} ${holder}.xlsx`);

      await nav('Budget');
      await page.getByRole('heading', { level: 1, name: 'High Needs budget' }).waitFor();
      const [budget] = await Promise.all([
        page.waitForEvent('download', { timeout: LONG }),
        page.getByRole('button', { name: 'Export budget workbook' }).click(),
      ]);
      expect(budget.suggestedFilename()).toBe(`High Needs budget ${YEAR}.xlsx`);
      const budgetFile = join(s.dir, 'budget.xlsx');
      await budget.saveAs(budgetFile);
      const bw = new ExcelJS.Workbook();
      await bw.xlsx.readFile(budgetFile);
      expect(bw.getWorksheet('Budget')).toBeDefined();
    },
    TEST_TIMEOUT,
  );

  it('saw no console errors or CSP violations', () => {
    expect(s.problems).toEqual([]);
  });
});
