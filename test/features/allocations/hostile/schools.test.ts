/**
 * The schools workbook against what schools/kinds/hostile.test.ts leaves out: a school typed
 * again into a spare row, a partnership renamed since the export, a Year cell cleared, `_meta`
 * naming the school data kind, and an approved run whose schools move. Each lands on exactly the
 * right school, or is refused naming the file, sheet, cell and rule with nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../../../support/workspace';
import {
  apply,
  cellRef,
  exported,
  messages,
  metaRow,
  previewOf,
  refusedAtStart,
  refusedToApply,
  rowWhere,
  set,
  spareRow,
  tampered,
} from '../../recovery/hostile/support';
import { columnId } from '../schools/fixture';
import { type Authority, authority, Y2 } from '../schools/kinds/support';

let a: Authority;
afterEach(() => a?.t.close());

const SCHOOLS = 'Schools';
const FILE = 'Schools 2026-27.xlsx';
const schoolOf = async (urn: number) => (await a.t.ok('listSchools', { year: Y2 })).schools.find((s) => s.urn === urn)!;

describe('the schools workbook, attacked', () => {
  it('a school the file already holds typed again into a spare row: refused, so neither row is applied', async () => {
    a = await authority();
    let spare = 0;
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh) => {
      spare = spareRow(sh, 'URN');
      set(sh, spare, 'URN', '100002');
      set(sh, spare, 'School', 'Demo Hill Academy (again)');
      set(sh, spare, 'Phase', 'Secondary');
      set(sh, spare, 'Type', 'Academy');
      set(sh, spare, 'Partnership', 'South AIP');
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, FILE);
    expect(messages(p)).toContain(
      `${SCHOOLS}!A${spare} — the row says 100002, a school of this workbook, but its hidden row id has been cleared — found a blank id`,
    );
    await refusedToApply(a.t, p, before);
  });

  it('a partnership renamed since the export: its old name is refused by cell, and no school moves', async () => {
    a = await authority();
    const cells: string[] = [];
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh) => {
      const moor = rowWhere(sh, 'URN', '100004');
      set(sh, moor, 'Partnership', 'South AIP');
      // Vale, already in South AIP, carries the old name too.
      cells.push(cellRef(sh, moor, 'Partnership'), cellRef(sh, rowWhere(sh, 'URN', '100003'), 'Partnership'));
    });
    await a.t.ok('savePartnership', { id: a.south.id, name: 'South Area AIP', kind: 'area_inclusion', area: 'South' });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, FILE);
    expect(messages(p)).toEqual(cells.map((c) => `${c} — Partnership must be one of the partnership values in the list — found "South AIP"`));
    await refusedToApply(a.t, p, before);
  });

  it('a Year cell cleared on one row: refused by that cell', async () => {
    a = await authority();
    let cell = '';
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh) => {
      const hill = rowWhere(sh, 'URN', '100002');
      set(sh, hill, 'Year', null);
      set(sh, hill, 'Partnership', 'South AIP');
      cell = cellRef(sh, hill, 'Year');
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.errors.map((e) => `${e.sheet}!${e.cell}`)).toEqual([cell]);
    await refusedToApply(a.t, p, before);
  });

  it('_meta edited to call a schools file school data (kind, sheet and sheet name all changed): refused, nothing written', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh, meta) => {
      meta.getCell(metaRow(meta, 'kind'), 2).value = 'school-data';
      meta.getCell(metaRow(meta, 'sheet'), 2).value = 'School data';
      sh.name = 'School data';
    });
    const before = dumpTables(a.t.sqlite);
    const e = await refusedAtStart(a.t, bytes, before, FILE);
    expect(e.message).toContain(FILE);
    expect(e.message).toContain('no longer lists the columns written');
  });

  it('a column list typed into _meta (the schools workbook writes none) is not believed: the file reads as written', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh, meta) => {
      meta.addRow(['columns', '[]']);
      set(sh, rowWhere(sh, 'URN', '100004'), 'Partnership', 'South AIP');
    });
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.errors).toEqual([]);
    expect(p.notes).toEqual([]);
    await apply(a.t, p);
    expect(await schoolOf(100004)).toMatchObject({ partnershipName: 'South AIP' });
  });

  it('an approved run does not move when its schools move partnership or close through the workbook', async () => {
    a = await authority();
    const pupils = await columnId(a.t, 'pupils');
    const run = await a.t.ok('createRun', {
      year: Y2,
      name: 'Approved',
      formulaPotPence: 10_000_000,
      placeRatePence: 1_000_000,
      factors: [{ name: 'Pupils', weightBp: 10_000, columns: [{ columnId: pupils, weight: 1 }] }],
      places: [{ partnershipId: a.south.id, places: 1 }],
    });
    await a.t.ok('approveRun', { runId: run.id, approvedOn: '2026-12-01', note: 'Forum' });
    const approved = await a.t.ok('getRun', { runId: run.id });
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100003'), 'Partnership', 'North AIP');
      set(sh, rowWhere(sh, 'URN', '100002'), 'Open or closed', 'Closed');
    });
    await apply(a.t, await previewOf(a.t, bytes, FILE));
    expect(await schoolOf(100003)).toMatchObject({ partnershipName: 'North AIP' });
    const after = await a.t.ok('getRun', { runId: run.id });
    expect(after.allocations).toEqual(approved.allocations);
    expect(after).toMatchObject({ locked: true, dataChanged: true });
  });
});
