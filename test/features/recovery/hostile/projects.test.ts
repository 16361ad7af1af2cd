/**
 * The projects workbook (the recovery register) attacked as a hostile user would: hidden ids
 * moved between rows, scopes and deleted projects; `_meta` edited; rows duplicated or moved
 * between workstreams; values no cell should hold; a file gone stale. Each must land on exactly
 * the right project or be refused naming the file, sheet, cell and rule, with nothing written.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { planScenarioProject } from '../../../../features/recovery/schema';
import { importBytes, loadWorkbook, saveWorkbook } from '../../../support/workbooks';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { attachToPlan, projectOf, workstreamOf } from '../register/support';
import {
  apply,
  cellRef,
  copyRow,
  exported,
  messages,
  metaRow,
  NOW,
  previewOf,
  refusedAtStart,
  refusedToApply,
  rowWhere,
  set,
  spareRow,
  tampered,
} from './support';

let t: TestServer;
afterEach(() => t?.close());

const YEAR = '2026-27';
const SHEET = 'Projects';
const CODE = 'Project code';

/** WS1 holds P01 (in a plan running 2026-27 to 2030-31) and P02; WS2 holds P03. */
async function register() {
  t = await testServer({ now: NOW });
  const ws1 = await workstreamOf(t, 'WS1', 'Inclusion in mainstream');
  const ws2 = await workstreamOf(t, 'WS2', 'Specialist places');
  const p1 = await projectOf(t, ws1, 'P01', { name: 'Panel redesign', owner: 'J Smith', approvedBudgetPence: 6_500_000 });
  const p2 = await projectOf(t, ws1, 'P02', { name: 'Inclusion co-ordinator', fundingSource: 'forum_allocation' });
  const p3 = await projectOf(t, ws2, 'P03', { name: 'Resourced provision', fundingSource: 'council', approvedBudgetPence: 9_900_000 });
  await t.ok('recordRag', { projectId: p1.id, rag: 'green', reason: 'On track', asOf: '2026-01-10' });
  await t.ok('saveProjectYear', { projectId: p1.id, year: YEAR, costPence: 3_250_000, targetSavingPence: 50_000_000, deliveredSavingPence: null });
  const plan = attachToPlan(t, [p1.id], { plan: 'DSG management plan 2026', base: '2025-26', horizon: 5, scenario: 'With recovery actions' });
  return { ws1, ws2, p1, p2, p3, plan };
}

const project = (id: number) => t.ok('getProject', { id });

