/**
 * Builds what the measurements start from (none of it is timed): a workspace with 100,000
 * budget lines, a year's budgets, forecasts and actuals for P1 to P6 and part-filled P7
 * returns; our P7 monitoring export of it; the exported cell values for the bare writer; and
 * two edited copies of the export to import.
 */
import { copyFileSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DomainServer } from '../../electron/server/server';
import { exportKind } from '../../electron/server/workbooks/export-kind';
import { REGISTRY } from '../../electron/server/features';
import { HEADER_ROW } from '../../electron/server/workbooks/engine/write-kind';
import { S251_LINES } from '../../features/lines/standard-data';
import { seeded } from '../../electron/server/demo/demo-plan';
import { benchFiles, PERIOD, ROWS, SCOPE, YEAR } from './common';

const MONITORING = REGISTRY.kinds.get('monitoring');

const FIRST = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'T', 'W'];
const LAST = ['Patel', 'Smith', 'Jones', 'Okafor', 'Williams', 'Khan', 'Brown', 'Taylor', 'Evans', 'Hughes', 'Nowak', 'Ahmed', 'Murphy', 'Clarke'];
/** About 40 budget holders, as a large authority has. */
const HOLDERS = Array.from({ length: 40 }, (_, i) => `${FIRST[(i * 7) % FIRST.length]} ${LAST[(i * 5 + Math.floor(i / 14)) % LAST.length]}`);
const SETTINGS = [
  'Oakfield Academy',
  'Riverside Special School',
  "St Mary's CE Primary",
  'Northgate PRU',
  'Hillcrest College',
  'Meadowbank Resource Base',
  'Ashdown Independent School',
  'Brookside Free School',
];
const KINDS_OF_SPEND = [
  'EHCP top-up',
  'Place funding',
  'Independent placement',
  'Post-16 top-up',
  'Therapy package',
  'Alternative provision',
  'Outreach support',
  'Transport-linked support',
];
const COMMENTS = [
  'Two new EHCPs from September; forecast assumes both placements continue to year end.',
  'Placement ended in August after annual review; remaining months released.',
  'Provider fee uplift of 4.5% agreed from April, backdated; included in the forecast.',
  'Forecast held at last month pending the outcome of the tribunal hearing in November.',
  'Additional 1:1 support agreed at panel for the autumn term only.',
  'Invoices for the summer term received late; actual to date now reflects them.',
  'Pupil moved to a maintained special school place, so the independent placement stops at half term and the forecast falls accordingly.',
  'Recoupment from the neighbouring authority still to be confirmed; no income assumed.',
];

/** Workspace with 100,000 lines: raw SQL in one transaction (setup data, so it is not audited). */
async function buildWorkspace(dir: string): Promise<void> {
  const files = benchFiles(dir);
  const dataDir = join(dir, 'setup-data');
  mkdirSync(dataDir, { recursive: true });
  const server = new DomainServer({ dataDir, user: 'bench' });
  await server.openDefault();
  const made = await server.call('createYear', { year: YEAR });
  if (!made.ok) throw new Error(`createYear failed: ${JSON.stringify(made.error)}`);
  const ws = server.workspace!;
  const sqlite = ws.opened.sqlite;
  const groups = (sqlite.prepare('SELECT id FROM provision_group ORDER BY sort_order').all() as Array<{ id: number }>).map((g) => g.id);
  const s251 = S251_LINES.map((l) => l.code);
  const rand = seeded(20260401);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

  sqlite.transaction(() => {
    // The 19 standard lines would make it 100,019 rows; the benchmark is for exactly 100,000.
    sqlite.prepare('DELETE FROM budget_line').run();
    const line = sqlite.prepare('INSERT INTO budget_line (id, code, name, s251_code, group_id, sort_order, holder, active) VALUES (?, ?, ?, ?, ?, ?, ?, 1)');
    const budget = sqlite.prepare('INSERT INTO budget (year_id, line_id, original_pence, revised_pence) VALUES (?, ?, ?, ?)');
    const forecast = sqlite.prepare('INSERT INTO forecast (year_id, period, line_id, forecast_pence, actual_pence, commentary) VALUES (?, ?, ?, ?, ?, ?)');
    for (let i = 1; i <= ROWS; i++) {
      const code = `L${String(i).padStart(6, '0')}`;
      const name = `${pick(KINDS_OF_SPEND)} – ${pick(SETTINGS)} (case ${String(Math.floor(rand() * 900_000) + 100_000)})`;
      line.run(i, code, name, s251[i % s251.length]!, groups[i % groups.length]!, i * 10, HOLDERS[i % HOLDERS.length]!);
      // Budgets from £5,000 to about £250,000, in pence.
      const original = Math.round((5_000 + rand() * 245_000) * 100);
      const revised = rand() < 0.1 ? Math.round(original * (0.9 + rand() * 0.2)) : original;
      budget.run(YEAR, i, original, revised);
      let f = revised;
      for (let p = 1; p < PERIOD; p++) {
        f = Math.max(0, Math.round(f * (0.97 + rand() * 0.06)));
        const actual = Math.round(((f * p) / 12) * (0.9 + rand() * 0.2));
        forecast.run(YEAR, p, i, f, actual, p === PERIOD - 1 && i % 7 === 0 ? pick(COMMENTS) : null);
      }
      // One holder in ten has started this period's return: commentary and an actual, the forecast not yet.
      if (i % 10 === 0) forecast.run(YEAR, PERIOD, i, null, Math.round((f * PERIOD) / 12), pick(COMMENTS));
    }
  })();
  const counts = sqlite
    .prepare('SELECT (SELECT count(*) FROM budget_line) lines, (SELECT count(*) FROM budget) budgets, (SELECT count(*) FROM forecast) forecasts')
    .get();
  console.log(`  workspace: ${JSON.stringify(counts)}`);
  server.close();
  copyFileSync(server.defaultWorkspacePath, files.baseDb);
}

