/**
 * The partnership return workbook: one file per partnership holding only its own returns for the
 * year, filled in and imported back (figures into a return not yet received mark it received),
 * and a file filled in or pasted for another partnership refused naming the cell, nothing written.
 */
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReturnsOverview } from '../../../../../features/allocations/types';
import { RETURN_PERIOD_LABELS } from '../../../../../features/allocations/words';
import { columnOf, exportBytes, loadWorkbook, saveWorkbook, streamedWorkbook } from '../../../../support/workbooks';
import { dumpTables, type TestServer } from '../../../../support/workspace';
import {
  cellRef,
  copyRow,
  get,
  importOf,
  messages,
  metaRow,
  previewOf,
  refusedAtStart,
  refusedToApply,
  rowWhere,
  set,
} from '../../../recovery/hostile/support';
import { type Fixture, fixture, of, YEAR } from '../fixture';

let f: Fixture;
let t: TestServer;
afterEach(() => t?.close());

const SHEET = 'Return';
const KIND = 'partnership-return';

async function open(): Promise<ReturnsOverview> {
  f = await fixture();
  t = f.t;
  return t.ok('setUpReturns', { year: YEAR });
}

const exportFor = (partnership: number | string, year = YEAR) => exportBytes(t, { kind: KIND, year, partnership });