describe('hidden ids moved', () => {
  it('two rows’ ids swapped: each change lands on the project its code names, never on the id’s', async () => {
    const { p1, p2 } = await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh) => {
      const r1 = rowWhere(sh, CODE, 'P01');
      const r2 = rowWhere(sh, CODE, 'P02');
      sh.getCell(r1, 1).value = p2.id;
      sh.getCell(r2, 1).value = p1.id;
      set(sh, r1, 'Approved budget', 70_000);
      set(sh, r2, 'Owner', 'A Patel');
    });
    const p = await previewOf(t, bytes);
    expect(p.errors).toEqual([]);
    expect(p.matchedBy).toBe('key');
    expect(p.flags.map((f) => f.code)).toContain('matched-by-key');
    await apply(t, p, { confirmFlags: true });
    expect(await project(p1.id)).toMatchObject({ approvedBudgetPence: 7_000_000, owner: 'J Smith' });
    expect(await project(p2.id)).toMatchObject({ approvedBudgetPence: 0, owner: 'A Patel' });
  });

  it('an id of a project in another workstream, in one workstream’s file: the change stays on the row’s own project', async () => {
    const { p1, p3 } = await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR, workstream: 'WS1' }), SHEET, (sh) => {
      const r1 = rowWhere(sh, CODE, 'P01');
      sh.getCell(r1, 1).value = p3.id;
      set(sh, r1, 'Approved budget', 1);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(p.errors).toEqual([]);
    expect(p.rows.filter((r) => r.status === 'changed').map((r) => r.ref)).toEqual(['P01']);
    await apply(t, p, { confirmFlags: true });
    expect((await project(p1.id)).approvedBudgetPence).toBe(100);
    expect((await project(p3.id)).approvedBudgetPence).toBe(9_900_000);
  });

  it('a row pasted whole from another workstream’s file (its id and its code) is refused by cell', async () => {
    const { p3 } = await register();
    const theirs = await tampered(await exported(t, 'projects', { year: YEAR, workstream: 'WS2' }), SHEET, () => undefined);
    const src = (await loadWorkbook(theirs)).getWorksheet(SHEET)!;
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR, workstream: 'WS1' }), SHEET, (sh) => {
      const spare = spareRow(sh, CODE);
      copyRow(src, rowWhere(src, CODE, 'P03'), sh, spare);
      set(sh, spare, 'Approved budget', 1);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p)).toContainEqual(expect.stringMatching(new RegExp(`^Projects!A7 — .*found id ${p3.id} on a row that says P03$`)));
    await refusedToApply(t, p, before);
  });

  it('an id of a project deleted since export, on its own row: refused; on another project’s row: matched by code', async () => {
    const { p1, p2 } = await register();
    const bytes = await exported(t, 'projects', { year: YEAR });
    await t.ok('deleteProject', { id: p2.id });
    const before = dumpTables(t.sqlite);
    const stale = await tampered(bytes, SHEET, (sh) => set(sh, rowWhere(sh, CODE, 'P02'), 'Owner', 'Ghost'));
    const p = await previewOf(t, stale);
    expect(messages(p)).toContainEqual(
      `Projects!A6 — the hidden row id is not one of the projects this workbook was exported with — found id ${p2.id} on a row that says P02`,
    );
    await refusedToApply(t, p, before);
    expect(dumpTables(t.sqlite).recovery_project).toHaveLength(2);

    const moved = await tampered(bytes, SHEET, (sh) => {
      sh.spliceRows(rowWhere(sh, CODE, 'P02'), 1);
      const r1 = rowWhere(sh, CODE, 'P01');
      sh.getCell(r1, 1).value = p2.id;
      set(sh, r1, 'Owner', 'K Lee');
    });
    const q = await previewOf(t, moved);
    expect(q.errors).toEqual([]);
    await apply(t, q, { confirmFlags: true });
    expect((await project(p1.id)).owner).toBe('K Lee');
  });

  it.each<[string, unknown, RegExp]>([
    ['text', 'abc', /^Projects!A5 — must be the row id HNB Desk wrote \(leave column A alone\) — found "abc"$/],
    ['a fraction', 1.5, /^Projects!A5 — must be the row id HNB Desk wrote \(leave column A alone\) — found 1\.5$/],
    ['nought', 0, /^Projects!A5 — must be the row id HNB Desk wrote \(leave column A alone\) — found 0$/],
    ['a negative', -1, /^Projects!A5 — must be the row id HNB Desk wrote \(leave column A alone\) — found -1$/],
    ['a date', new Date('2026-01-01T00:00:00Z'), /^Projects!A5 — must be the row id HNB Desk wrote \(leave column A alone\) — found 01\/01\/2026$/],
    ['TRUE', true, /^Projects!A5 — must be the row id HNB Desk wrote \(leave column A alone\) — found TRUE$/],
  ])('an id typed over with %s is refused by cell', async (_what, value, message) => {
    await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh) => {
      const r1 = rowWhere(sh, CODE, 'P01');
      sh.getCell(r1, 1).value = value as never;
      if (value instanceof Date) sh.getCell(r1, 1).numFmt = 'dd/mm/yyyy';
      set(sh, r1, 'Owner', 'Someone');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p)).toContainEqual(expect.stringMatching(message));
    await refusedToApply(t, p, before);
  });
});

