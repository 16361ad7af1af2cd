/**
 * The plan's assumptions through Excel and back, as the monitoring return is tested: export,
 * edit with exceljs, preview, apply; and hostile files refused by cell with nothing changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanInfo } from '../../../../../features/recovery/types';
import { runHnb, workspaceSnapshot } from '../../../../support/cli';
import { dumpTables, type TestServer, testServer } from '../../../../support/workspace';
import { columnOf, exportBytes, loadWorkbook, previewOf, rowOfCode, saveWorkbook } from '../../../../support/workbooks';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const PLAN = 'Test plan';

/** The demo with a plan of our own: a hand-added line and an activity line among the workspace's. */
async function withPlan(): Promise<{ t: TestServer; plan: PlanInfo; u: number; m: number }> {
  const server = await testServer({ demo: true });
  t = server;
  const plan = await server.ok('createPlan', { name: PLAN, baseYear: '2026-27', horizonYears: 5 });
  const u = plan.scenarios.find((s) => s.kind === 'unmitigated')!.id;
  const m = plan.scenarios.find((s) => s.kind === 'mitigated')!.id;
  const a = await server.ok('getAssumptions', { scenarioId: u });
  const first = a.lines[0]!;
  await server.ok('savePlanLine', {
    scenarioId: u,
    id: first.id,
    code: first.code,
    name: first.name,
    groupName: first.groupName,
    method: 'activity',
    baseCount: 250,
    countGrowthBp: 500,
    costGrowthBp: 200,
  });
  await server.ok('savePlanLine', {
    scenarioId: u,
    code: 'PL01',
    name: 'Inclusion pilot',
    groupName: first.groupName,
    method: 'percent',
    basePence: 12_345_600,
    countGrowthBp: 0,
    costGrowthBp: 300,
  });
  return { t: server, plan, u, m };
}

const lineSheet = (wb: ExcelJS.Workbook) => wb.getWorksheet('Plan lines')!;
const fundingSheet = (wb: ExcelJS.Workbook) => wb.getWorksheet('Plan funding')!;
function rowOfYear(sh: ExcelJS.Worksheet, year: string): number {
  const col = columnOf(sh, 'Year');
  for (let r = 5; r <= sh.rowCount; r++) if (sh.getRow(r).getCell(col).value === year) return r;
  throw new Error(`no row for ${year}`);
}
const set = (sh: ExcelJS.Worksheet, row: number, header: string, v: ExcelJS.CellValue) => {
  sh.getRow(row).getCell(columnOf(sh, header)).value = v;
};
const cellOf = (sh: ExcelJS.Worksheet, row: number, header: string) => `${String.fromCharCode(64 + columnOf(sh, header))}${row}`;

