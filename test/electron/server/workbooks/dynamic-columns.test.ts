/**
 * A workbook kind whose columns are the workspace's own (`columnsFor`): one per data column the
 * user keeps. The export writes the scope's columns and records them in `_meta`; the import reads
 * them back by heading, keeps the three-way comparison when a column is added or removed between
 * export and return, and maps a foreign file's headings onto them.
 */
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportKindBytes } from '../../../../electron/server/workbooks/export-kind';
import { type ApplyPlan, type ColumnDef, forScope, type KindDef, kindInfo } from '../../../../electron/server/workbooks/engine/kind';
import { ImportService } from '../../../../electron/server/workbooks/import-service';
import { KindRegistry } from '../../../../electron/server/workbooks/kinds';
import type { Workspace } from '../../../../electron/server/workspace';
import type { ImportPreview, ImportStart } from '../../../../electron/shared/workbook-types';
import { columnOf, loadWorkbook, saveWorkbook, streamedWorkbook } from '../../../support/workbooks';
import { type TestServer, testServer } from '../../../support/workspace';

interface Store {
  columns: Array<{ key: string; name: string }>;
  rows: Array<{ id: number; code: string; name: string; values: Record<string, number> }>;
}

let store: Store;
let applied: ApplyPlan[];
let t: TestServer;
let ws: Workspace;
let service: ImportService;
afterEach(() => t?.close());