describe('rows duplicated, added and moved', () => {
  it('a row duplicated with its id, or with its id cleared, is refused; nothing written', async () => {
    await register();
    const bytes = await exported(t, 'projects', { year: YEAR });
    const before = dumpTables(t.sqlite);
    for (const clearId of [false, true]) {
      const dup = await tampered(bytes, SHEET, (sh) => {
        const spare = spareRow(sh, CODE);
        copyRow(sh, rowWhere(sh, CODE, 'P01'), sh, spare);
        if (clearId) sh.getCell(spare, 1).value = null;
        set(sh, spare, 'Approved budget', 1);
      });
      const p = await previewOf(t, dup);
      expect(p.errors.length).toBeGreaterThan(0);
      expect(messages(p).join('\n')).toMatch(
        clearId
          ? /Projects!A8 — the row says P01, a project of this workbook, but its hidden row id has been cleared/
          : /Projects!A8 — each project may appear once; it is already on row 5/,
      );
      await refusedToApply(t, p, before);
    }
  });

  it('a new row with the code of an existing project, in any case or spacing, is refused', async () => {
    await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR, workstream: 'WS1' }), SHEET, (sh) => {
      const spare = spareRow(sh, CODE);
      set(sh, spare, CODE, ' p03 ');
      set(sh, spare, 'Project', 'Copy of resourced provision');
      set(sh, spare, 'Workstream', 'WS1 Inclusion in mainstream');
      set(sh, spare, 'Funding source', 'Council');
      set(sh, spare + 1, CODE, 'p02');
      set(sh, spare + 1, 'Project', 'Copy of the co-ordinator');
      set(sh, spare + 1, 'Workstream', 'WS1 Inclusion in mainstream');
      set(sh, spare + 1, 'Funding source', 'Council');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p).join('\n')).toMatch(/Projects!B7 — .*p03.*P03 Resourced provision/);
    expect(messages(p).join('\n')).toMatch(/Projects!\w8 — .*p02/);
    await refusedToApply(t, p, before);
  });

  it('a project moved to another workstream in the file moves that project only, and a workstream that does not exist is refused', async () => {
    const { p1, p2, ws2 } = await register();
    const bytes = await exported(t, 'projects', { year: YEAR, workstream: 'WS1' });
    const moved = await tampered(bytes, SHEET, (sh) => set(sh, rowWhere(sh, CODE, 'P02'), 'Workstream', 'ws2 specialist places'));
    const p = await previewOf(t, moved);
    expect(p.errors).toEqual([]);
    await apply(t, p);
    expect((await project(p2.id)).workstreamId).toBe(ws2);
    expect((await project(p1.id)).workstreamId).not.toBe(ws2);

    const nowhere = await tampered(bytes, SHEET, (sh) => set(sh, rowWhere(sh, CODE, 'P01'), 'Workstream', 'WS9 Nowhere'));
    const before = dumpTables(t.sqlite);
    const q = await previewOf(t, nowhere);
    expect(messages(q).join('\n')).toMatch(/^Projects!D5 — Workstream must be one of the workstream values in the list — found "WS9 Nowhere"$/m);
    await refusedToApply(t, q, before);
  });

  it('a code renamed to another workstream’s project code is refused, to a new code renames the same project', async () => {
    const { p2 } = await register();
    const bytes = await exported(t, 'projects', { year: YEAR, workstream: 'WS1' });
    const before = dumpTables(t.sqlite);
    const stolen = await previewOf(t, await tampered(bytes, SHEET, (sh) => set(sh, rowWhere(sh, CODE, 'P02'), CODE, 'P03')));
    expect(messages(stolen).join('\n')).toMatch(/Projects!B6 — project codes must be unique — found "P03", already used by P03 Resourced provision/);
    await refusedToApply(t, stolen, before);
    const renamed = await previewOf(t, await tampered(bytes, SHEET, (sh) => set(sh, rowWhere(sh, CODE, 'P02'), CODE, 'P02A')));
    expect(renamed.errors).toEqual([]);
    await apply(t, renamed);
    expect((await project(p2.id)).code).toBe('P02A');
    expect(dumpTables(t.sqlite).recovery_project).toHaveLength(3);
  });
});

