/**
 * The register's workbooks round trip as the monitoring return does: export, edit in Excel
 * (exceljs here), preview, apply. Every hostile file is refused with its sheet, cell and rule
 * named, and the database is unchanged table by table.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../../electron/shared/workbook-types';
import { columnOf, exportBytes, importBytes, loadWorkbook, previewOf, saveWorkbook } from '../../../support/workbooks';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { attachToPlan, projectOf, workstreamOf } from './support';

let t: TestServer;
afterEach(() => t?.close());

const NOW = () => new Date('2026-03-01T12:00:00Z');
const YEAR = '2026-27';

function rowOf(sh: ExcelJS.Worksheet, keyHeader: string, key: string): number {
  const col = columnOf(sh, keyHeader);
  for (let r = 5; r <= sh.rowCount; r++) if (sh.getRow(r).getCell(col).value === key) return r;
  throw new Error(`no row for ${key}`);
}

/** A register of three projects in two workstreams; P01 in a plan running 2026-27 to 2030-31. */
async function register() {
  t = await testServer({ now: NOW });
  const ws1 = await workstreamOf(t, 'WS1', 'Inclusion in mainstream');
  const ws2 = await workstreamOf(t, 'WS2', 'Specialist places');
  const p1 = await projectOf(t, ws1, 'P01', { name: 'Panel redesign', owner: 'J Smith', approvedBudgetPence: 6_500_000, spendToDatePence: 1_000_000 });
  const p2 = await projectOf(t, ws1, 'P02', { name: 'Inclusion co-ordinator', fundingSource: 'forum_allocation' });
  const p3 = await projectOf(t, ws2, 'P03', { name: 'Resourced provision', fundingSource: 'council' });
  await t.ok('recordRag', { projectId: p1.id, rag: 'green', reason: 'On track', asOf: '2026-01-10' });
  await t.ok('saveProjectYear', { projectId: p1.id, year: YEAR, costPence: 3_250_000, targetSavingPence: 50_000_000, deliveredSavingPence: null });
  await t.ok('saveKpi', {
    projectId: p1.id,
    measure: 'EHC plans',
    baseline: 224,
    baselineOn: '2024-03-31',
    target: 200,
    targetOn: '2027-03-31',
    latest: 252,
    latestOn: '2025-03-31',
  });
  await t.ok('saveKpi', { projectId: p3.id, measure: 'Requests per 10,000', baseline: 12.5, baselineOn: '2024-03-31' });
  attachToPlan(t, [p1.id], { plan: 'DSG management plan 2026', base: '2025-26', horizon: 5, scenario: 'With recovery actions' });
  return { ws1, ws2, p1, p2, p3 };
}

/** The KPIs workbook has no scope it must be told: the whole register. */
async function kpiExport(): Promise<Buffer> {
  const f = await t.ok('exportWorkbook', { kind: 'project-kpis', scope: {} });
  return Buffer.from(f.base64, 'base64');
}

