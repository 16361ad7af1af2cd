import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainServer } from '../../../electron/server/server';
import { runHnb, workspaceSnapshot } from '../../support/cli';
import { tempDir } from '../../support/workspace';

const root = join(__dirname, '..', '..', '..');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('hnb-cli-')));
afterEach(() => cleanup());

const hnb = (...argv: string[]) => runHnb(dir, argv);

/** Sums each money column over the line rows (those with a code in column A) of the exported sheet. */
async function workbookSums(file: string) {
  const wb = new ExcelJS.Workbook();
  const bytes = readFileSync(file);
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = wb.getWorksheet('High Needs monitoring')!;
  const headerRow = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === 'Code')!;
  const col = (name: string) => (headerRow.values as unknown[]).indexOf(name);
  const sums = { budget: 0, forecast: 0, variance: 0 };
  let subtotalForecast = 0;
  ws.eachRow((row, n) => {
    if (n <= headerRow.number) return;
    const code = row.getCell(1).value;
    const label = String(row.getCell(2).value ?? '');
    const pence = (c: string) => Math.round(Number(row.getCell(col(c)).value) * 100);
    const cached = (c: string) => Math.round(Number((row.getCell(col(c)).value as { result: number }).result) * 100);
    if (typeof code === 'string' && /^HN\d+$/.test(code)) {
      sums.budget += pence('Revised budget');
      sums.forecast += pence('Forecast outturn');
      sums.variance += pence('Variance');
    } else if (label.startsWith('Total ') && label !== 'Total High Needs expenditure') subtotalForecast += cached('Forecast outturn');
  });
  return { ws, headerRow: headerRow.number, sums, subtotalForecast };
}

