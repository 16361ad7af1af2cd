/**
 * A worksheet's XML turned straight into plain rows. The XML is read by xml-scan.ts (plain XML
 * by its scanner, anything else by exceljs's saxes tokeniser); exceljs's streaming reader would
 * then build a Row and a Cell with an address and a style for every cell, a third of the time
 * it takes to read 100,000 rows, only for us to take the values back out. The values are the
 * ones exceljs gives, with three of its slips put right: rich text in an inline string keeps
 * every run, text is not entity-decoded twice, and a boolean or error formula result stays a
 * boolean or an error. A date (a t="d" cell, or a number whose style formats it as a date or
 * time) is a DateCell, never a bare number; text from a part that held bytes that are not UTF-8
 * is an 'invalid-text' problem where it shows U+FFFD.
 */
import { dateCell, type CellProblem, type RawValue } from './cells';
import type { RawRow } from './read-workbook';
import type { DateStyles } from './workbook-layout';
import type { TextCheck } from './xlsx-parts';
import { readXml, type XmlAttempt, type XmlAttributes, type XmlHandler, type XmlSource } from './xml-scan';

/**
 * A shared string as exceljs caches it: plain text, or runs of rich text; or, from a part that
 * held bytes that are not UTF-8, the text that shows them as an 'invalid-text' problem.
 */
export type SharedString = string | CellProblem | { richText: Array<{ text?: string }> } | null | undefined;

export interface SheetRowLimits {
  maxRows: number;
  maxCols: number;
  /** Thrown for the first value past a limit, with its column and row: the caller words the sentence. */
  tooBig: (col: number, row: number, v: RawValue) => Error;
  /** Thrown when the XML itself is wrong (rows out of order): the caller words the sentence. */
  damaged: (why: string) => Error;
  /** Thrown when the part held bytes that are not UTF-8 and no value shows them (they were in the markup). */
  invalidText: () => Error;
  /**
   * A value past a limit that is not known yet (text still being read on another thread):
   * true to let it through, to be checked once it is known.
   */
  outside?: (col: number, row: number, v: RawValue) => boolean;
}

/** How to type a sheet's values. */
export interface SheetFormats {
  date1904: boolean;
  /** Which cell styles show numbers as dates; null when none does. */
  dateStyles?: DateStyles | null;
  /** The sheet part's decoding, to be checked once it has met bytes that are not UTF-8. */
  text?: TextCheck;
}

/** An element's name without its namespace prefix: some writers put every element in "x:". */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** 28 -> "AB". */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "AB12" -> 28; 0 when the reference has no column letters. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else break;
  }
  return col;
}

/** A shared string as a cell's value: rich text as its plain text. */
export function sharedText(s: SharedString): RawValue {
  if (s === null || s === undefined) return null;
  if (typeof s === 'string' || 'problem' in s) return s;
  return s.richText.map((r) => r.text ?? '').join('');
}

/** Where a decoder put U+FFFD for bytes that are not UTF-8. */
export const REPLACEMENT = '\uFFFD';

/** A value read from a part that held bytes that are not UTF-8: its text, if it shows them, as an 'invalid-text' problem. */
export function checkedText(v: RawValue): RawValue {
  if (typeof v === 'string') return v.includes(REPLACEMENT) ? ({ problem: 'invalid-text', text: v } satisfies CellProblem) : v;
  if (typeof v === 'object' && v !== null && 'problem' in v && v.problem !== 'invalid-text' && v.text.includes(REPLACEMENT))
    return { problem: 'invalid-text', text: v.text };
  return v;
}

const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A stored number; anything else (which no spreadsheet writes as a number) stays text. */
function number(text: string): RawValue {
  return plainDecimal(text) || DECIMAL.test(text) ? Number(text) : text;
}

/** -123 or 123.45, as nearly every number is written: DECIMAL without the regular expression. */
function plainDecimal(text: string): boolean {
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  const digits = i;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  if (i === digits) return false;
  if (i < text.length && text.charCodeAt(i) === 46) i++;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  return i === text.length;
}