async function edited(input: Record<string, unknown>, sheet: string, edit: (sh: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = await loadWorkbook(input.kind === 'project-kpis' ? await kpiExport() : await exportBytes(t, input));
  edit(wb.getWorksheet(sheet)!);
  return saveWorkbook(wb);
}

/** Applying must be refused too, naming the file, and nothing may have been written by either step. */
async function refusedToApply(p: ImportPreview, before: Record<string, unknown[]>): Promise<void> {
  const r = await t.refused('applyImport', { importId: p.importId, prefer: 'file', confirmFlags: true });
  expect(r.message).toMatch(new RegExp(`^${p.fileName} has \\d+ problems? to fix first; nothing was changed\\.$`));
  expect(dumpTables(t.sqlite)).toEqual(before);
}

describe('the projects workbook', () => {
  it('writes one row per project, dates as dates, and reads back unchanged', async () => {
    await register();
    const bytes = await exportBytes(t, { kind: 'projects', year: YEAR });
    const wb = await loadWorkbook(bytes);
    const sh = wb.getWorksheet('Projects')!;
    const r1 = rowOf(sh, 'Project code', 'P01');
    const cell = (header: string) => sh.getRow(r1).getCell(columnOf(sh, header));
    expect(cell('Workstream').value).toBe('WS1 Inclusion in mainstream');
    expect(cell('Funding source').value).toBe('High Needs Block');
    expect(cell('RAG').value).toBe('Green');
    expect(cell('RAG date').value).toEqual(new Date('2026-01-10T00:00:00Z'));
    expect(cell('RAG date').numFmt).toBe('dd/mm/yyyy');
    expect(cell('Year').value).toBe(YEAR);
    expect(cell('Target saving in the year').value).toBe(500_000);
    expect(cell('Delivered saving in the year').value).toBeNull();
    expect(cell('In plan scenarios').value).toBe('With recovery actions');
    expect(['P01', 'P02', 'P03'].map((c) => rowOf(sh, 'Project code', c))).toEqual([5, 6, 7]);

    const p = await previewOf(t, bytes);
    expect(p.counts).toEqual({ added: 0, changed: 0, unchanged: 3, missing: 0, conflicts: 0, unmatched: 0, errors: 0, warnings: 0 });
  });

  it('previews every change, adds a RAG to the history, a year and a new project, and reverts whole', async () => {
    const { p1, p2, ws2 } = await register();
    const bytes = await edited({ kind: 'projects', year: YEAR }, 'Projects', (sh) => {
      const r1 = rowOf(sh, 'Project code', 'P01');
      const r2 = rowOf(sh, 'Project code', 'P02');
      const put = (r: number, header: string, v: ExcelJS.CellValue) => {
        sh.getRow(r).getCell(columnOf(sh, header)).value = v;
      };
      put(r1, 'RAG', 'amber');
      put(r1, 'RAG reason', 'Panel recruitment slipped');
      put(r1, 'RAG date', '20/02/2026');
      put(r1, 'Spend to date', '£12,500.50');
      put(r1, 'Delivered saving in the year', 120_000);
      put(r2, 'Owner', 'A Patel');
      put(r2, 'Workstream', 'WS2 Specialist places');
      put(r2, 'Target saving in the year', 75_000);
      const spare = rowOf(sh, 'Project code', 'P03') + 1;
      put(spare, 'Project code', 'P04');
      put(spare, 'Project', 'Speech and language pilot');
      put(spare, 'Workstream', 'WS1 Inclusion in mainstream');
      put(spare, 'Funding source', 'Transformation reserve');
      put(spare, 'RAG', 'Red');
      put(spare, 'Cost in the year', 10_000);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ added: 1, changed: 2, unchanged: 1 });
    const cells = (ref: string) => p.rows.find((r) => r.ref === ref)!.cells.map((c) => `${c.header}: ${c.old} -> ${c.new}`);
    expect(cells('P01')).toEqual([
      'Spend to date: £10,000.00 -> £12,500.50',
      'RAG: Green -> Amber',
      'RAG reason: On track -> Panel recruitment slipped',
      'RAG date: 10/01/2026 -> 20/02/2026',
      'Delivered saving in the year: (blank) -> £120,000.00',
    ]);
    expect(cells('P02')).toEqual([
      'Workstream: WS1 Inclusion in mainstream -> WS2 Specialist places',
      'Owner: (blank) -> A Patel',
      'Target saving in the year: (blank) -> £75,000.00',
    ]);
    expect(p.rows.find((r) => r.status === 'added')).toMatchObject({ ref: 'P04', label: 'Speech and language pilot' });

    const applied = await t.ok('applyImport', { importId: p.importId });
    expect(applied.batch).toMatchObject({ kind: 'projects', added: 1, changed: 2 });
    const d1 = await t.ok('getProject', { id: p1.id });
    expect(d1).toMatchObject({ rag: 'amber', ragReason: 'Panel recruitment slipped', ragAsOf: '2026-02-20', spendToDatePence: 1_250_050 });
    expect(d1.ragHistory.map((r) => r.rag)).toEqual(['amber', 'green']);
    expect(d1.years).toEqual([{ year: YEAR, costPence: 3_250_000, targetSavingPence: 50_000_000, deliveredSavingPence: 12_000_000 }]);
    const d2 = await t.ok('getProject', { id: p2.id });
    expect(d2).toMatchObject({ owner: 'A Patel', workstreamId: ws2 });
    expect(d2.years).toEqual([{ year: YEAR, costPence: 0, targetSavingPence: 7_500_000, deliveredSavingPence: null }]);
    const p4 = (await t.ok('listProjects', {})).find((x) => x.code === 'P04')!;
    expect(p4).toMatchObject({
      name: 'Speech and language pilot',
      fundingSource: 'transformation_reserve',
      rag: 'red',
      ragAsOf: '2026-03-01',
      totalCostPence: 1_000_000,
    });
    // The import shows in each project's history.
    const history = await t.ok('getHistory', { subject: `recovery_project:${p1.id}` });
    expect(history.filter((e) => e.changeKind === 'import').map((e) => e.what)).toEqual(
      expect.arrayContaining(['Spend to date', 'RAG', 'RAG reason', 'RAG date', `Delivered saving ${YEAR}`]),
    );

    // Exported again, the file matches the workspace.
    expect((await previewOf(t, await exportBytes(t, { kind: 'projects', year: YEAR }))).counts).toMatchObject({ changed: 0, added: 0, unchanged: 4 });

    await t.ok('revertImportBatch', { batchId: applied.batch!.id });
    const after = dumpTables(t.sqlite);
    for (const table of ['recovery_project', 'project_rag', 'project_year']) expect(after[table], table).toEqual(before[table]);
  });

  it('clears only the year’s figures for a project deleted from the file, when asked', async () => {
    const { p1 } = await register();
    const bytes = await edited({ kind: 'projects', year: YEAR }, 'Projects', (sh) => sh.spliceRows(rowOf(sh, 'Project code', 'P01'), 1));
    const p = await previewOf(t, bytes);
    expect(p.rows.find((r) => r.status === 'missing')).toMatchObject({ ref: 'P01', note: expect.stringMatching(/cost and savings for this year are cleared/) });
    await t.ok('applyImport', { importId: p.importId, deleteMissing: true });
    const d = await t.ok('getProject', { id: p1.id });
    expect(d.years).toEqual([]);
    expect(d.rag).toBe('green');
  });

  it('exports one workstream on its own, and refuses a project pasted in from another', async () => {
    await register();
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'projects', year: YEAR, workstream: 'ws2' }));
    const sh = wb.getWorksheet('Projects')!;
    expect(sh.getRow(2).getCell(2).value).toBe(`${YEAR} cost and savings; workstream WS2 Specialist places`);
    const r = rowOf(sh, 'Project code', 'P03');
    sh.getRow(r + 1).getCell(columnOf(sh, 'Project code')).value = 'p01';
    sh.getRow(r + 1).getCell(columnOf(sh, 'Project')).value = 'Panel redesign';
    sh.getRow(r + 1).getCell(columnOf(sh, 'Workstream')).value = 'WS1 Inclusion in mainstream';
    sh.getRow(r + 1).getCell(columnOf(sh, 'Funding source')).value = 'High Needs Block';
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, await saveWorkbook(wb));
    expect(p.errors.map((e) => e.message)).toContain(
      `Projects!B${r + 1} — project codes must be unique — found "p01", already used by P01 Panel redesign (workstream WS1)`,
    );
    await refusedToApply(p, before);
    expect((await t.refused('exportWorkbook', { kind: 'projects', scope: { year: YEAR, workstream: 'WS9' } })).message).toBe(
      'There is no workstream WS9. The workstreams are WS1, WS2.',
    );
  });
});