/** Our export of the base workspace, and its cell values (as written) for the bare writer. */
async function exportOnce(dir: string): Promise<void> {
  const files = benchFiles(dir);
  const server = new DomainServer({ dataDir: join(dir, 'setup-data'), user: 'bench' });
  const copy = join(dir, 'setup-export.hnb');
  copyFileSync(files.baseDb, copy);
  await server.openWorkspace(copy, false, { remember: false });
  const ws = server.workspace!;
  const out = createWriteStream(files.setupExport);
  const closed = once(out, 'close');
  await exportKind(ws, MONITORING, SCOPE, out);
  await closed;

  // The data rows exactly as the export writes them: pence as pounds, the variance as its formula.
  const def = MONITORING;
  const data = def.load(ws, SCOPE);
  const header = def.columns.map((c) => c.header);
  const rows = data.rows.map((r, i) => {
    const rowNo = i + 2; // in the bare file: header on row 1, data from row 2
    return def.columns.map((c) => {
      if (c.type === 'id') return r.id;
      const v = r.values[c.field];
      if (c.formula) return { formula: `I${rowNo}-G${rowNo}`, result: (v as number) / 100 };
      if (v === null || v === undefined) return null;
      return c.type === 'money' ? (v as number) / 100 : v;
    });
  });
  writeFileSync(files.values, JSON.stringify({ header, rows }));
  server.close();
}

/**
 * The edited files, made with exceljs's ordinary (non-streaming) workbook, the way a script or
 * another tool might save it: shared strings, like Excel. Sheets, the hidden _meta sheet and
 * the table are kept.
 */
async function editCopies(dir: string): Promise<void> {
  const files = benchFiles(dir);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(files.setupExport);
  const sheet = wb.getWorksheet(MONITORING.sheetName)!;
  const col = (field: string) => MONITORING.columns.findIndex((c) => c.field === field) + 1;
  const forecastCol = col('forecastPence');
  const commentCol = col('commentary');
  const bump = (r: number) => {
    const cell = sheet.getRow(r).getCell(forecastCol);
    cell.value = Math.round(((cell.value as number) + 1234.56) * 100) / 100;
  };
  for (let k = 1; k <= ROWS; k++) {
    const r = HEADER_ROW + k;
    if (k % 10 === 0) bump(r);
    if (k % 50 === 0) sheet.getRow(r).getCell(commentCol).value = `Benchmark edit on row ${k}: forecast revised after the autumn term review of placements.`;
  }
  await wb.xlsx.writeFile(files.edited);
  for (let k = 1; k <= ROWS; k++) if (k % 10 !== 0) bump(HEADER_ROW + k);
  await wb.xlsx.writeFile(files.editedAll);
}

export async function setup(dir: string): Promise<void> {
  let t = performance.now();
  const step = (what: string) => {
    console.log(`  ${what} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
    t = performance.now();
  };
  await buildWorkspace(dir);
  step('workspace built');
  await exportOnce(dir);
  step('exported once, values saved');
  await editCopies(dir);
  step('edited copies saved');
}
