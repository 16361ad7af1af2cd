import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHnb, workspaceSnapshot } from '../../../support/cli';
import { columnOf, loadWorkbook, rowOfCode, saveWorkbook } from '../../../support/workbooks';
import { type TestServer, testServer } from '../../../support/workspace';
import { addProject, METRO_YEAR, metropolitan } from './fixture';

let t: TestServer;
beforeEach(async () => {
  t = await testServer();
  await metropolitan(t);
});
afterEach(() => t.close());

/** Builds two plans (one submitted) in the test workspace, then closes it for the command line. */
async function twoPlans() {
  const p = await t.ok('createPlan', { name: 'Recovery plan', baseYear: METRO_YEAR, horizonYears: 5 });
  const u = p.scenarios.find((s) => s.kind === 'unmitigated')!;
  const m = p.scenarios.find((s) => s.kind === 'mitigated')!;
  await t.ok('saveFundingYear', { scenarioId: u.id, year: '2021-22', growthBp: 1296, contributionsPence: 100_000_000 });
  const id = addProject(t.server.workspace!, { code: 'P01', years: [['2022-23', 0, 800_000_000, null]] });
  await t.ok('attachProject', { scenarioId: m.id, projectId: id });
  await t.ok('submitScenario', { id: m.id, submittedOn: '2026-03-12', note: 'Schools Forum 12 March' });
  await t.ok('createPlan', { name: 'Longer plan', baseYear: METRO_YEAR, horizonYears: 7 });
  t.server.close();
}

const hnb = (...argv: string[]) => runHnb(t.dir, argv);

describe('hnb scenarios and hnb plan', () => {
  it('lists the scenarios with what each rests on and its lock', async () => {
    await twoPlans();
    const r = await hnb('scenarios', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      { name: 'Unmitigated', kind: 'unmitigated', parent: null, locked: false, lockedNote: null, plan: 'Longer plan' },
      { name: 'Mitigated', kind: 'mitigated', parent: 'Unmitigated', locked: false, lockedNote: null, plan: 'Longer plan' },
      { name: 'Unmitigated', kind: 'unmitigated', parent: null, locked: true, lockedNote: 'Schools Forum 12 March', plan: 'Recovery plan' },
      { name: 'Mitigated', kind: 'mitigated', parent: 'Unmitigated', locked: true, lockedNote: 'Schools Forum 12 March', plan: 'Recovery plan' },
    ]);
    const one = JSON.parse((await hnb('scenarios', '--plan', 'Recovery plan', '--json')).out) as unknown[];
    expect(one).toHaveLength(2);
    const text = await hnb('scenarios');
    expect(text.out).toContain('Recovery plan  Mitigated    mitigated    Unmitigated  submitted 12 March 2026: Schools Forum 12 March');
  });

  it('prints a scenario year by year, as JSON and as a table in pounds', async () => {
    await twoPlans();
    const r = await hnb('plan', '--scenario', 'Mitigated', '--plan', 'Recovery plan', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(['scenario', 'baseYear', 'openingCumulativePence', 'years', 'firstInYearSurplus']);
    expect(out).toMatchObject({ scenario: 'Mitigated', baseYear: '2020-21', openingCumulativePence: -1_900_000_000, firstInYearSurplus: '2022-23' });
    // 2021-22 as worked by hand in plan.test.ts with no growth in spend: £48,798,720 − £50,200,000 + £1,000,000.
    expect(out.years[0]).toEqual({
      year: '2021-22',
      fundingPence: 4_879_872_000,
      expenditurePence: 5_020_000_000,
      inYearPence: -140_128_000,
      contributionsPence: 100_000_000,
      cumulativePence: -1_940_128_000,
    });
    // 2022-23: £8m of savings turn the year to a surplus of £6,598,720.
    expect(out.years[1]).toMatchObject({ expenditurePence: 4_220_000_000, inYearPence: 659_872_000, cumulativePence: -1_280_256_000 });
    expect(Object.keys(out.years[0])).toEqual(['year', 'fundingPence', 'expenditurePence', 'inYearPence', 'contributionsPence', 'cumulativePence']);

    const text = await hnb('plan', '--scenario', 'Mitigated', '--plan', 'Recovery plan');
    expect(text.code).toBe(0);
    expect(text.out).toContain('Recovery plan: Mitigated (mitigated), submitted 12 March 2026: Schools Forum 12 March');
    expect(text.out).toContain('Base: 2020-21 forecast at P6 (September 2020); cumulative position at the start -£19,000,000');
    expect(text.out).toMatch(/2021-22\s+£48,798,720\s+£50,200,000\s+-£1,401,280\s+£1,000,000\s+-£19,401,280/);
    expect(text.out).toContain('First in-year surplus: 2022-23');
  });

  it('exits 2, writing nothing, for a scenario that is not there or a name two plans share', async () => {
    await twoPlans();
    const before = workspaceSnapshot(t.dir);
    const ambiguous = await hnb('plan', '--scenario', 'Mitigated');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.err).toContain('"Mitigated" is a scenario in 2 plans ("Longer plan", "Recovery plan"): say which with --plan.');
    const missing = await hnb('plan', '--scenario', 'Nope', '--json');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error.code).toBe('NOT_FOUND');
    expect((await hnb('plan', '--scenario', 'Mitigated', '--plan', 'No such plan')).code).toBe(2);
    expect((await hnb('plan')).code).toBe(2);
    expect((await hnb('scenarios', '--plan', 'No such plan')).code).toBe(2);
    expect(workspaceSnapshot(t.dir)).toEqual(before);
  });

  it('says so when there is no plan', async () => {
    t.server.close();
    expect((await hnb('scenarios')).out).toContain('No plan has been made yet.');
    expect(JSON.parse((await hnb('scenarios', '--json')).out)).toEqual([]);
  });

  it('refuses an import into a submitted scenario from the command line, writing nothing', async () => {
    await twoPlans();
    const exported = await hnb('export', 'plan', '--scenario', 'Unmitigated', '--plan', 'Recovery plan', '--out', 'plan.xlsx');
    expect(exported.code).toBe(0);
    const wb = await loadWorkbook(readFileSync(join(t.dir, 'plan.xlsx')));
    const sheet = wb.getWorksheet('Plan lines')!;
    sheet.getRow(rowOfCode(sheet, 'HN04')).getCell(columnOf(sheet, 'Growth in cost')).value = 0.02;
    writeFileSync(join(t.dir, 'edited.xlsx'), await saveWorkbook(wb));
    const before = workspaceSnapshot(t.dir);
    const r = await hnb('import', 'edited.xlsx', '--apply', '--confirm');
    expect(r.code).toBe(2);
    expect(`${r.out}${r.err}`).toMatch(/submitted and locked/);
    expect(workspaceSnapshot(t.dir)).toEqual(before);
  });
});