describe('a project tracker HNB Desk did not write', () => {
  it('is matched on project code through the proposed mapping, its RAG a new history entry', async () => {
    const { p1 } = await register();
    const wb = new ExcelJS.Workbook();
    const sh = wb.addWorksheet('Tracker');
    sh.addRow(['SEND recovery tracker, February']);
    sh.addRow([]);
    sh.addRow(['Ref', 'Project name', 'Status', 'Commentary', 'Assessed on', 'Spend']);
    sh.addRow(['P01', 'Panel redesign', 'Red', 'Recruitment failed', '25/02/2026', 15_000]);
    const start = await importBytes(t, await saveWorkbook(wb), 'tracker.xlsx', { kind: 'projects', year: YEAR });
    if (start.stage !== 'mapping') throw new Error(start.stage);
    expect(start.proposal.proposed).toEqual({ code: 1, name: 2, rag: 3, ragReason: 4, ragAsOf: 5, spendToDatePence: 6 });
    const p = await t.ok('previewMapped', {
      importId: start.proposal.importId,
      kind: 'projects',
      scope: { year: YEAR },
      headerRow: start.proposal.headerRow,
      columns: start.proposal.proposed,
    });
    expect(p.errors).toEqual([]);
    expect(p.counts).toMatchObject({ changed: 1, unmatched: 0, missing: 2 });
    expect(p.rows[0]!.cells.map((c) => c.header)).toEqual(['Spend to date', 'RAG', 'RAG reason', 'RAG date']);
    await t.ok('applyImport', { importId: p.importId });
    const d = await t.ok('getProject', { id: p1.id });
    expect(d).toMatchObject({ rag: 'red', ragReason: 'Recruitment failed', ragAsOf: '2026-02-25', spendToDatePence: 1_500_000, owner: 'J Smith' });
    expect(d.ragHistory).toHaveLength(2);
  });
});

