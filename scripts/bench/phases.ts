/**
 * One measurement per child process, so each has its own peak memory. Modules are imported
 * and the workspace opened before the clock starts; the clock covers the operation only.
 */
import { copyFileSync, createWriteStream, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DomainServer } from '../../electron/server/server';
import { setBuiltReadWorker } from '../../electron/server/workbooks/engine/read-off-thread';
import { exportKind } from '../../electron/server/workbooks/export-kind';
import { REGISTRY } from '../../electron/server/features';
import { benchFiles, mb, peakMb, SCOPE, type Measurement } from './common';

const monitoring = () => REGISTRY.kinds.get('monitoring');

/** The worker bundle the app runs (run.ts builds it first). */
setBuiltReadWorker(join(__dirname, '..', '..', 'out', 'main', 'read-worker.js'));

async function openCopy(dir: string, tag: string) {
  const files = benchFiles(dir);
  const copy = join(dir, `${tag}-${process.pid}.hnb`);
  copyFileSync(files.baseDb, copy);
  const server = new DomainServer({ dataDir: join(dir, `data-${process.pid}`), user: 'bench' });
  await server.openWorkspace(copy, false, { remember: false });
  return server;
}

export async function oursExport(dir: string): Promise<Measurement> {
  const server = await openCopy(dir, 'export');
  const ws = server.workspace!;
  const file = join(dir, `ours-export-${process.pid}.xlsx`);
  const out = createWriteStream(file);
  const closed = once(out, 'close');
  const t0 = performance.now();
  await exportKind(ws, monitoring(), SCOPE, out);
  await closed;
  const seconds = (performance.now() - t0) / 1000;
  server.close();
  return { op: 'ours: export', seconds, peakMb: peakMb(), detail: { fileMb: mb(statSync(file).size).toFixed(1) } };
}

export async function bareWrite(dir: string): Promise<Measurement> {
  const { header, rows } = JSON.parse(readFileSync(benchFiles(dir).values, 'utf8')) as { header: string[]; rows: ExcelJS.CellValue[][] };
  const file = join(dir, `bare-write-${process.pid}.xlsx`);
  const t0 = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  const sheet = wb.addWorksheet('Monitoring return');
  sheet.addRow(header).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await wb.commit();
  const seconds = (performance.now() - t0) / 1000;
  return { op: 'bare exceljs: streaming write', seconds, peakMb: peakMb(), detail: { rows: rows.length, fileMb: mb(statSync(file).size).toFixed(1) } };
}

export async function bareRead(file: string): Promise<Measurement> {
  let rows = 0;
  let cells = 0;
  const t0 = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      rows++;
      cells += (row.values as unknown[]).length;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return { op: 'bare exceljs: streaming read', seconds, peakMb: peakMb(), detail: { rows, cells } };
}

export async function oursImport(dir: string, file: string, label: string): Promise<Measurement> {
  const server = await openCopy(dir, 'import');
  const ws = server.workspace!;
  const t0 = performance.now();
  const started = await server.imports.start(ws, { source: { path: file } });
  const t1 = performance.now();
  if (started.stage !== 'preview') throw new Error(`expected a preview, got ${started.stage}`);
  const { preview } = started;
  if (preview.errors.length) throw new Error(`preview has errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
  const applied = server.imports.apply(ws, { importId: preview.importId, prefer: 'file' });
  const t2 = performance.now();
  // Outside the clock: that the changes really landed.
  const sqlite = ws.opened.sqlite;
  const audit = (
    sqlite.prepare("SELECT count(*) n FROM audit_entry WHERE change_set_id = (SELECT max(id) FROM change_set WHERE kind = 'import')").get() as { n: number }
  ).n;
  server.close();
  const c = preview.counts;
  return {
    op: label,
    seconds: (t2 - t0) / 1000,
    peakMb: peakMb(),
    detail: {
      readPreviewS: ((t1 - t0) / 1000).toFixed(2),
      applyS: ((t2 - t1) / 1000).toFixed(2),
      changed: c.changed,
      unchanged: c.unchanged,
      conflicts: c.conflicts,
      missing: c.missing,
      errors: c.errors,
      batch: applied.batch ? `#${applied.batch.id}` : 'none',
      auditEntries: audit,
    },
  };
}

