/**
 * The data rows of a kind's sheet as SpreadsheetML text, written straight into exceljs's
 * streaming sheet. For every cell exceljs builds a Cell, a model and an XML stream before it
 * renders a few dozen characters; at 100,000 rows of 12 styled cells that is most of an
 * export's time. The rows here are the same characters exceljs would write for the same
 * values and styles (a test renders both and compares them), so nothing downstream can tell.
 * Everything else in the workbook (sheets, styles, views, validation, protection, the table)
 * is still written by exceljs.
 */
/// <reference path="./exceljs-internals.d.ts" />
import type ExcelJS from 'exceljs';
import utils from 'exceljs/lib/utils/utils';
import { columnLetter } from '../column-letter';

export type RowCell = null | number | string | boolean | { formula: string; result: number | null };

type SheetInternal = {
  startedData: boolean;
  _rowZero: number;
  _rows: unknown[];
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  stream: { write(text: string): unknown };
};

type StylesInternal = { addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number };

const encode = (text: string) => utils.xmlEncode(text);

function cellXml(ref: string, s: number, v: RowCell): string {
  const style = s ? ` s="${s}"` : '';
  if (v === null) return s ? `<c r="${ref}"${style}/>` : '';
  switch (typeof v) {
    case 'number':
      return `<c r="${ref}"${style}><v>${v}</v></c>`;
    case 'string':
      return `<c r="${ref}"${style} t="str"><v>${encode(v)}</v></c>`;
    case 'boolean':
      return `<c r="${ref}"${style} t="b"><v>${v ? '1' : '0'}</v></c>`;
    default:
      return v.result === null
        ? `<c r="${ref}"${style}><f>${encode(v.formula)}</f></c>`
        : `<c r="${ref}"${style}><f>${encode(v.formula)}</f><v>${v.result}</v></c>`;
  }
}

/**
 * One row as exceljs's streaming writer renders it when every cell of the row was set: nothing
 * when no cell holds a value and the row has no height (exceljs drops such a row, styles and
 * all), else the row spanning all its cells.
 */
export function rowXml(rowNo: number, letters: string[], styleIds: number[], cells: RowCell[], height?: number): string {
  let body = '';
  let hasValue = false;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i]!;
    if (v !== null) hasValue = true;
    body += cellXml(letters[i]! + rowNo, styleIds[i]!, v);
  }
  if (!hasValue && !height) return '';
  const ht = height ? ` ht="${height}" customHeight="1"` : '';
  return `<row r="${rowNo}"${ht} spans="1:${cells.length}" x14ac:dyDescent="0.25">${body}</row>`;
}

const FLUSH_CHARS = 256 * 1024;

/**
 * Appends rows to a streaming sheet whose earlier rows exceljs has already committed. Call
 * `end()` before using the sheet's own rows again.
 */
export class SheetRows {
  private readonly sheet: SheetInternal;
  private readonly letters: string[];
  private readonly styleIds: number[];
  private pending = '';
  private next: number;

  constructor(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet, styles: Array<Partial<ExcelJS.Style>>) {
    this.sheet = sheet as unknown as SheetInternal;
    if (this.sheet._rows.length) throw new Error('SheetRows: commit the rows above the data first');
    const registry = (wb as unknown as { styles: StylesInternal }).styles;
    this.styleIds = styles.map((s) => registry.addStyleModel(s));
    this.letters = styles.map((_, i) => columnLetter(i + 1));
    this.next = this.sheet._rowZero;
    if (!this.sheet.startedData) {
      this.sheet._writeColumns();
      this.sheet._writeOpenSheetData();
      this.sheet.startedData = true;
    }
  }

  /** The sheet row the next `add` writes. */
  get rowNumber(): number {
    return this.next;
  }

  add(cells: RowCell[], height?: number): void {
    this.pending += rowXml(this.next++, this.letters, this.styleIds, cells, height);
    if (this.pending.length >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending) this.sheet.stream.write(this.pending);
    this.pending = '';
  }

  /** Hands the sheet back to exceljs at the row after the last one added. */
  end(): void {
    this.flush();
    this.sheet._rowZero = this.next;
  }
}