async function edited(partnership: number, edit: (sh: ExcelJS.Worksheet, meta: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = await loadWorkbook(await exportFor(partnership));
  edit(wb.getWorksheet(SHEET)!, wb.getWorksheet('_meta')!);
  return saveWorkbook(wb);
}

const headers = (sh: ExcelJS.Worksheet) => (sh.getRow(4).values as unknown[]).slice(1);

describe('the partnership return workbook', () => {
  it('holds one partnership’s returns for the year: a row a period, its spend headings, places, measures and commentary', async () => {
    const o = await open();
    const wb = await loadWorkbook(await exportFor(f.ids.north));
    const sh = wb.getWorksheet(SHEET)!;
    expect(headers(sh)).toEqual([
      'Row id',
      'Partnership',
      'Period',
      'Status',
      'Spend: Staffing',
      'Spend: Commissioned places',
      'Spend: Outreach and specialist support',
      'Spend: Training and development',
      'Spend: Resources and other costs',
      'Total spend',
      'Places used',
      'Permanent exclusions (pupils)',
      'Suspensions (suspensions)',
      'Attendance (%)',
      'Children back in mainstream (pupils)',
      'Commentary',
    ]);
    expect([5, 6, 7].map((r) => [get(sh, r, 'Row id'), get(sh, r, 'Partnership'), get(sh, r, 'Period'), get(sh, r, 'Status')])).toEqual(
      of(o, 'North AIP').returns.map((r) => [r.id, 'North AIP', RETURN_PERIOD_LABELS[r.period], 'Not sent']),
    );
    expect(get(sh, 8, 'Period')).toBe('Total');
    expect(sh.getCell('B2').value).toBe('North AIP, 2026-27: allocation £220,000, 2 places (allocation run "Autumn 2026")');
    expect(sh.getRow(5).getCell(columnOf(sh, 'Spend: Staffing')).protection?.locked).toBe(false);
    expect(sh.getRow(5).getCell(columnOf(sh, 'Commentary')).protection?.locked).toBe(false);
    expect(sh.getRow(5).getCell(columnOf(sh, 'Partnership')).protection?.locked).not.toBe(false);
    expect(sh.getRow(5).getCell(columnOf(sh, 'Total spend')).value).toMatchObject({ formula: 'SUM(E5:I5)' });
    // The partnership is kept by id, so a renamed partnership's file still reads.
    const meta = wb.getWorksheet('_meta')!;
    expect(meta.getCell(metaRow(meta, 'scope.partnership'), 2).value).toBe(f.ids.north);
    expect(meta.getCell(metaRow(meta, 'scope.year'), 2).value).toBe(YEAR);

    const file = await t.ok('exportWorkbook', { kind: KIND, scope: { year: YEAR, partnership: f.ids.north } });
    expect(file.fileName).toBe('Partnership return North AIP 2026-27.xlsx');

    // Named by its name, the same rows, and still kept by id (a rename after export does not lose the file).
    const byName = await exportFor('north aip');
    const namedMeta = (await loadWorkbook(byName)).getWorksheet('_meta')!;
    expect(namedMeta.getCell(metaRow(namedMeta, 'scope.partnership'), 2).value).toBe(f.ids.north);
    const p = await previewOf(t, byName);
    expect(p).toMatchObject({ scopeLabel: 'North AIP, 2026-27', counts: { changed: 0, unchanged: 3, errors: 0 } });
  });

  it('round trips: figures are previewed cell by cell, applied, and mark a return not yet received as received today', async () => {
    const o = await open();
    const autumn = of(o, 'North AIP').returns[1]!;
    await t.ok('setReturnStatus', { returnId: autumn.id, status: 'received', on: '2026-11-30' });
    const bytes = await edited(f.ids.north, (sh) => {
      const summer = rowWhere(sh, 'Period', 'Summer term');
      set(sh, summer, 'Spend: Staffing', 45_000);
      set(sh, summer, 'Spend: Commissioned places', 20_123.45);
      set(sh, summer, 'Places used', 2);
      set(sh, summer, 'Permanent exclusions (pupils)', 1);
      set(sh, summer, 'Attendance (%)', 93.4);
      set(sh, summer, 'Commentary', 'Outreach team fully staffed from June.');
      set(sh, rowWhere(sh, 'Period', 'Autumn term'), 'Spend: Staffing', 50_000);
    });
    // Renamed after the export: the file names the partnership by id, and its rows' hidden ids are North's.
    await t.ok('savePartnership', { id: f.ids.north, name: 'North Area AIP', area: 'North', kind: 'area_inclusion', agreementId: f.ids.aipN });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ changed: 2, unchanged: 1, errors: 0 });
    expect(p.rows.map((r) => [r.ref, r.label, r.cells.map((c) => [c.header, c.old, c.new])])).toEqual([
      [
        'Summer term',
        'North AIP',
        [
          ['Spend: Staffing', '(blank)', '£45,000.00'],
          ['Spend: Commissioned places', '(blank)', '£20,123.45'],
          ['Places used', '(blank)', '2'],
          ['Permanent exclusions (pupils)', '(blank)', '1'],
          ['Attendance (%)', '(blank)', '93.4'],
          ['Commentary', '(blank)', 'Outreach team fully staffed from June.'],
        ],
      ],
      ['Autumn term', 'North AIP', [['Spend: Staffing', '(blank)', '£50,000.00']]],
    ]);
    const applied = await t.ok('applyImport', { importId: p.importId });
    expect(applied.batch).toMatchObject({ kind: KIND, changed: 2 });

    const after = of(await t.ok('listReturns', { year: YEAR }), 'North Area AIP');
    expect(after.returns.map((r) => [r.period, r.status, r.receivedOn, r.spendPence, r.placesUsed])).toEqual([
      ['summer', 'received', '2026-12-03', 6_512_345, 2],
      ['autumn', 'received', '2026-11-30', 5_000_000, null],
      ['spring', 'not_sent', null, 0, null],
    ]);
    expect(after.returns[0]!.measures).toEqual({ [f.measures['Permanent exclusions']!]: 1, [f.measures.Attendance!]: 93.4 });
    expect(after.spendPence).toBe(11_512_345);

    // The same file again changes nothing; reverting the batch puts everything back.
    expect((await previewOf(t, bytes)).counts).toMatchObject({ changed: 0, unchanged: 3 });
    await t.ok('revertImportBatch', { batchId: applied.batch!.id });
    expect(dumpTables(t.sqlite).partnership_return).toEqual(before.partnership_return);
    expect(dumpTables(t.sqlite).return_spend).toEqual(before.return_spend);
  });

  it('is one file per partnership, each holding only its own figures', async () => {
    const o = await open();
    await t.ok('saveReturn', { returnId: of(o, 'South AIP').returns[0]!.id, spend: { [f.categories.Staffing!]: 9_900_000 }, commentary: 'South summer' });
    const north = (await loadWorkbook(await exportFor(f.ids.north))).getWorksheet(SHEET)!;
    const south = (await loadWorkbook(await exportFor(f.ids.south))).getWorksheet(SHEET)!;
    const ids = (sh: ExcelJS.Worksheet) => [5, 6, 7].map((r) => get(sh, r, 'Row id'));
    expect(ids(north)).toEqual(of(o, 'North AIP').returns.map((r) => r.id));
    expect(ids(south)).toEqual(of(o, 'South AIP').returns.map((r) => r.id));
    const texts = (sh: ExcelJS.Worksheet) => {
      const out: string[] = [];
      sh.eachRow((row) => row.eachCell((c) => out.push(String(c.value))));
      return out.join('|');
    };
    expect(texts(north)).not.toMatch(/South|99000|99,000/);
    expect(texts(south)).toMatch(/South summer/);
    expect(texts(south)).not.toMatch(/North/);
  });

  it('refuses a row pasted in from another partnership’s file, naming its cells; nothing is written', async () => {
    await open();
    const south = await loadWorkbook(await exportFor(f.ids.south));
    const southSheet = south.getWorksheet(SHEET)!;
    set(southSheet, 5, 'Spend: Staffing', 12_000);
    const bytes = await edited(f.ids.north, (sh) => copyRow(southSheet, 5, sh, 5));
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    const southSummer = (await t.ok('listReturns', { year: YEAR })).partnerships.find((x) => x.partnership === 'South AIP')!.returns[0]!;
    expect(messages(p)).toEqual(
      expect.arrayContaining([
        `Return!A5 — must be the row id HNB Desk wrote for one of North AIP's 2026-27 returns: this file is North AIP's, and a row from another partnership's file cannot be imported into it — found id ${southSummer.id}, which is South AIP's summer term 2026-27 return`,
        `Return!B5 — every row must be North AIP's: this file is North AIP's 2026-27 return, and this row is South AIP's. Nothing is applied: put South AIP's figures in South AIP's own file — found "South AIP"`,
      ]),
    );
    await refusedToApply(t, p, before);
  });

  it('refuses a file whose _meta was changed to name another partnership: every row says whose it is', async () => {
    await open();
    const bytes = await edited(f.ids.north, (sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.partnership'), 2).value = f.ids.south;
      set(sh, 5, 'Spend: Staffing', 1_000);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(p.scopeLabel).toBe('South AIP, 2026-27');
    const wrongRows = messages(p).filter((m) => m.includes("this row is North AIP's"));
    expect(wrongRows.map((m) => m.slice(0, 9))).toEqual(['Return!B5', 'Return!B6', 'Return!B7']);
    await refusedToApply(t, p, before);
  });

  it('refuses a workbook HNB Desk did not write, filled in for another partnership, naming the cell', async () => {
    await open();
    const bytes = await streamedWorkbook((wb) => {
      const sh = wb.addWorksheet('Termly return');
      sh.addRow(['Partnership', 'Term', 'Staffing', 'Commentary']).commit();
      sh.addRow(['North AIP', 'Summer term', 1000, 'ok']).commit();
      sh.addRow(['South AIP', 'Autumn term', 2000, 'not ours']).commit();
    });
    const before = dumpTables(t.sqlite);
    const start = await importOf(t, bytes, 'north-return.xlsx');
    if (!start.ok || start.start.stage !== 'kind') throw new Error('expected to be asked the kind');
    const mapped = await t.ok('mapImport', { importId: start.start.importId, kind: KIND, scope: { year: YEAR, partnership: 'North AIP' } });
    if (mapped.stage !== 'mapping') throw new Error('expected a mapping');
    expect(mapped.proposal.proposed).toMatchObject({ partnership: 1, period: 2, [`spend_${f.categories.Staffing}`]: 3, commentary: 4 });
    const p = await t.ok('previewMapped', {
      importId: mapped.proposal.importId,
      kind: KIND,
      scope: mapped.scope,
      headerRow: mapped.proposal.headerRow,
      columns: mapped.proposal.proposed,
    });
    expect(messages(p)).toEqual([
      `Termly return!A3 — every row must be North AIP's: this file is North AIP's 2026-27 return, and this row is South AIP's. Nothing is applied: put South AIP's figures in South AIP's own file — found "South AIP"`,
    ]);
    await refusedToApply(t, p, before);
  });

  it('refuses negative places and a text amount, naming the cells; and an export for a partnership with no allocation or no returns', async () => {
    await open();
    const bytes = await edited(f.ids.north, (sh) => {
      set(sh, 5, 'Places used', -2);
      set(sh, 6, 'Spend: Staffing', 'about 40k');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    const wb = await loadWorkbook(bytes);
    const sh = wb.getWorksheet(SHEET)!;
    expect(messages(p)).toEqual(
      expect.arrayContaining([
        `${cellRef(sh, 5, 'Places used')} — Places used must not be negative — found -2`,
        expect.stringMatching(new RegExp(`^${cellRef(sh, 6, 'Spend: Staffing')} — Spend: Staffing .* found "about 40k"`)),
      ]),
    );
    await refusedToApply(t, p, before);

    const west = await t.refused('exportWorkbook', { kind: KIND, scope: { year: YEAR, partnership: f.ids.west } });
    expect(west.message).toMatch(/^West AIP has no allocation in 2026-27/);
    const nobody = await t.refused('exportWorkbook', { kind: KIND, scope: { year: YEAR, partnership: 'Nobody' } });
    expect(nobody).toMatchObject({ code: 'NOT_FOUND', message: 'There is no partnership called "Nobody" in this workspace.' });
    // South's returns deleted? They cannot be; a fresh partnership with an allocation but no returns yet:
    await t.ok('createRun', {
      year: YEAR,
      name: 'With places for West',
      formulaPotPence: 60_000_000,
      placeRatePence: 1_000_000,
      factors: [
        { name: 'Pupils', weightBp: 10_000, columns: [{ columnId: (await t.ok('listDataColumns', {})).find((c) => c.key === 'pupils')!.id, weight: 1 }] },
      ],
      places: [{ partnershipId: f.ids.west, places: 1 }],
    });
    const notSetUp = await t.refused('exportWorkbook', { kind: KIND, scope: { year: YEAR, partnership: f.ids.west } });
    expect(notSetUp.message).toBe(
      "West AIP's 2026-27 returns have not been set up yet: set them up on the Partnership returns screen, then export the workbook.",
    );
    expect(dumpTables(t.sqlite).partnership_return).toEqual(before.partnership_return);
  });

  it('reads a file exported before a spending category was added, leaving the new heading as it is', async () => {
    await open();
    const bytes = await edited(f.ids.south, (sh) => set(sh, 5, 'Spend: Staffing', 30_000));
    await t.ok('saveReturnCategory', { name: 'Transport' });
    const p = await previewOf(t, bytes);
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ changed: 1, unchanged: 2 });
    expect(p.notes.join(' ')).toMatch(/Added since this file was exported.*Spend: Transport/);
    await t.ok('applyImport', { importId: p.importId });
    expect(of(await t.ok('listReturns', { year: YEAR }), 'South AIP').returns[0]).toMatchObject({ status: 'received', spendPence: 3_000_000 });
    const refused = await refusedAtStart(t, Buffer.from('not a workbook'), dumpTables(t.sqlite));
    expect(refused.code).toBe('INVALID_FILE');
  });
});
