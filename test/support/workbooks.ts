import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { XlsxParts } from '../../electron/server/workbooks/engine/xlsx-parts';
import type { MonitoringView } from '../../electron/shared/types';
import type { ImportPreview, ImportStart } from '../../electron/shared/workbook-types';
import type { TestServer } from './workspace';

export function toArrayBuffer(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

export async function exportBytes(t: TestServer, input: Record<string, unknown>): Promise<Buffer> {
  const f = await t.ok('exportWorkbook', input);
  return Buffer.from(f.base64, 'base64');
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(toArrayBuffer(bytes));
  return wb;
}

export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The 1-based column of a header on a sheet's header row. */
export function columnOf(sheet: ExcelJS.Worksheet, header: string, headerRow = 4): number {
  let found = 0;
  sheet.getRow(headerRow).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (!found) throw new Error(`no column "${header}" on ${sheet.name}`);
  return found;
}

/** The sheet row holding a line code. */
export function rowOfCode(sheet: ExcelJS.Worksheet, code: string): number {
  const col = columnOf(sheet, 'Line code');
  for (let r = 5; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(col).value === code) return r;
  throw new Error(`no row for ${code}`);
}

export async function importBytes(t: TestServer, bytes: Buffer, fileName = 'returned.xlsx', extra: Record<string, unknown> = {}): Promise<ImportStart> {
  return t.ok('importFile', { source: { fileName, base64: bytes.toString('base64') }, ...extra });
}

export async function previewOf(t: TestServer, bytes: Buffer, fileName = 'returned.xlsx'): Promise<ImportPreview> {
  const r = await importBytes(t, bytes, fileName);
  if (r.stage !== 'preview') throw new Error(`expected a preview, got ${r.stage}`);
  return r.preview;
}

/** The demo's open year at the period it is reported to. */
export const DEMO_YEAR = '2026-27';
export const DEMO_PERIOD = 7;

export function demoMonitoring(t: TestServer): Promise<MonitoringView> {
  return t.ok('getMonitoring', { year: DEMO_YEAR, period: DEMO_PERIOD });
}

/** A workbook made with exceljs's streaming writer (as HNB Desk exports), as bytes. */
export async function streamedWorkbook(
  build: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>,
  options: { useSharedStrings?: boolean; useStyles?: boolean } = {},
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((done) => out.on('end', done));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: options.useStyles ?? true, useSharedStrings: options.useSharedStrings ?? false });
  await build(wb);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** One part of an .xlsx as text, read as HNB Desk reads it. */
export function partText(bytes: Buffer, part: string): string {
  return new XlsxParts(bytes, 'workbook.xlsx').bytes(part).toString('utf8');
}
