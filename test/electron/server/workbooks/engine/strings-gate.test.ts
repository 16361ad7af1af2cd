import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../../../../electron/server/workbooks/engine/read-off-thread';
import { StringsGate } from '../../../../../electron/server/workbooks/engine/strings-gate';

const tooWide = (sheet: string, col: number, row: number, v: unknown) => new Error(`too big: ${sheet} column ${col} row ${row} ${JSON.stringify(v)}`);
const limits = (maxCols: number, maxRows = 1000) => ({ maxCols, maxRows });

describe('rows read before their shared strings', () => {
  it('wait, in order, and go out filled in, even a batch parsed before the strings came', () => {
    const sent: WorkerMessage[] = [];
    const gate = new StringsGate((m) => sent.push(m), null, limits(10), tooWide);
    gate.send({ t: 'sheet', name: 'Data', hidden: false });
    gate.send({ t: 'rows', rows: [{ row: 1, cells: [gate.lookup(0), 5, gate.lookup(1)] }] });
    // Parsed while the strings were still to come, sent after they came.
    const late = [
      { row: 2, cells: [gate.lookup(1), gate.lookup(2)] },
      { row: 3, cells: [7, gate.lookup(2)] },
    ];
    expect(sent).toEqual([]);
    expect(gate.open).toBe(false);

    gate.arrive(['Code', { richText: [{ text: 'Fore' }, { text: 'cast' }] }, null]);
    expect(gate.open).toBe(true);
    gate.send({ t: 'rows', rows: late });
    gate.send({ t: 'rows', rows: [{ row: 4, cells: [gate.lookup(0)] }] });
    expect(sent).toEqual([
      { t: 'sheet', name: 'Data', hidden: false },
      { t: 'rows', rows: [{ row: 1, cells: ['Code', 5, 'Forecast'] }] },
      // Row 2 loses its blank last cell, as a direct read would; nothing is left of a row that was all blank.
      {
        t: 'rows',
        rows: [
          { row: 2, cells: ['Forecast'] },
          { row: 3, cells: [7] },
        ],
      },
      { t: 'rows', rows: [{ row: 4, cells: ['Code'] }] },
    ]);
  });

  it('pass straight through when the workbook has no shared strings', () => {
    const sent: WorkerMessage[] = [];
    const gate = new StringsGate((m) => sent.push(m), [], limits(10), tooWide);
    gate.send({ t: 'rows', rows: [{ row: 1, cells: ['inline', 1] }] });
    expect(sent).toEqual([{ t: 'rows', rows: [{ row: 1, cells: ['inline', 1] }] }]);
  });

  it('check their columns once their text is known: blank text far right is no reason to refuse', () => {
    const sent: WorkerMessage[] = [];
    const gate = new StringsGate((m) => sent.push(m), null, limits(2), tooWide);
    gate.send({ t: 'sheet', name: 'Wide', hidden: false });
    gate.send({ t: 'rows', rows: [{ row: 1, cells: ['a', null, null, gate.lookup(1)] }] });
    gate.arrive(['Code', null]);
    expect(sent).toEqual([
      { t: 'sheet', name: 'Wide', hidden: false },
      { t: 'rows', rows: [{ row: 1, cells: ['a'] }] },
    ]);
    expect(() => gate.send({ t: 'rows', rows: [{ row: 2, cells: [null, null, gate.lookup(0)] }] })).not.toThrow();
    const late = new StringsGate(() => undefined, null, limits(2), tooWide);
    late.send({ t: 'sheet', name: 'Wide', hidden: false });
    late.send({ t: 'rows', rows: [{ row: 1, cells: [null, null, late.lookup(0)] }] });
    expect(() => late.arrive(['text'])).toThrow('too big: Wide column 3 row 1 "text"');
  });

  it('refuse a number the strings do not hold', () => {
    const gate = new StringsGate(() => undefined, null, limits(10), tooWide);
    gate.send({ t: 'rows', rows: [{ row: 1, cells: [gate.lookup(5)] }] });
    expect(() => gate.arrive(['one'])).toThrow('a cell refers to shared text number 5, which the file does not hold');
  });

  it('let through text past the limits, and name the first that turns out not blank once the strings come', () => {
    const gate = new StringsGate(() => undefined, null, limits(2, 10), tooWide);
    expect(gate.outside('Wide', 5, 1, gate.lookup(0))).toBe(true);
    expect(gate.outside('Wide', 1, 11, gate.lookup(1))).toBe(true);
    expect(gate.outside('Wide', 9, 12, gate.lookup(0))).toBe(true);
    // A known value past the limits is not let through.
    expect(gate.outside('Wide', 5, 13, 7)).toBe(false);
    expect(gate.outsideRefusal()).toBeNull();
    gate.arrive([null, 'stray']);
    expect(gate.outsideRefusal()?.message).toBe('too big: Wide column 1 row 11 "stray"');
    // Held rows are checked as they go out: a row past the last is refused once its text is known.
    const long = new StringsGate(() => undefined, null, limits(2, 10), tooWide);
    long.send({ t: 'sheet', name: 'Long', hidden: false });
    long.send({ t: 'rows', rows: [{ row: 11, cells: [long.lookup(0)] }] });
    expect(() => long.arrive(['late'])).toThrow('too big: Long column 1 row 11 "late"');
    const blank = new StringsGate(() => undefined, null, limits(2, 10), tooWide);
    blank.outside('Wide', 5, 1, blank.lookup(0));
    blank.arrive([null]);
    expect(blank.outsideRefusal()).toBeNull();
  });

  it('pass a shared string that is not valid text on to its cells as the problem it is', () => {
    const sent: WorkerMessage[] = [];
    const gate = new StringsGate((m) => sent.push(m), null, limits(10), tooWide);
    gate.send({ t: 'rows', rows: [{ row: 1, cells: [gate.lookup(0), gate.lookup(0)] }] });
    gate.arrive([{ problem: 'invalid-text', text: 'Zo\uFFFD' }]);
    expect(sent).toEqual([
      {
        t: 'rows',
        rows: [
          {
            row: 1,
            cells: [
              { problem: 'invalid-text', text: 'Zo\uFFFD' },
              { problem: 'invalid-text', text: 'Zo\uFFFD' },
            ],
          },
        ],
      },
    ]);
  });
});