describe('the hidden _meta sheet, edited', () => {
  it('a year changed to another: the rows say which year their figures are for, so it is refused and nothing lands on the other year', async () => {
    const { p1 } = await register();
    const other = '2027-28';
    let cell = '';
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.year'), 2).value = other;
      const r1 = rowWhere(sh, CODE, 'P01');
      set(sh, r1, 'Owner', 'New owner');
      cell = cellRef(sh, r1, 'Year');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'register.xlsx');
    expect(messages(p)).toContain(
      `${cell} — every row must be for ${other}, the year this workbook was exported for; the workbook's hidden _meta sheet and its rows disagree, so nothing is applied. Export the register for the year you mean — found "${YEAR}"`,
    );
    await refusedToApply(t, p, before);
    expect((await project(p1.id)).years.map((y) => y.year)).toEqual([YEAR]);
  });

  it('a Year cell typed over on one row is refused by cell; a spare row typed into needs no year', async () => {
    await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh) => {
      set(sh, rowWhere(sh, CODE, 'P02'), 'Year', null);
      const spare = spareRow(sh, CODE);
      set(sh, spare, CODE, 'P04');
      set(sh, spare, 'Project', 'New pilot');
      set(sh, spare, 'Workstream', 'WS2 Specialist places');
      set(sh, spare, 'Funding source', 'Council');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p)).toEqual([expect.stringMatching(/^Projects!M6 — every row must be for 2026-27, .* found ""$/)]);
    await refusedToApply(t, p, before);
  });

  it('a tracker from elsewhere whose Year column gives another year than the one chosen is refused by cell', async () => {
    const { p1 } = await register();
    const wb = new ExcelJS.Workbook();
    const sh = wb.addWorksheet('Tracker');
    sh.addRow(['Ref', 'Year', 'Target saving']);
    sh.addRow(['P01', '2027-28', 1_000]);
    const start = await importBytes(t, await saveWorkbook(wb), 'tracker.xlsx', { kind: 'projects', year: YEAR });
    if (start.stage !== 'mapping') throw new Error(start.stage);
    expect(start.proposal.proposed).toMatchObject({ code: 1, year: 2, targetSavingPence: 3 });
    const before = dumpTables(t.sqlite);
    const p = await t.ok('previewMapped', {
      importId: start.proposal.importId,
      kind: 'projects',
      scope: { year: YEAR },
      headerRow: 1,
      columns: start.proposal.proposed,
    });
    expect(messages(p)).toEqual([
      `Tracker!B2 — every row must be for ${YEAR}, the year this file is being imported for: import it for the year its Year column gives — found "2027-28"`,
    ]);
    await refusedToApply(t, p, before);
    expect((await project(p1.id)).years).toEqual([{ year: YEAR, costPence: 3_250_000, targetSavingPence: 50_000_000, deliveredSavingPence: null }]);
  });

  it.each<[string, string, unknown, RegExp]>([
    ['a year written wrongly', 'scope.year', '2026/27', /_meta!B\d+ — Year of the cost and savings columns must be a financial year/],
    ['a workstream that does not exist', 'scope.workstream', 'WS9', /There is no workstream WS9\. The workstreams are WS1, WS2\./],
    ['another kind', 'kind', 'project-kpis', /_meta!B3|names the sheet/],
    ['agreements', 'kind', 'agreements', /_meta!B3|names the sheet/],
    ['another workspace', 'workspaceId', '00000000-0000-0000-0000-000000000000', /another workspace/],
  ])('%s is refused with the cell named, nothing written', async (_what, key, value, message) => {
    await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR, workstream: 'WS1' }), SHEET, (_sh, meta) => {
      meta.getCell(metaRow(meta, key), 2).value = value as never;
    });
    const before = dumpTables(t.sqlite);
    const e = await refusedAtStart(t, bytes, before, 'register.xlsx');
    expect(e.message).toMatch(message);
    expect(`${e.message} ${JSON.stringify(e.details)}`).toMatch(/register\.xlsx|_meta/);
  });

  it('a workstream changed to another: the rows are not that workstream’s, so refused by cell', async () => {
    await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR, workstream: 'WS1' }), SHEET, (sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.workstream'), 2).value = 'WS2';
      set(sh, rowWhere(sh, CODE, 'P01'), 'Approved budget', 1);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p).join('\n')).toMatch(/Projects!A5 — /);
    await refusedToApply(t, p, before);
  });

  it('a fingerprint edited: a changed row becomes a conflict to settle, never a silent overwrite', async () => {
    const { p1 } = await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh, meta) => {
      const r = metaRow(meta, 'fingerprints');
      meta.getCell(r, 2).value = String(meta.getCell(r, 2).value).replace(new RegExp(`(^|;)${p1.id}:[^;]+`), `$1${p1.id}:0000`);
      set(sh, rowWhere(sh, CODE, 'P01'), 'Owner', 'Tampered');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(p.rows.find((r) => r.ref === 'P01')?.status).toBe('conflict');
    const e = await t.refused('applyImport', { importId: p.importId });
    expect(e.code).toBe('CONFLICT');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});