describe('the plan assumptions workbook', () => {
  it('writes the lines with their formats, and reads an unchanged export back as no change', async () => {
    const { t, u } = await withPlan();
    const a = await t.ok('getAssumptions', { scenarioId: u });
    for (const kind of ['plan', 'plan-funding']) {
      const p = await previewOf(t, await exportBytes(t, { kind, scenario: 'Unmitigated', plan: PLAN }));
      expect(p.ours).toBe(true);
      expect(p.counts).toEqual({
        added: 0,
        changed: 0,
        unchanged: kind === 'plan' ? a.lines.length : 5,
        missing: 0,
        conflicts: 0,
        unmatched: 0,
        errors: 0,
        warnings: 0,
      });
      expect(p.scopeLabel).toBe(`${PLAN}, scenario "Unmitigated": 2027-28 to 2031-32 from ${a.baseLabel}`);
      expect(p.scope).toMatchObject({ scenario: 'Unmitigated', plan: PLAN, scenarioId: u });
    }
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'plan', scenario: String(u) }));
    const sh = lineSheet(wb);
    const first = a.lines[0]!;
    const r = rowOfCode(sh, first.code);
    expect(sh.getRow(r).getCell(columnOf(sh, 'Growth in numbers')).value).toBe(0.05);
    expect(sh.getRow(r).getCell(columnOf(sh, 'Growth in numbers')).numFmt).toBe('0.00%');
    expect(sh.getRow(r).getCell(columnOf(sh, 'Growth in cost')).value).toBe(0.02);
    expect(sh.getRow(r).getCell(columnOf(sh, 'Children or places')).value).toBe(250);
    expect(sh.getRow(r).getCell(columnOf(sh, 'Projected as')).value).toBe('Children or places × cost');
    expect(sh.getRow(r).getCell(columnOf(sh, 'From')).value).toBe('Budget line');
    expect(sh.getRow(rowOfCode(sh, 'PL01')).getCell(columnOf(sh, 'From')).value).toBe('Added to the plan');
    expect(sh.getRow(rowOfCode(sh, 'PL01')).getCell(columnOf(sh, 'Base spend')).value).toBe(123_456);
    const avg = sh.getRow(r).getCell(columnOf(sh, 'Average cost')).value as ExcelJS.CellFormulaValue;
    expect(avg.formula).toMatch(/^IF\(AND\(ISNUMBER\(H\d+\),H\d+>0\),G\d+\/H\d+,""\)$/);
    expect(avg.result).toBe(first.unitCostPence! / 100);
  });

  it('previews exactly the cells edited, a line added and the funding changed, and applies them as one batch', async () => {
    const { t, u, m } = await withPlan();
    const a = await t.ok('getAssumptions', { scenarioId: u });
    const resultBefore = await t.ok('getPlanResult', { scenarioId: m });
    const [first, second] = a.lines;
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'plan', scenario: 'Unmitigated', plan: PLAN }));
    const sh = lineSheet(wb);
    set(sh, rowOfCode(sh, first!.code), 'Growth in cost', 0.0425);
    set(sh, rowOfCode(sh, first!.code), 'Children or places', '262.5');
    set(sh, rowOfCode(sh, second!.code), 'Expenditure line', 'Renamed line');
    set(sh, rowOfCode(sh, second!.code), 'Growth in cost', '-1.5%');
    set(sh, rowOfCode(sh, 'PL01'), 'Base spend', 150_000);
    const spare = rowOfCode(sh, a.lines[a.lines.length - 1]!.code) + 1;
    set(sh, spare, 'Line code', 'PL02');
    set(sh, spare, 'Expenditure line', 'Outreach service');
    set(sh, spare, 'Provision type', first!.groupName);
    set(sh, spare, 'Projected as', 'Children or places × cost');
    set(sh, spare, 'Base spend', 500_000);
    set(sh, spare, 'Children or places', 40);
    set(sh, spare, 'Growth in numbers', 0.1);
    set(sh, spare, 'Growth in cost', '2%');
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, await saveWorkbook(wb));
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(p.errors).toEqual([]);
    expect(p.flags).toEqual([]);
    expect(p.counts).toMatchObject({ added: 1, changed: 3, missing: 0, errors: 0, warnings: 0 });
    expect(p.rows.filter((r) => r.status === 'changed').map((r) => [r.ref, r.cells.map((c) => `${c.header}: ${c.old} -> ${c.new}`)])).toEqual([
      [first!.code, ['Children or places: 250 -> 262.5', 'Growth in cost: 2% -> 4.25%']],
      [second!.code, [`Expenditure line: ${second!.name} -> Renamed line`, 'Growth in cost: 0% -> -1.5%']],
      ['PL01', ['Base spend: £123,456.00 -> £150,000.00']],
    ]);
    expect(p.rows.find((r) => r.status === 'added')).toMatchObject({ ref: 'PL02', label: 'Outreach service' });

    const applied = await t.ok('applyImport', { importId: p.importId });
    expect(applied.batch).toMatchObject({ kind: 'plan', added: 1, changed: 3, deleted: 0 });
    const after = await t.ok('getAssumptions', { scenarioId: u });
    const line = (code: string) => after.lines.find((l) => l.code === code)!;
    expect(line(first!.code)).toMatchObject({ baseCount: 262.5, costGrowthBp: 425, countGrowthBp: 500, method: 'activity' });
    expect(line(second!.code)).toMatchObject({ name: 'Renamed line', costGrowthBp: -150 });
    expect(line('PL01')).toMatchObject({ basePence: 15_000_000, sourceLineId: null });
    expect(line('PL02')).toMatchObject({
      method: 'activity',
      basePence: 50_000_000,
      baseCount: 40,
      countGrowthBp: 1000,
      costGrowthBp: 200,
      sourceLineId: null,
    });
    // The mitigated scenario rests on these assumptions, so its figures moved with them.
    const resultAfter = await t.ok('getPlanResult', { scenarioId: m });
    expect(resultAfter.years[0]!.linesPence).not.toBe(resultBefore.years[0]!.linesPence);

    // The funding sheet: growth as a percent cell and as text, money either sign.
    const fwb = await loadWorkbook(await exportBytes(t, { kind: 'plan-funding', scenario: 'Unmitigated', plan: PLAN }));
    const fs = fundingSheet(fwb);
    set(fs, rowOfYear(fs, '2027-28'), 'HNB allocation growth', 0.035);
    set(fs, rowOfYear(fs, '2028-29'), 'HNB allocation growth', '2.75%');
    set(fs, rowOfYear(fs, '2028-29'), 'Block transfers', -250_000);
    set(fs, rowOfYear(fs, '2029-30'), 'Planned contributions', '£1,000,000');
    const fp = await previewOf(t, await saveWorkbook(fwb));
    expect(fp.errors).toEqual([]);
    expect(fp.rows.map((r) => [r.ref, r.cells.map((c) => `${c.header}: ${c.old} -> ${c.new}`)])).toEqual([
      ['2027-28', ['HNB allocation growth: 0% -> 3.5%']],
      ['2028-29', [expect.stringMatching(/^HNB allocation growth: 0% -> 2\.75%$/), expect.stringMatching(/^Block transfers: .* -> -£250,000\.00$/)]],
      ['2029-30', ['Planned contributions: £0.00 -> £1,000,000.00']],
    ]);
    await t.ok('applyImport', { importId: fp.importId });
    const funding = (await t.ok('getAssumptions', { scenarioId: u })).funding;
    expect(funding.slice(0, 3)).toMatchObject([
      { year: '2027-28', growthBp: 350 },
      { year: '2028-29', growthBp: 275, transfersPence: -25_000_000 },
      { year: '2029-30', contributionsPence: 100_000_000 },
    ]);
    const result = await t.ok('getPlanResult', { scenarioId: u });
    const base = (await t.ok('getAssumptions', { scenarioId: u })).baseAllocationPence;
    expect(result.years[0]!.allocationPence).toBe(Math.round(base * 1.035));

    // The whole import reverts as one.
    const batches = await t.ok('revertImportBatch', { batchId: applied.batch!.id + 1 });
    expect(batches[0]).toMatchObject({ canRevert: false });
  });

  it('asks before applying growth beyond ±25%, refuses it beyond -100%…1,000%, and applies the extreme once confirmed', async () => {
    const { t, u } = await withPlan();
    const a = await t.ok('getAssumptions', { scenarioId: u });
    const code = a.lines[1]!.code;
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'plan', scenario: 'Unmitigated', plan: PLAN }));
    const sh = lineSheet(wb);
    const row = rowOfCode(sh, code);
    set(sh, row, 'Growth in cost', 12);
    const before = dumpTables(t.sqlite);
    const refused = await previewOf(t, await saveWorkbook(wb));
    expect(refused.errors.map((e) => e.message)).toEqual([
      `Plan lines!${cellOf(sh, row, 'Growth in cost')} — Growth in cost must be between -100% and 1,000% — found 12`,
    ]);

    set(sh, row, 'Growth in cost', 0.4);
    const p = await previewOf(t, await saveWorkbook(wb));
    expect(p.errors).toEqual([]);
    expect(p.rows[0]).toMatchObject({ ref: code, warnings: ['Growth in cost is 40%, beyond ±25%: is that meant, or a slip?'] });
    expect(p.flags).toEqual([{ code: 'extreme-values', message: '1 line has a percentage outside the usual range: check it below.' }]);
    const asked = await t.refused('applyImport', { importId: p.importId });
    expect(asked.code).toBe('NEEDS_CONFIRMATION');
    expect(asked.message).toMatch(/outside the usual range/);
    expect(dumpTables(t.sqlite)).toEqual(before);
    await t.ok('applyImport', { importId: p.importId, confirmFlags: true });
    expect((await t.ok('getAssumptions', { scenarioId: u })).lines[1]!.costGrowthBp).toBe(4000);
  });

  it('keeps a workspace line to its base, and an activity line to its count', async () => {
    const { t, u } = await withPlan();
    const a = await t.ok('getAssumptions', { scenarioId: u });
    const [first, second] = a.lines;
    const wb = await loadWorkbook(await exportBytes(t, { kind: 'plan', scenario: 'Unmitigated', plan: PLAN }));
    const sh = lineSheet(wb);
    set(sh, rowOfCode(sh, second!.code), 'Base spend', 1);
    set(sh, rowOfCode(sh, first!.code), 'Children or places', null);
    // Two new lines with one code.
    const spare = rowOfCode(sh, a.lines[a.lines.length - 1]!.code) + 1;
    for (const r of [spare, spare + 1]) {
      set(sh, r, 'Line code', 'PL03');
      set(sh, r, 'Expenditure line', `Twin ${r}`);
      set(sh, r, 'Provision type', first!.groupName);
      set(sh, r, 'Projected as', 'Grown by a percentage');
      set(sh, r, 'Base spend', 10);
      set(sh, r, 'Growth in cost', 0);
    }
    const before = dumpTables(t.sqlite);
    const p = await previewOf(t, await saveWorkbook(wb));
    const rows = { second: rowOfCode(sh, second!.code), first: rowOfCode(sh, first!.code) };
    expect(p.errors.map((e) => `${e.cell} ${e.rule}`)).toEqual([
      `${cellOf(sh, rows.first, 'Children or places')} a line projected as children or places × cost needs the number of children or places in the base year`,
      `${cellOf(sh, rows.second, 'Base spend')} a line read from the workspace keeps its base spend (its forecast or outturn for the base year): change the forecast there and refresh the plan's base, or add a line of your own`,
      `B${spare + 1} line codes must be different within a scenario`,
    ]);
    expect((await t.refused('applyImport', { importId: p.importId })).code).toBe('INVALID_INPUT');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  describe('hostile files are refused by cell, and nothing changes', () => {
    it('an edited hidden id, a row from another scenario, text in a percent cell', async () => {
      const { t, u } = await withPlan();
      // A second plan whose scenario has a line this one lacks.
      const other = await t.ok('createPlan', { name: 'Other plan', baseYear: '2026-27', horizonYears: 6 });
      const ou = other.scenarios.find((s) => s.kind === 'unmitigated')!.id;
      const theirs = await t.ok('savePlanLine', {
        scenarioId: ou,
        code: 'ZZ99',
        name: 'Their line',
        groupName: 'Other',
        method: 'percent',
        basePence: 100,
        countGrowthBp: 0,
        costGrowthBp: 0,
      });
      const theirLine = theirs.lines.find((l) => l.code === 'ZZ99')!;
      const a = await t.ok('getAssumptions', { scenarioId: u });
      const bytes = await exportBytes(t, { kind: 'plan', scenario: 'Unmitigated', plan: PLAN });
      const before = dumpTables(t.sqlite);

      // The hidden id typed over with another scenario's line id.
      let wb = await loadWorkbook(bytes);
      let sh = lineSheet(wb);
      const r1 = rowOfCode(sh, a.lines[2]!.code);
      sh.getRow(r1).getCell(1).value = theirLine.id;
      set(sh, r1, 'Line code', 'ZZ99');
      let p = await previewOf(t, await saveWorkbook(wb));
      expect(p.errors.map((e) => e.message)).toContainEqual(
        `Plan lines!A${r1} — the hidden row id is not one of the lines this workbook was exported with — found id ${theirLine.id} on a row that says ZZ99`,
      );
      expect((await t.refused('applyImport', { importId: p.importId })).code).toBe('INVALID_INPUT');

      // A row pasted from the other scenario's export: its code, no id of ours.
      wb = await loadWorkbook(bytes);
      sh = lineSheet(wb);
      const spare = rowOfCode(sh, a.lines[a.lines.length - 1]!.code) + 1;
      set(sh, spare, 'Line code', 'ZZ99');
      set(sh, spare, 'Expenditure line', 'Their line');
      set(sh, spare, 'Provision type', a.lines[0]!.groupName);
      set(sh, spare, 'Projected as', 'Grown by a percentage');
      set(sh, spare, 'Base spend', 1);
      set(sh, spare, 'Growth in cost', 0);
      p = await previewOf(t, await saveWorkbook(wb));
      expect(p.errors.map((e) => e.message)).toContainEqual(
        `Plan lines!A${spare} — the row says ZZ99, which is line ZZ99 of the plan "Other plan", scenario "Unmitigated", not of this scenario: it was not exported in this workbook (pasted from another return?) — found a blank id`,
      );

      // Text, a date and TRUE where a percentage belongs.
      wb = await loadWorkbook(bytes);
      sh = lineSheet(wb);
      const r2 = rowOfCode(sh, a.lines[1]!.code);
      const r3 = rowOfCode(sh, a.lines[2]!.code);
      set(sh, r2, 'Growth in cost', 'three and a half');
      set(sh, r3, 'Growth in cost', true);
      set(sh, r3, 'Growth in numbers', '3.5');
      p = await previewOf(t, await saveWorkbook(wb));
      expect(p.errors.map((e) => e.message)).toEqual([
        `Plan lines!${cellOf(sh, r2, 'Growth in cost')} — Growth in cost must be a percentage, such as 3.5% or -2.25% — found "three and a half"`,
        `Plan lines!${cellOf(sh, r3, 'Growth in numbers')} — Growth in numbers must be a percentage, such as 3.5% or -2.25% — found "3.5"`,
        `Plan lines!${cellOf(sh, r3, 'Growth in cost')} — Growth in cost must be a percentage, such as 3.5% — found TRUE`,
      ]);
      expect((await t.refused('applyImport', { importId: p.importId })).code).toBe('INVALID_INPUT');
      expect(dumpTables(t.sqlite)).toEqual(before);
    });

    it('a submitted scenario: the preview says it is locked, and apply is refused', async () => {
      const { t, u, m } = await withPlan();
      const wb = await loadWorkbook(await exportBytes(t, { kind: 'plan', scenario: 'Unmitigated', plan: PLAN }));
      const fwb = await loadWorkbook(await exportBytes(t, { kind: 'plan-funding', scenario: 'Unmitigated', plan: PLAN }));
      const a = await t.ok('getAssumptions', { scenarioId: u });
      const sh = lineSheet(wb);
      set(sh, rowOfCode(sh, a.lines[1]!.code), 'Growth in cost', 0.05);
      set(fundingSheet(fwb), rowOfYear(fundingSheet(fwb), '2027-28'), 'HNB allocation growth', 0.05);
      // Submitting the mitigated scenario locks its unmitigated parent too.
      await t.ok('submitScenario', { id: m, submittedOn: '2026-02-20', note: 'Schools Forum 12 March' });
      const before = dumpTables(t.sqlite);
      for (const book of [wb, fwb]) {
        const p = await previewOf(t, await saveWorkbook(book));
        expect(p.errors[0]).toMatchObject({ field: 'scope', rule: 'must not be locked', message: expect.stringMatching(/submitted and locked/) });
        const refused = await t.refused('applyImport', { importId: p.importId });
        expect(refused.code).toBe('INVALID_INPUT');
        expect(dumpTables(t.sqlite)).toEqual(before);
      }
    });

    it('a hidden _meta naming a mitigated scenario, or a scenario since deleted', async () => {
      const { t, m } = await withPlan();
      const bytes = await exportBytes(t, { kind: 'plan', scenario: 'Unmitigated', plan: PLAN });
      const wb = await loadWorkbook(bytes);
      const meta = wb.getWorksheet('_meta')!;
      let idRow = 0;
      meta.eachRow((row, n) => {
        if (row.getCell(1).value === 'scope.scenarioId') idRow = n;
      });
      meta.getRow(idRow).getCell(2).value = m;
      const before = dumpTables(t.sqlite);
      const e = await t.refused('importFile', { source: { fileName: 'x.xlsx', base64: (await saveWorkbook(wb)).toString('base64') } });
      expect(e.code).toBe('INVALID_FILE');
      expect(e.message).toMatch(/"Mitigated" is a mitigated scenario: its assumptions are those of "Unmitigated"/);
      meta.getRow(idRow).getCell(2).value = 999;
      const gone = await t.refused('importFile', { source: { fileName: 'x.xlsx', base64: (await saveWorkbook(wb)).toString('base64') } });
      expect(gone.message).toMatch(/The scenario this workbook was exported from \(id 999\) has been deleted/);
      expect(gone.details?.issues?.[0]).toMatchObject({ sheet: '_meta', cell: `B${idRow}` });
      expect(dumpTables(t.sqlite)).toEqual(before);
    });
  });

  it('names the scenario by name, plan or id, and refuses a mitigated one, an unknown one and an ambiguous one', async () => {
    const { t, u } = await withPlan();
    await t.ok('createPlan', { name: 'Second plan', baseYear: '2026-27', horizonYears: 5 });
    const mitigated = await t.refused('exportWorkbook', { kind: 'plan', scope: { scenario: 'Mitigated', plan: PLAN } });
    expect(mitigated).toMatchObject({ code: 'INVALID_INPUT' });
    expect(mitigated.message).toBe(
      '"Mitigated" is a mitigated scenario: its assumptions are those of "Unmitigated", so export and import "Unmitigated" instead. A mitigated scenario differs only by the projects attached to it.',
    );
    const ambiguous = await t.refused('exportWorkbook', { kind: 'plan', scope: { scenario: 'unmitigated' } });
    // The demo has a plan of its own with an "Unmitigated" scenario too.
    expect(ambiguous.message).toMatch(
      /^Several plans have a scenario called "unmitigated" \((".*", )?"Test plan", "Second plan"\): say which plan \(--plan NAME\)\.$/,
    );
    const unknown = await t.refused('exportWorkbook', { kind: 'plan-funding', scope: { scenario: 'Best case', plan: PLAN } });
    expect(unknown).toMatchObject({
      code: 'NOT_FOUND',
      message: `There is no scenario called "Best case" in the plan "${PLAN}". Unmitigated scenarios: "Unmitigated".`,
    });
    const noPlan = await t.refused('exportWorkbook', { kind: 'plan', scope: { scenario: 'Unmitigated', plan: 'Nope' } });
    expect(noPlan.message).toMatch(/^There is no plan called "Nope"\. The plans are: /);
    const missing = await t.refused('exportWorkbook', { kind: 'plan', scope: {} });
    expect(missing.details?.issues?.[0]).toMatchObject({ field: 'scenario', rule: 'Scenario is required' });
    const f = await t.ok('exportWorkbook', { kind: 'plan', scope: { scenario: u } });
    expect(f.fileName).toBe(`Plan assumptions ${u}.xlsx`);
  });

  it('answers to hnb export plan and hnb import, which asks for --confirm before an extreme growth', async () => {
    const { t, u } = await withPlan();
    const a = await t.ok('getAssumptions', { scenarioId: u });
    // The command line opens the same workspace file once the server has let go of it.
    t.server.close();
    const hnb = (...argv: string[]) => runHnb(t.dir, argv);
    const out = await hnb('export', 'plan', '--scenario', 'Unmitigated', '--plan', PLAN, '--out', 'plan.xlsx');
    expect(out).toMatchObject({ code: 0, err: '' });
    const wb = await loadWorkbook(readFileSync(join(t.dir, 'plan.xlsx')));
    const sh = lineSheet(wb);
    set(sh, rowOfCode(sh, a.lines[1]!.code), 'Growth in cost', 0.3);
    writeFileSync(join(t.dir, 'edited.xlsx'), await saveWorkbook(wb));
    const before = workspaceSnapshot(t.dir);
    const asked = await hnb('import', 'edited.xlsx', '--apply');
    expect(asked.code).toBe(2);
    expect(asked.out).toMatch(/Look again: 1 line has a percentage outside the usual range/);
    expect(asked.out).toMatch(/Warning: Growth in cost is 30%, beyond ±25%: is that meant, or a slip\?/);
    expect(workspaceSnapshot(t.dir)).toEqual(before);
    const done = await hnb('import', 'edited.xlsx', '--apply', '--confirm', '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out)).toMatchObject({ kind: 'plan', changed: 1, applied: { changed: 1 } });
    const mitigated = await hnb('export', 'plan-funding', '--scenario', 'Mitigated', '--plan', PLAN, '--out', 'm.xlsx');
    expect(mitigated.code).toBe(2);
    expect(mitigated.err).toMatch(/"Mitigated" is a mitigated scenario/);
  });
});