/**
 * Diagnostic only (with --profile): the import's steps timed one by one on this thread,
 * calling the engine's own functions the way ImportService does for one of our own files.
 * ImportService.start overlaps them (the file is read on two worker threads while the database
 * is loaded here), so their sum is more than its time. The read is timed twice: on the worker
 * threads as the app does it, and on this thread (the rows used below). Apply rebuilds the
 * preview (load + interpret + match + diff) when the workspace changed since; that is timed
 * here as "redo".
 */
export async function importParts(dir: string, file: string): Promise<Measurement> {
  const { checkWorkbookFile } = await import('../../electron/server/workbooks/engine/file-checks');
  const { readWorkbook } = await import('../../electron/server/workbooks/engine/read-workbook');
  const { readWorkbookOffThread } = await import('../../electron/server/workbooks/engine/read-off-thread');
  const { parseMeta, isMetaProblem, META_SHEET } = await import('../../electron/server/workbooks/engine/meta');
  const { interpretRows } = await import('../../electron/server/workbooks/engine/interpret');
  const { matchOwnRows } = await import('../../electron/server/workbooks/engine/identity');
  const { diffRows } = await import('../../electron/server/workbooks/engine/diff');
  const { HEADER_ROW } = await import('../../electron/server/workbooks/engine/write-kind');
  const server = await openCopy(dir, 'parts');
  const ws = server.workspace!;
  const def = monitoring();
  const mapping = Object.fromEntries(def.columns.map((c, i) => [c.field, i + 1]));
  const parts: Record<string, string> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    parts[name] = ((now - t) / 1000).toFixed(2);
    t = now;
  };
  const t0 = t;
  const bytes = readFileSync(file);
  checkWorkbookFile(bytes, file);
  lap('fileCheck');
  await readWorkbookOffThread(bytes, file);
  lap('readOffThread');
  const raw = await readWorkbook(bytes, file);
  lap('readOnThread');
  const meta = parseMeta(raw.sheets.find((s) => s.name === META_SHEET)!.rows);
  if (isMetaProblem(meta)) throw new Error(meta.problem);
  lap('parseMeta');
  const sheet = raw.sheets.find((s) => s.name === def.sheetName)!;
  const isTotals = (cells: unknown[]) => cells[0] == null && typeof cells[1] === 'string' && cells[1].trim() === 'Total';
  const tableEnd = sheet.rows.find((r) => r.row > HEADER_ROW && isTotals(r.cells))?.row;
  const settings = ws.settings();
  const preview = (tag: string) => {
    const data = def.load(ws, SCOPE);
    lap(`${tag}Load`);
    const interp = interpretRows(def, data, sheet.rows, {
      sheet: sheet.name,
      headerRow: HEADER_ROW,
      mapping,
      date1904: raw.date1904,
      ownFile: true,
      skipRow: isTotals,
      tableEnd,
    });
    lap(`${tag}Interpret`);
    const where = { sheet: sheet.name, idCol: 1, keyCol: 2 };
    const identity = matchOwnRows(def, data, interp.rows, where);
    lap(`${tag}Match`);
    const diff = diffRows(def, data, interp, identity.matched, {
      ...where,
      fingerprints: meta.fingerprints,
      money: ws.money(),
      largeMoveShare: settings.largeMovePercent / 100,
    });
    lap(`${tag}Diff`);
    return { data, diff };
  };
  preview('preview');
  // ImportService.apply rebuilds the preview against the database before it writes.
  const { data, diff } = preview('redo');
  const sourceOf = (fileRow: number) => ({ label: `${sheet.name}!row ${fileRow}`, sheet: sheet.name, cell: `A${fileRow}` });
  ws.write('import', 'bench', (rec) => {
    def.apply(rec, ws, SCOPE, { added: [], changed: [...diff.changes.values()], deleted: [], sourceOf }, data);
    rec.source = null;
    return null;
  });
  lap('dbWrites');
  const seconds = (performance.now() - t0) / 1000;
  server.close();
  return { op: 'ours: import, step by step (diagnostic)', seconds, peakMb: peakMb(), detail: { ...parts, changed: diff.counts.changed } };
}