describe('values no cell should hold', () => {
  it.each<[string, string, unknown, RegExp]>([
    ['a negative budget', 'Approved budget', -5, /must not be negative — found -5/],
    ['1e309 as text', 'Approved budget', '1e309', /must be an amount in pounds, such as 1234\.56, £1,234 or \(1,234\) — found "1e309"/],
    ['NaN as text', 'Spend to date', 'NaN', /must be an amount in pounds, such as 1234\.56, £1,234 or \(1,234\) — found "NaN"/],
    ['Infinity as text', 'Forecast', 'Infinity', /must be an amount in pounds, such as 1234\.56, £1,234 or \(1,234\) — found "Infinity"/],
    ['a trillion pounds and more', 'Forecast', 2e12, /is too large an amount/],
    ['TRUE', 'Cost in the year', true, /must be an amount in pounds — found TRUE/],
    ['a date', 'Target saving in the year', new Date('2026-05-01T00:00:00Z'), /must be an amount in pounds, not a date — found 01\/05\/2026/],
    ['an Excel error', 'Approved budget', { formula: '1/0', result: { error: '#DIV/0!' } }, /must not be an Excel error — found #DIV\/0!/],
    ['a formula with no saved value', 'Approved budget', { formula: 'SUM(1,2)' }, /a formula needs its saved value/],
    ['a RAG date in the future', 'RAG date', '02/03/2026', /RAG date must not be after today — found 02\/03\/2026/],
    ['a RAG date that is no day', 'RAG date', '31/02/2026', /RAG date must be a date written dd\/mm\/yyyy — found "31\/02\/2026"/],
    ['a name 201 characters long', 'Project', 'x'.repeat(201), /Project must be at most 200 characters/],
    ['a funding source not in the list', 'Funding source', 'Lottery', /Funding source must be one of the funding source values in the list — found "Lottery"/],
    ['a blank name', 'Project', '   ', /Project must not be blank/],
  ])('%s is refused by cell, nothing written', async (_what, header, value, message) => {
    await register();
    let cell = '';
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh) => {
      const r1 = rowWhere(sh, CODE, 'P01');
      set(sh, r1, header, value as never);
      if (value instanceof Date) sh.getRow(r1).getCell((sh.getRow(4).values as unknown[]).indexOf(header)).numFmt = 'dd/mm/yyyy';
      cell = cellRef(sh, r1, header);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'register.xlsx');
    expect(messages(p)).toContainEqual(expect.stringMatching(new RegExp(`^${cell.replace(/[!]/g, '!')} — .*${message.source}`)));
    const e = await refusedToApply(t, p, before);
    expect(e.message).toMatch(/^register\.xlsx has \d+ problems? to fix first; nothing was changed\.$/);
  });

  it('a formula with its saved value is read as that value, on the row it is on', async () => {
    const { p1, p2 } = await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh) => {
      set(sh, rowWhere(sh, CODE, 'P02'), 'Approved budget', { formula: '1000*2', result: 2000 } as never);
    });
    const p = await previewOf(t, bytes);
    expect(p.errors).toEqual([]);
    await apply(t, p);
    expect((await project(p2.id)).approvedBudgetPence).toBe(200_000);
    expect((await project(p1.id)).approvedBudgetPence).toBe(6_500_000);
  });

  it('text beyond the basic plane is kept exactly; a character XML forbids makes the file unreadable, named', async () => {
    const { p1 } = await register();
    const bell = 'Zoë 😀 Ω and tab\there';
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh) => set(sh, rowWhere(sh, CODE, 'P01'), 'Owner', bell));
    await apply(t, await previewOf(t, bytes));
    expect((await project(p1.id)).owner).toBe(bell);
    const forbidden = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh) => set(sh, rowWhere(sh, CODE, 'P02'), 'Owner', 'a\uFFFEb'));
    const before = dumpTables(t.sqlite);
    const e = await refusedAtStart(t, forbidden, before, 'register.xlsx');
    expect(e).toMatchObject({ code: 'INVALID_FILE', message: expect.stringMatching(/^register\.xlsx could not be read as an Excel workbook/) });
  });
});

