/**
 * Reads every sheet of an .xlsx into plain values: formulas by their saved result, rich text as
 * text, dates (date cells, and numbers formatted as dates) as DateCells holding their serial
 * number (the caller knows the date system) and their text, and text that is not UTF-8 as an
 * 'invalid-text' problem. The parts come straight from the zip (xlsx-parts.ts); their XML is
 * tokenised by exceljs's parser (saxes) and turned into the sheet list, shared strings, date
 * styles and rows here (workbook-layout.ts, shared-strings.ts, sheet-rows.ts).
 * Rows and columns are counted as they stream, so an oversized sheet is refused before it
 * fills memory. On the server this runs on worker threads (read-off-thread.ts); here it runs
 * on the caller's.
 */
import { AppError } from '../../../shared/errors';
import { shown, type RawValue } from './cells';
import { readSharedStrings } from './shared-strings';
import { columnLetters, sharedText, sheetRows, type SharedString, type SharedStringOf, type SheetRowLimits } from './sheet-rows';
import { readDateStyles, workbookLayout, type WorkbookLayout } from './workbook-layout';
import { XlsxParts, type TextCheck } from './xlsx-parts';

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

function tooBig(fileName: string, what: string): AppError {
  return new AppError('INVALID_FILE', `${fileName} ${what}, so it was not read.`, { fileName, rule: 'size limits' });
}

/** Where a read sends what it finds, sheet by sheet and row by row, in tab order. */
export interface WorkbookSink {
  sheet(name: string, hidden: boolean): void;
  /** Rows of the sheet last begun that hold at least one value. */
  rows(rows: RawRow[]): void;
  progress?(p: ReadProgress): void;
}

/** Opens a workbook's parts and finds its sheets; refuses one with too many sheets. */
export async function openWorkbook(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits = READ_LIMITS,
): Promise<{ parts: XlsxParts; layout: WorkbookLayout }> {
  try {
    const parts = new XlsxParts(bytes, fileName);
    const layout = await workbookLayout(parts);
    if (layout.sheets.length > limits.maxSheets) throw tooBig(fileName, `has more than ${limits.maxSheets} sheets`);
    return { parts, layout };
  } catch (e) {
    throw e instanceof AppError ? e : unreadable(fileName, (e as Error).message);
  }
}

/** A cell's shared text, refusing a number the file holds no text for (a blank would hide the loss). */
export function sharedStringLookup(strings: SharedString[]): SharedStringOf {
  return (i) => {
    if (!Number.isInteger(i) || i < 0 || i >= strings.length) throw new Error(`a cell refers to shared text number ${i}, which the file does not hold`);
    return sharedText(strings[i]);
  };
}

/** The workbook's shared strings; those that show bytes that are not UTF-8 as 'invalid-text' problems. */
export async function readSharedStringsPart(parts: XlsxParts, layout: WorkbookLayout): Promise<SharedString[]> {
  if (!layout.sharedStrings) return [];
  const part = layout.sharedStrings;
  const check: TextCheck = { invalid: false };
  const invalidText = () => parts.invalidText('in its shared text');
  // Each read of the part starts its decoding afresh.
  const source = () => {
    check.invalid = false;
    return parts.stream(part, check);
  };
  try {
    return await readSharedStrings(source, check, invalidText);
  } catch (e) {
    if (e instanceof AppError) throw e;
    // XML that does not parse where its bytes are not text: the bytes are the fault to name.
    throw check.invalid ? invalidText() : unreadable(parts.fileName, (e as Error).message);
  }
}

/** The workbook's shared strings, as cells ask for them. */
export async function sharedStringsOf(parts: XlsxParts, layout: WorkbookLayout): Promise<SharedStringOf> {
  return sharedStringLookup(await readSharedStringsPart(parts, layout));
}

