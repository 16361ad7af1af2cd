/**
 * The register's KPIs workbook attacked: ids swapped, moved to another workstream's KPI or to a
 * deleted one, the locked KPI key typed over, `_meta` edited, values no KPI holds, and a file
 * gone stale. Each lands on exactly the right KPI or is refused by cell with nothing written.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadWorkbook } from '../../../support/workbooks';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { projectOf, workstreamOf } from '../register/support';
import { apply, cellRef, copyRow, exported, messages, metaRow, NOW, previewOf, refusedAtStart, refusedToApply, rowWhere, set, tampered } from './support';

let t: TestServer;
afterEach(() => t?.close());

const SHEET = 'KPIs';
const KEY = 'KPI';

/** P01 (WS1) has two KPIs, P03 (WS2) one. */
async function register() {
  t = await testServer({ now: NOW });
  const ws1 = await workstreamOf(t, 'WS1', 'Inclusion in mainstream');
  const ws2 = await workstreamOf(t, 'WS2', 'Specialist places');
  const p1 = await projectOf(t, ws1, 'P01', { name: 'Panel redesign' });
  const p3 = await projectOf(t, ws2, 'P03', { name: 'Resourced provision' });
  const kpi = async (projectId: number, measure: string, baseline: number) =>
    (await t.ok('saveKpi', { projectId, measure, baseline, baselineOn: '2024-03-31' })).kpis.find((k) => k.measure === measure)!.id;
  const ehc = await kpi(p1.id, 'EHC plans', 224);
  const tribunals = await kpi(p1.id, 'Tribunals', 12);
  const places = await kpi(p3.id, 'Places', 40);
  return { p1, p3, ehc, tribunals, places };
}

/** Each KPI's latest value and date, by id. */
function latest(): Record<number, [number | null, string | null]> {
  const rows = t.sqlite.prepare('SELECT id, latest, latest_on FROM project_kpi').raw().all() as Array<[number, number | null, string | null]>;
  return Object.fromEntries(rows.map(([id, v, on]) => [id, [v, on]]));
}

describe('hidden ids and keys', () => {
  it('ids swapped, or one moved to another workstream’s KPI: each value lands on the KPI the row names', async () => {
    const { ehc, tribunals, places } = await register();
    const bytes = await tampered(await exported(t, 'project-kpis'), SHEET, (sh) => {
      const a = rowWhere(sh, KEY, 'P01: EHC plans');
      const b = rowWhere(sh, KEY, 'P01: Tribunals');
      sh.getCell(a, 1).value = tribunals;
      sh.getCell(b, 1).value = ehc;
      set(sh, a, 'Latest value', 252);
      set(sh, a, 'Latest date', '31/03/2025');
    });
    const p = await previewOf(t, bytes);
    expect(p.errors).toEqual([]);
    expect(p.matchedBy).toBe('key');
    await apply(t, p, { confirmFlags: true });
    expect(latest()).toMatchObject({ [ehc]: [252, '2025-03-31'], [tribunals]: [null, null], [places]: [null, null] });

    const ws1 = await tampered(await exported(t, 'project-kpis', { workstream: 'WS1' }), SHEET, (sh) => {
      const b = rowWhere(sh, KEY, 'P01: Tribunals');
      sh.getCell(b, 1).value = places;
      set(sh, b, 'Latest value', 9);
      set(sh, b, 'Latest date', '01/02/2026');
    });
    const q = await previewOf(t, ws1);
    expect(q.errors).toEqual([]);
    await apply(t, q, { confirmFlags: true });
    expect(latest()).toMatchObject({ [tribunals]: [9, '2026-02-01'], [places]: [null, null] });
  });

  it('the locked KPI key typed over with another KPI’s, or a row pasted from another workstream’s file: refused by cell', async () => {
    const { places } = await register();
    const before = dumpTables(t.sqlite);
    const stolen = await tampered(await exported(t, 'project-kpis'), SHEET, (sh) => {
      const a = rowWhere(sh, KEY, 'P01: EHC plans');
      set(sh, a, KEY, 'P01: Tribunals');
      set(sh, a, 'Latest value', 1);
      set(sh, a, 'Latest date', '01/02/2026');
    });
    const p = await previewOf(t, stolen, 'kpis.xlsx');
    expect(messages(p).join('\n')).toMatch(/KPIs!A5 — the row says P01: Tribunals, but its hidden id belongs to KPI P01: EHC plans/);
    await refusedToApply(t, p, before);

    const src = await tampered(await exported(t, 'project-kpis', { workstream: 'WS2' }), SHEET, () => undefined);
    const theirs = (await loadWorkbook(src)).getWorksheet(SHEET)!;
    const pasted = await tampered(await exported(t, 'project-kpis', { workstream: 'WS1' }), SHEET, (sh) => {
      const a = rowWhere(sh, KEY, 'P01: EHC plans');
      copyRow(theirs, rowWhere(theirs, KEY, 'P03: Places'), sh, a);
      set(sh, a, 'Latest value', 41);
      set(sh, a, 'Latest date', '01/02/2026');
    });
    const q = await previewOf(t, pasted);
    expect(messages(q).join('\n')).toMatch(
      new RegExp(`KPIs!A5 — the hidden row id is not one of the KPIs this workbook was exported with — found id ${places} on a row that says P03: Places`),
    );
    await refusedToApply(t, q, before);
  });

  it('a KPI deleted since export, or its project renamed: the stale row is refused, never written to another KPI', async () => {
    const { p1, ehc } = await register();
    const bytes = await tampered(await exported(t, 'project-kpis'), SHEET, (sh) => {
      const a = rowWhere(sh, KEY, 'P01: EHC plans');
      set(sh, a, 'Latest value', 250);
      set(sh, a, 'Latest date', '01/02/2026');
    });
    await t.ok('saveProject', { id: p1.id, code: 'P01X', name: 'Panel redesign', workstreamId: p1.workstreamId, fundingSource: 'hnb' });
    let before = dumpTables(t.sqlite);
    const renamed = await previewOf(t, bytes);
    expect(messages(renamed).join('\n')).toMatch(/KPIs!A5 — the row says P01: EHC plans, but its hidden id belongs to KPI P01X: EHC plans/);
    await refusedToApply(t, renamed, before);

    await t.ok('deleteKpi', { id: ehc });
    before = dumpTables(t.sqlite);
    const gone = await previewOf(t, bytes);
    expect(messages(gone).join('\n')).toMatch(
      new RegExp(`KPIs!A5 — the hidden row id is not one of the KPIs this workbook was exported with — found id ${ehc}`),
    );
    await refusedToApply(t, gone, before);
  });

  it('a row duplicated is refused', async () => {
    await register();
    const bytes = await tampered(await exported(t, 'project-kpis'), SHEET, (sh) => {
      const a = rowWhere(sh, KEY, 'P01: EHC plans');
      sh.insertRow(a + 1, []);
      copyRow(sh, a, sh, a + 1);
      set(sh, a + 1, 'Latest value', 1);
      set(sh, a + 1, 'Latest date', '01/02/2026');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p).join('\n')).toMatch(/KPIs!A6 — each KPI may appear once; it is already on row 5/);
    await refusedToApply(t, p, before);
  });
});

