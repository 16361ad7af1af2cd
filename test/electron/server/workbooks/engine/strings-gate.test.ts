import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../../../../electron/server/workbooks/engine/read-off-thread';
import { StringsGate } from '../../../../../electron/server/workbooks/engine/strings-gate';

const tooWide = (sheet: string) => new Error(`too wide: ${sheet}`);

describe('rows read before their shared strings', () => {
  it('wait, in order, and go out filled in, even a batch parsed before the strings came', () => {
    const sent: WorkerMessage[] = [];
    const gate = new StringsGate((m) => sent.push(m), null, 10, tooWide);
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
    const gate = new StringsGate((m) => sent.push(m), [], 10, tooWide);
    gate.send({ t: 'rows', rows: [{ row: 1, cells: ['inline', 1] }] });
    expect(sent).toEqual([{ t: 'rows', rows: [{ row: 1, cells: ['inline', 1] }] }]);
  });

  it('check their columns once their text is known: blank text far right is no reason to refuse', () => {
    const sent: WorkerMessage[] = [];
    const gate = new StringsGate((m) => sent.push(m), null, 2, tooWide);
    gate.send({ t: 'sheet', name: 'Wide', hidden: false });
    gate.send({ t: 'rows', rows: [{ row: 1, cells: ['a', null, null, gate.lookup(1)] }] });
    gate.arrive(['Code', null]);
    expect(sent).toEqual([
      { t: 'sheet', name: 'Wide', hidden: false },
      { t: 'rows', rows: [{ row: 1, cells: ['a'] }] },
    ]);
    expect(() => gate.send({ t: 'rows', rows: [{ row: 2, cells: [null, null, gate.lookup(0)] }] })).not.toThrow();
    const late = new StringsGate(() => undefined, null, 2, tooWide);
    late.send({ t: 'sheet', name: 'Wide', hidden: false });
    late.send({ t: 'rows', rows: [{ row: 1, cells: [null, null, late.lookup(0)] }] });
    expect(() => late.arrive(['text'])).toThrow('too wide: Wide');
  });

  it('refuse a number the strings do not hold', () => {
    const gate = new StringsGate(() => undefined, null, 10, tooWide);
    gate.send({ t: 'rows', rows: [{ row: 1, cells: [gate.lookup(5)] }] });
    expect(() => gate.arrive(['one'])).toThrow('a cell refers to shared text number 5, which the file does not hold');
  });
});
