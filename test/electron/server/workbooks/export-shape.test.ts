import { afterEach, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../../../support/workspace';
import { columnOf, exportBytes, loadWorkbook } from '../../../support/workbooks';

let t: TestServer;
afterEach(() => t?.close());

describe('an exported workbook', () => {
  it('reads first, hides its machinery, locks what is computed and validates what is typed', async () => {
    t = await testServer({ demo: true });
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'budget', year: '2026-27' }));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['Read me', 'visible'],
      ['_meta', 'hidden'],
      ['_lists', 'hidden'],
      ['Budget', 'visible'],
    ]);
    const meta = Object.fromEntries(
      wb
        .getWorksheet('_meta')!
        .getSheetValues()
        .filter(Boolean)
        .map((r) => [(r as unknown[])[1], (r as unknown[])[2]]),
    );
    expect(meta).toMatchObject({
      format: 'HNB Desk workbook',
      kind: 'budget',
      schemaVersion: 1,
      'scope.year': '2026-27',
      exportedBy: 'test.user',
      sheet: 'Budget',
    });
    expect(meta.workspaceId).toBe((await t.ok('getWorkspace', {})).id);
    expect(String(meta.fingerprints)).toMatch(/^\d+:[0-9a-z]+(;\d+:[0-9a-z]+)*$/);

    const sh = wb.getWorksheet('Budget')!;
    expect(sh.getColumn(1).hidden).toBe(true);
    expect(sh.getCell('A4').value).toBe('Row id');
    expect(typeof sh.getCell('A5').value).toBe('number');
    expect(sh.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sh.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '4:4' });
    const protection = (sh as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.hashValue).toBeUndefined();

    const table = sh.getTable('Budget') as unknown as { table: { tableRef: string; totalsRow: boolean; columns: Array<{ name: string }> } };
    const lines = (await t.ok('getBudgetGrid', { year: '2026-27' })).rows.length;
    expect(table.table.tableRef).toBe(`A4:I${4 + lines + 20 + 1}`);
    expect(table.table.columns.map((c) => c.name)).toContain('Original budget');

    const original = columnOf(sh, 'Original budget');
    const virement = columnOf(sh, 'Virements');
    expect(sh.getCell(5, original).protection).toMatchObject({ locked: false });
    expect(sh.getCell(5, original).numFmt).toContain('£');
    // Locked is Excel's default, so a locked cell may carry no protection element at all.
    expect(sh.getCell(5, virement).protection?.locked ?? true).toBe(true);
    expect(sh.getCell(5, virement).formula).toBe('H5-G5');
    expect(sh.getCell(5, 1).protection?.locked ?? true).toBe(true);
    const total = sh.getRow(4 + lines + 21);
    expect(total.getCell(2).value).toBe('Total');
    expect(total.getCell(original).formula).toMatch(/^SUBTOTAL\(109,G5:G\d+\)$/);

    // Validation on bounded ranges only: never a whole column.
    const validations = (sh as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    const groupCol = columnOf(sh, 'Provision type');
    expect(validations[`${String.fromCharCode(64 + groupCol)}5`]).toMatchObject({
      type: 'list',
      formulae: [expect.stringMatching(/^_lists!\$B\$2:\$B\$\d+$/)],
    });
    expect(Object.keys(validations).length).toBeLessThan(20 * (lines + 20));
    expect(Object.keys(validations).every((k) => Number(k.replace(/^[A-Z]+/, '')) <= 4 + lines + 20)).toBe(true);
  });

  it('a monitoring return can be filtered to one budget holder', async () => {
    t = await testServer({ demo: true });
    const lines = await t.ok('listLines', {});
    const holder = lines[0]!.holder;
    const mine = lines.filter((l) => l.holder === holder).length;
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'monitoring', year: '2026-27', period: 7, holder }));
    const sh = wb.getWorksheet('Monitoring return')!;
    const codes: string[] = [];
    for (let r = 5; r <= sh.rowCount; r++) if (typeof sh.getCell(r, 1).value === 'number') codes.push(String(sh.getCell(r, 2).value));
    expect(codes).toHaveLength(mine);
    expect(mine).toBeLessThan(lines.length);
    const p = await t.ok('importFile', {
      source: { fileName: 'mine.xlsx', base64: (await exportBytes(t, { kind: 'monitoring', year: '2026-27', period: 7, holder })).toString('base64') },
    });
    if (p.stage !== 'preview') throw new Error(p.stage);
    // Only this holder's lines were sent, so the others are not "missing" from it.
    expect(p.preview.counts).toMatchObject({ unchanged: mine, missing: 0 });
    expect(p.preview.scope).toMatchObject({ holder, period: 7 });
  });

  it('a monitoring return needs its period', async () => {
    t = await testServer({ demo: true });
    const e = await t.refused('exportWorkbook', { kind: 'monitoring', scope: { year: '2026-27' } });
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'period' });
  });
});