describe('the hidden _meta sheet, edited', () => {
  it.each<[string, string, unknown, RegExp]>([
    ['a workstream that does not exist', 'scope.workstream', 'WS9', /There is no workstream WS9/],
    ['the projects kind', 'kind', 'projects', /_meta!B3|names the sheet|Year of the cost and savings columns is required/],
    ['another workspace', 'workspaceId', 'abc', /another workspace|must be this workspace/],
  ])('%s is refused, nothing written', async (_what, key, value, message) => {
    await register();
    const bytes = await tampered(await exported(t, 'project-kpis', { workstream: 'WS1' }), SHEET, (_sh, meta) => {
      meta.getCell(metaRow(meta, key), 2).value = value as never;
    });
    const before = dumpTables(t.sqlite);
    const e = await refusedAtStart(t, bytes, before);
    expect(e.message).toMatch(message);
  });

  it('a year added to its scope is refused: the KPIs workbook has no year', async () => {
    await register();
    const bytes = await tampered(await exported(t, 'project-kpis', { workstream: 'WS1' }), SHEET, (_sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.workstream'), 1).value = 'scope.year';
    });
    const before = dumpTables(t.sqlite);
    const e = await refusedAtStart(t, bytes, before);
    expect(JSON.stringify(e)).toMatch(/has no year/);
  });

  it('the workstream changed to another: the rows are not its KPIs, so refused by cell', async () => {
    await register();
    const bytes = await tampered(await exported(t, 'project-kpis', { workstream: 'WS1' }), SHEET, (sh, meta) => {
      meta.getCell(metaRow(meta, 'scope.workstream'), 2).value = 'WS2';
      const a = rowWhere(sh, KEY, 'P01: EHC plans');
      set(sh, a, 'Latest value', 1);
      set(sh, a, 'Latest date', '01/02/2026');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes);
    expect(messages(p).join('\n')).toMatch(/KPIs!A5 — /);
    await refusedToApply(t, p, before);
  });
});

describe('values no KPI holds', () => {
  it.each<[string, string, unknown, RegExp]>([
    ['1e309 as text', 'Latest value', '1e309', /Latest value must be a number, such as 1250 or 12\.5, with at most four decimal places — found "1e309"/],
    ['NaN as text', 'Latest value', 'NaN', /Latest value must be a number, such as 1250 or 12\.5.* — found "NaN"/],
    ['a number beyond a trillion', 'Target', 1e13, /Target is too large a number — found 10000000000000/],
    ['five decimals as text', 'Target', '1.23456', /Target must be a number, such as 1250 or 12\.5, with at most four decimal places — found "1\.23456"/],
    ['a percentage as text', 'Target', '12%', /Target must be a number, such as 1250 or 12\.5, with at most four decimal places — found "12%"/],
    ['TRUE', 'Latest value', true, /Latest value must be a number — found TRUE/],
    ['a date in a value', 'Latest value', new Date('2026-01-31T00:00:00Z'), /Latest value must be a number, not a date — found 31\/01\/2026/],
    ['a date before the baseline', 'Latest date', '01/01/2020', /the latest value must not be dated before the baseline/],
    ['a value with no date', 'Latest date', null, /a latest value needs its date/],
    ['an Excel error', 'Target', { formula: 'NA()', result: { error: '#N/A' } }, /Target must not be an Excel error — found #N\/A/],
  ])('%s is refused by cell, nothing written', async (_what, header, value, message) => {
    await register();
    let cell = '';
    const bytes = await tampered(await exported(t, 'project-kpis'), SHEET, (sh) => {
      const a = rowWhere(sh, KEY, 'P01: Tribunals');
      set(sh, a, 'Latest value', 10);
      set(sh, a, 'Latest date', '01/02/2026');
      set(sh, a, header, value as never);
      if (value instanceof Date) sh.getCell(cellRef(sh, a, header).split('!')[1]!).numFmt = 'dd/mm/yyyy';
      cell = cellRef(sh, a, header);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'kpis.xlsx');
    expect(messages(p)).toContainEqual(expect.stringMatching(new RegExp(`^${cell} — .*${message.source}`)));
    await refusedToApply(t, p, before);
  });

  it('a number cell with float noise is read to four places, on its own KPI', async () => {
    const { tribunals, ehc } = await register();
    const bytes = await tampered(await exported(t, 'project-kpis'), SHEET, (sh) => {
      const a = rowWhere(sh, KEY, 'P01: Tribunals');
      set(sh, a, 'Latest value', 0.1 + 0.2);
      set(sh, a, 'Latest date', '01/02/2026');
    });
    await apply(t, await previewOf(t, bytes));
    expect(latest()).toMatchObject({ [tribunals]: [0.3, '2026-02-01'], [ehc]: [null, null] });
  });
});

describe('two KPIs whose names read the same', () => {
  it('project P1’s "A: B" and project "P1: A"’s "B" are told apart: a value never lands on the other', async () => {
    t = await testServer({ now: NOW });
    const ws1 = await workstreamOf(t, 'WS1', 'Inclusion in mainstream');
    const first = await projectOf(t, ws1, 'P1', { name: 'First' });
    const second = await projectOf(t, ws1, 'P1: A', { name: 'Second' });
    const k1 = (await t.ok('saveKpi', { projectId: first.id, measure: 'A: B', baseline: 1, baselineOn: '2024-03-31' })).kpis[0]!.id;
    const k2 = (await t.ok('saveKpi', { projectId: second.id, measure: 'B', baseline: 1, baselineOn: '2024-03-31' })).kpis[0]!.id;
    const bytes = await exported(t, 'project-kpis');
    for (const [keep, drop, value] of [
      [k1, k2, 11],
      [k2, k1, 22],
    ] as const) {
      // The other KPI's row deleted, and this row's hidden id cleared: only its key can say which KPI it is.
      const edited = await tampered(bytes, SHEET, (sh) => {
        let mine = 0;
        let theirs = 0;
        for (let r = 5; r <= sh.rowCount; r++) {
          if (sh.getCell(r, 1).value === keep) mine = r;
          if (sh.getCell(r, 1).value === drop) theirs = r;
        }
        set(sh, mine, 'Latest value', value);
        set(sh, mine, 'Latest date', '01/02/2026');
        sh.getCell(mine, 1).value = null;
        sh.spliceRows(theirs, 1);
      });
      const p = await previewOf(t, edited);
      expect(p.errors).toEqual([]);
      expect(p.rows.filter((x) => x.status === 'changed').map((x) => x.ref)).toEqual([keep === k1 ? `P1: A: B (KPI ${k1})` : `P1: A: B (KPI ${k2})`]);
      await apply(t, p, { confirmFlags: true });
      expect(latest()[drop], `the value for KPI ${keep} landed on KPI ${drop}`).toEqual([null, null]);
      expect(latest()[keep]).toEqual([value, '2026-02-01']);
      t.sqlite.prepare('UPDATE project_kpi SET latest = NULL, latest_on = NULL').run();
    }
  });
});