describe('a hostile projects workbook', () => {
  const put = (sh: ExcelJS.Worksheet, code: string, header: string, v: ExcelJS.CellValue) => {
    sh.getRow(rowOf(sh, 'Project code', code)).getCell(columnOf(sh, header)).value = v;
  };

  it('a bad RAG, text in a money cell, a cleared RAG and a RAG dated before the last: each cell named, nothing changed', async () => {
    await register();
    const bytes = await edited({ kind: 'projects', year: YEAR }, 'Projects', (sh) => {
      put(sh, 'P02', 'RAG', 'Purple');
      put(sh, 'P02', 'Approved budget', 'about a million');
      put(sh, 'P03', 'Forecast', null);
      put(sh, 'P01', 'RAG', null);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(p.errors.map((e) => e.message).sort()).toEqual(
      [
        'Projects!G6 — Approved budget must be an amount in pounds, such as 1234.56, £1,234 or (1,234) — found "about a million"',
        'Projects!I7 — Forecast must be an amount in pounds: type 0 for none — found a blank cell',
        'Projects!J5 — a RAG cannot be cleared: its history is kept; choose Red, Amber or Green — found a blank cell (it was Green)',
        'Projects!J6 — RAG must be one of the rag values in the list — found "Purple"',
      ].sort(),
    );
    expect(p.errors.find((e) => e.cell === 'J6')).toMatchObject({ sheet: 'Projects', rule: 'RAG must be one of the rag values in the list' });
    await refusedToApply(p, before);

    const late = await edited({ kind: 'projects', year: YEAR }, 'Projects', (sh) => {
      put(sh, 'P01', 'RAG', 'Red');
      put(sh, 'P01', 'RAG date', new Date('2025-12-01T00:00:00Z'));
      put(sh, 'P02', 'RAG', 'Red');
      put(sh, 'P02', 'RAG date', '02/03/2026');
    });
    const q = await previewOf(t, late);
    expect(q.errors.map((e) => e.message)).toEqual([
      'Projects!L5 — a new RAG must be dated on or after the last one (10/01/2026) — found 01/12/2025',
      'Projects!L6 — RAG date must not be after today — found 02/03/2026',
    ]);
    await refusedToApply(q, before);
  });

  it('an edited hidden id, or the code of another project: refused by cell unless every code still names its project', async () => {
    const { p2, p3 } = await register();
    const before = dumpTables(t.sqlite);
    const stolen = await previewOf(t, await edited({ kind: 'projects', year: YEAR }, 'Projects', (sh) => put(sh, 'P02', 'Project code', 'P01')));
    expect(stolen.errors.map((e) => e.message)).toEqual(
      expect.arrayContaining([
        'Projects!B6 — project codes must be unique — found "P01", already used by the project on row 5',
        `Projects!A6 — the row says P01, but its hidden id belongs to project P02 — found id ${p2.id}`,
      ]),
    );
    await refusedToApply(stolen, before);

    const typedOver = await previewOf(
      t,
      await edited({ kind: 'projects', year: YEAR }, 'Projects', (sh) => {
        sh.getCell(rowOf(sh, 'Project code', 'P02'), 1).value = 99_999;
        put(sh, 'P02', 'Project code', 'P99');
      }),
    );
    expect(typedOver.errors.map((e) => e.message)).toContain(
      'Projects!A6 — the hidden row id is not one of the projects this workbook was exported with — found id 99999 on a row that says P99',
    );
    await refusedToApply(typedOver, before);

    // Ids swapped, codes intact: matched by code, flagged, and nothing lands on the wrong project.
    const swapped = await previewOf(
      t,
      await edited({ kind: 'projects', year: YEAR }, 'Projects', (sh) => {
        sh.getCell(rowOf(sh, 'Project code', 'P01'), 1).value = p3.id;
        put(sh, 'P03', 'Owner', 'B Jones');
      }),
    );
    expect(swapped.matchedBy).toBe('key');
    expect(swapped.flags[0]).toMatchObject({ code: 'matched-by-key' });
    await t.ok('applyImport', { importId: swapped.importId, confirmFlags: true });
    expect((await t.ok('getProject', { id: p3.id })).owner).toBe('B Jones');
  });

  it('savings in a year outside the plan of a project attached to a scenario: refused by cell, other projects free', async () => {
    await register();
    const outside = '2031-32';
    const bytes = await edited({ kind: 'projects', year: outside }, 'Projects', (sh) => {
      put(sh, 'P01', 'Target saving in the year', 25_000);
      put(sh, 'P02', 'Target saving in the year', 10_000);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(p.errors).toEqual([
      {
        sheet: 'Projects',
        cell: 'O5',
        rule: `a savings year outside the plan: P01 is in the scenario "With recovery actions" of the plan "DSG management plan 2026", which runs from 2026-27 to 2030-31, and this workbook's year is ${outside}`,
        message: `Projects!O5 — a savings year outside the plan: P01 is in the scenario "With recovery actions" of the plan "DSG management plan 2026", which runs from 2026-27 to 2030-31, and this workbook's year is ${outside} — found £25,000.00 for ${outside}`,
      },
    ]);
    await refusedToApply(p, before);
  });
});

describe('the KPIs workbook', () => {
  it('round trips the latest value, its date and the target, decimals kept', async () => {
    const { p1, p3 } = await register();
    const bytes = await kpiExport();
    const wb = await loadWorkbook(bytes);
    const sh = wb.getWorksheet('KPIs')!;
    expect(rowOf(sh, 'KPI', 'P01: EHC plans')).toBe(5);
    expect(sh.getRow(6).getCell(columnOf(sh, 'Baseline')).value).toBe(12.5);
    expect((await previewOf(t, bytes)).counts).toMatchObject({ changed: 0, unchanged: 2, errors: 0 });

    const r = rowOf(sh, 'KPI', 'P03: Requests per 10,000');
    sh.getRow(r).getCell(columnOf(sh, 'Latest value')).value = 11.75;
    sh.getRow(r).getCell(columnOf(sh, 'Latest date')).value = '28/02/2026';
    sh.getRow(r).getCell(columnOf(sh, 'Target')).value = '10.5';
    const p = await previewOf(t, await saveWorkbook(wb));
    expect(p.errors).toEqual([]);
    expect(p.rows.map((x) => [x.ref, x.cells.map((c) => `${c.header}: ${c.old} -> ${c.new}`)])).toEqual([
      ['P03: Requests per 10,000', ['Target: (blank) -> 10.5', 'Latest value: (blank) -> 11.75', 'Latest date: (blank) -> 28/02/2026']],
    ]);
    await t.ok('applyImport', { importId: p.importId });
    expect((await t.ok('getProject', { id: p3.id })).kpis[0]).toMatchObject({ target: 10.5, latest: 11.75, latestOn: '2026-02-28', baseline: 12.5 });
    expect((await t.ok('getProject', { id: p1.id })).kpis[0]).toMatchObject({ latest: 252 });
    const h = await t.ok('getHistory', { subject: `recovery_project:${p3.id}` });
    expect(h.find((e) => e.changeKind === 'import' && e.field === 'latest')).toMatchObject({ what: 'Latest value (Requests per 10,000)', newText: '11.75' });
  });

  it('refuses text for a value, a value with no date, a date before the baseline and a date that is no day, by cell', async () => {
    await register();
    const bytes = await edited({ kind: 'project-kpis' }, 'KPIs', (sh) => {
      const r1 = rowOf(sh, 'KPI', 'P01: EHC plans');
      const r3 = rowOf(sh, 'KPI', 'P03: Requests per 10,000');
      sh.getRow(r1).getCell(columnOf(sh, 'Latest value')).value = 'about 250';
      sh.getRow(r1).getCell(columnOf(sh, 'Target date')).value = '31/02/2027';
      sh.getRow(r3).getCell(columnOf(sh, 'Latest value')).value = 11;
      sh.getRow(r3).getCell(columnOf(sh, 'Target')).value = 10;
      sh.getRow(r3).getCell(columnOf(sh, 'Target date')).value = '31/03/2023';
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(p.errors.map((e) => e.message)).toEqual([
      'KPIs!I5 — Target date must be a date written dd/mm/yyyy — found "31/02/2027"',
      'KPIs!J5 — Latest value must be a number, such as 1250 or 12.5, with at most four decimal places — found "about 250"',
      'KPIs!K6 — a latest value needs its date — found a blank cell',
      'KPIs!I6 — the target must not be dated before the baseline — found 31/03/2023, before the baseline date 31/03/2024',
    ]);
    await refusedToApply(p, before);
  });
});
