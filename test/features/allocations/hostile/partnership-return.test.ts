/**
 * The partnership return workbook against what returns/kinds/partnership-return.test.ts leaves
 * out: hidden ids swapped or pointed at another partnership's return, `_meta` naming another
 * year, a period typed over, a row duplicated, headings renamed or swapped since the export, a
 * spending category and an outcome measure with one name, figures of every wrong type, a stale
 * file. Each lands on exactly the right return and heading, or is refused naming the file, sheet,
 * cell and rule with nothing written.
 */
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReturnsOverview } from '../../../../features/allocations/types';
import { exportBytes, loadWorkbook, saveWorkbook, streamedWorkbook } from '../../../support/workbooks';
import { dumpTables, type TestServer } from '../../../support/workspace';
import { apply, cellRef, copyRow, importOf, messages, metaRow, previewOf, refusedAtStart, refusedToApply, rowWhere, set } from '../../recovery/hostile/support';
import { type Fixture, fixture, of, YEAR } from '../returns/fixture';

let f: Fixture;
let t: TestServer;
afterEach(() => t?.close());

const SHEET = 'Return';
const KIND = 'partnership-return';
const FILE = 'Partnership return North AIP 2026-27.xlsx';

async function open(): Promise<ReturnsOverview> {
  f = await fixture();
  t = f.t;
  return t.ok('setUpReturns', { year: YEAR });
}

