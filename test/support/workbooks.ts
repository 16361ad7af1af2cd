import { PassThrough } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { XlsxParts } from '../../electron/server/workbooks/engine/xlsx-parts';
import type { MonitoringView } from '../../features/monitoring/types';
import type { ImportPreview, ImportStart } from '../../electron/shared/workbook-types';
import type { TestServer } from './workspace';

export function toArrayBuffer(buf: Buffer): ArrayBuffer {
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
}

/** Splits { kind, year, period, ... } into the kind and its scope, as the contract takes them. */
export function kindAndScope(input: Record<string, unknown>): { kind?: unknown; scope?: Record<string, unknown> } {
  const { kind, ...scope } = input;
  return Object.keys(scope).length ? { kind, scope } : { kind };
}

export async function exportBytes(t: TestServer, input: Record<string, unknown>): Promise<Buffer> {
  const f = await t.ok('exportWorkbook', kindAndScope(input));
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

/** Imports bytes as the window sends them; `extra` may give kind, year, period flat, as the CLI options do. */
export async function importBytes(t: TestServer, bytes: Buffer, fileName = 'returned.xlsx', extra: Record<string, unknown> = {}): Promise<ImportStart> {
  const { map, headerRow, mappingName, ...rest } = extra;
  const named = Object.fromEntries(Object.entries({ map, headerRow, mappingName }).filter(([, v]) => v !== undefined));
  return t.ok('importFile', { source: { fileName, base64: bytes.toString('base64') }, ...kindAndScope(rest), ...named });
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

/**
 * An .xlsx put together by hand from its parts, stored or deflated: for writers whose habits
 * exceljs cannot imitate (namespace prefixes, LibreOffice's flags) and for hostile files.
 */
export function handMadeXlsx(parts: Record<string, string | Buffer>, o: { deflate?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const body = o.deflate ? deflateRawSync(data) : data;
    const method = o.deflate ? 8 : 0;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook around the given sheet data, for handMadeXlsx. */
export function oneSheetParts(o: {
  sheetData: string;
  sharedStrings?: string[] | string;
  prefix?: string;
  workbookPr?: string;
  sheetName?: string;
}): Record<string, string> {
  const p = o.prefix ? `${o.prefix}:` : '';
  const ns = o.prefix ? `xmlns:${o.prefix}="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  const parts: Record<string, string> = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0"?><${p}workbook ${ns} xmlns:r="${REL_NS}">${o.workbookPr ? `<${p}workbookPr ${o.workbookPr}/>` : ''}<${p}sheets><${p}sheet name="${o.sheetName ?? 'Data'}" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>${o.sharedStrings !== undefined ? `<Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`,
    'xl/worksheets/sheet1.xml': `<?xml version="1.0"?><${p}worksheet ${ns}><${p}sheetData>${o.sheetData}</${p}sheetData></${p}worksheet>`,
  };
  if (typeof o.sharedStrings === 'string') parts['xl/sharedStrings.xml'] = o.sharedStrings;
  else if (o.sharedStrings)
    parts['xl/sharedStrings.xml'] =
      `<?xml version="1.0"?><${p}sst ${ns}>${o.sharedStrings.map((t) => `<${p}si><${p}t>${t}</${p}t></${p}si>`).join('')}</${p}sst>`;
  return parts;
}
