/**
 * Reads every sheet of an .xlsx with exceljs's streaming reader into plain values: formulas by
 * their saved result, rich text as text, dates as serial numbers (the caller knows the date
 * system). exceljs opens the zip and reads the workbook and shared strings; sheet-rows.ts turns
 * each sheet's XML into rows. Rows and columns are counted as they stream, so an oversized
 * sheet is refused before it fills memory.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import type { RawValue } from './cells';
import { sheetRows, type SharedString } from './sheet-rows';

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

function tooBig(fileName: string, what: string): AppError {
  return new AppError('INVALID_FILE', `${fileName} ${what}, so it was not read.`, { fileName, rule: 'size limits' });
}

/** Where a read sends what it finds, sheet by sheet and row by row, in file order. */
export interface WorkbookSink {
  sheet(name: string, hidden: boolean): void;
  /** Rows of the sheet last begun that hold at least one value. */
  rows(rows: RawRow[]): void;
  progress?(p: ReadProgress): void;
}

/**
 * Streams a workbook's sheets into a sink; answers whether it uses the 1904 date system. This
 * is the part that runs off the main thread (read-worker.ts); `readWorkbook` collects it here.
 */
export async function streamWorkbook(bytes: Uint8Array, fileName: string, sink: WorkbookSink, limits: ReadLimits = READ_LIMITS): Promise<{ date1904: boolean }> {
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
  let sheets = 0;
  let rowsRead = 0;
  let reported = 0;
  const date1904 = () => Boolean((reader as unknown as { properties?: { model?: { date1904?: boolean } } }).properties?.model?.date1904);
  try {
    for await (const sheetReader of reader) {
      if (++sheets > limits.maxSheets) throw tooBig(fileName, `has more than ${limits.maxSheets} sheets`);
      const s = sheetReader as unknown as { name: string; state?: string; iterator: AsyncIterable<unknown>; workbook: { sharedStrings?: SharedString[] } };
      sink.sheet(s.name, s.state === 'hidden' || s.state === 'veryHidden');
      const sheetLimits = {
        ...limits,
        tooBig: (what: 'rows' | 'columns') =>
          tooBig(fileName, what === 'rows' ? `has more than ${limits.maxRows.toLocaleString('en-GB')} rows on the sheet "${s.name}"` : `has more than ${limits.maxCols} columns on the sheet "${s.name}"`),
      };
      for await (const batch of sheetRows(s.iterator, s.workbook.sharedStrings, date1904, sheetLimits)) {
        sink.rows(batch);
        rowsRead += batch.length;
        if (rowsRead - reported >= 2000) {
          reported = rowsRead;
          sink.progress?.({ rowsRead, fraction: consumed / total });
        }
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unreadable(fileName, (e as Error).message);
  }
  sink.progress?.({ rowsRead, fraction: 1 });
  return { date1904: date1904() };
}

export function unreadable(fileName: string, why: string): AppError {
  return new AppError('INVALID_FILE', `${fileName} could not be read as an Excel workbook: it may be damaged. Open it in Excel, save it as .xlsx, and try again. (${why})`, {
    fileName,
    rule: 'readable workbook',
  });
}

/** Collects a sheet list from a sink's calls. */
export function collectSheets(): { sheets: RawSheet[]; sink: WorkbookSink } {
  const sheets: RawSheet[] = [];
  return {
    sheets,
    sink: {
      sheet: (name, hidden) => void sheets.push({ name, hidden, rows: [] }),
      rows: (rows) => {
        const into = sheets[sheets.length - 1]!.rows;
        for (const r of rows) into.push(r);
      },
    },
  };
}

/** Reads every sheet on this thread. */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (p: ReadProgress) => void,
  limits: ReadLimits = READ_LIMITS,
): Promise<RawWorkbook> {
  const { sheets, sink } = collectSheets();
  const { date1904 } = await streamWorkbook(bytes, fileName, { ...sink, progress: onProgress }, limits);
  return { sheets, date1904 };
}
