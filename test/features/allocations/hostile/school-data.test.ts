/**
 * The school data workbook against what the existing hostile tests (schools/kinds/hostile.test.ts)
 * leave out: data columns renamed, deleted or re-made between export and return, `_meta`'s
 * column list and kind edited, rows sorted without the hidden ids, a URN typed over, figures of
 * every wrong type, a stale file, and a run approved on the data. Each lands on exactly the right
 * school and column, or is refused naming the file, sheet, cell and rule with nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { columnOf, loadWorkbook } from '../../../support/workbooks';
import { dumpTables } from '../../../support/workspace';
import {
  apply,
  cellRef,
  exported,
  get,
  messages,
  metaRow,
  previewOf,
  refusedAtStart,
  refusedToApply,
  rowWhere,
  set,
  tampered,
} from '../../recovery/hostile/support';
import { columnId } from '../schools/fixture';
import { type Authority, authority, Y2 } from '../schools/kinds/support';

let a: Authority;
afterEach(() => a?.t.close());

const DATA = 'School data';
const FILE = 'School data 2026-27.xlsx';
const dataOf = async (urn: number) => (await a.t.ok('listSchools', { year: Y2 })).schools.find((s) => s.urn === urn)!.data;
const rename = async (key: string, name: string) => a.t.ok('saveDataColumn', { id: await columnId(a.t, key), key, name });

describe('school data columns changed between export and return', () => {
  it('two columns whose names were swapped since the export: refused, so no figure lands in the other column', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100001'), 'Pupils', 215);
    });
    await rename('fsm', 'Swapping');
    await rename('pupils', 'Free school meals');
    await rename('fsm', 'Pupils');
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, FILE);
    const sh = (await loadWorkbook(bytes)).getWorksheet(DATA)!;
    const [pupilsAt, fsmAt] = [cellRef(sh, 4, 'Pupils'), cellRef(sh, 4, 'Free school meals')];
    expect(messages(p)).toEqual([
      `${pupilsAt} — each column must be read as it was exported — the column headed "Pupils" in this file holds the figures of the column now called "Free school meals", and "Pupils" is now another column's heading: columns have been renamed in this workspace since the file was exported (or its hidden _meta sheet edited). Export a fresh copy and copy your figures into it`,
      `${fsmAt} — each column must be read as it was exported — the column headed "Free school meals" in this file holds the figures of the column now called "Pupils", and "Free school meals" is now another column's heading: columns have been renamed in this workspace since the file was exported (or its hidden _meta sheet edited). Export a fresh copy and copy your figures into it`,
    ]);
    await refusedToApply(a.t, p, before);
  });

  it('a column renamed since the export is read under its old heading, into the same column', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100002'), 'Free school meals', 210.25);
    });
    await rename('fsm', 'FSM (October census)');
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.errors).toEqual([]);
    expect(p.notes).toContain('Renamed since this file was exported, so read under the heading it had then: "Free school meals" (now "FSM (October census)").');
    expect(p.rows.map((r) => [r.ref, r.cells.map((c) => [c.header, c.old, c.new])])).toEqual([['100002', [['FSM (October census)', '203', '210.25']]]]);
    await apply(a.t, p);
    expect(await dataOf(100002)).toMatchObject({ pupils: 1180, fsm: 210.25 });
  });

  it("a column deleted and another made with its name: the old column's figures are not read into the new one", async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100001'), 'Low prior attainment', 12);
      set(sh, rowWhere(sh, 'URN', '100001'), 'Pupils', 211);
    });
    await a.t.ok('deleteDataColumn', { id: await columnId(a.t, 'low_prior_attainment') });
    await a.t.ok('saveDataColumn', { key: 'lpa_ks2', name: 'Low prior attainment' });
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.errors).toEqual([]);
    expect(p.notes.join(' ')).toContain('Added since this file was exported');
    expect(p.rows.map((r) => [r.ref, r.cells.map((c) => [c.field, c.new])])).toEqual([['100001', [['data.pupils', '211']]]]);
    await apply(a.t, p);
    expect(await dataOf(100001)).toEqual({ pupils: 211, fsm: 41.5 });
  });

  it("_meta's column list edited to swap two headings: refused, naming the heading row", async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh, meta) => {
      const at = metaRow(meta, 'columns');
      const list = JSON.parse(String(meta.getCell(at, 2).value)) as Array<[string, string]>;
      meta.getCell(at, 2).value = JSON.stringify(list.map(([f, h]) => [f, h === 'Pupils' ? 'Free school meals' : h === 'Free school meals' ? 'Pupils' : h]));
      set(sh, rowWhere(sh, 'URN', '100001'), 'Pupils', 999);
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, FILE);
    const sh = (await loadWorkbook(bytes)).getWorksheet(DATA)!;
    // Each named at the heading `_meta` claims for it: Pupils's figures under "Free school meals", and the other way.
    expect(p.errors.map((e) => [`${e.sheet}!${e.cell}`, e.rule])).toEqual([
      [cellRef(sh, 4, 'Free school meals'), 'each column must be read as it was exported'],
      [cellRef(sh, 4, 'Pupils'), 'each column must be read as it was exported'],
    ]);
    await refusedToApply(a.t, p, before);
  });
  it("a data column whose every fallback heading is another column's name: the export does not fail, and figures land right", async () => {
    a = await authority();
    const last = await a.t.ok('saveDataColumn', { key: 'school_n', name: 'School', sortOrder: 9000 });
    await a.t.ok('saveDataColumn', { key: 'taken_one', name: 'School (school_n)', sortOrder: 8000 });
    await a.t.ok('saveDataColumn', { key: 'taken_two', name: `School (column ${last.id})`, sortOrder: 8001 });
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      const headings = (sh.getRow(4).values as unknown[]).slice(1) as string[];
      const mine = headings.filter((h) => h.startsWith('School ('));
      expect(new Set(mine).size).toBe(3);
      const brook = rowWhere(sh, 'URN', '100001');
      set(sh, brook, 'School (school_n)', 1);
      set(sh, brook, `School (column ${last.id})`, 2);
      set(sh, brook, mine[2]!, 3);
    });
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.errors).toEqual([]);
    await apply(a.t, p);
    expect(await dataOf(100001)).toEqual({ pupils: 210, fsm: 41.5, taken_one: 1, taken_two: 2, school_n: 3 });
  });

  it('data columns named like the fixed columns (URN, Year, School): distinct headings, and each figure lands in its own column', async () => {
    a = await authority();
    for (const [key, name] of [
      ['urn_count', 'URN'],
      ['year_group', 'Year'],
      ['school_count', 'School'],
    ]) {
      await a.t.ok('saveDataColumn', { key, name });
    }
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      const brook = rowWhere(sh, 'URN', '100001');
      set(sh, brook, 'URN (urn_count)', 1);
      set(sh, brook, 'Year (year_group)', 2);
      set(sh, brook, 'School (school_count)', 3);
      expect(get(sh, brook, 'Year')).toBe(Y2);
    });
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.errors).toEqual([]);
    await apply(a.t, p);
    expect(await dataOf(100001)).toEqual({ pupils: 210, fsm: 41.5, urn_count: 1, year_group: 2, school_count: 3 });
  });
});

describe('school data rows and figures', () => {
  it('rows sorted by a figure without the hidden id column: each figure still lands on the school its URN names', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      // Sorted over the visible columns only: every visible cell moves, column A stays.
      const rows = [5, 6, 7, 8];
      const cols = [...Array(sh.columnCount - 1).keys()].map((i) => i + 2);
      const cells = rows.map((r) => cols.map((c) => sh.getCell(r, c).value));
      const order = [3, 2, 1, 0];
      rows.forEach((r, i) => {
        cols.forEach((c, j) => {
          sh.getCell(r, c).value = cells[order[i]!]![j]!;
        });
      });
      set(sh, rowWhere(sh, 'URN', '100004'), 'Pupils', 12);
    });
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.errors).toEqual([]);
    expect(p.matchedBy).toBe('key');
    expect(p.flags.map((f) => f.code)).toEqual(['matched-by-key']);
    expect(p.rows.map((r) => [r.ref, r.cells.map((c) => [c.field, c.new])])).toEqual([['100004', [['data.pupils', '12']]]]);
    await apply(a.t, p, { confirmFlags: true });
    expect([await dataOf(100001), await dataOf(100002), await dataOf(100003), await dataOf(100004)]).toEqual([
      { pupils: 210, fsm: 41.5 },
      { pupils: 1180, fsm: 203 },
      { pupils: 96 },
      { pupils: 12 },
    ]);
  });

  it("a URN typed over with another school's, whose own row is still there: refused naming the id cell", async () => {
    a = await authority();
    let at = 0;
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      at = rowWhere(sh, 'URN', '100003');
      set(sh, at, 'URN', '100002');
      set(sh, at, 'Pupils', 1);
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.errors.map((e) => [e.sheet, e.cell])).toContainEqual([DATA, `A${at}`]);
    expect(messages(p)).toContain(`${DATA}!A${at} — the row says 100002, but its hidden id belongs to school 100003 — found id ${a.vale.id}`);
    await refusedToApply(a.t, p, before);
  });

  it('TRUE, a huge figure and a figure in text with thousands commas: refused or read, cell by cell', async () => {
    a = await authority();
    const at: Record<string, string> = {};
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      const brook = rowWhere(sh, 'URN', '100001');
      const hill = rowWhere(sh, 'URN', '100002');
      set(sh, brook, 'Pupils', true);
      at.bool = cellRef(sh, brook, 'Pupils');
      set(sh, brook, 'Free school meals', 1e300);
      at.huge = cellRef(sh, brook, 'Free school meals');
      set(sh, hill, 'Free school meals', '-0.5');
      at.negText = cellRef(sh, hill, 'Free school meals');
    });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, FILE);
    expect(messages(p)).toEqual([
      `${at.bool} — Pupils must be a number — found TRUE`,
      `${at.huge} — Free school meals is too large a number — found 1e+300`,
      `${at.negText} — Free school meals must not be negative — found "-0.5"`,
    ]);
    await refusedToApply(a.t, p, before);

    const fine = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100002'), 'Pupils', '1,250.5');
      set(sh, rowWhere(sh, 'URN', '100003'), 'Pupils', 0);
    });
    const ok = await previewOf(a.t, fine, FILE);
    expect(ok.errors).toEqual([]);
    await apply(a.t, ok);
    expect((await dataOf(100002)).pupils).toBe(1250.5);
    expect((await dataOf(100003)).pupils).toBe(0);
  });

  it('a figure with five decimal places typed as a number is kept to the four the formula reads', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100002'), 'Free school meals', 203.12345);
    });
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.rows[0]!.cells).toEqual([expect.objectContaining({ old: '203', new: '203.1235' })]);
    await apply(a.t, p);
    expect((await dataOf(100002)).fsm).toBe(203.1235);
  });

  it('a stale file: a figure changed in the workspace since the export is kept, one changed in both is a conflict', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100002'), 'Pupils', 1190);
      set(sh, rowWhere(sh, 'URN', '100003'), 'Pupils', 97);
    });
    const pupils = await columnId(a.t, 'pupils');
    const fsm = await columnId(a.t, 'fsm');
    await a.t.ok('setSchoolData', { year: Y2, schoolId: a.brook.id, values: { [fsm]: 44 } });
    await a.t.ok('setSchoolData', { year: Y2, schoolId: a.vale.id, values: { [pupils]: 98 } });
    const before = dumpTables(a.t.sqlite);
    const p = await previewOf(a.t, bytes, FILE);
    expect(p.counts).toMatchObject({ changed: 1, conflicts: 1 });
    expect(p.rows.map((r) => [r.ref, r.status])).toEqual([
      ['100002', 'changed'],
      ['100003', 'conflict'],
    ]);
    const r = await a.t.refused('applyImport', { importId: p.importId });
    expect(r.code).toBe('CONFLICT');
    expect(dumpTables(a.t.sqlite)).toEqual(before);
    await apply(a.t, p, { resolutions: { [String(a.vale.id)]: 'db' } });
    expect([await dataOf(100001), await dataOf(100002), await dataOf(100003)]).toEqual([{ pupils: 210, fsm: 44 }, { pupils: 1190, fsm: 203 }, { pupils: 98 }]);
  });

  it('_meta naming another kind is refused at once, naming its cell', async () => {
    a = await authority();
    const base = await exported(a.t, 'school-data', { year: Y2 });
    const before = dumpTables(a.t.sqlite);
    let kindRow = 0;
    const asSchools = await tampered(base, DATA, (_sh, meta) => {
      kindRow = metaRow(meta, 'kind');
      meta.getCell(kindRow, 2).value = 'schools';
    });
    const e = await refusedAtStart(a.t, asSchools, before, FILE);
    expect(e.message).toContain(FILE);
    expect(e.details?.issues?.[0]).toMatchObject({ sheet: '_meta', cell: `B${metaRow(await metaOf(asSchools), 'sheet')}` });
    // Kind and sheet both edited, consistently: the sheet it names is not there.
    const both = await tampered(base, DATA, (_sh, meta) => {
      meta.getCell(metaRow(meta, 'kind'), 2).value = 'schools';
      meta.getCell(metaRow(meta, 'sheet'), 2).value = 'Schools';
    });
    expect((await refusedAtStart(a.t, both, before, FILE)).message).toBe(
      `${FILE} has no sheet named "Schools". Sheets must keep the names HNB Desk gave them.`,
    );
    const unknown = await tampered(base, DATA, (_sh, meta) => {
      meta.getCell(metaRow(meta, 'kind'), 2).value = 'school-data-v9';
    });
    expect((await refusedAtStart(a.t, unknown, before, FILE)).details?.issues?.[0]).toMatchObject({ sheet: '_meta', cell: `B${kindRow}` });
  });

  it('an approved run does not move when the data it was worked on is imported over', async () => {
    a = await authority();
    const pupils = await columnId(a.t, 'pupils');
    const run = await a.t.ok('createRun', {
      year: Y2,
      name: 'Approved',
      formulaPotPence: 10_000_000,
      placeRatePence: 0,
      factors: [{ name: 'Pupils', weightBp: 10_000, columns: [{ columnId: pupils, weight: 1 }] }],
      places: [],
    });
    await a.t.ok('approveRun', { runId: run.id, approvedOn: '2026-12-01', note: 'Forum' });
    const approved = await a.t.ok('getRun', { runId: run.id });
    const snapshot = () => ({
      partnerships: dumpTables(a.t.sqlite).allocation_run_partnership,
      data: dumpTables(a.t.sqlite).allocation_run_data,
    });
    const kept = snapshot();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), DATA, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100003'), 'Pupils', 960);
      expect(get(sh, rowWhere(sh, 'URN', '100003'), 'Year')).toBe(Y2);
      expect(columnOf(sh, 'Pupils')).toBeGreaterThan(1);
    });
    await apply(a.t, await previewOf(a.t, bytes, FILE));
    expect((await dataOf(100003)).pupils).toBe(960);
    const after = await a.t.ok('getRun', { runId: run.id });
    expect(after.allocations).toEqual(approved.allocations);
    expect(after.dataChanged).toBe(true);
    expect(snapshot()).toEqual(kept);
  });
});

const metaOf = async (bytes: Buffer) => (await loadWorkbook(bytes)).getWorksheet('_meta')!;
