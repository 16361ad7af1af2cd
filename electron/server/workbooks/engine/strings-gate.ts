/**
 * The sheets thread reads cells before the strings thread has read the text they refer to.
 * Such a cell holds a Pending placeholder; what the thread sends (sheet starts and row
 * batches) is held here, in order, until the strings come, and every row batch that goes out
 * has its placeholders filled, including a batch parsed just before the strings came.
 *
 * A placeholder past the size limits is let through and remembered: once its text is known, a
 * blank one is no reason to refuse the file, and the first one with text is the cell a
 * refusal names, even when the sheets thread meets a value past the limits after it.
 */
import type { RawValue } from './cells';
import { sharedStringLookup, type RawRow, type ReadLimits } from './read-workbook';
import type { WorkerMessage } from './read-off-thread';
import type { SharedString, SharedStringOf } from './sheet-rows';

class Pending {
  constructor(readonly index: number) {}
}

/** The sentence for a value past the limits (read-workbook.ts sheetTooBig). */
export type TooBig = (sheet: string, col: number, row: number, v: RawValue) => Error;

interface Outside {
  sheet: string;
  col: number;
  row: number;
  index: number;
}

export class StringsGate {
  private strings: SharedString[] | null;
  private lookupText: SharedStringOf;
  private readonly held: WorkerMessage[] = [];
  /** The sheet the rows going out belong to. */
  private sheet = '';
  /** Placeholders past the limits, in the order they were read, while the strings are to come. */
  private outsiders: Outside[] = [];
  private firstOutside: Error | null = null;

  /**
   * `strings` is null while they are still to come. A filled-in value past the limits is
   * refused with `tooBig`, as it would have been had its text been known at once.
   */
  constructor(
    private readonly post: (m: WorkerMessage) => void,
    strings: SharedString[] | null,
    private readonly limits: Pick<ReadLimits, 'maxRows' | 'maxCols'>,
    private readonly tooBig: TooBig,
  ) {
    this.strings = strings;
    this.lookupText = sharedStringLookup(strings ?? []);
  }

  /** Whether a value is a placeholder for text still to come. */
  readonly isPending = (v: RawValue): boolean => (v as unknown) instanceof Pending;

  /** For a value past the limits: a placeholder is let through (true) and checked once its text is known. */
  readonly outside = (sheet: string, col: number, row: number, v: RawValue): boolean => {
    if (!((v as unknown) instanceof Pending)) return false;
    this.outsiders.push({ sheet, col, row, index: (v as unknown as Pending).index });
    return true;
  };

  get open(): boolean {
    return this.strings !== null;
  }

  /** A cell's shared string, or a placeholder for it. */
  readonly lookup = (index: number): RawValue => (this.strings ? this.lookupText(index) : (new Pending(index) as unknown as RawValue));

  send(m: WorkerMessage): void {
    if (!this.strings) return void this.held.push(m);
    if (m.t === 'sheet') this.sheet = m.name;
    this.post(m.t === 'rows' ? { t: 'rows', rows: this.fill(m.rows) } : m);
  }

  /** The strings have come: everything held goes out, filled in. */
  arrive(strings: SharedString[]): void {
    this.strings = strings;
    this.lookupText = sharedStringLookup(strings);
    for (const o of this.outsiders) {
      const text = this.lookupText(o.index);
      if (text !== null) {
        this.firstOutside = this.tooBig(o.sheet, o.col, o.row, text);
        break;
      }
    }
    this.outsiders = [];
    for (const m of this.held.splice(0)) this.send(m);
  }

  /**
   * Once the strings have come: the refusal for the first placeholder past the limits that
   * turned out to hold text, or null. A value past the limits read after it is refused with
   * this sentence, so both threads name the cell a read on one thread would.
   */
  outsideRefusal(): Error | null {
    return this.firstOutside;
  }

  /** Fills in placeholders; drops what turns out blank and trims blank cells off the end, as a direct read would. */
  private fill(rows: RawRow[]): RawRow[] {
    const out: RawRow[] = [];
    const { maxRows, maxCols } = this.limits;
    for (const r of rows) {
      let any = false;
      for (let c = 0; c < r.cells.length; c++) {
        const v = r.cells[c] as unknown;
        if (v instanceof Pending) {
          const text = this.lookupText(v.index);
          if (text !== null && (c + 1 > maxCols || r.row > maxRows)) throw this.tooBig(this.sheet, c + 1, r.row, text);
          r.cells[c] = text;
        }
        if (r.cells[c] !== null) any = true;
      }
      while (r.cells.length && r.cells[r.cells.length - 1] === null) r.cells.pop();
      if (any) out.push(r);
    }
    return out;
  }
}