describe('the plan and a file gone stale', () => {
  it('a file exported before a project was attached to a scenario, re-imported after with a saving outside the plan: refused', async () => {
    const { p2, plan } = await register();
    const outside = '2031-32';
    const bytes = await tampered(await exported(t, 'projects', { year: outside }), SHEET, (sh) =>
      set(sh, rowWhere(sh, CODE, 'P02'), 'Target saving in the year', 10_000),
    );
    t.sqlite.prepare('INSERT INTO plan_scenario_project (scenario_id, project_id) VALUES (?, ?)').run(plan.mitigatedId, p2.id);
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p)).toContainEqual(expect.stringMatching(/^Projects!O6 — a savings year outside the plan: P02 is in the scenario "With recovery actions"/));
    await refusedToApply(t, p, before);
  });

  it('a preview made before the project was attached cannot be applied after: the new preview refuses it', async () => {
    const { p2, plan } = await register();
    const ws = t.server.workspace!;
    const bytes = await tampered(await exported(t, 'projects', { year: '2031-32' }), SHEET, (sh) =>
      set(sh, rowWhere(sh, CODE, 'P02'), 'Cost in the year', 5_000),
    );
    const p = await previewOf(t, bytes);
    expect(p.errors).toEqual([]);
    // Attached through the recorder, as the plan's handler does.
    ws.write('edit', 'Attach P02', (rec) => rec.insert(planScenarioProject, { scenarioId: plan.mitigatedId, projectId: p2.id }));
    const before = dumpTables(t.sqlite);
    const e = await t.refused('applyImport', { importId: p.importId, confirmFlags: true });
    expect(e.code).toBe('CONFLICT');
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect((await project(p2.id)).years).toEqual([]);
  });

  it('savings cleared (blank) in a year outside the plan are not refused, and a delivered saving may be negative as the calls allow', async () => {
    const { p1 } = await register();
    const bytes = await tampered(await exported(t, 'projects', { year: YEAR }), SHEET, (sh) =>
      set(sh, rowWhere(sh, CODE, 'P01'), 'Delivered saving in the year', -1_000),
    );
    const p = await previewOf(t, bytes);
    expect(p.errors).toEqual([]);
    await apply(t, p, { confirmFlags: true });
    expect((await project(p1.id)).years).toEqual([{ year: YEAR, costPence: 3_250_000, targetSavingPence: 50_000_000, deliveredSavingPence: -100_000 }]);
  });
});
