/**
 * The plan's assumptions workbooks (lines and funding) attacked: hidden ids swapped, cleared,
 * or moved to another scenario's line; `_meta` naming another scenario, a locked one or a plan
 * that has since changed its years; growth and money no plan holds. Each lands on exactly the
 * right line or year of the right scenario, or is refused by cell with nothing written.
 */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanAssumptions } from '../../../../features/recovery/types';
import { importBytes, saveWorkbook } from '../../../support/workbooks';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { apply, cellRef, copyRow, exported, messages, metaRow, previewOf, refusedAtStart, refusedToApply, rowWhere, set, spareRow, tampered } from './support';

let t: TestServer;
afterEach(() => t?.close());

const PLAN = 'Test plan';
const LINES = 'Plan lines';
const FUNDING = 'Plan funding';
const CODE = 'Line code';

/** The demo with a plan of its own (2027-28 to 2031-32), two workspace lines with different bases, and a line added by hand. */
async function withPlan() {
  t = await testServer({ demo: true });
  const plan = await t.ok('createPlan', { name: PLAN, baseYear: '2026-27', horizonYears: 5 });
  const u = plan.scenarios.find((s) => s.kind === 'unmitigated')!.id;
  const m = plan.scenarios.find((s) => s.kind === 'mitigated')!.id;
  const a = await t.ok('getAssumptions', { scenarioId: u });
  const byBase = [...a.lines].filter((l) => l.sourceLineId !== null).sort((x, y) => y.basePence - x.basePence);
  const [big, small] = [byBase[0]!, byBase[byBase.length - 1]!];
  await t.ok('savePlanLine', {
    scenarioId: u,
    code: 'PL01',
    name: 'Inclusion pilot',
    groupName: big.groupName,
    method: 'percent',
    basePence: 12_345_600,
    countGrowthBp: 0,
    costGrowthBp: 300,
  });
  return { plan, u, m, big, small };
}

const scope = { scenario: 'Unmitigated', plan: PLAN };
const lines = async (scenarioId: number): Promise<PlanAssumptions['lines']> => (await t.ok('getAssumptions', { scenarioId })).lines;
const line = async (scenarioId: number, code: string) => (await lines(scenarioId)).find((l) => l.code === code)!;

