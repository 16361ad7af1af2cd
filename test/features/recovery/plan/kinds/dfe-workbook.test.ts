/**
 * The plan in the DfE management plan's summary layout: every figure where the layout puts it,
 * every formula worked out again here and found equal to the value it carries, the house print
 * set-up, and the handler and `hnb export-plan` around it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { moneyFormat } from '../../../../../electron/shared/money';
import { type DfePlanInput, writePlanWorkbook } from '../../../../../features/recovery/plan/dfe-workbook';
import type { PlanLineYear, PlanResult, PlanYearResult } from '../../../../../features/recovery/types';
import { runHnb } from '../../../../support/cli';
import { dumpTables, type TestServer, tempDir, testServer } from '../../../../support/workspace';
import { loadWorkbook, partText } from '../../../../support/workbooks';
import { columnLetter } from '../../../../../electron/server/workbooks/column-letter';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const YEARS = ['2026-27', '2027-28', '2028-29'];

function yearOf(year: string, o: Partial<PlanYearResult>): PlanYearResult {
  const y: PlanYearResult = {
    year,
    allocationPence: 0,
    transfersPence: 0,
    adjustmentsPence: 0,
    fundingPence: 0,
    linesPence: 0,
    projectCostsPence: 0,
    savingsPence: 0,
    expenditurePence: 0,
    inYearPence: 0,
    safetyValvePence: 0,
    otherContributionsPence: 0,
    contributionsPence: 0,
    cumulativePence: 0,
    ...o,
  };
  return y;
}

/** A small plan worked by hand: two provision types, an activity line, two projects. */
function handMade(): DfePlanInput {
  const lineYears = (lineId: number, code: string, name: string, groupName: string, pence: number[], counts?: number[]): PlanLineYear[] =>
    pence.map((p, i) => ({ lineId, code, name, groupName, count: counts?.[i] ?? null, unitCostPence: counts ? Math.round(p / counts[i]!) : null, pence: p }));
  const lines: PlanResult['lines'] = [
    {
      lineId: 1,
      code: 'HN01',
      name: 'Top-ups mainstream',
      groupName: 'Mainstream',
      method: 'activity',
      years: lineYears(1, 'HN01', 'Top-ups mainstream', 'Mainstream', [1_050_000_00, 1_102_500_00, 1_157_625_00], [105, 110.25, 115.7625]),
    },
    {
      lineId: 2,
      code: 'HN02',
      name: 'Special schools',
      groupName: 'Special',
      method: 'percent',
      years: lineYears(2, 'HN02', 'Special schools', 'Special', [2_060_000_00, 2_121_800_00, 2_185_454_00]),
    },
    {
      lineId: 3,
      code: 'HN03',
      name: 'Inclusion fund',
      groupName: 'Mainstream',
      method: 'percent',
      years: lineYears(3, 'HN03', 'Inclusion fund', 'Mainstream', [100_000_00, 100_000_00, 100_000_00]),
    },
  ];
  const linesPence = YEARS.map((_y, i) => lines.reduce((a, l) => a + l.years[i]!.pence, 0));
  const allocation = [3_105_000_00, 3_198_150_00, 3_294_094_50];
  let cum = -1_000_000_00;
  const sv = [200_000_00, 200_000_00, 0];
  const other = [0, 50_000_00, 0];
  const unmitYears = YEARS.map((year, i) => {
    const funding = allocation[i]! + 10_000_00 - 5_000_00;
    const inYear = funding - linesPence[i]!;
    cum += inYear + sv[i]! + other[i]!;
    return yearOf(year, {
      allocationPence: allocation[i]!,
      transfersPence: 10_000_00,
      adjustmentsPence: -5_000_00,
      fundingPence: funding,
      linesPence: linesPence[i]!,
      expenditurePence: linesPence[i]!,
      inYearPence: inYear,
      safetyValvePence: sv[i]!,
      otherContributionsPence: other[i]!,
      contributionsPence: sv[i]! + other[i]!,
      cumulativePence: cum,
    });
  });
  const projects: PlanResult['projects'] = [
    {
      projectId: 7,
      code: 'P1',
      name: 'Panel redesign',
      workstream: 'Assessment',
      hnbFunded: true,
      years: YEARS.map((year, i) => ({
        year,
        costPence: [30_000_00, 10_000_00, 0][i]!,
        savingPence: [0, 80_000_00, 120_000_00][i]!,
        targetPence: [0, 80_000_00, 120_000_00][i]!,
        deliveredPence: i === 0 ? 0 : null,
      })),
    },
    {
      projectId: 8,
      code: 'P2',
      name: 'Improvement partner',
      workstream: 'Programme',
      hnbFunded: false,
      years: YEARS.map((year, i) => ({
        year,
        costPence: 50_000_00,
        savingPence: [10_000_00, 20_000_00, 30_000_00][i]!,
        targetPence: [10_000_00, 20_000_00, 30_000_00][i]!,
        deliveredPence: i === 0 ? 12_000_00 : null,
      })),
    },
  ];
  let mcum = -1_000_000_00;
  const mitYears = unmitYears.map((u, i) => {
    const costs = projects[0]!.years[i]!.costPence;
    const savings = projects.reduce((a, p) => a + p.years[i]!.savingPence, 0);
    const expenditure = u.linesPence + costs - savings;
    const inYear = u.fundingPence - expenditure;
    mcum += inYear + u.contributionsPence;
    return { ...u, projectCostsPence: costs, savingsPence: savings, expenditurePence: expenditure, inYearPence: inYear, cumulativePence: mcum };
  });
  const result = (scenarioId: number, scenario: string, kind: 'unmitigated' | 'mitigated', years: PlanYearResult[]): PlanResult => ({
    scenarioId,
    scenario,
    kind,
    baseYear: '2025-26',
    baseLabel: '2025-26 forecast at P7 (October 2025)',
    openingCumulativePence: -1_000_000_00,
    years,
    lines,
    projects: kind === 'mitigated' ? projects : [],
    firstInYearSurplus: years.find((y) => y.inYearPence > 0)?.year ?? null,
    submitted: null,
  });
  return {
    authority: 'Test & Borough Council',
    planName: 'Recovery plan 2026',
    preparedBy: 'j.smith',
    preparedAt: new Date('2026-03-01T12:00:00Z'),
    money: moneyFormat('brackets'),
    base: {
      year: '2025-26',
      label: '2025-26 forecast at P7 (October 2025)',
      allocationPence: 3_000_000_00,
      transfersPence: 8_000_00,
      adjustmentsPence: -4_000_00,
      lines: new Map([
        [1, 1_000_000_00],
        [2, 2_000_000_00],
        [3, 100_000_00],
      ]),
      counts: new Map([[1, 100]]),
      safetyValvePence: 150_000_00,
      otherContributionsPence: 25_000_00,
      cumulativePence: -1_000_000_00,
    },
    unmitigated: result(1, 'Unmitigated', 'unmitigated', unmitYears),
    mitigated: result(2, 'With the SEND recovery plan', 'mitigated', mitYears),
    fundingSources: new Map([
      [7, 'High Needs Block'],
      [8, 'Transformation reserve'],
    ]),
  };
}