async function edited(partnership: number, edit: (sh: ExcelJS.Worksheet, meta: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = await loadWorkbook(await exportBytes(t, { kind: KIND, year: YEAR, partnership }));
  edit(wb.getWorksheet(SHEET)!, wb.getWorksheet('_meta')!);
  return saveWorkbook(wb);
}

const north = async () => of(await t.ok('listReturns', { year: YEAR }), 'North AIP').returns;

describe('a return’s rows', () => {
  it('hidden ids swapped between two periods: each figure lands on the period its row names', async () => {
    const o = await open();
    const [summer, autumn] = of(o, 'North AIP').returns;
    const bytes = await edited(f.ids.north, (sh) => {
      const s = rowWhere(sh, 'Period', 'Summer term');
      const a = rowWhere(sh, 'Period', 'Autumn term');
      sh.getCell(s, 1).value = autumn!.id;
      sh.getCell(a, 1).value = summer!.id;
      set(sh, s, 'Spend: Staffing', 1_000);
      set(sh, a, 'Spend: Staffing', 2_000);
    });
    const p = await previewOf(t, bytes, FILE);
    expect(p.errors).toEqual([]);
    expect(p.flags.map((x) => x.code)).toEqual(['matched-by-key']);
    await apply(t, p, { confirmFlags: true });
    expect((await north()).map((r) => [r.period, r.spendPence])).toEqual([
      ['summer', 100_000],
      ['autumn', 200_000],
      ['spring', 0],
    ]);
  });

  it("a hidden id pointed at another partnership's return, the row otherwise North's: refused naming the id cell", async () => {
    const o = await open();
    const southSummer = of(o, 'South AIP').returns[0]!;
    let at = 0;
    const bytes = await edited(f.ids.north, (sh) => {
      at = rowWhere(sh, 'Period', 'Summer term');
      sh.getCell(at, 1).value = southSummer.id;
      set(sh, at, 'Spend: Staffing', 5_000);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, FILE);
    expect(messages(p)).toContain(
      `${SHEET}!A${at} — must be the row id HNB Desk wrote for one of North AIP's 2026-27 returns: this file is North AIP's, and a row from another partnership's file cannot be imported into it — found id ${southSummer.id}, which is South AIP's summer term 2026-27 return`,
    );
    await refusedToApply(t, p, before);
  });

  it('a period typed over, and a row copied over another: refused, naming the cells', async () => {
    await open();
    let typed = 0;
    const over = await edited(f.ids.north, (sh) => {
      typed = rowWhere(sh, 'Period', 'Summer term');
      set(sh, typed, 'Period', 'Autumn term');
      set(sh, typed, 'Spend: Staffing', 1);
    });
    const before = dumpTables(t.sqlite);
    const p1 = await previewOf(t, over, FILE);
    expect(p1.errors.map((e) => [e.sheet, e.cell])).toContainEqual([SHEET, `A${typed}`]);
    await refusedToApply(t, p1, before);

    let spring = 0;
    let autumnRow = 0;
    const copied = await edited(f.ids.north, (sh) => {
      autumnRow = rowWhere(sh, 'Period', 'Autumn term');
      spring = rowWhere(sh, 'Period', 'Spring term');
      copyRow(sh, autumnRow, sh, spring);
      set(sh, spring, 'Spend: Staffing', 7);
    });
    const p2 = await previewOf(t, copied, FILE);
    const autumnId = (await north())[1]!.id;
    expect(messages(p2)).toEqual([`${SHEET}!A${spring} — each return may appear once; it is already on row ${autumnRow} — found ${autumnId}`]);
    await refusedToApply(t, p2, before);
  });

  it('_meta edited to another year, or to a partnership that does not exist, is refused at once naming its cell', async () => {
    await open();
    const before = dumpTables(t.sqlite);
    let yearRow = 0;
    const lastYear = await edited(f.ids.north, (_sh, meta) => {
      yearRow = metaRow(meta, 'scope.year');
      meta.getCell(yearRow, 2).value = '2025-26';
    });
    const e1 = await refusedAtStart(t, lastYear, before, FILE);
    expect(e1.message).toContain(FILE);
    // North has no allocation in 2025-26: the refusal says so, at the cells that name the scope.
    expect(e1.details?.issues?.[0]).toMatchObject({ sheet: '_meta', message: expect.stringMatching(/^_meta!B\d+ — North AIP has no allocation in 2025-26/) });
    expect(yearRow).toBeGreaterThan(0);
    let partnershipRow = 0;
    const nobody = await edited(f.ids.north, (_sh, meta) => {
      partnershipRow = metaRow(meta, 'scope.partnership');
      meta.getCell(partnershipRow, 2).value = 987_654;
    });
    const e2 = await refusedAtStart(t, nobody, before, FILE);
    expect(e2.details?.issues?.[0]).toMatchObject({
      sheet: '_meta',
      cell: `B${partnershipRow}`,
      message: `_meta!B${partnershipRow} — There is no partnership with id 987654 in this workspace.`,
    });
  });

  it('_meta given a scope field the return does not have (scope.partnershipId) is refused at once, naming that cell', async () => {
    await open();
    let at = 0;
    const bytes = await edited(f.ids.north, (_sh, meta) => {
      at = meta.addRow(['scope.partnershipId', f.ids.south]).number;
    });
    const before = dumpTables(t.sqlite);
    const e = await refusedAtStart(t, bytes, before, FILE);
    expect(e.message).toContain(FILE);
    expect(e.details?.issues).toEqual([
      expect.objectContaining({ sheet: '_meta', cell: `B${at}`, message: `_meta!B${at} — a partnership return has no partnershipId` }),
    ]);
  });

  it('figures of the wrong kind are refused by cell; a refund, pounds typed as text and a figure to the penny are read', async () => {
    await open();
    const at: Record<string, string> = {};
    const bytes = await edited(f.ids.north, (sh) => {
      const s = rowWhere(sh, 'Period', 'Summer term');
      const a = rowWhere(sh, 'Period', 'Autumn term');
      set(sh, s, 'Spend: Staffing', true);
      at.bool = cellRef(sh, s, 'Spend: Staffing');
      set(sh, s, 'Spend: Commissioned places', 5e12);
      at.huge = cellRef(sh, s, 'Spend: Commissioned places');
      set(sh, s, 'Places used', 2.5);
      at.places = cellRef(sh, s, 'Places used');
      set(sh, a, 'Places used', 1_000_000);
      at.many = cellRef(sh, a, 'Places used');
      set(sh, a, 'Attendance (%)', 2e9);
      at.measure = cellRef(sh, a, 'Attendance (%)');
      set(sh, a, 'Spend: Staffing', '12.345');
      at.text = cellRef(sh, a, 'Spend: Staffing');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, FILE);
    expect(messages(p)).toEqual([
      `${at.bool} — Spend: Staffing must be an amount in pounds — found TRUE`,
      `${at.huge} — Spend: Commissioned places is too large an amount — found 5000000000000`,
      `${at.places} — Places used must be a whole number — found 2.5`,
      `${at.text} — Spend: Staffing must be an amount in pounds, such as 1234.56, £1,234 or (1,234) — found "12.345"`,
      `${at.measure} — Attendance (%) must be between -1,000,000,000 and 1,000,000,000 — found 2000000000`,
      `${at.many} — Places used must be at most 100,000 — found 1000000`,
    ]);
    await refusedToApply(t, p, before);

    const fine = await edited(f.ids.north, (sh) => {
      const s = rowWhere(sh, 'Period', 'Summer term');
      set(sh, s, 'Spend: Staffing', -250);
      set(sh, s, 'Spend: Commissioned places', '£1,234.50');
      set(sh, s, 'Spend: Outreach and specialist support', 100.004);
      set(sh, s, 'Places used', '3');
    });
    await apply(t, await previewOf(t, fine, FILE));
    const [summer] = await north();
    expect(summer).toMatchObject({ status: 'received', placesUsed: 3, spendPence: -25_000 + 123_450 + 10_000 });
    expect(summer!.spend).toEqual({
      [f.categories.Staffing!]: -25_000,
      [f.categories['Commissioned places']!]: 123_450,
      [f.categories['Outreach and specialist support']!]: 10_000,
    });
  });

  it('a stale file: a figure changed in the workspace since the export and in the file is a conflict; nothing is applied until chosen', async () => {
    const o = await open();
    const bytes = await edited(f.ids.north, (sh) => set(sh, rowWhere(sh, 'Period', 'Summer term'), 'Spend: Staffing', 1_000));
    await t.ok('saveReturn', { returnId: of(o, 'North AIP').returns[0]!.id, spend: { [f.categories.Staffing!]: 90_000 } });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, FILE);
    expect(p.counts).toMatchObject({ conflicts: 1, changed: 0 });
    expect((await t.refused('applyImport', { importId: p.importId })).code).toBe('CONFLICT');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});

describe('a return’s headings', () => {
  it('a spending category and an outcome measure with one name: distinct headings, and each figure lands under its own', async () => {
    await open();
    const attendance = (await t.ok('saveReturnCategory', { name: 'Attendance' })).id;
    const outreach = (await t.ok('saveReturnMeasure', { name: 'Staffing', unit: '' })).id;
    const places = (await t.ok('saveReturnMeasure', { name: 'Places used', unit: '' })).id;
    const wb = await loadWorkbook(await exportBytes(t, { kind: KIND, year: YEAR, partnership: f.ids.north }));
    const sh = wb.getWorksheet(SHEET)!;
    const headings = (sh.getRow(4).values as unknown[]).slice(1);
    expect(headings).toEqual(
      expect.arrayContaining(['Spend: Staffing', 'Spend: Attendance', 'Attendance (%)', 'Staffing', 'Places used', 'Places used (measure)']),
    );
    const s = rowWhere(sh, 'Period', 'Summer term');
    set(sh, s, 'Spend: Attendance', 300);
    set(sh, s, 'Attendance (%)', 94.5);
    set(sh, s, 'Spend: Staffing', 400);
    set(sh, s, 'Staffing', 6);
    set(sh, s, 'Places used', 2);
    set(sh, s, 'Places used (measure)', 3);
    const p = await previewOf(t, await saveWorkbook(wb), FILE);
    expect(p.errors).toEqual([]);
    await apply(t, p);
    const [summer] = await north();
    expect(summer!.spend).toEqual({ [attendance]: 30_000, [f.categories.Staffing!]: 40_000 });
    expect(summer!.measures).toEqual({ [f.measures.Attendance!]: 94.5, [outreach]: 6, [places]: 3 });
    expect(summer!.placesUsed).toBe(2);
  });

  it('measures whose headings would collide twice over (a unit, and a name ending "(measure)"): distinct headings, no crash', async () => {
    await open();
    const ids: number[] = [];
    for (const [name, unit] of [
      ['Foo Bar', ''],
      ['Foo Bar (measure)', ''],
      ['Foo', 'Bar'],
    ]) {
      ids.push((await t.ok('saveReturnMeasure', { name, unit })).id);
    }
    const wb = await loadWorkbook(await exportBytes(t, { kind: KIND, year: YEAR, partnership: f.ids.north }));
    const sh = wb.getWorksheet(SHEET)!;
    const headings = (sh.getRow(4).values as unknown[]).slice(1) as string[];
    const mine = headings.filter((h) => h.startsWith('Foo'));
    expect(mine).toHaveLength(3);
    expect(new Set(mine).size).toBe(3);
    const s = rowWhere(sh, 'Period', 'Summer term');
    for (const [i, h] of mine.entries()) set(sh, s, h, i + 1);
    const p = await previewOf(t, await saveWorkbook(wb), FILE);
    expect(p.errors).toEqual([]);
    await apply(t, p);
    expect((await north())[0]!.measures).toEqual({ [ids[0]!]: 1, [ids[1]!]: 2, [ids[2]!]: 3 });
  });

  it('a foreign file with a bare heading a category and a measure share is read as the measure, not as spend', async () => {
    await open();
    await t.ok('saveReturnCategory', { name: 'Attendance' });
    const bytes = await streamedWorkbook((wb) => {
      const s = wb.addWorksheet('Return');
      s.addRow(['Partnership', 'Period', 'Attendance', 'Staffing']).commit();
      s.addRow(['North AIP', 'Summer term', 94.5, 1_000]).commit();
    });
    const start = await importOf(t, bytes, 'north.xlsx');
    if (!start.ok || start.start.stage !== 'kind') throw new Error('expected to be asked the kind');
    const mapped = await t.ok('mapImport', { importId: start.start.importId, kind: KIND, scope: { year: YEAR, partnership: 'North AIP' } });
    if (mapped.stage !== 'mapping') throw new Error('expected a mapping');
    expect(mapped.proposal.proposed).toMatchObject({ [`measure_${f.measures.Attendance}`]: 3, [`spend_${f.categories.Staffing}`]: 4 });
  });

  it('a category renamed since the export is read under its old heading, into the same category', async () => {
    await open();
    const bytes = await edited(f.ids.north, (sh) => set(sh, rowWhere(sh, 'Period', 'Summer term'), 'Spend: Staffing', 1_500));
    await t.ok('saveReturnCategory', { id: f.categories.Staffing, name: 'Staff costs' });
    const p = await previewOf(t, bytes, FILE);
    expect(p.errors).toEqual([]);
    expect(p.notes).toContain('Renamed since this file was exported, so read under the heading it had then: "Spend: Staffing" (now "Spend: Staff costs").');
    await apply(t, p);
    expect((await north())[0]!.spend).toEqual({ [f.categories.Staffing!]: 150_000 });
  });

  it('two categories renamed past each other since the export: refused, naming the heading row; nothing written', async () => {
    await open();
    const bytes = await edited(f.ids.north, (sh) => set(sh, rowWhere(sh, 'Period', 'Summer term'), 'Spend: Staffing', 1_500));
    const staffing = f.categories.Staffing!;
    const training = f.categories['Training and development']!;
    await t.ok('saveReturnCategory', { id: staffing, name: 'Swap' });
    await t.ok('saveReturnCategory', { id: training, name: 'Staffing' });
    await t.ok('saveReturnCategory', { id: staffing, name: 'Training and development' });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, FILE);
    const sh = (await loadWorkbook(bytes)).getWorksheet(SHEET)!;
    expect(p.errors.map((e) => [`${e.sheet}!${e.cell}`, e.rule])).toEqual([
      [cellRef(sh, 4, 'Spend: Staffing'), 'each column must be read as it was exported'],
      [cellRef(sh, 4, 'Spend: Training and development'), 'each column must be read as it was exported'],
    ]);
    expect(messages(p)[0]).toContain(
      'the column headed "Spend: Staffing" in this file holds the figures of the column now called "Spend: Training and development", and "Spend: Staffing" is now another column\'s heading',
    );
    await refusedToApply(t, p, before);
  });

  it('a measure deleted since the export and another made with its name: the old figures are not read into the new one', async () => {
    await open();
    const bytes = await edited(f.ids.north, (sh) => {
      const s = rowWhere(sh, 'Period', 'Summer term');
      set(sh, s, 'Suspensions (suspensions)', 4);
      set(sh, s, 'Spend: Staffing', 10);
    });
    await t.ok('deleteReturnMeasure', { id: f.measures.Suspensions });
    await t.ok('saveReturnMeasure', { name: 'Suspensions', unit: 'suspensions' });
    const p = await previewOf(t, bytes, FILE);
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.cells.map((c) => c.header))).toEqual([['Spend: Staffing']]);
    expect(p.notes.join(' ')).toMatch(/Added since this file was exported, so not in it and left as they are: Suspensions \(suspensions\)\./);
  });
});