describe('plan lines: hidden ids moved', () => {
  it('two workspace lines’ ids swapped, nothing else changed: matched by code, no false refusal, nothing moves', async () => {
    const { u, big, small } = await withPlan();
    const bytes = await tampered(await exported(t, 'plan', scope), LINES, (sh) => {
      const a = rowWhere(sh, CODE, big.code);
      const b = rowWhere(sh, CODE, small.code);
      sh.getCell(a, 1).value = small.id;
      sh.getCell(b, 1).value = big.id;
      set(sh, a, 'Growth in cost', 0.01);
    });
    const p = await previewOf(t, bytes);
    expect(messages(p)).toEqual([]);
    expect(p.matchedBy).toBe('key');
    expect(p.rows.filter((r) => r.status === 'changed').map((r) => r.ref)).toEqual([big.code]);
    await apply(t, p, { confirmFlags: true });
    expect(await line(u, big.code)).toMatchObject({ basePence: big.basePence, costGrowthBp: 100 });
    expect(await line(u, small.code)).toMatchObject({ basePence: small.basePence, costGrowthBp: small.costGrowthBp });
  });

  it('a workspace line’s id swapped with a hand-added line’s: the workspace line still keeps its base spend', async () => {
    const { u, big } = await withPlan();
    const pl01 = await line(u, 'PL01');
    let cell = '';
    const bytes = await tampered(await exported(t, 'plan', scope), LINES, (sh) => {
      const a = rowWhere(sh, CODE, big.code);
      const b = rowWhere(sh, CODE, 'PL01');
      sh.getCell(a, 1).value = pl01.id;
      sh.getCell(b, 1).value = big.id;
      // Each row's base spend now reads as unchanged against the line of the id beside it.
      set(sh, a, 'Base spend', pl01.basePence / 100);
      set(sh, b, 'Base spend', big.basePence / 100);
      cell = cellRef(sh, a, 'Base spend');
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'plan.xlsx');
    expect(messages(p)).toContainEqual(expect.stringContaining(`${cell} — a line read from the workspace keeps its base spend`));
    await refusedToApply(t, p, before);
    expect((await line(u, big.code)).basePence).toBe(big.basePence);
  });

  it('a workbook HNB Desk did not write cannot change a workspace line’s base spend either', async () => {
    const { u, big } = await withPlan();
    const wb = new ExcelJS.Workbook();
    const sh = wb.addWorksheet('Assumptions');
    sh.addRow(['Line code', 'Expenditure line', 'Base spend', 'Growth in cost']);
    sh.addRow([big.code, big.name, 1, 0.02]);
    const start = await importBytes(t, await saveWorkbook(wb), 'theirs.xlsx', { kind: 'plan', ...scope });
    if (start.stage !== 'mapping') throw new Error(start.stage);
    const before = dumpTables(t.sqlite);
    const p = await t.ok('previewMapped', {
      importId: start.proposal.importId,
      kind: 'plan',
      scope,
      headerRow: start.proposal.headerRow,
      columns: start.proposal.proposed,
    });
    expect(messages(p)).toContainEqual(expect.stringContaining('Assumptions!C2 — a line read from the workspace keeps its base spend'));
    await refusedToApply(t, p, before);
    expect((await line(u, big.code)).basePence).toBe(big.basePence);
  });

  it('every hidden id cleared: the codes still name each line once, so matched by code, flagged, and no line moves', async () => {
    const { u, big } = await withPlan();
    const bytes = await tampered(await exported(t, 'plan', scope), LINES, (sh) => {
      for (let r = 5; r <= sh.rowCount; r++) if (typeof sh.getCell(r, 1).value === 'number') sh.getCell(r, 1).value = null;
      set(sh, rowWhere(sh, CODE, big.code), 'Growth in cost', 0.02);
    });
    const p = await previewOf(t, bytes);
    expect(messages(p)).toEqual([]);
    expect(p.flags.map((f) => f.code)).toEqual(['matched-by-key']);
    expect(p.counts).toMatchObject({ added: 0, changed: 1 });
    await apply(t, p, { confirmFlags: true });
    expect((await line(u, big.code)).costGrowthBp).toBe(200);
  });

  it('a line’s id pointed at the same code’s line in another plan: the change stays in this scenario', async () => {
    const { u, big } = await withPlan();
    const other = await t.ok('createPlan', { name: 'Other plan', baseYear: '2026-27', horizonYears: 6 });
    const ou = other.scenarios.find((s) => s.kind === 'unmitigated')!.id;
    const theirs = await line(ou, big.code);
    const bytes = await tampered(await exported(t, 'plan', scope), LINES, (sh) => {
      const a = rowWhere(sh, CODE, big.code);
      sh.getCell(a, 1).value = theirs.id;
      set(sh, a, 'Growth in cost', 0.03);
    });
    const p = await previewOf(t, bytes);
    expect(messages(p)).toEqual([]);
    await apply(t, p, { confirmFlags: true });
    expect((await line(u, big.code)).costGrowthBp).toBe(300);
    expect((await line(ou, big.code)).costGrowthBp).toBe(theirs.costGrowthBp);
  });

  it('a row duplicated, with or without its id, is refused', async () => {
    const { big } = await withPlan();
    const bytes = await exported(t, 'plan', scope);
    const before = dumpTables(t.sqlite);
    for (const clearId of [false, true]) {
      const dup = await tampered(bytes, LINES, (sh) => {
        const spare = spareRow(sh, CODE);
        copyRow(sh, rowWhere(sh, CODE, big.code), sh, spare);
        if (clearId) sh.getCell(spare, 1).value = null;
        set(sh, spare, 'Growth in cost', 0.05);
      });
      const p = await previewOf(t, dup, 'plan.xlsx');
      expect(p.errors.length).toBeGreaterThan(0);
      await refusedToApply(t, p, before);
    }
  });
});

describe('plan lines and funding: the hidden _meta sheet, edited', () => {
  it('the _meta pointed at a submitted scenario is refused as locked; the id at a mitigated one, a deleted one or text, refused by cell', async () => {
    const { m } = await withPlan();
    const copy = await t.ok('copyScenario', {
      id: (await t.ok('listPlans', {})).find((p) => p.name === PLAN)!.scenarios.find((s) => s.kind === 'unmitigated')!.id,
      name: 'Sent',
    });
    await t.ok('submitScenario', { id: copy.id, submittedOn: '2026-02-20', note: 'Sent to DfE' });
    for (const kind of ['plan', 'plan-funding']) {
      const sheet = kind === 'plan' ? LINES : FUNDING;
      const bytes = await exported(t, kind, scope);
      const before = dumpTables(t.sqlite);
      const locked = await previewOf(
        t,
        await tampered(bytes, sheet, (_sh, meta) => {
          // Both the id and the name, so the file claims the submitted scenario throughout.
          meta.getCell(metaRow(meta, 'scope.scenarioId'), 2).value = copy.id;
          meta.getCell(metaRow(meta, 'scope.scenario'), 2).value = 'Sent';
        }),
        'plan.xlsx',
      );
      expect(locked.errors[0]).toMatchObject({ rule: 'must not be locked' });
      await refusedToApply(t, locked, before);
      for (const value of [m, 99_999, 'abc', -1, 1.5]) {
        const e = await refusedAtStart(
          t,
          await tampered(bytes, sheet, (_sh, meta) => {
            meta.getCell(metaRow(meta, 'scope.scenarioId'), 2).value = value;
          }),
          before,
          'plan.xlsx',
        );
        expect(e.code, String(value)).toMatch(/INVALID_FILE|INVALID_INPUT|NOT_FOUND/);
        expect(JSON.stringify(e.details), String(value)).toMatch(/_meta/);
      }
    }
  });

  it('the scenario id pointed at a copy of the scenario, its name left alone: refused naming _meta, never applied to the copy', async () => {
    const { u } = await withPlan();
    const copy = await t.ok('copyScenario', { id: u, name: 'Copy' });
    for (const [kind, sheet] of [
      ['plan-funding', FUNDING],
      ['plan', LINES],
    ] as const) {
      let idCell = '';
      const bytes = await tampered(await exported(t, kind, scope), sheet, (sh, meta) => {
        const r = metaRow(meta, 'scope.scenarioId');
        meta.getCell(r, 2).value = copy.id;
        idCell = `_meta!B${r}`;
        if (kind === 'plan') set(sh, 5, 'Growth in cost', 0.05);
        else set(sh, rowWhere(sh, 'Year', '2028-29'), 'HNB allocation growth', 0.05);
      });
      const before = dumpTables(t.sqlite);
      const e = await refusedAtStart(t, bytes, before, 'plan.xlsx');
      expect(e.message).toBe(
        `plan.xlsx's hidden _meta sheet does not describe a ${kind === 'plan' ? 'deficit plan assumptions' : 'deficit plan funding'} this workspace holds: ${idCell} — the scenario id ${copy.id} is "Copy", but the scenario named beside it is "Unmitigated" (id ${u}): one of them has been changed, so which scenario the file is for cannot be told. Export a fresh copy and copy your figures into it.`,
      );
      expect(e.details?.issues?.[0]).toMatchObject({ sheet: '_meta', cell: idCell.slice('_meta!'.length) });
    }
  });

  it('a scenario renamed since export still takes its own file back', async () => {
    const { u } = await withPlan();
    const bytes = await tampered(await exported(t, 'plan-funding', scope), FUNDING, (sh) =>
      set(sh, rowWhere(sh, 'Year', '2028-29'), 'HNB allocation growth', 0.02),
    );
    await t.ok('renameScenario', { id: u, name: 'Base case' });
    await apply(t, await previewOf(t, bytes));
    expect((await t.ok('getAssumptions', { scenarioId: u })).funding.find((f) => f.year === '2028-29')?.growthBp).toBe(200);
  });

  it('a funding file re-imported after the plan was cut short: the year no longer in the plan is refused by cell', async () => {
    const { plan } = await withPlan();
    await t.ok('updatePlan', { id: plan.id, horizonYears: 6 });
    let cell = '';
    const bytes = await tampered(await exported(t, 'plan-funding', scope), FUNDING, (sh) => {
      const last = rowWhere(sh, 'Year', '2032-33');
      set(sh, last, 'Block transfers', 1_000);
      set(sh, rowWhere(sh, 'Year', '2027-28'), 'Block transfers', 2_000);
      cell = `${FUNDING}!A${last}`;
    });
    await t.ok('updatePlan', { id: plan.id, horizonYears: 5 });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'plan.xlsx');
    expect(messages(p)).toContainEqual(expect.stringContaining(`${cell} — the hidden row id is not one of the years this workbook was exported with`));
    await refusedToApply(t, p, before);
  });
});

