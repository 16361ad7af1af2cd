/**
 * Reads every sheet of an .xlsx with exceljs's streaming reader into plain values: formulas by
 * their saved result, rich text as text, dates as serial numbers (the caller knows the date
 * system). Rows and columns are counted as they stream, so an oversized sheet is refused before
 * it fills memory.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import type { CellProblem, RawValue } from './cells';

export interface RawRow {
  /** 1-based sheet row. */
  row: number;
  /** cells[0] is column A. */
  cells: RawValue[];
}

export interface RawSheet {
  name: string;
  hidden: boolean;
  rows: RawRow[];
}

export interface RawWorkbook {
  sheets: RawSheet[];
  date1904: boolean;
}

export interface ReadLimits {
  maxRows: number;
  maxCols: number;
  maxSheets: number;
}

export const READ_LIMITS: ReadLimits = { maxRows: 200_000, maxCols: 200, maxSheets: 50 };

export interface ReadProgress {
  rowsRead: number;
  fraction: number;
}

const CHUNK = 256 * 1024;

function unwrap(v: unknown): RawValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string':
    case 'number':
    case 'boolean':
      return v;
    case 'object': {
      if (v instanceof Date) return v.getTime() / 86_400_000 + 25569;
      const o = v as Record<string, unknown>;
      if ('formula' in o || 'sharedFormula' in o) {
        const formula = String(o.formula ?? o.sharedFormula ?? '');
        if (o.result === undefined || o.result === null) return { problem: 'formula-without-value', text: `=${formula}` } satisfies CellProblem;
        const r = o.result as unknown;
        if (typeof r === 'object' && r !== null && 'error' in (r as object)) return { problem: 'error-value', text: String((r as { error: unknown }).error) };
        return unwrap(r);
      }
      if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((t) => t.text ?? '').join('');
      if ('error' in o) return { problem: 'error-value', text: String(o.error) };
      if ('text' in o) return unwrap(o.text);
      return null;
    }
    default:
      return null;
  }
}

function tooBig(fileName: string, what: string): AppError {
  return new AppError('INVALID_FILE', `${fileName} ${what}, so it was not read.`, { fileName, rule: 'size limits' });
}

export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (p: ReadProgress) => void,
  limits: ReadLimits = READ_LIMITS,
): Promise<RawWorkbook> {
  let consumed = 0;
  const total = bytes.length;
  // Feeding the bytes in chunks is what lets progress be reported as the zip is read.
  const source = Readable.from(
    (function* () {
      for (let i = 0; i < total; i += CHUNK) {
        consumed = Math.min(total, i + CHUNK);
        yield Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(CHUNK, total - i));
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: RawSheet[] = [];
  let rowsRead = 0;
  try {
    for await (const sheetReader of reader) {
      if (sheets.length >= limits.maxSheets) throw tooBig(fileName, `has more than ${limits.maxSheets} sheets`);
      const s = sheetReader as unknown as { name: string; state?: string } & AsyncIterable<ExcelJS.Row>;
      const sheet: RawSheet = { name: s.name, hidden: s.state === 'hidden' || s.state === 'veryHidden', rows: [] };
      sheets.push(sheet);
      for await (const row of s) {
        if (row.number > limits.maxRows) throw tooBig(fileName, `has more than ${limits.maxRows.toLocaleString('en-GB')} rows on the sheet "${sheet.name}"`);
        const values = row.values as unknown[];
        if (values.length - 1 > limits.maxCols) throw tooBig(fileName, `has more than ${limits.maxCols} columns on the sheet "${sheet.name}"`);
        const cells: RawValue[] = new Array(Math.max(0, values.length - 1));
        let any = false;
        for (let c = 1; c < values.length; c++) {
          const v = values[c] === undefined ? null : unwrap(values[c]);
          cells[c - 1] = v;
          if (v !== null) any = true;
        }
        if (any) sheet.rows.push({ row: row.number, cells });
        if (++rowsRead % 2000 === 0) onProgress?.({ rowsRead, fraction: consumed / total });
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_FILE', `${fileName} could not be read as an Excel workbook: it may be damaged. Open it in Excel, save it as .xlsx, and try again. (${(e as Error).message})`, {
      fileName,
      rule: 'readable workbook',
    });
  }
  onProgress?.({ rowsRead, fraction: 1 });
  const props = (reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties;
  return { sheets, date1904: Boolean(props?.model?.date1904) };
}