function boolean(text: string): RawValue {
  const t = text.trim().toLowerCase();
  return t === '1' || t === 'true' ? true : t === '0' || t === 'false' ? false : text;
}

/**
 * An ISO date cell (t="d") as a DateCell, by its serial number in the workbook's date system
 * (in the 1900 system, a day before 1 March 1900 is one serial lower: Excel counts a 29
 * February 1900). Text that is no date Excel can show stays text.
 */
function isoDate(text: string, date1904: boolean): RawValue {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
  if (Number.isNaN(ms)) return text;
  let serial = ms / 86_400_000 + 25569 - (date1904 ? 1462 : 0);
  if (!date1904 && serial < 61) serial--;
  if (serial < (date1904 ? 0 : 1)) return text;
  return dateCell(serial, date1904) ?? text;
}

interface CellState {
  col: number;
  t: string | undefined;
  /** The cell's style (an index into the styles part's cellXfs), as written. */
  s: string | undefined;
  formula: string | null;
  value: string | null;
  inline: string | null;
}

/** A cell's shared string by its number in the shared-strings part. */
export type SharedStringOf = (index: number) => RawValue;

function cellValue(c: CellState, shared: SharedStringOf, f: SheetFormats): RawValue {
  // openpyxl writes an empty <v/> after every formula it has no result for.
  const noValue = c.value === null || (c.value === '' && c.t !== 'str');
  if (c.formula !== null) {
    if (noValue)
      return { problem: 'formula-without-value', text: c.formula ? `=${c.formula}` : 'a formula (shared with the cell above)' } satisfies CellProblem;
    // A formula's saved result is typed as a cell's value is; it is never a shared string.
    return c.t === 's' ? c.value : typedValue(c, c.value!, f);
  }
  if (c.t === 'inlineStr') return c.inline ?? c.value;
  if (noValue) return null;
  return c.t === 's' ? shared(Number(c.value)) : typedValue(c, c.value!, f);
}

/** A stored value by its cell type (t=), and a number by its style. */
function typedValue(c: CellState, text: string, f: SheetFormats): RawValue {
  switch (c.t) {
    case 'str':
      return text;
    case 'e':
      return { problem: 'error-value', text };
    case 'b':
      return boolean(text);
    case 'd':
      return isoDate(text.trim(), f.date1904);
    default: {
      const n = number(text);
      const dates = f.dateStyles;
      if (dates && c.s !== undefined && typeof n === 'number' && dates[Number(c.s)] === 1) return dateCell(n, f.date1904) ?? n;
      return n;
    }
  }
}

/** The row-building side of a sheet read: one per read of the part (xml-scan.ts may start over). */
class RowReader implements XmlHandler {
  /** Rows completed since the last take(). */
  private batch: RawRow[] = [];
  /** Whether a value has shown the part's bytes that are not UTF-8. */
  invalidShown = false;
  private inData = false;
  private rowNo = 0;
  private cells: RawValue[] | null = null;
  private any = false;
  private nextCol = 1;
  private cell: CellState | null = null;
  /** Which text node is being read: the formula, the value, or an inline string's run. */
  private reading: 'f' | 'v' | 't' | null = null;
  private inPhonetic = false;

  constructor(
    private readonly shared: SharedStringOf,
    private readonly f: SheetFormats,
    private readonly limits: SheetRowLimits,
  ) {}

  take(): RawRow[] {
    const rows = this.batch;
    if (rows.length) this.batch = [];
    return rows;
  }

  text(text: string): void {
    const cell = this.cell;
    if (!this.reading || !cell) return;
    if (this.reading === 'v') cell.value = (cell.value ?? '') + text;
    else if (this.reading === 'f') cell.formula = (cell.formula ?? '') + text;
    else if (!this.inPhonetic) cell.inline = (cell.inline ?? '') + text;
  }