const FIXED: ColumnDef[] = [
  { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
  { field: 'code', header: 'Code', type: 'code', width: 10, editable: false, key: true, aliases: ['ref'] },
  { field: 'name', header: 'Name', type: 'text', width: 20, editable: false },
];
const fieldOf = (key: string) => `n.${key}`;

const dynKind: KindDef<{ group: string }> = {
  kind: 'dyn-test',
  title: 'Dynamic test',
  sheetName: 'Things',
  schemaVersion: 1,
  scope: {
    fields: [{ name: 'group', label: 'Group', input: 'text', required: true }],
    schema: z.strictObject({ group: z.string() }),
    check: () => undefined,
    label: (_ws, s) => `group ${s.group}`,
    locks: () => [],
  },
  keyField: 'code',
  labelField: 'name',
  rowNoun: 'thing',
  canAdd: false,
  addRequires: [],
  spareRows: 0,
  columns: FIXED,
  columnsFor: () => [
    ...FIXED,
    ...store.columns.map(
      (c): ColumnDef => ({
        field: fieldOf(c.key),
        header: c.name,
        type: 'number',
        width: 10,
        editable: true,
        optional: true,
        nonNegative: true,
        aliases: [c.key],
      }),
    ),
  ],
  instructions: ['Type the figures.'],
  hint: 'Figures only.',
  fileName: () => 'things.xlsx',
  load: () => ({
    rows: store.rows.map((r) => ({
      id: r.id,
      values: { code: r.code, name: r.name, ...Object.fromEntries(store.columns.map((c) => [fieldOf(c.key), r.values[c.key] ?? null])) },
    })),
    lists: {},
    subtitle: 'Things',
  }),
  apply: (_rec, _ws, _scope, plan) => {
    applied.push(plan);
    for (const c of plan.changed) {
      const row = store.rows.find((r) => r.id === c.id)!;
      for (const [f, v] of Object.entries(c.values)) row.values[f.slice(2)] = v as number;
    }
  },
  deleteMeans: 'nothing happens',
};

async function setUp() {
  store = {
    columns: [
      { key: 'apples', name: 'Apples' },
      { key: 'pears', name: 'Pears' },
    ],
    rows: [
      { id: 1, code: 'A1', name: 'Alpha', values: { apples: 1, pears: 2 } },
      { id: 2, code: 'B2', name: 'Beta', values: { apples: 3, pears: 4 } },
      { id: 3, code: 'C3', name: 'Gamma', values: { apples: 5 } },
    ],
  };
  applied = [];
  t = await testServer();
  ws = t.server.workspace!;
  service = new ImportService(new KindRegistry([dynKind]));
}

async function exported(): Promise<ExcelJS.Workbook> {
  const f = await exportKindBytes(ws, dynKind, { group: 'G' });
  return loadWorkbook(Buffer.from(f.base64, 'base64'));
}

const cellOf = (sh: ExcelJS.Worksheet, code: string, header: string) => {
  const codeCol = columnOf(sh, 'Code');
  for (let r = 5; r <= sh.rowCount; r++) if (sh.getCell(r, codeCol).value === code) return sh.getCell(r, columnOf(sh, header));
  throw new Error(`no row ${code}`);
};

const start = async (bytes: Buffer, extra: { kind?: string; scope?: Record<string, unknown> } = {}): Promise<ImportStart> =>
  service.start(ws, { source: { fileName: 'returned.xlsx', base64: bytes.toString('base64') }, ...extra });

async function preview(bytes: Buffer): Promise<ImportPreview> {
  const s = await start(bytes);
  if (s.stage !== 'preview') throw new Error(`expected a preview, got ${s.stage}`);
  return s.preview;
}

describe('export', () => {
  it("writes the scope's columns and records them in _meta; the kind's listing keeps its fixed ones", async () => {
    await setUp();
    const wb = await exported();
    const sh = wb.getWorksheet('Things')!;
    expect((sh.getRow(4).values as unknown[]).slice(1)).toEqual(['Row id', 'Code', 'Name', 'Apples', 'Pears']);
    expect(cellOf(sh, 'B2', 'Pears').value).toBe(4);
    expect(cellOf(sh, 'C3', 'Pears').value).toBeNull();
    const meta = wb.getWorksheet('_meta')!;
    const row = [...Array(meta.rowCount).keys()].map((i) => meta.getRow(i + 1)).find((r) => r.getCell(1).value === 'columns')!;
    expect(JSON.parse(String(row.getCell(2).value))).toEqual([
      ['n.apples', 'Apples'],
      ['n.pears', 'Pears'],
    ]);
    expect(kindInfo(dynKind).fields.map((f) => f.field)).toEqual(['id', 'code', 'name']);
  });

  it('refuses, as a fault of the kind, columns whose headings read the same', async () => {
    await setUp();
    store.columns.push({ key: 'apples2', name: 'APPLES.' });
    expect(() => forScope(dynKind, ws, { group: 'G' })).toThrow(/"Apples" and "APPLES\." have headings that read the same/);
    store.columns.pop();
    store.columns.push({ key: 'code', name: 'Code' });
    expect(() => forScope(dynKind, ws, { group: 'G' })).toThrow(/headings that read the same/);
  });
});

describe('import of our own file', () => {
  it('reads a changed figure in a column of the scope and hands it to the kind', async () => {
    await setUp();
    const wb = await exported();
    cellOf(wb.getWorksheet('Things')!, 'B2', 'Pears').value = 40;
    const p = await preview(await saveWorkbook(wb));
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ changed: 1, unchanged: 2 });
    expect(p.rows[0]).toMatchObject({ ref: 'B2', cells: [{ field: 'n.pears', header: 'Pears', old: '4', new: '40' }] });
    service.apply(ws, { importId: p.importId });
    expect(applied[0]!.changed).toEqual([expect.objectContaining({ id: 2, values: { 'n.pears': 40 } })]);
  });

  it('tells a figure changed in the workspace since the export from one changed in the file, column by column', async () => {
    await setUp();
    const wb = await exported();
    // After the export: the workspace changes Alpha's and Beta's pears.
    store.rows[0]!.values.pears = 20;
    store.rows[1]!.values.pears = 30;
    cellOf(wb.getWorksheet('Things')!, 'B2', 'Pears').value = 41;
    const p = await preview(await saveWorkbook(wb));
    // Alpha: only the workspace changed, so the file's stale 2 is not a change. Beta: both, a conflict.
    expect(p.counts).toMatchObject({ changed: 0, conflicts: 1, unchanged: 2 });
    expect(p.rows[0]).toMatchObject({ status: 'conflict', ref: 'B2', cells: [{ old: '30', new: '41' }] });
  });

  it('a column added since the export: no error, a note, and the fingerprints still compare', async () => {
    await setUp();
    const wb = await exported();
    store.columns.push({ key: 'plums', name: 'Plums' });
    store.rows[0]!.values.apples = 10; // the workspace moved on since
    cellOf(wb.getWorksheet('Things')!, 'C3', 'Apples').value = 6;
    const p = await preview(await saveWorkbook(wb));
    expect(p.errors).toEqual([]);
    expect(p.notes).toContain('Added since this file was exported, so not in it and left as they are: Plums.');
    // Alpha's 1 in the file is the stale export, not a change back.
    expect(p.counts).toMatchObject({ changed: 1, conflicts: 0, unchanged: 2 });
    expect(p.rows[0]).toMatchObject({ ref: 'C3', cells: [{ field: 'n.apples', old: '5', new: '6' }] });
  });

  it('a column removed since the export: its figures are not read, and the preview says so', async () => {
    await setUp();
    const wb = await exported();
    store.columns = store.columns.filter((c) => c.key !== 'pears');
    const sh = wb.getWorksheet('Things')!;
    cellOf(sh, 'A1', 'Pears').value = 99;
    cellOf(sh, 'A1', 'Apples').value = 7;
    const p = await preview(await saveWorkbook(wb));
    expect(p.errors).toEqual([]);
    expect(p.notes.join(' ')).toContain('No longer in this workspace, so the file\'s figures under them were not read: "Pears".');
    expect(p.rows).toEqual([expect.objectContaining({ ref: 'A1', cells: [expect.objectContaining({ field: 'n.apples', new: '7' })] })]);
  });

  it('a heading of a column that was written, deleted from the sheet, is refused naming the row', async () => {
    await setUp();
    const wb = await exported();
    const sh = wb.getWorksheet('Things')!;
    sh.getCell(4, columnOf(sh, 'Pears')).value = 'Peaches';
    const p = await preview(await saveWorkbook(wb));
    expect(p.errors.map((e) => e.message)).toEqual(['Things!4:4 — headings must be kept — the column "Pears" is missing']);
    expect(() => service.apply(ws, { importId: p.importId })).toThrow(/1 problem to fix first/);
    expect(applied).toEqual([]);
  });

  it('rebuilds the preview with the columns as they are at apply: one removed meanwhile is not handed to the kind', async () => {
    await setUp();
    const wb = await exported();
    cellOf(wb.getWorksheet('Things')!, 'B2', 'Apples').value = 30;
    const p = await preview(await saveWorkbook(wb));
    store.columns = store.columns.filter((c) => c.key !== 'pears');
    await t.ok('renameWorkspace', { name: 'Somewhere else' });
    service.apply(ws, { importId: p.importId });
    expect(applied.map((a) => a.changed.map((c) => c.values))).toEqual([[{ 'n.apples': 30 }]]);
  });

  it('refuses to apply when the rebuilt preview differs from the one shown', async () => {
    await setUp();
    const wb = await exported();
    cellOf(wb.getWorksheet('Things')!, 'B2', 'Pears').value = 40;
    const p = await preview(await saveWorkbook(wb));
    store.columns = store.columns.filter((c) => c.key !== 'pears');
    await t.ok('renameWorkspace', { name: 'Somewhere else' });
    expect(() => service.apply(ws, { importId: p.importId })).toThrow(/The workspace has changed since this preview was made/);
    expect(applied).toEqual([]);
  });

  it('a _meta whose column list was removed or damaged is refused, naming its cell', async () => {
    await setUp();
    const wb = await exported();
    const meta = wb.getWorksheet('_meta')!;
    const at = [...Array(meta.rowCount).keys()].map((i) => i + 1).find((r) => meta.getCell(r, 1).value === 'columns')!;
    meta.getCell(at, 2).value = '[["n.apples","Apples"],["n.apples","Pears"]]';
    await expect(start(await saveWorkbook(wb))).rejects.toMatchObject({
      code: 'INVALID_FILE',
      details: { issues: [{ sheet: '_meta', cell: `B${at}`, message: `_meta!B${at} — its list of the columns written is damaged` }] },
    });
    meta.spliceRows(at, 1);
    await expect(start(await saveWorkbook(wb))).rejects.toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringContaining('no longer lists the columns written'),
    });
    expect(applied).toEqual([]);
  });
});

