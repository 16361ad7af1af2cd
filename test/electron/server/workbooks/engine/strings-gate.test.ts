import { describe, expect, it } from 'vitest';
import type { WorkerMessage } from '../../../../../electron/server/workbooks/engine/read-off-thread';
import { StringsGate } from '../../../../../electron/server/workbooks/engine/strings-gate';

describe('rows read before their shared strings', () => {
  it('wait, in order, and go out filled in, even a batch parsed before the strings came', () => {
    const sent: WorkerMessage[] = [];
    const gate = new StringsGate((m) => sent.push(m), null);
    gate.send({ t: 'sheet', name: 'Data', hidden: false });
    gate.send({ t: 'rows', rows: [{ row: 1, cells: [gate.lookup(0), 5, gate.lookup(1)] }] });
    // Parsed while the strings were still to come, sent after they came.
    const late = [{ row: 2, cells: [gate.lookup(1), gate.lookup(2)] }, { row: 3, cells: [7, gate.lookup(2)] }];
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
      { t: 'rows', rows: [{ row: 2, cells: ['Forecast'] }, { row: 3, cells: [7] }] },
      { t: 'rows', rows: [{ row: 4, cells: ['Code'] }] },
    ]);
  });

  it('pass straight through when the workbook has no shared strings', () => {
    const sent: WorkerMessage[] = [];
    const gate = new StringsGate((m) => sent.push(m), []);
    gate.send({ t: 'rows', rows: [{ row: 1, cells: ['inline', 1] }] });
    expect(sent).toEqual([{ t: 'rows', rows: [{ row: 1, cells: ['inline', 1] }] }]);
  });
});