  open(tag: string, attrs: XmlAttributes): void {
    switch (localName(tag)) {
      case 'sheetData':
        this.inData = true;
        break;
      case 'row': {
        if (!this.inData) break;
        const at = attrs.get('r');
        const r = at === undefined ? this.rowNo + 1 : Number(at);
        // Rows come in order (every spreadsheet writes them so): this is also what keeps a
        // file from repeating one row past the row limit.
        if (!Number.isInteger(r) || r <= this.rowNo) throw this.limits.damaged(`row ${at} is out of order after row ${this.rowNo}`);
        this.rowNo = r;
        this.cells = [];
        this.any = false;
        this.nextCol = 1;
        break;
      }
      case 'c': {
        if (!this.cells) break;
        const ref = attrs.get('r');
        this.cell = { col: (ref && columnOf(ref)) || this.nextCol, t: attrs.get('t'), s: attrs.get('s'), formula: null, value: null, inline: null };
        break;
      }
      case 'f':
        if (this.cell) {
          this.reading = 'f';
          this.cell.formula ??= '';
        }
        break;
      case 'v':
        if (this.cell) {
          this.reading = 'v';
          this.cell.value ??= '';
        }
        break;
      case 't':
        if (this.cell) {
          this.reading = 't';
          if (!this.inPhonetic) this.cell.inline ??= '';
        }
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
    }
  }

  close(tag: string): void {
    switch (localName(tag)) {
      case 'f':
      case 'v':
      case 't':
        this.reading = null;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'c': {
        const { cell, cells, limits } = this;
        if (cell && cells) {
          let v = cellValue(cell, this.shared, this.f);
          // Text from this part (not a shared string, which the shared-strings reader checks).
          if (this.f.text?.invalid && v !== null && (cell.t !== 's' || cell.formula !== null)) {
            v = checkedText(v);
            if (typeof v === 'object' && v !== null && 'problem' in v && v.problem === 'invalid-text') this.invalidShown = true;
          }
          this.nextCol = cell.col + 1;
          // Only values count: formatting far to the right or far down is no reason to refuse a file.
          if (v !== null) {
            if ((this.rowNo > limits.maxRows || cell.col > limits.maxCols) && !limits.outside?.(cell.col, this.rowNo, v))
              throw limits.tooBig(cell.col, this.rowNo, v);
            // A sparse row: the columns in between are blank.
            while (cells.length < cell.col - 1) cells.push(null);
            cells[cell.col - 1] = v;
            this.any = true;
          } else if (cell.col <= cells.length) cells[cell.col - 1] = null;
        }
        this.cell = null;
        this.reading = null;
        break;
      }
      case 'row':
        if (this.cells && this.any) this.batch.push({ row: this.rowNo, cells: this.cells });
        this.cells = null;
        break;
      case 'sheetData':
        this.inData = false;
        break;
    }
  }
}

/**
 * Streams the rows of one sheet that hold at least one value, in batches as the XML arrives.
 * `xml` gives the part's text from its start each time it is called (an array is read again).
 */
export async function* sheetRows(
  xml: XmlSource | readonly unknown[],
  shared: SharedStringOf,
  f: SheetFormats,
  limits: SheetRowLimits,
): AsyncGenerator<RawRow[]> {
  const source: XmlSource = typeof xml === 'function' ? xml : () => xml;
  let reader = new RowReader(shared, f, limits);
  // Rows passed on, and those of them a read that started over gives again.
  let sent = 0;
  let skip = 0;
  const start = (attempt: XmlAttempt) => {
    reader = new RowReader(shared, f, limits);
    if (attempt === 'saxes') skip = sent;
    return reader;
  };
  for await (const _ of readXml(source, start)) {
    let batch = reader.take();
    if (skip && batch.length) {
      const n = Math.min(skip, batch.length);
      batch = batch.slice(n);
      skip -= n;
    }
    if (batch.length) {
      sent += batch.length;
      yield batch;
    }
  }
  if (f.text?.invalid && !reader.invalidShown) throw limits.invalidText();
}