/** The sentence for the first value past a limit, naming its cell and what it holds. */
export function sheetTooBig(fileName: string, sheet: string, col: number, row: number, v: RawValue, limits: ReadLimits): AppError {
  const rows = limits.maxRows.toLocaleString('en-GB');
  const where = `${fileName} has a value in cell ${columnLetters(col)}${row} of the sheet "${sheet}" (${shown(v)})`;
  const limit = `reads at most ${limits.maxCols} columns and ${rows} rows`;
  return new AppError(
    'INVALID_FILE',
    // Past the last column a value is a stray cell; past the last row it may be data too.
    col > limits.maxCols
      ? `${where}, far outside the data: HNB Desk ${limit}. Delete the stray cell and import again.`
      : `${where}, below the last row HNB Desk reads: it ${limit}. Delete what is below row ${rows} and import again.`,
    { fileName, rule: 'size limits' },
  );
}

/**
 * Streams every sheet, in tab order, into a sink. `outside` lets through values past the
 * limits that are still to be filled in (read-worker.ts); they are checked when they are.
 * The workbook's date styles are read first: its numbers formatted as dates are DateCells.
 */
export async function streamSheets(
  parts: XlsxParts,
  layout: WorkbookLayout,
  shared: SharedStringOf,
  sink: WorkbookSink,
  limits: ReadLimits = READ_LIMITS,
  outside?: (sheet: string, col: number, row: number, v: RawValue) => boolean,
): Promise<void> {
  const fileName = parts.fileName;
  const total = layout.sheets.reduce((sum, s) => sum + parts.storedSize(s.part), 0) || 1;
  let stored = 0;
  let rowsRead = 0;
  let reported = 0;
  try {
    const dateStyles = await readDateStyles(parts, layout.styles);
    for (const sheet of layout.sheets) {
      sink.sheet(sheet.name, sheet.hidden);
      const invalidText = () => parts.invalidText(`on the sheet "${sheet.name}"`);
      const sheetLimits: SheetRowLimits = {
        maxRows: limits.maxRows,
        maxCols: limits.maxCols,
        tooBig: (col, row, v) => sheetTooBig(fileName, sheet.name, col, row, v, limits),
        damaged: (why) => unreadable(fileName, `on the sheet "${sheet.name}", ${why}`),
        invalidText,
        outside: outside && ((col, row, v) => outside(sheet.name, col, row, v)),
      };
      const text: TextCheck = { invalid: false };
      // A read that starts over (xml-scan.ts) decodes afresh, and counts for progress only the bytes past those counted.
      let counted = 0;
      const xml = () => {
        text.invalid = false;
        let used = 0;
        return parts.stream(sheet.part, text, (n) => {
          used += n;
          if (used > counted) {
            stored += used - counted;
            counted = used;
          }
        });
      };
      try {
        for await (const batch of sheetRows(xml, shared, { date1904: layout.date1904, dateStyles, text }, sheetLimits)) {
          sink.rows(batch);
          rowsRead += batch.length;
          if (rowsRead - reported >= 2000) {
            reported = rowsRead;
            sink.progress?.({ rowsRead, fraction: stored / total });
          }
        }
      } catch (e) {
        // XML that does not parse where its bytes are not text: the bytes are the fault to name.
        throw !(e instanceof AppError) && text.invalid ? invalidText() : e;
      }
    }
  } catch (e) {
    throw e instanceof AppError ? e : unreadable(fileName, (e as Error).message);
  }
  sink.progress?.({ rowsRead, fraction: 1 });
}

export function unreadable(fileName: string, why: string): AppError {
  return new AppError(
    'INVALID_FILE',
    `${fileName} could not be read as an Excel workbook: it may be damaged. Open it in Excel, save it as .xlsx, and try again. (${why})`,
    {
      fileName,
      rule: 'readable workbook',
    },
  );
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

/** Reads every sheet on this thread: the shared strings first, then the sheets. */
export async function readWorkbook(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (p: ReadProgress) => void,
  limits: ReadLimits = READ_LIMITS,
): Promise<RawWorkbook> {
  const { parts, layout } = await openWorkbook(bytes, fileName, limits);
  const shared = await sharedStringsOf(parts, layout);
  const { sheets, sink } = collectSheets();
  await streamSheets(parts, layout, shared, { ...sink, progress: onProgress }, limits);
  return { sheets, date1904: layout.date1904 };
}
