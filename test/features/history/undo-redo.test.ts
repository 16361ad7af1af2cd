import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables, testServer, type TestServer } from '../../support/workspace';
import { columnOf, DEMO_PERIOD, DEMO_YEAR, demoMonitoring, exportBytes, loadWorkbook, rowOfCode, saveWorkbook } from '../../support/workbooks';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('undo and redo', () => {
  it('undo after an import undoes the import, the latest change, not an older edit; redo makes it again', async () => {
    t = await testServer({ demo: true });
    const [a, b] = (await demoMonitoring(t)).rows;
    const initial = dumpTables(t.sqlite);
    await t.ok('setForecasts', { year: DEMO_YEAR, period: DEMO_PERIOD, changes: [{ lineId: a!.lineId, forecastPence: 111_100 }] });
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: DEMO_YEAR, period: DEMO_PERIOD }));
    const sh = wb.getWorksheet('Monitoring return')!;
    sh.getRow(rowOfCode(sh, b!.code)).getCell(columnOf(sh, 'Commentary')).value = 'From the return';
    const r = await t.ok('importFile', { source: { fileName: 'return.xlsx', base64: (await saveWorkbook(wb)).toString('base64') } });
    if (r.stage !== 'preview') throw new Error(r.stage);
    await t.ok('applyImport', { importId: r.preview.importId });
    const afterImport = dumpTables(t.sqlite);

    const state = await t.ok('getUndoState', {});
    expect(state).toMatchObject({ canUndo: true, label: 'Import return.xlsx (2026-27, P7 (October 2026)): 1 changed', canRedo: false });
    const undone = await t.ok('undo', {});
    expect(undone.undone).toBe('Import return.xlsx (2026-27, P7 (October 2026)): 1 changed');
    expect(undone).toMatchObject({
      canUndo: true,
      label: 'Forecast HN01 P7 to £1,111',
      canRedo: true,
      redoLabel: 'Import return.xlsx (2026-27, P7 (October 2026)): 1 changed',
    });
    const rows = (await demoMonitoring(t)).rows;
    expect(rows.find((x) => x.lineId === b!.lineId)!.commentary).toBe(b!.commentary);
    expect(rows.find((x) => x.lineId === a!.lineId)!.forecastPence).toBe(111_100);
    // The import batch shows as reverted.
    expect((await t.ok('listImportBatches', {}))[0]).toMatchObject({ revertedBy: 'test.user', canRevert: false });

    const redone = await t.ok('redo', {});
    expect(redone.redone).toBe('Import return.xlsx (2026-27, P7 (October 2026)): 1 changed');
    expect(redone).toMatchObject({ canRedo: false, label: 'Import return.xlsx (2026-27, P7 (October 2026)): 1 changed' });
    const same = (x: Record<string, unknown[]>) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'change_set' && k !== 'audit_entry'));
    expect(same(dumpTables(t.sqlite))).toEqual(same(afterImport));
    expect((await t.ok('listImportBatches', {}))[0]).toMatchObject({ revertedAt: null, canRevert: true });

    // Undo twice: the import, then the edit; redo twice brings both back in order.
    await t.ok('undo', {});
    await t.ok('undo', {});
    expect(dumpTables(t.sqlite).forecast).toEqual(initial.forecast);
    expect((await demoMonitoring(t)).rows.find((x) => x.lineId === a!.lineId)!.forecastPence).toBe(a!.forecastPence);
    expect((await t.ok('getUndoState', {})).redoLabel).toBe('Forecast HN01 P7 to £1,111');
    await t.ok('redo', {});
    await t.ok('redo', {});
    expect(same(dumpTables(t.sqlite))).toEqual(same(afterImport));
    expect((await t.refused('redo', {})).code).toBe('NOTHING_TO_REDO');
  });

  it('a new change after an undo ends redo', async () => {
    t = await testServer({ demo: true });
    const [a] = (await demoMonitoring(t)).rows;
    await t.ok('setForecasts', { year: DEMO_YEAR, period: DEMO_PERIOD, changes: [{ lineId: a!.lineId, forecastPence: 100 }] });
    await t.ok('undo', {});
    expect((await t.ok('getUndoState', {})).canRedo).toBe(true);
    await t.ok('setForecasts', { year: DEMO_YEAR, period: DEMO_PERIOD, changes: [{ lineId: a!.lineId, commentary: 'new note' }] });
    expect(await t.ok('getUndoState', {})).toMatchObject({ canRedo: false, redoLabel: null });
    expect((await t.refused('redo', {})).code).toBe('NOTHING_TO_REDO');
  });

  it('redo is refused, and says so, when its figures have been changed since outside this window', async () => {
    t = await testServer({ demo: true });
    const [a] = (await demoMonitoring(t)).rows;
    await t.ok('setForecasts', { year: DEMO_YEAR, period: DEMO_PERIOD, changes: [{ lineId: a!.lineId, forecastPence: 100 }] });
    await t.ok('undo', {});
    t.sqlite.prepare('UPDATE forecast SET forecast_pence = 5 WHERE line_id = ? AND year_id = ? AND period = ?').run(a!.lineId, DEMO_YEAR, DEMO_PERIOD);
    const before = dumpTables(t.sqlite);
    expect((await t.refused('redo', {})).message).toMatch(/cannot be redone: the same figures have been changed since/);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});
