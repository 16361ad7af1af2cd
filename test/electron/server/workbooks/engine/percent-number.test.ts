/**
 * The `percent` and `number` field types: read from cells as people and Excel leave them,
 * written with their formats and checks, and carried through interpret and diff.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { percentText, readNumber, readPercent } from '../../../../../electron/server/workbooks/engine/cells';
import { diffRows } from '../../../../../electron/server/workbooks/engine/diff';
import { matchOwnRows } from '../../../../../electron/server/workbooks/engine/identity';
import { interpretRows } from '../../../../../electron/server/workbooks/engine/interpret';
import type { KindData, KindDef } from '../../../../../electron/server/workbooks/engine/kind';
import { readWorkbook } from '../../../../../electron/server/workbooks/engine/read-workbook';
import { HEADER_ROW, writeKindWorkbook } from '../../../../../electron/server/workbooks/engine/write-kind';
import { moneyFormat } from '../../../../../electron/shared/money';
import { columnOf, loadWorkbook, saveWorkbook } from '../../../../support/workbooks';

describe('reading a percentage', () => {
  it('reads a number as the fraction a 0.00% cell shows, to the basis point', () => {
    expect(readPercent(0.035)).toEqual({ ok: true, value: 350 });
    expect(readPercent(-0.0225)).toEqual({ ok: true, value: -225 });
    expect(readPercent(0)).toEqual({ ok: true, value: 0 });
    expect(readPercent(-0)).toEqual({ ok: true, value: 0 });
    // Float noise from a formula's saved value, and more places than the format shows.
    expect(readPercent(0.035000000000000003)).toEqual({ ok: true, value: 350 });
    expect(readPercent(0.03456)).toEqual({ ok: true, value: 346 });
    // A bare 3.5 in a percent cell is what Excel shows: 350%.
    expect(readPercent(3.5)).toEqual({ ok: true, value: 35_000 });
  });

  it('reads text only with its % sign, to two decimals', () => {
    expect(readPercent('3.5%')).toEqual({ ok: true, value: 350 });
    expect(readPercent(' -2.25 % ')).toEqual({ ok: true, value: -225 });
    expect(readPercent('+12%')).toEqual({ ok: true, value: 1200 });
    expect(readPercent('.5%')).toEqual({ ok: true, value: 50 });
    expect(readPercent('1,000%')).toEqual({ ok: true, value: 100_000 });
    expect(readPercent('-0%')).toEqual({ ok: true, value: 0 });
    for (const bad of ['3.5', 'three percent', '3.456%', '3,5%', '%', '3.5%%', '1,00%', '£3%', '--3%']) {
      expect(readPercent(bad), bad).toMatchObject({ ok: false, rule: 'must be a percentage, such as 3.5% or -2.25%', found: `"${bad}"` });
    }
  });

  it('refuses dates, booleans, Excel errors and blanks, naming what was found', () => {
    expect(readPercent({ date: 45383, text: '01/04/2024' })).toEqual({ ok: false, rule: 'must be a percentage, not a date', found: '01/04/2024' });
    expect(readPercent(true)).toEqual({ ok: false, rule: 'must be a percentage, such as 3.5%', found: 'TRUE' });
    expect(readPercent({ problem: 'error-value', text: '#VALUE!' })).toEqual({ ok: false, rule: 'must not be an Excel error', found: '#VALUE!' });
    expect(readPercent(null)).toMatchObject({ ok: false, rule: 'must be a percentage (blank is not allowed)' });
    expect(readPercent('  ', { optional: true })).toEqual({ ok: true, value: null });
    expect(readPercent(Number.NaN)).toMatchObject({ ok: false });
    expect(readPercent(1e9)).toMatchObject({ ok: false });
  });

  it('holds a column to its range, in words', () => {
    const growth = { minValue: -10_000, maxValue: 100_000 };
    expect(readPercent(-1, growth)).toEqual({ ok: true, value: -10_000 });
    expect(readPercent(10, growth)).toEqual({ ok: true, value: 100_000 });
    expect(readPercent(-1.0001, growth)).toEqual({ ok: false, rule: 'must be between -100% and 1,000%', found: '-1.0001' });
    expect(readPercent('1,000.01%', growth)).toMatchObject({ ok: false, rule: 'must be between -100% and 1,000%' });
    expect(readPercent(-0.01, { nonNegative: true })).toMatchObject({ ok: false, rule: 'must not be negative' });
    expect(readPercent(0.5, { maxValue: 2500 })).toMatchObject({ ok: false, rule: 'must be at most 25%' });
    expect(readPercent(-0.5, { minValue: -2500 })).toMatchObject({ ok: false, rule: 'must be at least -25%' });
  });

  it('says a percentage as people do', () => {
    expect([350, -1250, 100_000, 0, 1].map(percentText)).toEqual(['3.5%', '-12.5%', '1,000%', '0%', '0.01%']);
  });
});

describe('reading a number', () => {
  it('reads numbers and text numbers to four places', () => {
    expect(readNumber(1250)).toEqual({ ok: true, value: 1250 });
    expect(readNumber(12.345678)).toEqual({ ok: true, value: 12.3457 });
    expect(readNumber(0.1 + 0.2)).toEqual({ ok: true, value: 0.3 });
    expect(readNumber('1,250.5')).toEqual({ ok: true, value: 1250.5 });
    expect(readNumber(' -3 ')).toEqual({ ok: true, value: -3 });
    expect(readNumber('.25')).toEqual({ ok: true, value: 0.25 });
    expect(readNumber('12.3456')).toEqual({ ok: true, value: 12.3456 });
  });

  it('refuses text that is not a plain number, dates, booleans and blanks', () => {
    for (const bad of ['twelve', '12.34567', '1,25', '12%', '£12', '1 250', '-', '.', '1e5', '0x10']) {
      expect(readNumber(bad), bad).toMatchObject({ ok: false, rule: 'must be a number, such as 1250 or 12.5, with at most four decimal places' });
    }
    expect(readNumber({ date: 45383, text: '01/04/2024' })).toEqual({ ok: false, rule: 'must be a number, not a date', found: '01/04/2024' });
    expect(readNumber(false)).toEqual({ ok: false, rule: 'must be a number', found: 'FALSE' });
    expect(readNumber(null)).toMatchObject({ ok: false, rule: 'must be a number (blank is not allowed)' });
    expect(readNumber(null, { optional: true })).toEqual({ ok: true, value: null });
    expect(readNumber(2e12)).toMatchObject({ ok: false, rule: 'is too large a number' });
    expect(readNumber(-1, { nonNegative: true })).toMatchObject({ ok: false, rule: 'must not be negative' });
    expect(readNumber(0, { minValue: 0.0001 })).toMatchObject({ ok: false, rule: 'must be at least 0.0001' });
  });
});

/** A kind with one column of each new type, kept in memory. */
function testKind(): { def: KindDef; data: KindData } {
  const def: KindDef = {
    kind: 'test-rates',
    title: 'Rates',
    sheetName: 'Rates',
    schemaVersion: 1,
    scope: {
      fields: [],
      schema: {} as never,
      check: () => undefined,
      label: () => 'all',
      locks: () => [],
    },
    keyField: 'code',
    labelField: 'name',
    rowNoun: 'line',
    canAdd: true,
    addRequires: ['code', 'name', 'growthBp'],
    spareRows: 2,
    deleteMeans: 'removed',
    columns: [
      { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
      { field: 'code', header: 'Code', type: 'code', width: 10, editable: true, key: true, required: true },
      { field: 'name', header: 'Name', type: 'text', width: 20, editable: true, required: true },
      { field: 'growthBp', header: 'Growth', type: 'percent', width: 10, editable: true, minValue: -10_000, maxValue: 100_000, confirmBeyond: 2500 },
      { field: 'count', header: 'Children', type: 'number', width: 10, editable: true, optional: true, nonNegative: true, total: true },
      { field: 'fixed', header: 'Fixed rate', type: 'percent', width: 10, editable: false },
      {
        field: 'doubled',
        header: 'Doubled',
        type: 'number',
        width: 10,
        editable: false,
        blankWhenEmpty: true,
        formula: (c, r) => `IF(ISNUMBER(${c('count')}${r}),${c('count')}${r}*2,"")`,
      },
    ],
    instructions: ['Type over the white cells.'],
    hint: 'Growth is a percentage a year.',
    fileName: () => 'rates.xlsx',
    load: () => data,
    apply: () => undefined,
  };
  const data: KindData = {
    rows: [
      { id: 1, values: { code: 'A', name: 'Alpha', growthBp: 350, count: 1250.5, fixed: 1000, doubled: 2501 } },
      { id: 2, values: { code: 'B', name: 'Beta', growthBp: -225, count: 12, fixed: 0, doubled: 24 } },
      { id: 3, values: { code: 'C', name: 'Gamma', growthBp: 0, count: null, fixed: 25, doubled: null } },
    ],
    lists: {},
    subtitle: 'test',
    footer: 'Rates: a short footer',
  };
  return { def, data };
}

async function written(def: KindDef, data: KindData): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((done) => out.on('end', done));
  await writeKindWorkbook(
    out,
    def,
    data,
    {},
    {
      workspaceId: 'w',
      authority: 'Test',
      exportedBy: 'me',
      exportedAt: new Date('2026-03-01T12:00:00Z'),
      money: moneyFormat('minus'),
    },
  );
  await ended;
  return Buffer.concat(chunks);
}