describe('a foreign file', () => {
  it("finds the headings under a title, proposes the scope's columns by heading or key, and reads them", async () => {
    await setUp();
    const bytes = await streamedWorkbook((wb) => {
      const sh = wb.addWorksheet('Census');
      sh.addRow(['Census figures, spring']).commit();
      sh.addRow([]).commit();
      sh.addRow(['Ref', 'Thing', 'pears', 'APPLES']).commit();
      sh.addRow(['A1', 'Alpha', 2, 11]).commit();
      sh.addRow(['B2', 'Beta', 'lots', 3]).commit();
      sh.commit();
    });
    const s = await start(bytes, { kind: 'dyn-test', scope: { group: 'G' } });
    if (s.stage !== 'mapping') throw new Error(s.stage);
    expect(s.proposal.headerRow).toBe(3);
    expect(s.proposal.proposed).toEqual({ code: 1, 'n.pears': 3, 'n.apples': 4 });
    expect(s.proposal.fields?.map((f) => f.field)).toEqual(['id', 'code', 'name', 'n.apples', 'n.pears']);
    const p = service.previewMapped(ws, { importId: s.proposal.importId, kind: 'dyn-test', scope: { group: 'G' }, headerRow: 3, columns: s.proposal.proposed });
    expect(p.errors.map((e) => e.message)).toEqual([
      'Census!C5 — Pears must be a number, such as 1250 or 12.5, with at most four decimal places — found "lots"',
    ]);
    expect(p.rows.find((r) => r.ref === 'A1')).toMatchObject({ cells: [{ field: 'n.apples', old: '1', new: '11' }] });
  });

  it('takes a mapping given by heading text and field name, as the command line gives it', async () => {
    await setUp();
    const bytes = await streamedWorkbook((wb) => {
      const sh = wb.addWorksheet('Data');
      sh.addRow(['Code', 'Fruit one', 'Fruit two']).commit();
      sh.addRow(['C3', 8, 9]).commit();
      sh.commit();
    });
    const s = await start(bytes);
    expect(s.stage).toBe('kind');
    const r = await service.start(ws, {
      source: { fileName: 'data.xlsx', base64: bytes.toString('base64') },
      kind: 'dyn-test',
      scope: { group: 'G' },
      map: { Code: 'code', 'Fruit one': 'n.apples', 'Fruit two': 'N.PEARS' },
    });
    if (r.stage !== 'preview') throw new Error(r.stage);
    expect(r.preview.rows.find((x) => x.ref === 'C3')?.cells.map((c) => [c.field, c.new])).toEqual([
      ['n.apples', '8'],
      ['n.pears', '9'],
    ]);
  });
});
