/**
 * The school workbooks attacked as a hostile (or careless) user would: hidden ids moved, `_meta`
 * edited to name another year or to drop its column list, URNs duplicated, unknown or typed
 * over, negative figures, text in number cells. Each lands on exactly the right school, or is
 * refused naming the file, the sheet, the cell and the rule, with nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../../../../support/workspace';
import {
  apply,
  cellRef,
  copyRow,
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
} from '../../../recovery/hostile/support';
import { type Authority, authority, foreignWorkbook, Y1, Y2 } from './support';

let a: Authority;
afterEach(() => a?.t.close());

const DATA = 'School data';
const SCHOOLS = 'Schools';
const dataOf = async (year: string, urn: number) => (await a.t.ok('listSchools', { year })).schools.find((s) => s.urn === urn)!;

describe('school data', () => {
  it('hidden ids swapped between two rows: each figure lands on the school its URN names', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      const brook = rowWhere(sh, 'URN', '100001');
      const hill = rowWhere(sh, 'URN', '100002');
      sh.getCell(brook, 1).value = a.hill.id;
      sh.getCell(hill, 1).value = a.brook.id;
      set(sh, brook, 'Pupils', 215);
    });
    const p = await previewOf(a.t, bytes);
    expect(p.errors).toEqual([]);
    expect(p.matchedBy).toBe('key');
    await apply(a.t, p, { confirmFlags: true });
    expect((await dataOf(Y2, 100001)).data.pupils).toBe(215);
    expect((await dataOf(Y2, 100002)).data.pupils).toBe(1180);
  });

  it('a hidden id typed over on a row whose URN was also typed over is refused, naming the cell', async () => {
    a = await authority();
    let at = '';
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      const brook = rowWhere(sh, 'URN', '100001');
      sh.getCell(brook, 1).value = 999;
      set(sh, brook, 'URN', '100002');
      set(sh, brook, 'Pupils', 1);
      at = `${DATA}!A${brook}`;
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, 'School data 2026-27.xlsx');
    expect(messages(p)).toContain(
      `${at} — the hidden row id is not one of the schools this workbook was exported with — found id 999 on a row that says 100002`,
    );
    await refusedToApply(a.t, p, before);
  });

  it('_meta edited to name another year: the rows say which year they are for, so nothing is applied', async () => {
    a = await authority();
    let yearCell = '';
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.year'), 2).value = Y1;
      const brook = rowWhere(sh, 'URN', '100001');
      set(sh, brook, 'Pupils', 999);
      yearCell = cellRef(sh, brook, 'Year');
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, 'School data 2026-27.xlsx');
    expect(messages(p)).toContain(
      `${yearCell} — every row must be for ${Y1}, the year this workbook is being imported for; the workbook's hidden _meta sheet and its rows disagree, so nothing is applied. Export the school data for the year you mean — found "${Y2}"`,
    );
    expect(p.errors).toHaveLength(4);
    await refusedToApply(a.t, p, before);
  });

  it('_meta edited to a year the workspace does not hold, or its column list removed, is refused at once naming the sheet', async () => {
    a = await authority();
    const base = await exported(a.t, 'school-data', { year: Y2 });
    const before = dumpTables(a.t.sqlite);
    let yearRow = 0;
    const noYear = await tampered(base, DATA, (_sh, meta) => {
      yearRow = metaRow(meta, 'scope.year');
      meta.getCell(yearRow, 2).value = '2031-32';
    });
    const e1 = await refusedAtStart(a.t, noYear, before, 'School data 2026-27.xlsx');
    expect(e1.message).toContain('School data 2026-27.xlsx');
    expect(e1.details?.issues).toEqual([
      expect.objectContaining({ sheet: '_meta', cell: `B${yearRow}`, message: expect.stringContaining('the year 2031-32 does not exist') }),
    ]);
    const noColumns = await tampered(base, DATA, (_sh, meta) => {
      meta.spliceRows(metaRow(meta, 'columns'), 1);
    });
    const e2 = await refusedAtStart(a.t, noColumns, before, 'School data 2026-27.xlsx');
    expect(e2.message).toContain("School data 2026-27.xlsx's hidden _meta sheet has been changed (it no longer lists the columns written");
    const damaged = await tampered(base, DATA, (_sh, meta) => {
      meta.getCell(metaRow(meta, 'columns'), 2).value = 'pupils, fsm';
    });
    const e3 = await refusedAtStart(a.t, damaged, before);
    expect(e3.details?.issues?.[0]?.message).toMatch(/^_meta!B\d+ — its list of the columns written is damaged$/);
  });

  it('a row duplicated refuses the file, naming the second copy', async () => {
    a = await authority();
    let vale = 0;
    let moor = 0;
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      vale = rowWhere(sh, 'URN', '100003');
      moor = rowWhere(sh, 'URN', '100004');
      copyRow(sh, vale, sh, moor);
      set(sh, moor, 'Pupils', 97);
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, 'School data 2026-27.xlsx');
    const [first, second] = [Math.min(vale, moor), Math.max(vale, moor)];
    expect(messages(p)).toEqual([`${DATA}!A${second} — each school may appear once; it is already on row ${first} — found ${a.vale.id}`]);
    await refusedToApply(a.t, p, before);
  });

  it('negative figures, text, dates and five decimal places in number cells: each refused by its cell', async () => {
    a = await authority();
    const at: Record<string, string> = {};
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      const brook = rowWhere(sh, 'URN', '100001');
      const hill = rowWhere(sh, 'URN', '100002');
      set(sh, brook, 'Pupils', -210);
      at.negative = cellRef(sh, brook, 'Pupils');
      set(sh, brook, 'Free school meals', 'forty');
      at.text = cellRef(sh, brook, 'Free school meals');
      set(sh, hill, 'IDACI band C', '1.23456');
      at.places = cellRef(sh, hill, 'IDACI band C');
      set(sh, hill, 'Pupil premium', new Date('2026-01-01T00:00:00Z'));
      at.date = cellRef(sh, hill, 'Pupil premium');
      // As Excel formats a cell a date is typed into; a style of its own, as exceljs shares one between cells.
      const cell = sh.getCell(at.date.split('!')[1]!);
      cell.style = { ...cell.style, numFmt: 'dd/mm/yyyy' };
      set(sh, hill, 'Pupils', 2_000_000_000);
      at.big = cellRef(sh, hill, 'Pupils');
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, 'School data 2026-27.xlsx');
    expect(messages(p)).toEqual([
      `${at.negative} — Pupils must not be negative — found -210`,
      `${at.text} — Free school meals must be a number, such as 1250 or 12.5, with at most four decimal places — found "forty"`,
      `${at.big} — Pupils must be at most 1,000,000,000 — found 2000000000`,
      `${at.places} — IDACI band C must be a number, such as 1250 or 12.5, with at most four decimal places — found "1.23456"`,
      `${at.date} — Pupil premium must be a number, not a date — found 01/01/2026`,
    ]);
    const r = await refusedToApply(a.t, p, before);
    expect(r.message).toBe('School data 2026-27.xlsx has 5 problems to fix first; nothing was changed.');
  });

  it('a foreign file: every unknown URN listed by row, a duplicated URN and a malformed one named, nothing written', async () => {
    a = await authority();
    const bytes = await foreignWorkbook('Census', [
      ['URN', 'Pupils'],
      [100001, 215],
      [999991, 40],
      [100002, 1190],
      [999992, 41],
      [100001, 216],
      ['10003', 5],
    ]);
    const start = await a.t.ok('importFile', {
      source: { fileName: 'census.xlsx', base64: bytes.toString('base64') },
      kind: 'school-data',
      scope: { year: Y2 },
    });
    if (start.stage !== 'mapping') throw new Error(start.stage);
    const before = dumpTables(a.t.sqlite);
    const p = await a.t.ok('previewMapped', {
      importId: start.proposal.importId,
      kind: 'school-data',
      scope: { year: Y2 },
      headerRow: 1,
      columns: start.proposal.proposed,
    });
    const unknown = 'must be the URN of a school in this workspace: add the school first (the Schools screen, or the schools workbook), or take the row out';
    expect(messages(p)).toEqual([
      `Census!A3 — ${unknown} — found "999991"`,
      `Census!A5 — ${unknown} — found "999992"`,
      'Census!A7 — URN must be the six-digit unique reference number the DfE gives the school (100000 to 999999) — found "10003"',
      'Census!A6 — each school may appear once; it is already on row 2 — found "100001"',
    ]);
    const r = await refusedToApply(a.t, p, before);
    expect(r.message).toBe('census.xlsx has 4 problems to fix first; nothing was changed.');
    expect(r.details?.issues?.map((i) => [i.sheet, i.cell])).toEqual([
      ['Census', 'A3'],
      ['Census', 'A5'],
      ['Census', 'A7'],
      ['Census', 'A6'],
    ]);
  });
});

describe('schools', () => {
  it('hidden ids swapped: each change lands on the school its URN names', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh) => {
      const brook = rowWhere(sh, 'URN', '100001');
      const vale = rowWhere(sh, 'URN', '100003');
      sh.getCell(brook, 1).value = a.vale.id;
      sh.getCell(vale, 1).value = a.brook.id;
      set(sh, vale, 'Partnership', 'North AIP');
    });
    const p = await previewOf(a.t, bytes);
    expect(p.errors).toEqual([]);
    expect(p.matchedBy).toBe('key');
    await apply(a.t, p, { confirmFlags: true });
    expect(await dataOf(Y2, 100003)).toMatchObject({ name: 'Demo Vale Special', partnershipName: 'North AIP' });
    expect(await dataOf(Y2, 100001)).toMatchObject({ name: 'Demo Brook Primary', partnershipName: 'North Cluster A' });
  });

  it("an existing school's URN typed over is refused: a URN names the school, so it is not renamed", async () => {
    a = await authority();
    let cell = '';
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh) => {
      const brook = rowWhere(sh, 'URN', '100001');
      set(sh, brook, 'URN', '100099');
      cell = cellRef(sh, brook, 'URN');
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, 'Schools 2026-27.xlsx');
    expect(messages(p)).toEqual([
      `${cell} — a school's URN is not changed in the workbook: this row is Demo Brook Primary, URN 100001. If the school has a new URN, add it as a new school in a spare row — found "100099"`,
    ]);
    await refusedToApply(a.t, p, before);
  });

  it('_meta edited to the other year: refused by every Year cell, so no membership moves between years', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.year'), 2).value = Y1;
      set(sh, rowWhere(sh, 'URN', '100002'), 'Partnership', 'South AIP');
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes);
    expect(p.scope).toEqual({ year: Y1 });
    expect(p.errors).toHaveLength(4);
    expect(messages(p)[0]).toMatch(/^Schools!H5 — every row must be for 2025-26, the year this workbook is being imported for/);
    await refusedToApply(a.t, p, before);
  });

  it('new schools in the spare rows: a repeated URN, a malformed one, a bad date, a note without a decision, an unknown partnership', async () => {
    a = await authority();
    const at: Record<string, string> = {};
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh) => {
      const s1 = spareRow(sh, 'URN');
      const fill = (row: number, urn: unknown, name: string) => {
        set(sh, row, 'URN', urn as string);
        set(sh, row, 'School', name);
        set(sh, row, 'Phase', 'Primary');
        set(sh, row, 'Type', 'Maintained');
        set(sh, row, 'Open or closed', 'Open');
      };
      fill(s1, 140001, 'Demo One');
      fill(s1 + 1, 140001, 'Demo One again');
      at.repeat = cellRef(sh, s1 + 1, 'URN');
      fill(s1 + 2, 'ABC123', 'Demo Letters');
      at.malformed = cellRef(sh, s1 + 2, 'URN');
      fill(s1 + 3, -140003, 'Demo Negative');
      at.negative = cellRef(sh, s1 + 3, 'URN');
      set(sh, s1 + 3, 'Decision date', 'soon');
      at.date = cellRef(sh, s1 + 3, 'Decision date');
      const vale = rowWhere(sh, 'URN', '100003');
      set(sh, vale, 'Buy-in note', 'Governors said yes in the corridor');
      at.note = cellRef(sh, vale, 'Buy-in');
      set(sh, rowWhere(sh, 'URN', '100004'), 'Partnership', 'West AIP');
      at.partnership = cellRef(sh, rowWhere(sh, 'URN', '100004'), 'Partnership');
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, 'Schools 2026-27.xlsx');
    const urnRule = 'URN must be the six-digit unique reference number the DfE gives the school (100000 to 999999)';
    expect(messages(p)).toEqual([
      `${at.partnership} — Partnership must be one of the partnership values in the list — found "West AIP"`,
      `${at.date} — Decision date must be a date written dd/mm/yyyy — found "soon"`,
      `${at.note} — a decision date or note needs a buy-in decision: choose Bought in, Yet to decide or Leaving — found a blank buy-in decision`,
      `${at.repeat} — each school may appear once; URN 140001 is already on row ${Number(at.repeat!.replace(/\D/g, '')) - 1} — found "140001"`,
      `${at.malformed} — ${urnRule} — found "ABC123"`,
      `${at.negative} — ${urnRule} — found "-140003"`,
    ]);
    await refusedToApply(a.t, p, before);
  });

  it('a row duplicated refuses the file; nothing moves', async () => {
    a = await authority();
    let hill = 0;
    let copyAt = 0;
    const bytes = await tampered(await exported(a.t, 'schools', { year: Y2 }), SCHOOLS, (sh) => {
      hill = rowWhere(sh, 'URN', '100002');
      copyAt = spareRow(sh, 'URN');
      copyRow(sh, hill, sh, copyAt);
      set(sh, copyAt, 'Partnership', 'South AIP');
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes);
    expect(messages(p)).toEqual([`${SCHOOLS}!A${copyAt} — each school may appear once; it is already on row ${hill} — found ${a.hill.id}`]);
    await refusedToApply(a.t, p, before);
  });
});
