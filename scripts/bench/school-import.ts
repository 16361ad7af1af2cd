/**
 * The school data figure for `npm run bench` (issue 12, "Speed"): importing the 25,000-row
 * school data workbook takes no more than 1.3× exceljs's streaming read of the same file.
 *
 * In a fresh workspace (not timed): 25,000 schools (every school in England) with the ten
 * standard data columns filled for 2026-27; our school data export of it, then a copy with 10%
 * of rows edited (Pupils on every 10th row, free school meals on every 50th), re-saved by
 * exceljs's ordinary workbook, shared strings and all, as another tool would save it. Timed,
 * each run, in turn: our whole import of the edited copy (read on the worker threads, checked
 * cell by cell, matched, compared three ways, applied as one audited batch) on a fresh copy of
 * the workspace, and exceljs's streaming read of the same file. Each is judged on its best run
 * and its median; it prints both figures and never fails on a timing. Runs in a child process
 * of its own, so other phases' memory and compiled code do not colour it.
 *
 *   npx tsx scripts/bench/school-import.ts [--runs N]      on its own (run.ts runs it too, with --runs)
 */
import { copyFileSync, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadAverage, median, type PhaseFile, phaseMain, printLoadAfter, runChildPhase, time } from './phase-kit';

export const SCHOOL_IMPORT_TARGET = 1.3;
const SCHOOLS = 25_000;
const YEAR = '2026-27';
const SHEET = 'School data';

interface SchoolImportReport {
  oursS: number[];
  bareS: number[];
  rows: number;
  columns: number;
  changed: number;
  fileMb: number;
  worker: 'built' | 'source';
  readPreviewS: number[];
}

/** The workspace, our export and the edited copy, in `dir`; none of it timed. */
async function build(dir: string): Promise<{ baseDb: string; edited: string; columns: number }> {
  const ExcelJS = (await import('exceljs')).default;
  const { DomainServer } = await import('../../electron/server/server');
  const { REGISTRY } = await import('../../electron/server/features');
  const { exportKind } = await import('../../electron/server/workbooks/export-kind');
  const { HEADER_ROW } = await import('../../electron/server/workbooks/engine/write-kind');
  const server = new DomainServer({ dataDir: join(dir, 'setup-data'), user: 'bench', logError: () => undefined });
  await server.openDefault();
  const made = await server.call('createYear', { year: YEAR });
  if (!made.ok) throw new Error(`createYear: ${made.error.message}`);
  const ws = server.workspace!;
  const sql = ws.opened.sqlite;
  const columns = sql.prepare('SELECT id, key FROM school_data_column ORDER BY sort_order').all() as Array<{ id: number; key: string }>;
  // Setup data straight into the tables: what is timed is the import, not this.
  sql.transaction(() => {
    const school = sql.prepare("INSERT INTO school (id, urn, name, phase, type, trust, status) VALUES (?, ?, ?, ?, ?, '', 'open')");
    const figure = sql.prepare('INSERT INTO school_data (year_id, school_id, column_id, value) VALUES (?, ?, ?, ?)');
    const phases = ['primary', 'primary', 'primary', 'secondary', 'all_through'];
    const types = ['maintained', 'academy', 'academy', 'special', 'pru'];
    for (let i = 1; i <= SCHOOLS; i++) {
      school.run(i, 100_000 + i, `Bench School ${String(i).padStart(5, '0')}`, phases[i % phases.length], types[i % types.length]);
      const pupils = 80 + ((i * 37) % 1400);
      for (const [k, c] of columns.entries()) figure.run(YEAR, i, c.id, k === 0 ? pupils : Math.round(((pupils * ((i + k * 13) % 40)) / 100) * 10) / 10);
    }
  })();
  const exported = join(dir, 'school-data.xlsx');
  const out = createWriteStream(exported);
  const closed = once(out, 'close');
  await exportKind(ws, REGISTRY.kinds.get('school-data'), { year: YEAR }, out);
  await closed;
  server.close();
  const baseDb = join(dir, 'base.hnb');
  copyFileSync(server.defaultWorkspacePath, baseDb);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(exported);
  const sheet = wb.getWorksheet(SHEET)!;
  const colOf = (header: string) => (sheet.getRow(HEADER_ROW).values as unknown[]).indexOf(header);
  const pupils = colOf('Pupils');
  const fsm = colOf('Free school meals');
  for (let k = 1; k <= SCHOOLS; k++) {
    const row = sheet.getRow(HEADER_ROW + k);
    if (k % 10 === 0) row.getCell(pupils).value = (row.getCell(pupils).value as number) + 3;
    if (k % 50 === 0) row.getCell(fsm).value = (row.getCell(fsm).value as number) + 1.5;
  }
  const edited = join(dir, 'school-data-edited.xlsx');
  await wb.xlsx.writeFile(edited);
  return { baseDb, edited, columns: columns.length };
}