async function readBack(def: KindDef, data: KindData, bytes: Buffer) {
  const raw = await readWorkbook(bytes, 'rates.xlsx');
  const sheet = raw.sheets.find((s) => s.name === def.sheetName)!;
  const mapping = Object.fromEntries(def.columns.map((c, i) => [c.field, i + 1]));
  const interp = interpretRows(def, data, sheet.rows, {
    sheet: sheet.name,
    headerRow: HEADER_ROW,
    mapping,
    date1904: raw.date1904,
    ownFile: true,
    skipRow: (cells) => cells[1] === 'Total',
  });
  const ids = matchOwnRows(def, data, interp.rows, { sheet: sheet.name, idCol: 1, keyCol: 2 });
  const diff = diffRows(def, data, interp, ids.matched, {
    sheet: sheet.name,
    idCol: 1,
    keyCol: 2,
    fingerprints: null,
    money: moneyFormat('minus'),
    largeMoveShare: 0.5,
  });
  return { interp, diff };
}

describe('percent and number columns in a workbook', () => {
  it('are written with their formats and checks, and read back unchanged', async () => {
    const { def, data } = testKind();
    const bytes = await written(def, data);
    const wb = await loadWorkbook(bytes);
    const sh = wb.getWorksheet('Rates')!;
    const growth = sh.getRow(HEADER_ROW + 1).getCell(columnOf(sh, 'Growth'));
    expect(growth.value).toBe(0.035);
    expect(growth.numFmt).toBe('0.00%');
    expect(growth.protection?.locked).toBe(false);
    const count = sh.getRow(HEADER_ROW + 1).getCell(columnOf(sh, 'Children'));
    expect(count.value).toBe(1250.5);
    // exceljs reads General, the default, back as no format at all.
    expect([undefined, 'General']).toContain(count.numFmt);
    expect(sh.getRow(HEADER_ROW + 1).getCell(columnOf(sh, 'Fixed rate')).value).toBe(0.1);
    expect(sh.getRow(HEADER_ROW + 1).getCell(columnOf(sh, 'Fixed rate')).protection?.locked).not.toBe(false);
    // Excel checks the range as it is typed (fractions, for a percent column).
    const rules = (sh as unknown as { dataValidations: { model: Record<string, { formulae: unknown[]; error: string }> } }).dataValidations.model;
    const growthRule = Object.entries(rules).find(([addr]) => addr.startsWith('D'))![1];
    expect(growthRule.formulae).toEqual([-1, 10]);
    expect(growthRule.error).toBe('Growth is a percentage, such as 3.5%, from -100% to 1,000%.');
    const countRule = Object.entries(rules).find(([addr]) => addr.startsWith('E'))![1];
    expect(countRule.formulae).toEqual([0, 1e12]);
    // The totals row sums the number column as it is, not as pence.
    const total = sh.getRow(HEADER_ROW + data.rows.length + def.spareRows + 1).getCell(columnOf(sh, 'Children'));
    expect((total.value as { result: number }).result).toBe(1262.5);

    // The kind's own hint and footer; a formula that is blank on an empty row carries no 0 there.
    expect(sh.getCell('B3').value).toBe('Growth is a percentage a year.');
    expect(sh.headerFooter.oddFooter).toBe('&LTest&CRates: a short footer&RPage &P of &N');
    const doubled = (i: number) => sh.getRow(HEADER_ROW + 1 + i).getCell(columnOf(sh, 'Doubled')).value as ExcelJS.CellFormulaValue;
    expect(doubled(0)).toMatchObject({ formula: `IF(ISNUMBER(E${HEADER_ROW + 1}),E${HEADER_ROW + 1}*2,"")`, result: 2501 });
    expect(doubled(3).formula).toBe(`IF(ISNUMBER(E${HEADER_ROW + 4}),E${HEADER_ROW + 4}*2,"")`);
    expect(doubled(3).result).toBeUndefined();

    const { interp, diff } = await readBack(def, data, bytes);
    expect(interp.errors).toEqual([]);
    expect(interp.rows.map((r) => r.values)).toEqual(data.rows.map(({ values: { fixed, doubled, ...editable } }) => editable));
    expect(diff.counts).toMatchObject({ changed: 0, unchanged: 3, added: 0 });
  });

  it('shows edits as people read them, asks about an extreme, and refuses hostile cells by sheet and cell', async () => {
    const { def, data } = testKind();
    const wb = await loadWorkbook(await written(def, data));
    const sh = wb.getWorksheet('Rates')!;
    const g = columnOf(sh, 'Growth');
    const n = columnOf(sh, 'Children');
    const row = (i: number) => sh.getRow(HEADER_ROW + 1 + i);
    row(0).getCell(g).value = '4.25%';
    row(0).getCell(n).value = '1,300';
    row(1).getCell(g).value = 0.4;
    // Hostile: a date, a bare number as text, TRUE, more than four places, a negative count.
    row(2).getCell(g).value = new Date(Date.UTC(2026, 3, 1));
    // A style of its own: exceljs shares one style object between the cells it loaded.
    row(2).getCell(g).style = { ...row(2).getCell(g).style, numFmt: 'dd/mm/yyyy' };
    row(2).getCell(n).value = -2;
    // A new row with an extreme growth.
    row(3).getCell(2).value = 'D';
    row(3).getCell(3).value = 'Delta';
    row(3).getCell(g).value = -0.3;
    row(4).getCell(2).value = 'E';
    row(4).getCell(3).value = 'Epsilon';
    row(4).getCell(g).value = '3.5';
    row(4).getCell(n).value = true;
    const { interp, diff } = await readBack(def, data, await saveWorkbook(wb));
    const r = (i: number) => HEADER_ROW + 1 + i;
    expect(interp.errors.map((e) => e.message)).toEqual([
      `Rates!D${r(2)} — Growth must be a percentage, not a date — found 01/04/2026`,
      `Rates!E${r(2)} — Children must not be negative — found -2`,
      `Rates!D${r(4)} — Growth must be a percentage, such as 3.5% or -2.25% — found "3.5"`,
      `Rates!E${r(4)} — Children must be a number — found TRUE`,
    ]);
    const changed = diff.rows.filter((x) => x.status === 'changed');
    expect(changed.map((x) => [x.ref, x.cells.map((c) => `${c.header}: ${c.old} -> ${c.new}`), x.warnings])).toEqual([
      ['A', ['Growth: 3.5% -> 4.25%', 'Children: 1,250.5 -> 1,300'], undefined],
      ['B', ['Growth: -2.25% -> 40%'], ['Growth is 40%, beyond ±25%: is that meant, or a slip?']],
    ]);
    const added = diff.rows.filter((x) => x.status === 'added');
    expect(added.map((x) => [x.ref, x.warnings])).toEqual([['D', ['Growth is -30%, beyond ±25%: is that meant, or a slip?']]]);
    expect(diff.extremes).toBe(2);
    expect(diff.counts.warnings).toBe(2);
  });
});