describe('hnb', () => {
  it('init --demo then summary agrees to the penny with the exported monitoring workbook', async () => {
    const init = await hnb('init', '--demo');
    expect(init.code).toBe(0);
    expect(init.out).toMatch(/Demo data added for 2022-23, 2023-24, 2024-25, 2025-26, 2026-27/);
    const summary = await hnb('summary', '--year', '2024-25', '--json');
    expect(summary.code).toBe(0);
    const s = JSON.parse(summary.out);
    expect(Object.keys(s)).toEqual([
      'year',
      'period',
      'netFundingPence',
      'budgetPence',
      'forecastPence',
      'variancePence',
      'inYearPence',
      'broughtForwardPence',
      'contributionsPence',
      'carriedForwardPence',
    ]);
    expect(s.broughtForwardPence).toBeLessThan(0);
    expect(s.inYearPence).toBe(s.netFundingPence - s.forecastPence);
    expect(s.carriedForwardPence).toBe(s.broughtForwardPence + s.inYearPence + s.contributionsPence);

    const out = join(dir, 'monitoring.xlsx');
    const exp = await hnb('export', 'report', '--year', '2024-25', '--period', `P${s.period}`, '--out', 'monitoring.xlsx');
    expect(exp.code).toBe(0);
    const { sums, subtotalForecast } = await workbookSums(out);
    expect(sums.budget).toBe(s.budgetPence);
    expect(sums.forecast).toBe(s.forecastPence);
    expect(sums.variance).toBe(s.variancePence);
    expect(subtotalForecast).toBe(s.forecastPence);
  });

  it('writes a workbook a forum would recognise: title, frozen header, GBP formats, subtotal formulas, A4 landscape', async () => {
    await hnb('init', '--demo');
    const file = join(dir, 'm.xlsx');
    expect((await hnb('export', 'report', '--year', '2026-27', '--period', 'P7', '--out', file)).code).toBe(0);
    const { ws, headerRow } = await workbookSums(file);
    expect(String(ws.getCell('A1').value)).toBe('Demo Metropolitan Borough Council (demo data): High Needs Block budget monitoring');
    expect(String(ws.getCell('A2').value)).toBe('2026-27, P7 (October 2026)');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow, xSplit: 2 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: `${headerRow}:${headerRow}` });
    const firstLine = ws.getRow(headerRow + 2);
    expect(firstLine.getCell(1).value).toBe('HN01');
    expect(firstLine.getCell(4).numFmt).toContain('"£"#,##0');
    expect(firstLine.outlineLevel).toBe(1);
    const subtotal = ws.getRow(headerRow + 5);
    expect(String(subtotal.getCell(2).value)).toBe('Total Place funding');
    expect((subtotal.getCell(5).value as { formula: string }).formula).toBe(`SUBTOTAL(9,E${headerRow + 2}:E${headerRow + 4})`);
    expect(ws.headerFooter.oddFooter).toMatch(/Page &P of &N/);
  });

  it('exits 2 with a clear message and writes nothing on invalid input', async () => {
    expect((await hnb('init', '--demo')).code).toBe(0);
    const snapshot = () => workspaceSnapshot(dir);
    const before = snapshot();
    const cases: Array<[string[], RegExp]> = [
      [['summary', '--year', '2024/25'], /year must be a financial year such as 2024-25/],
      [['summary', '--year', '2024-25', '--period', 'P13'], /--period must be P1 \(April\) to P12 \(March\), not "P13"/],
      [['summary', '--year', '2019-20'], /There is no year 2019-20/],
      [['summary'], /--year is required/],
      [['frobnicate'], /Unknown command "frobnicate"/],
      [['summary', '--year', '2024-25', '--colour'], /Unknown option '--colour'/],
      [['export', 'monitoring', '--year', '2024-25', '--out', 'x.csv'], /must name an \.xlsx file/],
      [['export', 'monitoring', '--year', '2024-25', '--period', 'P0', '--out', 'x.xlsx'], /--period must be P1/],
      [['init', '--demo', '--db', 'workspace.hnbdesk'], /already holds the demo|already holds figures/],
    ];
    for (const [argv, message] of cases) {
      const r = await hnb(...argv);
      if (argv[0] === 'init') {
        // Re-running init --demo on the demo workspace is a no-op success, not an error.
        expect(r.code).toBe(0);
        expect(r.out).toMatch(message);
        continue;
      }
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toMatch(message);
    }
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('refuses demo figures in a workspace that already has its own, unchanged', async () => {
    expect((await hnb('init', '--db', 'real.hnbdesk')).code).toBe(0);
    const server = new DomainServer({ dataDir: dir, user: 'x', logError: () => undefined });
    await server.openWorkspace(join(dir, 'real.hnbdesk'));
    await server.call('createYear', { year: '2025-26' });
    server.close();
    const r = await hnb('init', '--demo', '--db', 'real.hnbdesk');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already holds figures, so the demo was not added/);
    const db = new Database(join(dir, 'real.hnbdesk'), { readonly: true });
    expect(db.prepare('SELECT id FROM financial_year').all()).toEqual([{ id: '2025-26' }]);
    expect(db.prepare('SELECT is_demo FROM workspace').get()).toEqual({ is_demo: 0 });
    db.close();
  });

  it('reports JSON errors with --json and refuses a file that is not a workspace', async () => {
    writeFileSync(join(dir, 'notes.hnbdesk'), 'hello');
    const r = await hnb('summary', '--db', 'notes.hnbdesk', '--year', '2024-25', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'NOT_SQLITE' });
    expect(readFileSync(join(dir, 'notes.hnbdesk'), 'utf8')).toBe('hello');
  });

  it('adds the workspace to the recent list on init only, not on one-off reads', async () => {
    await hnb('init', '--demo', '--db', 'a.hnbdesk');
    await hnb('summary', '--db', join(dir, 'workspace.hnbdesk'), '--year', '2024-25');
    await hnb('init', '--db', 'b.hnbdesk');
    await hnb('summary', '--db', 'a.hnbdesk', '--year', '2024-25');
    const recent = JSON.parse(readFileSync(join(dir, 'recent-workspaces.json'), 'utf8')) as Array<{ path: string }>;
    expect(recent.map((r) => r.path)).toEqual([join(dir, 'b.hnbdesk'), join(dir, 'a.hnbdesk')]);
  });

  it('check reports integrity and migration status, read-only', async () => {
    await hnb('init', '--demo');
    const r = await hnb('check', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0, migrations: { state: 'current' } });
    expect((await hnb('check', '--db', 'missing.hnbdesk')).code).toBe(2);
  });

  it('runs as npx hnb straight from the package', () => {
    const env = { ...process.env, HNB_DATA_DIR: dir, npm_config_yes: 'false' };
    const init = spawnSync('npx', ['--no-install', 'hnb', 'init', '--demo'], { cwd: root, env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    const sum = spawnSync('npx', ['--no-install', 'hnb', 'summary', '--year', '2024-25', '--json'], { cwd: root, env, encoding: 'utf8' });
    expect(sum.status, sum.stderr).toBe(0);
    expect(JSON.parse(sum.stdout)).toMatchObject({ year: '2024-25', period: 12 });
    const bad = spawnSync('npx', ['--no-install', 'hnb', 'summary', '--year', 'nonsense'], { cwd: root, env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
  }, 60_000);
});
