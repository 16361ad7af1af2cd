/**
 * The sheets thread reads cells before the strings thread has read the text they refer to.
 * Such a cell holds a Pending placeholder; what the thread sends (sheet starts and row
 * batches) is held here, in order, until the strings come, and every row batch that goes out
 * has its placeholders filled, including a batch parsed just before the strings came.
 */
import type { RawValue } from './cells';
import { sharedStringLookup, type RawRow } from './read-workbook';
import type { WorkerMessage } from './read-off-thread';
import type { SharedString, SharedStringOf } from './sheet-rows';

class Pending {
  constructor(readonly index: number) {}
}

export class StringsGate {
  private strings: SharedString[] | null;
  private lookupText: SharedStringOf;
  private readonly held: WorkerMessage[] = [];
  /** The sheet the rows going out belong to. */
  private sheet = '';

  /**
   * `strings` is null while they are still to come. A filled-in value past `maxCols` is
   * refused with `tooWide(sheet)`, as it would have been had its text been known at once.
   */
  constructor(
    private readonly post: (m: WorkerMessage) => void,
    strings: SharedString[] | null,
    private readonly maxCols: number,
    private readonly tooWide: (sheet: string) => Error,
  ) {
    this.strings = strings;
    this.lookupText = sharedStringLookup(strings ?? []);
  }

  /** Whether a value is a placeholder for text still to come. */
  readonly isPending = (v: RawValue): boolean => (v as unknown) instanceof Pending;

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
    for (const m of this.held.splice(0)) this.send(m);
  }

  /** Fills in placeholders; drops what turns out blank and trims blank cells off the end, as a direct read would. */
  private fill(rows: RawRow[]): RawRow[] {
    const out: RawRow[] = [];
    for (const r of rows) {
      let any = false;
      for (let c = 0; c < r.cells.length; c++) {
        const v = r.cells[c] as unknown;
        if (v instanceof Pending) {
          const text = this.lookupText(v.index);
          if (text !== null && c + 1 > this.maxCols) throw this.tooWide(this.sheet);
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