const cellNumber = (cell: ExcelJS.Cell): number | string | null => {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  // exceljs leaves out a result of 0 on reading: Excel works it out on load (fullCalcOnLoad).
  if (typeof v === 'object' && 'formula' in v) return ((v as ExcelJS.CellFormulaValue).result as number | undefined) ?? 0;
  return v as number | string;
};

/**
 * Works a formula out again from the cells it names: SUM over a range, cell references, + and -.
 * A formula cell it refers to is worked out in turn, so a chain of positions is checked end to end.
 */
function evaluate(sh: ExcelJS.Worksheet, formula: string): number {
  const cellValue = (ref: string): number => {
    const cell = sh.getCell(ref);
    const v = cell.value;
    if (v && typeof v === 'object' && 'formula' in v) return evaluate(sh, (v as ExcelJS.CellFormulaValue).formula);
    return typeof v === 'number' ? v : 0;
  };
  const colNo = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const expanded = formula.replace(/SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)/g, (_m, c1: string, r1: string, c2: string, r2: string) => {
    let total = 0;
    for (let c = colNo(c1); c <= colNo(c2); c++) {
      for (let r = Number(r1); r <= Number(r2); r++) total += cellValue(`${columnLetter(c)}${r}`);
    }
    return `(${total})`;
  });
  const numeric = expanded.replace(/[A-Z]+\d+/g, (ref) => `(${cellValue(ref)})`);
  expect(numeric).toMatch(/^[-+0-9.()e]+$/);
  return Function(`"use strict"; return (${numeric});`)() as number;
}