describe('plan funding: rows moved', () => {
  it('rows sorted over the visible columns only (years descending): each figure lands on the year its row says', async () => {
    const { u } = await withPlan();
    const was = (await t.ok('getAssumptions', { scenarioId: u })).funding;
    const bytes = await tampered(await exported(t, 'plan-funding', scope), FUNDING, (sh) => {
      set(sh, rowWhere(sh, 'Year', '2027-28'), 'Block transfers', 111);
      set(sh, rowWhere(sh, 'Year', '2031-32'), 'Block transfers', 555);
      const rows: number[] = [];
      for (let r = 5; r <= sh.rowCount; r++) if (typeof sh.getCell(r, 1).value === 'number') rows.push(r);
      const width = sh.columnCount;
      const visible = rows.map((r) => Array.from({ length: width - 1 }, (_, i) => sh.getCell(r, i + 2).value));
      visible.reverse();
      for (const [i, r] of rows.entries()) {
        for (const [j, v] of visible[i]!.entries()) sh.getCell(r, j + 2).value = v;
      }
    });
    const p = await previewOf(t, bytes);
    expect(messages(p)).toEqual([]);
    expect(p.rows.filter((r) => r.status === 'changed').map((r) => r.ref)).toEqual(['2031-32', '2027-28']);
    await apply(t, p, { confirmFlags: true });
    const funding = (await t.ok('getAssumptions', { scenarioId: u })).funding;
    expect(funding).toEqual(
      was.map((f) => (f.year === '2027-28' ? { ...f, transfersPence: 11_100 } : f.year === '2031-32' ? { ...f, transfersPence: 55_500 } : f)),
    );
  });

  it('a year typed over with one outside the plan, or a row added below the table: refused by cell', async () => {
    await withPlan();
    const bytes = await exported(t, 'plan-funding', scope);
    const before = dumpTables(t.sqlite);
    const outside = await previewOf(
      t,
      await tampered(bytes, FUNDING, (sh) => {
        const r = rowWhere(sh, 'Year', '2029-30');
        set(sh, r, 'Year', '2040-41');
        set(sh, r, 'Block transfers', 1);
      }),
      'plan.xlsx',
    );
    expect(outside.errors.length).toBeGreaterThan(0);
    await refusedToApply(t, outside, before);
  });
});

