/**
 * The school data workbook: one row per school by URN, one column per data column the
 * workspace keeps (the engine's `columnsFor`). Round tripped, with a column added by the user,
 * and read from a census extract by its headings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../../../../support/workspace';
import { apply, exported, get, metaRow, previewOf, rowWhere, set, tampered } from '../../../recovery/hostile/support';
import { type Authority, authority, foreignWorkbook, Y1, Y2 } from './support';

let a: Authority;
afterEach(() => a?.t.close());

const SHEET = 'School data';
const dataOf = async (year: string, urn: number) => (await a.t.ok('listSchools', { year })).schools.find((s) => s.urn === urn)!.data;
const STANDARD = [
  'Pupils',
  'Free school meals',
  'IDACI band A',
  'IDACI band B',
  'IDACI band C',
  'IDACI band D',
  'IDACI band E',
  'IDACI band F',
  'Low prior attainment',
  'Pupil premium',
];

describe('export', () => {
  it('has a column for every data column, the ones the user added too, with the year’s figures', async () => {
    a = await authority();
    await a.t.ok('saveDataColumn', { key: 'eal', name: 'English as an additional language' });
    const bytes = await exported(a.t, 'school-data', { year: Y2 });
    await tampered(bytes, SHEET, (sh, meta) => {
      expect((sh.getRow(4).values as unknown[]).slice(1)).toEqual([
        'Row id',
        'URN',
        'School',
        'Partnership',
        'Year',
        ...STANDARD,
        'English as an additional language',
      ]);
      const brook = rowWhere(sh, 'URN', '100001');
      expect([get(sh, brook, 'Pupils'), get(sh, brook, 'Free school meals'), get(sh, brook, 'IDACI band A'), get(sh, brook, 'Partnership')]).toEqual([
        210,
        41.5,
        null,
        'North Cluster A',
      ]);
      expect(get(sh, rowWhere(sh, 'URN', '100002'), 'Pupils')).toBe(1180);
      // The totals row sums each column.
      const total = rowWhere(sh, 'URN', 'Total');
      expect(get(sh, total, 'Pupils')).toMatchObject({ result: 1486 });
      const columns = JSON.parse(String(meta.getCell(metaRow(meta, 'columns'), 2).value)) as Array<[string, string]>;
      expect(columns.map(([f]) => f)).toEqual([
        'data.pupils',
        'data.fsm',
        'data.idaci_a',
        'data.idaci_b',
        'data.idaci_c',
        'data.idaci_d',
        'data.idaci_e',
        'data.idaci_f',
        'data.low_prior_attainment',
        'data.pupil_premium',
        'data.eal',
      ]);
    });
    // The kinds' listing shows only the fixed columns: the data columns are the workspace's.
    const info = (await a.t.ok('listKinds', {})).find((k) => k.kind === 'school-data')!;
    expect(info.fields.map((f) => f.field)).toEqual(['id', 'urn', 'name', 'partnership', 'year']);
  });

  it('keeps headings apart when a data column is named like a fixed column or like another', async () => {
    a = await authority();
    await a.t.ok('saveDataColumn', { key: 'school_count', name: 'School' });
    await a.t.ok('saveDataColumn', { key: 'fsm_ever', name: 'Free-school meals' });
    const bytes = await exported(a.t, 'school-data', { year: Y2 });
    await tampered(bytes, SHEET, (sh) => {
      const headings = (sh.getRow(4).values as unknown[]).slice(1);
      expect(headings).toContain('School (school_count)');
      expect(headings).toContain('Free school meals (fsm)');
      expect(headings).toContain('Free-school meals (fsm_ever)');
    });
  });
});

describe('round trip', () => {
  it('changes, adds and clears figures, to four decimal places, in the year exported only', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), SHEET, (sh) => {
      const brook = rowWhere(sh, 'URN', '100001');
      set(sh, brook, 'Pupils', 212);
      set(sh, brook, 'Free school meals', null);
      set(sh, brook, 'IDACI band A', 12.3456);
      set(sh, rowWhere(sh, 'URN', '100004'), 'Pupils', '1,024.5');
    });
    const p = await previewOf(a.t, bytes, 'School data 2026-27.xlsx');
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ changed: 2, unchanged: 2 });
    expect(p.rows.find((r) => r.ref === '100001')?.cells).toEqual([
      { field: 'data.pupils', header: 'Pupils', old: '210', new: '212' },
      { field: 'data.fsm', header: 'Free school meals', old: '41.5', new: '(blank)' },
      { field: 'data.idaci_a', header: 'IDACI band A', old: '(blank)', new: '12.3456' },
    ]);
    await apply(a.t, p);
    expect(await dataOf(Y2, 100001)).toEqual({ pupils: 212, idaci_a: 12.3456 });
    expect(await dataOf(Y2, 100004)).toEqual({ pupils: 1024.5 });
    expect(await dataOf(Y1, 100001)).toEqual({ pupils: 205 });
    // One audited batch, undone as one.
    const [batch] = await a.t.ok('listImportBatches', {});
    expect(batch).toMatchObject({ kind: 'school-data', changed: 2, scopeLabel: `School data for ${Y2}` });
    await a.t.ok('revertImportBatch', { batchId: batch!.id });
    expect(await dataOf(Y2, 100001)).toEqual({ pupils: 210, fsm: 41.5 });
  });

  it('a data column added after the export is left as it is; the others still import', async () => {
    a = await authority();
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), SHEET, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100003'), 'Pupils', 100);
    });
    await a.t.ok('saveDataColumn', { key: 'eal', name: 'EAL' });
    const p = await previewOf(a.t, bytes);
    expect(p.errors).toEqual([]);
    expect(p.notes).toContain('Added since this file was exported, so not in it and left as they are: EAL.');
    await apply(a.t, p);
    expect(await dataOf(Y2, 100003)).toEqual({ pupils: 100 });
  });

  it('a figure changed in the workspace since the export is not undone by the stale file', async () => {
    a = await authority();
    const pupils = (await a.t.ok('listDataColumns', {})).find((c) => c.key === 'pupils')!.id;
    const bytes = await tampered(await exported(a.t, 'school-data', { year: Y2 }), SHEET, (sh) => {
      set(sh, rowWhere(sh, 'URN', '100003'), 'Pupils', 100);
    });
    await a.t.ok('setSchoolData', { year: Y2, schoolId: a.brook.id, values: { [pupils]: 230 } });
    const p = await previewOf(a.t, bytes);
    expect(p.counts).toMatchObject({ changed: 1, conflicts: 0 });
    await apply(a.t, p);
    expect((await dataOf(Y2, 100001)).pupils).toBe(230);
  });
});

describe('a census extract', () => {
  it('is mapped by its headings (the DfE’s among them) and matched on URN', async () => {
    a = await authority();
    const bytes = await foreignWorkbook(
      'Census',
      [
        ['URN', 'School name', 'NumberOfPupils', 'FSM', 'idaci_b', 'Notes'],
        [100002, 'Demo Hill Academy', 1175, 199, 14, 'checked'],
        [100001, 'Demo Brook Primary', 210, 42, null, ''],
      ],
      [['Spring census 2026: pupils by school'], []],
    );
    const start = await a.t.ok('importFile', {
      source: { fileName: 'census.xlsx', base64: bytes.toString('base64') },
      kind: 'school-data',
      scope: { year: Y2 },
    });
    if (start.stage !== 'mapping') throw new Error(start.stage);
    expect(start.proposal.headerRow).toBe(3);
    expect(start.proposal.proposed).toEqual({ urn: 1, 'data.pupils': 3, 'data.fsm': 4, 'data.idaci_b': 5 });
    expect(start.proposal.fields?.filter((f) => f.editable).map((f) => f.header)).toEqual(STANDARD);
    const p = await a.t.ok('previewMapped', {
      importId: start.proposal.importId,
      kind: 'school-data',
      scope: { year: Y2 },
      headerRow: 3,
      columns: start.proposal.proposed,
    });
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ changed: 2, missing: 2 });
    await apply(a.t, p);
    expect(await dataOf(Y2, 100002)).toEqual({ pupils: 1175, fsm: 199, idaci_b: 14 });
    expect(await dataOf(Y2, 100001)).toEqual({ pupils: 210, fsm: 42 });
    // Schools not in the file keep their figures unless asked.
    expect(await dataOf(Y2, 100003)).toEqual({ pupils: 96 });
  });

  it('with "remove rows missing from the file", clears the figures of the schools it leaves out', async () => {
    a = await authority();
    const bytes = await foreignWorkbook('Sheet1', [
      ['URN', 'Pupils'],
      [100001, 211],
    ]);
    const start = await a.t.ok('importFile', {
      source: { fileName: 'pupils.xlsx', base64: bytes.toString('base64') },
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
    expect(dumpTables(a.t.sqlite)).toEqual(before);
    await apply(a.t, p, { deleteMissing: true });
    expect(await dataOf(Y2, 100001)).toEqual({ pupils: 211, fsm: 41.5 });
    expect(await dataOf(Y2, 100002)).toEqual({});
    expect(await dataOf(Y1, 100001)).toEqual({ pupils: 205 });
  });
});