function checkFormulas(sh: ExcelJS.Worksheet): number {
  let checked = 0;
  sh.eachRow((row) => {
    row.eachCell((cell) => {
      const v = cell.value;
      if (!v || typeof v !== 'object' || !('formula' in v)) return;
      const f = v as ExcelJS.CellFormulaValue;
      expect(evaluate(sh, f.formula), `${sh.name}!${cell.address} =${f.formula}`).toBeCloseTo(cellNumber(cell) as number, 2);
      checked++;
    });
  });
  return checked;
}

/** The row whose label (column B) is exactly this, after a given row. */
function rowLabelled(sh: ExcelJS.Worksheet, label: string, after = 0): ExcelJS.Row {
  for (let r = after + 1; r <= sh.rowCount; r++) if (sh.getRow(r).getCell(2).value === label) return sh.getRow(r);
  throw new Error(`no row "${label}" after row ${after} on ${sh.name}`);
}
const pounds = (row: ExcelJS.Row) => [3, 4, 5, 6].map((c) => cellNumber(row.getCell(c)));

describe('the DfE summary workbook', () => {
  it('lays the plan out year by year, unmitigated then mitigated, with formulas that work out to their values', async () => {
    const input = handMade();
    const bytes = await writePlanWorkbook(input);
    const wb = await loadWorkbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Savings log']);
    const sh = wb.getWorksheet('Summary')!;
    expect(sh.getCell('A1').value).toBe('Test & Borough Council: DSG deficit management plan');
    const header = sh.getRow(5);
    expect([1, 2, 3, 4, 5, 6].map((c) => header.getCell(c).value)).toEqual([
      'Code',
      'High Needs Block',
      '2025-26\nactual/forecast',
      '2026-27\nplan',
      '2027-28\nplan',
      '2028-29\nplan',
    ]);
    expect(sh.getRow(6).getCell(2).value).toBe('Without the recovery plan (unmitigated): Unmitigated');

    // Funding, by block.
    expect(pounds(rowLabelled(sh, 'HNB allocation (after deductions for places)'))).toEqual([3_000_000, 3_105_000, 3_198_150, 3_294_094.5]);
    expect(pounds(rowLabelled(sh, 'Total HNB funding'))).toEqual([3_004_000, 3_110_000, 3_203_150, 3_299_094.5]);
    // Lines grouped by provision type in the order first met, each group with its subtotal.
    const labels: unknown[] = [];
    for (let r = rowLabelled(sh, 'Expenditure by provision type').number + 1; r < rowLabelled(sh, 'Total High Needs expenditure').number; r++) {
      labels.push(`${sh.getRow(r).getCell(1).value ?? ''}|${sh.getRow(r).getCell(2).value}`);
    }
    expect(labels).toEqual([
      'HN01|Top-ups mainstream',
      '|children or places',
      '|average cost of each',
      'HN03|Inclusion fund',
      '|Total Mainstream',
      'HN02|Special schools',
      '|Total Special',
    ]);
    expect(pounds(rowLabelled(sh, 'children or places'))).toEqual([100, 105, 110.25, 115.7625]);
    expect(rowLabelled(sh, 'children or places').getCell(4).numFmt).toBe('#,##0');
    expect(pounds(rowLabelled(sh, 'average cost of each'))).toEqual([10_000, 10_000, 10_000, 10_000]);
    expect(pounds(rowLabelled(sh, 'Total Mainstream'))).toEqual([1_100_000, 1_150_000, 1_202_500, 1_257_625]);
    const total = rowLabelled(sh, 'Total High Needs expenditure');
    expect(pounds(total)).toEqual([3_100_000, ...input.unmitigated.years.map((y) => y.expenditurePence / 100)]);
    const inYear = rowLabelled(sh, 'In-year surplus / (deficit)');
    expect(pounds(inYear)).toEqual([-96_000, ...input.unmitigated.years.map((y) => y.inYearPence / 100)]);
    const cumulative = rowLabelled(sh, 'Cumulative DSG surplus / (deficit) at 31 March');
    expect(pounds(cumulative)).toEqual([-1_000_000, ...input.unmitigated.years.map((y) => y.cumulativePence / 100)]);
    expect((cumulative.getCell(4).value as ExcelJS.CellFormulaValue).formula).toBe(
      `C${cumulative.number}+D${inYear.number}+D${rowLabelled(sh, 'Safety Valve instalments').number}+D${rowLabelled(sh, 'Council and other contributions').number}`,
    );

    // Mitigated: the same funding, the projects' costs added and their savings taken off.
    const mStart = rowLabelled(sh, 'With the recovery plan (mitigated): With the SEND recovery plan').number;
    const m = input.mitigated!;
    expect(pounds(rowLabelled(sh, 'Add: costs of recovery projects funded from the HNB', mStart))).toEqual([0, 30_000, 10_000, 0]);
    expect(pounds(rowLabelled(sh, 'Less: savings and cost avoidance', mStart))).toEqual([0, -10_000, -100_000, -150_000]);
    expect(pounds(rowLabelled(sh, 'Total High Needs expenditure with the recovery plan', mStart))).toEqual([
      3_100_000,
      ...m.years.map((y) => y.expenditurePence / 100),
    ]);
    expect(pounds(rowLabelled(sh, 'Cumulative DSG surplus / (deficit) at 31 March', mStart))).toEqual([
      -1_000_000,
      ...m.years.map((y) => y.cumulativePence / 100),
    ]);
    expect(pounds(rowLabelled(sh, "Recovery plan's effect on the cumulative position", mStart))).toEqual([0, -20_000, 70_000, 220_000]);
    const firstSurplus = m.firstInYearSurplus;
    const notes: unknown[] = [];
    sh.eachRow((row) => notes.push(row.getCell(1).value));
    expect(notes).toContain(firstSurplus ? `First year with an in-year surplus: ${firstSurplus}.` : 'No plan year reaches an in-year surplus.');
    expect(notes).toContain(
      input.unmitigated.firstInYearSurplus
        ? `First year with an in-year surplus: ${input.unmitigated.firstInYearSurplus}.`
        : 'No plan year reaches an in-year surplus.',
    );

    expect(partText(bytes, 'xl/workbook.xml')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    // Every formula, worked out again, is the value it carries.
    expect(checkFormulas(sh)).toBeGreaterThan(40);
    expect(checkFormulas(wb.getWorksheet('Savings log')!)).toBeGreaterThan(20);

    // Pounds in the workspace's negative style, negatives in red, printed A4 landscape with titles.
    expect(total.getCell(4).numFmt).toBe(moneyFormat('brackets').excelWhole);
    expect(sh.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:5' });
    expect(sh.pageSetup.printArea).toBe(`A1:F${sh.rowCount}`);
    expect(sh.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 5 });
    expect(sh.headerFooter.oddFooter).toBe('&LTest && Borough Council&CRecovery plan 2026: summary&RPage &P of &N');
    const red = (sh as unknown as { conditionalFormattings: Array<{ ref: string }> }).conditionalFormattings.map((c) => c.ref);
    expect(red).toContain(`C${inYear.number}:F${inYear.number}`);

    // Sign-off: who prepared it and when, and lines to sign.
    const signOff = rowLabelled(sh, 'Sign-off').number;
    const signed = [1, 2, 3, 4, 5, 6, 7].map((i) => [sh.getRow(signOff + i).getCell(2).value, sh.getRow(signOff + i).getCell(3).value]);
    expect(signed).toEqual([
      ['Prepared by', 'j.smith'],
      ['Date prepared', '01/03/2026'],
      ['Presented to the Schools Forum on', ''],
      ['Submitted', ''],
      ['Section 151 officer (name)', ''],
      ['Signature', ''],
      ['Date signed', ''],
    ]);
  });

  it('logs each project by workstream: targets, delivered and costs, a year a column, with totals', async () => {
    const wb = await loadWorkbook(await writePlanWorkbook(handMade()));
    const sh = wb.getWorksheet('Savings log')!;
    const header = sh.getRow(4);
    expect([1, 2, 3, 4, 5, 6].map((c) => header.getCell(c).value)).toEqual(['Code', 'Project', '2026-27', '2027-28', '2028-29', 'Total']);
    expect(sh.getRow(5).getCell(2).value).toBe('Assessment');
    expect([sh.getRow(6).getCell(1).value, sh.getRow(6).getCell(2).value]).toEqual(['P1', 'Panel redesign (funded from: High Needs Block)']);
    expect(pounds(sh.getRow(7))).toEqual([0, 80_000, 120_000, 200_000]);
    expect(sh.getRow(8).getCell(2).value).toBe('Delivered');
    // A year not yet reported is blank, not nought.
    expect(pounds(sh.getRow(8))).toEqual([0, null, null, 0]);
    expect(pounds(rowLabelled(sh, 'Cost (not counted in the plan)'))).toEqual([50_000, 50_000, 50_000, 150_000]);
    expect(pounds(rowLabelled(sh, 'All projects: savings and cost avoidance targeted'))).toEqual([10_000, 100_000, 150_000, 260_000]);
    expect(pounds(rowLabelled(sh, 'All projects: delivered'))).toEqual([12_000, 0, 0, 12_000]);
    expect(pounds(rowLabelled(sh, 'All projects: cost'))).toEqual([80_000, 60_000, 50_000, 190_000]);
    expect(pounds(rowLabelled(sh, 'Of which funded from the High Needs Block (counted in the plan)'))).toEqual([30_000, 10_000, 0, 40_000]);
    expect(sh.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '4:4' });
  });

  it('without a mitigated scenario: the unmitigated position alone, and a savings log that says why it is empty', async () => {
    const input = { ...handMade(), mitigated: null };
    const wb = await loadWorkbook(await writePlanWorkbook(input));
    const sh = wb.getWorksheet('Summary')!;
    const labels: unknown[] = [];
    sh.eachRow((r) => labels.push(r.getCell(2).value));
    expect(labels.filter((l) => typeof l === 'string' && l.startsWith('With the recovery plan'))).toEqual([]);
    expect(labels).not.toContain("Recovery plan's effect on the cumulative position");
    expect(wb.getWorksheet('Savings log')!.getCell('A2').value).toBe('No mitigated scenario was included, so there are no recovery projects to log.');
  });
});