describe('values no plan holds', () => {
  it.each<[string, string, string, unknown, RegExp]>([
    ['growth of 1e309 as text', LINES, 'Growth in cost', '1e309', /Growth in cost must be a percentage, such as 3\.5% or -2\.25% — found "1e309"/],
    ['growth of 1e309 as a number', LINES, 'Growth in cost', 1e300, /Growth in cost must be a percentage, such as 3\.5% — found 1e\+300/],
    ['growth below -100%', LINES, 'Growth in numbers', -1.0001, /Growth in numbers must be between -100% and 1,000% — found -1\.0001/],
    ['growth as a date', LINES, 'Growth in cost', new Date('2026-01-01T00:00:00Z'), /Growth in cost must be a percentage, not a date/],
    ['growth as TRUE', FUNDING, 'HNB allocation growth', true, /HNB allocation growth must be a percentage, such as 3\.5% — found TRUE/],
    ['growth blank', FUNDING, 'HNB allocation growth', null, /HNB allocation growth must be a percentage \(blank is not allowed\)/],
    [
      'growth of three decimals',
      FUNDING,
      'HNB allocation growth',
      '3.125%',
      /HNB allocation growth must be a percentage, such as 3\.5% or -2\.25% — found "3\.125%"/,
    ],
    ['negative contributions', FUNDING, 'Planned contributions', -1, /Planned contributions must not be negative/],
    ['transfers of 1e309', FUNDING, 'Block transfers', '1e309', /Block transfers must be an amount in pounds, such as 1234\.56/],
    ['transfers beyond a trillion pounds', FUNDING, 'Import/export adjustments', -2e12, /Import\/export adjustments is too large an amount/],
    ['children or places negative', LINES, 'Children or places', -3, /Children or places must not be negative/],
    ['children or places beyond ten million', LINES, 'Children or places', 10_000_001, /Children or places must be at most 10,000,000/],
    ['children or places as 1e309 text', LINES, 'Children or places', '1e309', /Children or places must be a number, such as 1250 or 12\.5/],
    ['a method not in the list', LINES, 'Projected as', 'Guesswork', /Projected as must be one of the projected as values in the list — found "Guesswork"/],
  ])('%s is refused by cell, nothing written', async (_what, sheet, header, value, message) => {
    const { big } = await withPlan();
    let cell = '';
    const bytes = await tampered(await exported(t, sheet === LINES ? 'plan' : 'plan-funding', scope), sheet, (sh) => {
      const r = sheet === LINES ? rowWhere(sh, CODE, big.code) : rowWhere(sh, 'Year', '2028-29');
      set(sh, r, header, value as never);
      if (value instanceof Date) sh.getCell(cellRef(sh, r, header).split('!')[1]!).numFmt = 'dd/mm/yyyy';
      cell = cellRef(sh, r, header);
    });
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, bytes, 'plan.xlsx');
    expect(messages(p)).toContainEqual(expect.stringMatching(new RegExp(`^${cell} — ${message.source}`)));
    await refusedToApply(t, p, before);
  });

  it('a formula for growth is read by its saved value, on its own line, and asked about beyond ±25%', async () => {
    const { u, big, small } = await withPlan();
    const bytes = await tampered(await exported(t, 'plan', scope), LINES, (sh) =>
      set(sh, rowWhere(sh, CODE, big.code), 'Growth in cost', { formula: '0.1*3', result: 0.30000000000000004 } as never),
    );
    const p = await previewOf(t, bytes);
    expect(p.flags.map((f) => f.code)).toEqual(['extreme-values']);
    expect((await t.refused('applyImport', { importId: p.importId })).code).toBe('NEEDS_CONFIRMATION');
    await apply(t, p, { confirmFlags: true });
    expect((await line(u, big.code)).costGrowthBp).toBe(3000);
    expect((await line(u, small.code)).costGrowthBp).toBe(small.costGrowthBp);
  });
});
