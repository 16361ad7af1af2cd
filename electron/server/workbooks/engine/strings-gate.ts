/**
 * The sheets thread reads cells before the strings thread has read the text they refer to.
 * Such a cell holds a Pending placeholder; what the thread sends (sheet starts and row
 * batches) is held here, in order, until the strings come, and every row batch that goes out
 * has its placeholders filled, including a batch parsed just before the strings came.
 */
import type { RawValue } from './cells';
import type { RawRow } from './read-workbook';
import type { WorkerMessage } from './read-off-thread';
import { sharedText, type SharedString } from './sheet-rows';

class Pending {
  constructor(readonly index: number) {}
}

export class StringsGate {
  private strings: SharedString[] | null;
  private readonly held: WorkerMessage[] = [];

  /** `strings` is null while they are still to come. */
  constructor(
    private readonly post: (m: WorkerMessage) => void,
    strings: SharedString[] | null,
  ) {
    this.strings = strings;
  }

  get open(): boolean {
    return this.strings !== null;
  }

  /** A cell's shared string, or a placeholder for it. */
  readonly lookup = (index: number): RawValue => (this.strings ? sharedText(this.strings[index]) : (new Pending(index) as unknown as RawValue));

  send(m: WorkerMessage): void {
    if (!this.strings) this.held.push(m);
    else this.post(m.t === 'rows' ? { t: 'rows', rows: fill(m.rows, this.strings) } : m);
  }

  /** The strings have come: everything held goes out, filled in. */
  arrive(strings: SharedString[]): void {
    this.strings = strings;
    for (const m of this.held.splice(0)) this.send(m);
  }
}

/** Fills in placeholders; drops what turns out blank and trims blank cells off the end, as a direct read would. */
function fill(rows: RawRow[], strings: SharedString[]): RawRow[] {
  const out: RawRow[] = [];
  for (const r of rows) {
    let any = false;
    for (let c = 0; c < r.cells.length; c++) {
      const v = r.cells[c] as unknown;
      if (v instanceof Pending) r.cells[c] = sharedText(strings[v.index]);
      if (r.cells[c] !== null) any = true;
    }
    while (r.cells.length && r.cells[r.cells.length - 1] === null) r.cells.pop();
    if (any) out.push(r);
  }
  return out;
}