describe('buildPlanWorkbook and hnb export-plan', () => {
  it('builds the demo plan from its scenarios, figures as getPlanResult gives them', async () => {
    t = await testServer({ demo: true, now: () => new Date('2026-03-01T12:00:00Z') });
    const plan = (await t.ok('listPlans', {}))[0]!;
    const u = plan.scenarios.find((s) => s.kind === 'unmitigated' && !s.locked)!;
    const m = plan.scenarios.find((s) => s.kind === 'mitigated' && s.parentId === u.id)!;
    const before = dumpTables(t.sqlite);
    const file = await t.ok('buildPlanWorkbook', { unmitigatedId: u.id, mitigatedId: m.id });
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect(file.fileName).toBe(`${plan.name} (DfE summary).xlsx`);
    const wb = await loadWorkbook(Buffer.from(file.base64, 'base64'));
    const sh = wb.getWorksheet('Summary')!;
    const ur = await t.ok('getPlanResult', { scenarioId: u.id });
    const mr = await t.ok('getPlanResult', { scenarioId: m.id });
    const years = plan.years.length;
    const across = (row: ExcelJS.Row) => Array.from({ length: years }, (_x, i) => cellNumber(row.getCell(4 + i)));
    const cum = rowLabelled(sh, 'Cumulative DSG surplus / (deficit) at 31 March');
    expect(across(cum)).toEqual(ur.years.map((y) => y.cumulativePence / 100));
    expect(cellNumber(cum.getCell(3))).toBe(ur.openingCumulativePence / 100);
    const mStart = rowLabelled(sh, `With the recovery plan (mitigated): ${m.name}`).number;
    expect(across(rowLabelled(sh, 'Cumulative DSG surplus / (deficit) at 31 March', mStart))).toEqual(mr.years.map((y) => y.cumulativePence / 100));
    expect(across(rowLabelled(sh, 'Total High Needs expenditure with the recovery plan', mStart))).toEqual(mr.years.map((y) => y.expenditurePence / 100));
    expect(checkFormulas(sh)).toBeGreaterThan(100);
    const log = wb.getWorksheet('Savings log')!;
    expect(checkFormulas(log)).toBeGreaterThan(20);
    const targeted = rowLabelled(log, 'All projects: savings and cost avoidance targeted');
    expect(Array.from({ length: years }, (_x, i) => cellNumber(targeted.getCell(3 + i)))).toEqual(mr.years.map((y) => y.savingsPence / 100));
  });

  it('refuses a mitigated scenario as the unmitigated one, and a mitigated one built on another', async () => {
    t = await testServer({ demo: true });
    const plan = (await t.ok('listPlans', {}))[0]!;
    const [u1, u2] = plan.scenarios.filter((s) => s.kind === 'unmitigated');
    const m2 = plan.scenarios.find((s) => s.kind === 'mitigated' && s.parentId === u2!.id)!;
    const wrongWay = await t.refused('buildPlanWorkbook', { unmitigatedId: m2.id });
    expect(wrongWay).toMatchObject({
      code: 'INVALID_INPUT',
      message: `"${m2.name}" is a mitigated scenario: export its unmitigated scenario "${u2!.name}", with "${m2.name}" as the mitigated one.`,
    });
    const otherParent = await t.refused('buildPlanWorkbook', { unmitigatedId: u1!.id, mitigatedId: m2.id });
    expect(otherParent.message).toBe(
      `"${m2.name}" is built on another unmitigated scenario, not on "${u1!.name}": its figures would not follow from this one.`,
    );
    expect((await t.refused('buildPlanWorkbook', { unmitigatedId: u1!.id, mitigatedId: u2!.id })).message).toBe(
      `"${u2!.name}" is an unmitigated scenario, so it cannot be the mitigated one.`,
    );
    expect((await t.refused('buildPlanWorkbook', { unmitigatedId: 9999 })).code).toBe('NOT_FOUND');
  });

  it('hnb export-plan writes the workbook; a mitigated --scenario brings its unmitigated one', async () => {
    const { dir, cleanup } = tempDir('hnb-export-plan-');
    try {
      const hnb = (...argv: string[]) => runHnb(dir, argv);
      expect((await hnb('init', '--demo')).code).toBe(0);
      const r = await hnb('export-plan', '--scenario', 'Mitigated: SEND recovery plan', '--out', 'plan.xlsx', '--json');
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(JSON.parse(r.out)).toMatchObject({ out: join(dir, 'plan.xlsx'), unmitigatedId: expect.any(Number), mitigatedId: expect.any(Number) });
      const wb = await loadWorkbook(readFileSync(join(dir, 'plan.xlsx')));
      const labels: unknown[] = [];
      wb.getWorksheet('Summary')!.eachRow((row) => labels.push(row.getCell(2).value));
      expect(labels).toContain('Without the recovery plan (unmitigated): Unmitigated');
      expect(labels).toContain('With the recovery plan (mitigated): Mitigated: SEND recovery plan');

      const alone = await hnb('export-plan', '--scenario', 'unmitigated', '--out', 'alone.xlsx');
      expect(alone.code).toBe(0);
      const both = await hnb('export-plan', '--scenario', 'Unmitigated', '--mitigated', 'Mitigated: SEND recovery plan', '--out', 'both.xlsx');
      expect(both.code).toBe(0);
      const unknown = await hnb('export-plan', '--scenario', 'Best case', '--out', 'x.xlsx');
      expect(unknown.code).toBe(2);
      expect(unknown.err).toMatch(/There is no scenario called "Best case"\. Scenarios: /);
      const notXlsx = await hnb('export-plan', '--scenario', 'Unmitigated', '--out', 'x.pdf');
      expect(notXlsx.code).toBe(2);
      expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});