async function bareRead(file: string): Promise<{ rows: number }> {
  const ExcelJS = (await import('exceljs')).default;
  let rows = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) for await (const _row of sheet as unknown as AsyncIterable<unknown>) rows++;
  return { rows };
}

/** Child side: builds the case, then `runs` of ours and the bare read in turn. */
export async function schoolImportChild(runs: number): Promise<SchoolImportReport> {
  const dir = mkdtempSync(join(tmpdir(), 'hnb-bench-schools-'));
  try {
    const { setBuiltReadWorker } = await import('../../electron/server/workbooks/engine/read-off-thread');
    // The worker the app runs, when a build is there (run.ts builds it first); else its source, through tsx.
    const builtWorker = resolve(__dirname, '..', '..', 'out', 'main', 'read-worker.js');
    const worker = existsSync(builtWorker) ? 'built' : 'source';
    if (worker === 'built') setBuiltReadWorker(builtWorker);
    const { baseDb, edited, columns } = await build(dir);
    const { DomainServer } = await import('../../electron/server/server');
    const oursS: number[] = [];
    const bareS: number[] = [];
    const readPreviewS: number[] = [];
    let changed = 0;
    let rows = 0;
    for (let r = 0; r < runs; r++) {
      const copy = join(dir, `run-${r}.hnb`);
      copyFileSync(baseDb, copy);
      const server = new DomainServer({ dataDir: join(dir, `data-${r}`), user: 'bench', logError: () => undefined });
      await server.openWorkspace(copy, false, { remember: false });
      const ws = server.workspace!;
      let previewAt = 0;
      const t0 = performance.now();
      const start = await server.imports.start(ws, { source: { path: edited } });
      previewAt = performance.now();
      if (start.stage !== 'preview') throw new Error(`expected a preview, got ${start.stage}`);
      const { preview } = start;
      if (preview.errors.length) throw new Error(`the edited file was refused: ${preview.errors[0]!.message}`);
      const applied = server.imports.apply(ws, { importId: preview.importId, prefer: 'file', confirmFlags: true });
      oursS.push((performance.now() - t0) / 1000);
      readPreviewS.push((previewAt - t0) / 1000);
      changed = preview.counts.changed;
      if (!applied.batch) throw new Error('nothing was applied');
      server.close();
      bareS.push((await time(async () => (rows = (await bareRead(edited)).rows))) / 1000);
    }
    return { oursS, bareS, rows, columns, changed, fileMb: statSync(edited).size / (1024 * 1024), worker, readPreviewS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PHASE: PhaseFile = { script: resolve(__dirname, 'school-import.ts'), childFlag: '--school-import-child', name: 'school import' };

/** Parent side: the phase in a child of its own, then both figures beside the target. It never fails on a timing. */
export async function schoolImportBench(runs: number): Promise<void> {
  console.log(`\nSchool data import (${runs} run(s), in a fresh process; load average before: ${loadAverage()}):`);
  const report = await runChildPhase<SchoolImportReport>(PHASE, runs);
  if (!report) return;
  console.log(
    `  ${SCHOOLS.toLocaleString('en-GB')} schools × ${report.columns} data columns; the edited copy (${report.fileMb.toFixed(1)} MB, re-saved by exceljs) changes ${report.changed.toLocaleString('en-GB')} rows; ${report.rows.toLocaleString('en-GB')} rows read by exceljs; reading worker: ${report.worker}`,
  );
  const s = (xs: number[]) => `best ${Math.min(...xs).toFixed(2)} s, median ${median(xs).toFixed(2)} s`;
  console.log(`  ours: import (read, check, compare, apply as one batch)   ${s(report.oursS)}   (of which read and preview: ${s(report.readPreviewS)})`);
  console.log(`  bare exceljs: streaming read of the same file            ${s(report.bareS)}`);
  const best = Math.min(...report.oursS) / Math.min(...report.bareS);
  const mid = median(report.oursS) / median(report.bareS);
  const met = best <= SCHOOL_IMPORT_TARGET && mid <= SCHOOL_IMPORT_TARGET;
  console.log(`  ratio ${best.toFixed(2)}× (best), ${mid.toFixed(2)}× (median); target ≤ ${SCHOOL_IMPORT_TARGET}×: ${met ? 'met' : 'NOT met'}`);
  printLoadAfter();
}

if (require.main === module) phaseMain(PHASE, schoolImportChild, schoolImportBench, 3);
