/**
 * Helpers for the hostile round trips of the recovery workbooks: a real export, edited with
 * exceljs as a hostile user would, imported, and checked to land on exactly the right record or
 * to be refused naming the file, sheet, cell and rule with nothing written.
 */
import type ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { ErrorInfo } from '../../../../electron/shared/errors';
import type { ImportApplied, ImportPreview, ImportStart } from '../../../../electron/shared/workbook-types';
import { columnOf, exportBytes, loadWorkbook, saveWorkbook } from '../../../support/workbooks';
import { dumpTables, type TestServer } from '../../../support/workspace';

export const NOW = () => new Date('2026-03-01T12:00:00Z');

/** An export of `kind` with `scope`, as bytes. */
export async function exported(t: TestServer, kind: string, scope: Record<string, unknown> = {}): Promise<Buffer> {
  if (Object.keys(scope).length === 0) {
    const f = await t.ok('exportWorkbook', { kind, scope: {} });
    return Buffer.from(f.base64, 'base64');
  }
  return exportBytes(t, { kind, ...scope });
}

/** The export, changed by `edit` on its data sheet (and `_meta`), as the bytes sent back. */
export async function tampered(
  bytes: Buffer,
  sheet: string,
  edit: (sh: ExcelJS.Worksheet, meta: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void | Promise<void>,
): Promise<Buffer> {
  const wb = await loadWorkbook(bytes);
  await edit(wb.getWorksheet(sheet)!, wb.getWorksheet('_meta')!, wb);
  return saveWorkbook(wb);
}

export type Started = { ok: true; start: ImportStart } | { ok: false; error: ErrorInfo };

export async function importOf(t: TestServer, bytes: Buffer, fileName = 'returned.xlsx'): Promise<Started> {
  const r = await t.server.call('importFile', { source: { fileName, base64: bytes.toString('base64') } });
  return r.ok ? { ok: true, start: r.value as ImportStart } : { ok: false, error: r.error };
}

export async function previewOf(t: TestServer, bytes: Buffer, fileName = 'returned.xlsx'): Promise<ImportPreview> {
  const r = await importOf(t, bytes, fileName);
  if (!r.ok) throw new Error(`refused: ${r.error.message}`);
  if (r.start.stage !== 'preview') throw new Error(`expected a preview, got ${r.start.stage}`);
  return r.start.preview;
}

/** The preview's errors as the sentences a person reads. */
export const messages = (p: ImportPreview) => p.errors.map((e) => e.message);

/** Applying must be refused naming the file, and nothing may have been written by either step. */
export async function refusedToApply(t: TestServer, p: ImportPreview, before: Record<string, unknown[]>): Promise<ErrorInfo> {
  const r = await t.refused('applyImport', { importId: p.importId, prefer: 'file', confirmFlags: true, deleteMissing: true });
  expect(r.message).toContain(p.fileName);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return r;
}

/** The import refused before any preview, naming the file and a cell; nothing written. */
export async function refusedAtStart(t: TestServer, bytes: Buffer, before: Record<string, unknown[]>, fileName = 'returned.xlsx'): Promise<ErrorInfo> {
  const r = await importOf(t, bytes, fileName);
  if (r.ok)
    throw new Error(`should have been refused, got a ${r.start.stage}${r.start.stage === 'preview' ? `: ${JSON.stringify(r.start.preview.counts)}` : ''}`);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return r.error;
}

export async function apply(t: TestServer, p: ImportPreview, o: Record<string, unknown> = {}): Promise<ImportApplied> {
  return t.ok('applyImport', { importId: p.importId, ...o });
}

/** The row of `_meta` holding a key. */
export function metaRow(meta: ExcelJS.Worksheet, key: string): number {
  for (let r = 1; r <= meta.rowCount; r++) if (meta.getCell(r, 1).value === key) return r;
  throw new Error(`no ${key} in _meta`);
}

/** The sheet row whose `header` column holds `value`. */
export function rowWhere(sh: ExcelJS.Worksheet, header: string, value: unknown): number {
  const col = columnOf(sh, header);
  for (let r = 5; r <= sh.rowCount; r++) if (sh.getRow(r).getCell(col).value === value) return r;
  throw new Error(`no row with ${header} ${String(value)} on ${sh.name}`);
}

export function set(sh: ExcelJS.Worksheet, row: number, header: string, v: ExcelJS.CellValue): void {
  sh.getRow(row).getCell(columnOf(sh, header)).value = v;
}

export function get(sh: ExcelJS.Worksheet, row: number, header: string): ExcelJS.CellValue {
  return sh.getRow(row).getCell(columnOf(sh, header)).value;
}

/** "Projects!N7": a sheet's cell under a header. */
export function cellRef(sh: ExcelJS.Worksheet, row: number, header: string): string {
  let n = columnOf(sh, header);
  let letters = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${sh.name}!${letters}${row}`;
}

/** Copies every cell of one row over another (a row duplicated, or pasted in). */
export function copyRow(from: ExcelJS.Worksheet, fromRow: number, to: ExcelJS.Worksheet, toRow: number): void {
  for (let c = 1; c <= Math.max(from.columnCount, to.columnCount); c++) to.getCell(toRow, c).value = from.getCell(fromRow, c).value;
}

/** The first blank row below the table's data (a spare row for additions). */
export function spareRow(sh: ExcelJS.Worksheet, keyHeader: string): number {
  const col = columnOf(sh, keyHeader);
  let last = 4;
  for (let r = 5; r <= sh.rowCount; r++) {
    const v = sh.getRow(r).getCell(col).value;
    if (v !== null && v !== undefined && v !== '' && typeof sh.getCell(r, 1).value === 'number') last = r;
  }
  return last + 1;
}
