import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables, testServer, type TestServer } from '../../../support/workspace';
import { columnOf, exportBytes, loadWorkbook, previewOf, rowOfCode, saveWorkbook, DEMO_PERIOD, DEMO_YEAR, demoMonitoring } from '../../../support/workbooks';

const YEAR = DEMO_YEAR;
const PERIOD = DEMO_PERIOD;
let t: TestServer;
afterEach(() => t?.close());

const monitoring = () => demoMonitoring(t);

describe('export, edit in Excel, import back', () => {
  it('re-importing an unchanged export shows no changes at all', async () => {
    t = await testServer({ demo: true });
    for (const kind of ['monitoring', 'budget'] as const) {
      const p = await previewOf(t, await exportBytes(t, kind === 'monitoring' ? { kind, year: YEAR, period: PERIOD } : { kind, year: YEAR }));
      const lines = (await monitoring()).rows.length;
      expect(p.ours).toBe(true);
      expect(p.counts).toEqual({ added: 0, changed: 0, unchanged: lines, missing: 0, conflicts: 0, unmatched: 0, errors: 0, warnings: 0 });
      expect(p.rows).toEqual([]);
      expect(p.notes).toEqual([]);
    }
  });

  it('shows exactly the cells changed, the row added, the row deleted and the text typed into a money cell', async () => {
    t = await testServer({ demo: true });
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'budget', year: YEAR }));
    const sh = wb.getWorksheet('Budget')!;
    const original = columnOf(sh, 'Original budget');
    const name = columnOf(sh, 'Budget line');
    const lines = (await monitoring()).rows;
    const [a, b, c, d] = [lines[1]!, lines[2]!, lines[3]!, lines[4]!];
    sh.getRow(rowOfCode(sh, a.code)).getCell(original).value = 2_000_000.5;
    sh.getRow(rowOfCode(sh, b.code)).getCell(name).value = 'Renamed line';
    sh.getRow(rowOfCode(sh, c.code)).getCell(original).value = 'about a million';
    // A new line typed into the first spare row under the data.
    const spare = rowOfCode(sh, lines[lines.length - 1]!.code) + 1;
    const put = (field: string, v: string | number) => (sh.getRow(spare).getCell(columnOf(sh, field)).value = v);
    put('Line code', 'HN99');
    put('Budget line', 'Speech and language pilot');
    put('Provision type', 'Direct payments and therapies');
    put('Original budget', '£12,500');
    put('Revised budget', 12500);
    sh.spliceRows(rowOfCode(sh, d.code), 1);
    const before = dumpTables(t.sqlite);

    const p = await previewOf(t, await saveWorkbook(wb));
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(p.counts).toMatchObject({ added: 1, changed: 2, missing: 1, conflicts: 0, unmatched: 0, errors: 1 });
    const changed = p.rows.filter((r) => r.status === 'changed');
    expect(changed.map((r) => [r.ref, r.cells])).toEqual([
      [a.code, [{ field: 'originalPence', header: 'Original budget', old: expect.stringMatching(/^£/), new: '£2,000,000.50' }]],
      [b.code, [{ field: 'name', header: 'Budget line', old: b.name, new: 'Renamed line' }]],
    ]);
    expect(p.rows.find((r) => r.status === 'added')).toMatchObject({ ref: 'HN99', label: 'Speech and language pilot' });
    expect(p.rows.find((r) => r.status === 'missing')).toMatchObject({ ref: d.code, fileRow: null });
    const row = rowOfCode(sh, c.code);
    expect(p.errors).toEqual([
      {
        sheet: 'Budget',
        cell: `G${row}`,
        rule: 'Original budget must be an amount in pounds, such as 1234.56, £1,234 or (1,234)',
        message: `Budget!G${row} — Original budget must be an amount in pounds, such as 1234.56, £1,234 or (1,234) — found "about a million"`,
      },
    ]);

    // While an error remains, nothing is written.
    const refused = await t.refused('applyImport', { importId: p.importId });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.details?.issues).toHaveLength(1);
    expect(dumpTables(t.sqlite)).toEqual(before);

    // Fixed, it applies as one batch; the missing row stays unless asked; revert restores all.
    sh.getRow(row).getCell(original).value = 1_000_000;
    const fixed = await previewOf(t, await saveWorkbook(wb));
    expect(fixed.counts).toMatchObject({ added: 1, changed: 3, missing: 1, errors: 0 });
    const applied = await t.ok('applyImport', { importId: fixed.importId });
    expect(applied.batch).toMatchObject({ kind: 'budget', added: 1, changed: 3, deleted: 0, fileName: 'returned.xlsx', who: 'test.user', canRevert: true });
    expect(applied.batch!.fileHash).toMatch(/^[0-9a-f]{64}$/);
    const grid = await t.ok('getBudgetGrid', { year: YEAR });
    expect(grid.rows.find((r) => r.code === a.code)!.originalPence).toBe(200_000_050);
    expect(grid.rows.find((r) => r.code === c.code)!.originalPence).toBe(100_000_000);
    expect(grid.rows.find((r) => r.code === 'HN99')).toMatchObject({ originalPence: 1_250_000, revisedPence: 1_250_000 });
    expect((await t.ok('listLines', {})).find((l) => l.code === b.code)!.name).toBe('Renamed line');
    const history = await t.ok('getHistory', { subject: `budget_line:${a.lineId}`, scope: `financial_year:${YEAR}` });
    expect(history[0]).toMatchObject({ who: 'test.user' });

    const batches = await t.ok('revertImportBatch', { batchId: applied.batch!.id });
    expect(batches[0]).toMatchObject({ id: applied.batch!.id, canRevert: false, revertedBy: 'test.user' });
    const after = dumpTables(t.sqlite);
    for (const table of ['budget', 'forecast']) expect(after[table]).toEqual(before[table]);
    expect(after.budget_line).toEqual(before.budget_line);
  });

  it('removes rows missing from the file only when asked', async () => {
    t = await testServer({ demo: true });
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: YEAR, period: PERIOD }));
    const sh = wb.getWorksheet('Monitoring return')!;
    const line = (await monitoring()).rows.find((r) => r.commentary)!;
    sh.spliceRows(rowOfCode(sh, line.code), 1);
    const p = await previewOf(t, await saveWorkbook(wb));
    expect(p.counts).toMatchObject({ missing: 1, changed: 0 });
    expect((await t.ok('applyImport', { importId: p.importId })).batch).toBeNull();
    expect((await monitoring()).rows.find((r) => r.lineId === line.lineId)!.commentary).toBe(line.commentary);

    const again = await previewOf(t, await saveWorkbook(wb));
    const applied = await t.ok('applyImport', { importId: again.importId, deleteMissing: true });
    expect(applied.batch).toMatchObject({ deleted: 1 });
    expect((await monitoring()).rows.find((r) => r.lineId === line.lineId)!.commentary).toBe('');
  });

  it('keeps text that looks like a formula as text, both ways', async () => {
    t = await testServer({ demo: true });
    const lines = (await monitoring()).rows;
    // Leading tabs and returns cannot reach the database (text is trimmed), so these four are the risk.
    const texts = ['=SUM(A1:A9)', '+44 1632 960000', '-5% on last year', '@risk'];
    await t.ok('setForecasts', { year: YEAR, period: PERIOD, changes: texts.map((commentary, i) => ({ lineId: lines[i]!.lineId, commentary })) });
    const bytes = await exportBytes(t, { kind: 'monitoring', year: YEAR, period: PERIOD });
    const wb = await loadWorkbook(bytes);
    const sh = wb.getWorksheet('Monitoring return')!;
    const col = columnOf(sh, 'Commentary');
    texts.forEach((text, i) => {
      const cell = sh.getRow(rowOfCode(sh, lines[i]!.code)).getCell(col);
      expect(cell.value, text).toBe(text);
      expect(cell.formula).toBeUndefined();
      expect(cell.numFmt).toBe('@');
    });
    const p = await previewOf(t, bytes);
    expect(p.counts.changed).toBe(0);
  });
});
