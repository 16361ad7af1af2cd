import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlanInfo } from '../../../../features/recovery/types';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { METRO_LINES, METRO_YEAR, metropolitan } from './fixture';

let t: TestServer;
let lineIds: Map<string, number>;
beforeEach(async () => {
  t = await testServer({ now: () => new Date('2026-03-01T12:00:00Z') });
  lineIds = await metropolitan(t);
});
afterEach(() => t.close());

const newPlan = (name = 'Recovery plan', horizonYears = 5) => t.ok('createPlan', { name, baseYear: METRO_YEAR, horizonYears });
const scenario = (p: PlanInfo, kind: 'unmitigated' | 'mitigated') => p.scenarios.find((s) => s.kind === kind)!;

/** Refused with this code, and nothing in the database changed. */
async function refusedUnchanged(channel: string, input: unknown, code: string): Promise<string> {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(e.code).toBe(code);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return e.message;
}

describe('the metropolitan example (domain.md section 3)', () => {
  it('starts from the base year exactly as hnb summary gives it, and works a year by hand', async () => {
    const summary = await t.ok('getSummary', { year: METRO_YEAR });
    // £43.2m against £50.2m with £12m brought forward: £7.0m in-year pressure, £19.0m carried forward.
    expect(summary).toMatchObject({
      netFundingPence: 4_320_000_000,
      forecastPence: 5_020_000_000,
      inYearPence: -700_000_000,
      carriedForwardPence: -1_900_000_000,
    });

    const p = await newPlan();
    expect(p.years).toEqual(['2021-22', '2022-23', '2023-24', '2024-25', '2025-26']);
    expect(p.scenarios.map((s) => [s.name, s.kind, s.parentName])).toEqual([
      ['Unmitigated', 'unmitigated', null],
      ['Mitigated', 'mitigated', 'Unmitigated'],
    ]);
    const u = scenario(p, 'unmitigated');
    const a = await t.ok('getAssumptions', { scenarioId: u.id });
    expect(a).toMatchObject({
      baseLabel: '2020-21 forecast at P6 (September 2020)',
      baseAllocationPence: 4_320_000_000,
      openingCumulativePence: -1_900_000_000,
      baseDrift: null,
    });
    expect(a.lines).toHaveLength(lineIds.size);
    expect(a.lines.reduce((s, l) => s + l.basePence, 0)).toBe(summary.forecastPence);
    expect(a.lines.find((l) => l.code === 'HN08')).toMatchObject({
      basePence: 1_220_000_000,
      sourceLineId: lineIds.get('HN08'),
      method: 'percent',
      groupName: 'Maintained special schools',
    });
    expect(a.funding.map((f) => f.growthBp)).toEqual([0, 0, 0, 0, 0]);

    // Nothing changes: £7.0m a year more each year.
    let r = await t.ok('getPlanResult', { scenarioId: u.id });
    expect(r.openingCumulativePence).toBe(summary.carriedForwardPence);
    expect(r.years.map((y) => y.cumulativePence)).toEqual([-2_600_000_000, -3_300_000_000, -4_000_000_000, -4_700_000_000, -5_400_000_000]);

    // 2021-22: £5.6m more HNB funding (12.96% on £43.2m = £5,598,720), spend up 9%, a £1m council contribution.
    await t.ok('saveFundingYear', { scenarioId: u.id, year: '2021-22', growthBp: 1296, contributionsPence: 100_000_000 });
    for (const l of a.lines.filter((x) => x.basePence !== 0)) {
      await t.ok('savePlanLine', {
        scenarioId: u.id,
        id: l.id,
        code: l.code,
        name: l.name,
        groupName: l.groupName,
        method: 'percent',
        countGrowthBp: 0,
        costGrowthBp: 900,
      });
    }
    r = await t.ok('getPlanResult', { scenarioId: u.id });
    // By hand: funding £43,200,000 × 1.1296 = £48,798,720; spend £50,200,000 × 1.09 = £54,718,000;
    // in-year −£5,919,280; cumulative −£19,000,000 − £5,919,280 + £1,000,000 = −£23,919,280.
    expect(r.years[0]).toMatchObject({
      year: '2021-22',
      allocationPence: 4_879_872_000,
      fundingPence: 4_879_872_000,
      expenditurePence: 5_471_800_000,
      inYearPence: -591_928_000,
      otherContributionsPence: 100_000_000,
      safetyValvePence: 0,
      contributionsPence: 100_000_000,
      cumulativePence: -2_391_928_000,
    });
    // 2022-23: no growth in funding; spend £50,200,000 × 1.09² = £59,642,620; in-year −£10,843,900; cumulative −£34,763,180.
    expect(r.years[1]).toMatchObject({
      fundingPence: 4_879_872_000,
      expenditurePence: 5_964_262_000,
      inYearPence: -1_084_390_000,
      cumulativePence: -3_476_318_000,
    });
    expect(r.lines.find((l) => l.code === 'HN04')!.years[1]!.pence).toBe(Math.round(METRO_LINES.HN04! * 1.09 * 1.09));
    expect(r.firstInYearSurplus).toBeNull();
  });

  it('counts Safety Valve instalments: received as received, due as expected, withheld as nothing', async () => {
    const p = await newPlan();
    const u = scenario(p, 'unmitigated');
    const sv = t.sqlite.prepare("INSERT INTO sv_agreement (name, kind, signed_on, total_pence) VALUES ('SV', 'safety_valve', '2021-03-01', 1000000000)").run();
    const add = t.sqlite.prepare(
      'INSERT INTO sv_instalment (agreement_id, year_id, expected_pence, status, received_pence, received_on) VALUES (?, ?, ?, ?, ?, ?)',
    );
    add.run(sv.lastInsertRowid, '2021-22', 400_000_000, 'received', 350_000_000, '2022-03-31');
    add.run(sv.lastInsertRowid, '2022-23', 400_000_000, 'withheld', null, null);
    add.run(sv.lastInsertRowid, '2023-24', 400_000_000, 'due', null, null);
    const r = await t.ok('getPlanResult', { scenarioId: u.id });
    expect(r.years.map((y) => y.safetyValvePence)).toEqual([350_000_000, 0, 400_000_000, 0, 0]);
    expect(r.years.map((y) => y.cumulativePence)).toEqual([-2_250_000_000, -2_950_000_000, -3_250_000_000, -3_950_000_000, -4_650_000_000]);
    // The mitigated scenario takes its parent's contributions.
    const m = await t.ok('getPlanResult', { scenarioId: scenario(p, 'mitigated').id });
    expect(m.years.map((y) => y.contributionsPence)).toEqual(r.years.map((y) => y.contributionsPence));
  });
});

describe('assumptions', () => {
  it('models an activity line and asks before growth past ±25%', async () => {
    const p = await newPlan();
    const u = scenario(p, 'unmitigated');
    const hn12 = (await t.ok('getAssumptions', { scenarioId: u.id })).lines.find((l) => l.code === 'HN12')!;
    const line = {
      scenarioId: u.id,
      id: hn12.id,
      code: 'HN12',
      name: hn12.name,
      groupName: hn12.groupName,
      method: 'activity',
      baseCount: 200,
      costGrowthBp: 300,
    };
    const message = await refusedUnchanged('savePlanLine', { ...line, countGrowthBp: 3000 }, 'NEEDS_CONFIRMATION');
    expect(message).toContain('Growth in numbers on HN12 of 30% a year is outside ±25%');
    expect((await t.refused('savePlanLine', { ...line, countGrowthBp: 100_001, confirmExtreme: true })).code).toBe('INVALID_INPUT');
    await refusedUnchanged('savePlanLine', { ...line, baseCount: undefined, countGrowthBp: 500 }, 'INVALID_INPUT');

    const a = await t.ok('savePlanLine', { ...line, countGrowthBp: 3000, confirmExtreme: true });
    // £13,000,000 for 200 placements: £65,000 each.
    expect(a.lines.find((l) => l.code === 'HN12')).toMatchObject({ method: 'activity', baseCount: 200, unitCostPence: 6_500_000, countGrowthBp: 3000 });
    // The figure already stored is not asked about again.
    await t.ok('savePlanLine', { ...line, countGrowthBp: 3000, costGrowthBp: 400 });
    const r = await t.ok('getPlanResult', { scenarioId: u.id });
    const y1 = r.lines.find((l) => l.code === 'HN12')!.years[0]!;
    // 260 placements × £67,600 = £17,576,000.
    expect(y1).toMatchObject({ count: 260, unitCostPence: 6_760_000, pence: 1_757_600_000 });

    await refusedUnchanged('saveFundingYear', { scenarioId: u.id, year: '2022-23', growthBp: -2600 }, 'NEEDS_CONFIRMATION');
    await refusedUnchanged('saveFundingYear', { scenarioId: u.id, year: '2026-27', growthBp: 100 }, 'INVALID_INPUT');
    await t.ok('saveFundingYear', { scenarioId: u.id, year: '2022-23', growthBp: -2600, confirmExtreme: true });
  });

  it('adds and deletes lines by hand, refusing a duplicate code, a missing base, and a new base on a workspace line', async () => {
    const p = await newPlan();
    const u = scenario(p, 'unmitigated');
    const hand = {
      scenarioId: u.id,
      code: 'NEW1',
      name: 'New special school',
      groupName: 'Maintained special schools',
      method: 'percent',
      countGrowthBp: 0,
      costGrowthBp: 0,
    };
    await refusedUnchanged('savePlanLine', hand, 'INVALID_INPUT');
    await refusedUnchanged('savePlanLine', { ...hand, code: 'HN01', basePence: 1 }, 'DUPLICATE');
    const hn01 = (await t.ok('getAssumptions', { scenarioId: u.id })).lines.find((l) => l.code === 'HN01')!;
    await refusedUnchanged('savePlanLine', { ...hand, id: hn01.id, code: 'HN01', basePence: 5 }, 'INVALID_INPUT');
    const a = await t.ok('savePlanLine', { ...hand, basePence: 50_000_000 });
    const added = a.lines.find((l) => l.code === 'NEW1')!;
    expect(added).toMatchObject({ sourceLineId: null, basePence: 50_000_000 });
    expect((await t.ok('getPlanResult', { scenarioId: u.id })).years[0]!.expenditurePence).toBe(5_070_000_000);
    const after = await t.ok('deletePlanLine', { id: added.id });
    expect(after.lines.some((l) => l.code === 'NEW1')).toBe(false);
  });

  it('shows how far the workspace has moved from the base, and reads it again on refresh', async () => {
    const p = await newPlan();
    const u = scenario(p, 'unmitigated');
    await t.ok('setForecasts', { year: METRO_YEAR, period: 7, changes: [{ lineId: lineIds.get('HN04')!, forecastPence: 1_600_000_000 }] });
    const drift = await t.ok('getAssumptions', { scenarioId: u.id });
    expect(drift.baseDrift).toEqual({ openingCumulativePence: -2_000_000_000, baseAllocationPence: 4_320_000_000, linesChanged: 1 });
    expect(drift.openingCumulativePence).toBe(-1_900_000_000);
    const a = await t.ok('refreshPlanBase', { scenarioId: scenario(p, 'mitigated').id });
    expect(a).toMatchObject({ scenarioId: u.id, baseLabel: '2020-21 forecast at P7 (October 2020)', openingCumulativePence: -2_000_000_000, baseDrift: null });
    expect(a.lines.find((l) => l.code === 'HN04')!.basePence).toBe(1_600_000_000);
    expect((await t.ok('getSummary', { year: METRO_YEAR })).carriedForwardPence).toBe(a.openingCumulativePence);
  });

  it('refuses a plan from a year the workspace does not hold, and a name already used', async () => {
    const message = await refusedUnchanged('createPlan', { name: 'Plan', baseYear: '2019-20', horizonYears: 5 }, 'NOT_FOUND');
    expect(message).toContain('does not hold 2019-20');
    await newPlan('Plan');
    await refusedUnchanged('createPlan', { name: 'Plan', baseYear: METRO_YEAR, horizonYears: 6 }, 'DUPLICATE');
    expect((await t.refused('createPlan', { name: 'Short', baseYear: METRO_YEAR, horizonYears: 4 })).code).toBe('INVALID_INPUT');
  });

  it('lengthens and shortens a plan, carrying the last year on', async () => {
    const p = await newPlan();
    const u = scenario(p, 'unmitigated');
    await t.ok('saveFundingYear', { scenarioId: u.id, year: '2025-26', growthBp: 250, transfersPence: 1000 });
    const longer = await t.ok('updatePlan', { id: p.id, horizonYears: 7, note: 'to 2027-28' });
    expect(longer.years.at(-1)).toBe('2027-28');
    const f = (await t.ok('getAssumptions', { scenarioId: u.id })).funding;
    expect(f.map((x) => [x.year, x.growthBp, x.transfersPence])).toEqual([
      ['2021-22', 0, 0],
      ['2022-23', 0, 0],
      ['2023-24', 0, 0],
      ['2024-25', 0, 0],
      ['2025-26', 250, 1000],
      ['2026-27', 250, 1000],
      ['2027-28', 250, 1000],
    ]);
    await t.ok('updatePlan', { id: p.id, horizonYears: 5 });
    expect((await t.ok('getPlanResult', { scenarioId: u.id })).years).toHaveLength(5);
    expect(t.sqlite.prepare('SELECT count(*) FROM plan_funding_year').pluck().get()).toBe(5);
  });
});

describe('scenarios', () => {
  it('copies, renames and deletes, refusing duplicate names and a parent that is not unmitigated', async () => {
    const p = await newPlan();
    const u = scenario(p, 'unmitigated');
    const m = scenario(p, 'mitigated');
    await t.ok('saveFundingYear', { scenarioId: u.id, year: '2021-22', growthBp: 500 });
    const copy = await t.ok('copyScenario', { id: u.id, name: 'Higher growth' });
    expect(copy).toMatchObject({ kind: 'unmitigated', parentId: null, locked: false });
    expect((await t.ok('getPlanResult', { scenarioId: copy.id })).years).toEqual((await t.ok('getPlanResult', { scenarioId: u.id })).years);
    await t.ok('saveFundingYear', { scenarioId: copy.id, year: '2021-22', growthBp: 1000 });
    expect((await t.ok('getAssumptions', { scenarioId: u.id })).funding[0]!.growthBp).toBe(500);

    await refusedUnchanged('copyScenario', { id: u.id, name: 'Mitigated' }, 'DUPLICATE');
    await refusedUnchanged('renameScenario', { id: copy.id, name: 'Unmitigated' }, 'DUPLICATE');
    await refusedUnchanged('createMitigatedScenario', { parentId: m.id, name: 'On a mitigated one' }, 'INVALID_INPUT');
    await refusedUnchanged('copyScenario', { id: u.id, name: 'Delivered', savingsBasis: 'delivered' }, 'INVALID_INPUT');
    // A name may repeat in another plan.
    const other = await newPlan('Other plan');
    await t.ok('renameScenario', { id: scenario(other, 'mitigated').id, name: 'Higher growth' });

    const onCopy = await t.ok('createMitigatedScenario', { parentId: copy.id, name: 'Mitigated on higher growth' });
    expect(onCopy).toMatchObject({ kind: 'mitigated', parentId: copy.id, parentName: 'Higher growth', projectIds: [] });
    const message = await refusedUnchanged('deleteScenario', { id: copy.id }, 'INVALID_INPUT');
    expect(message).toContain('"Mitigated on higher growth" rests on it');
    await t.ok('deleteScenario', { id: onCopy.id });
    await t.ok('deleteScenario', { id: copy.id });
    const renamed = await t.ok('renameScenario', { id: m.id, name: 'With recovery actions', note: 'the March plan' });
    expect(renamed).toMatchObject({ name: 'With recovery actions', note: 'the March plan' });
    expect((await t.ok('listPlans', {})).find((x) => x.id === p.id)!.scenarios.map((s) => s.name)).toEqual(['Unmitigated', 'With recovery actions']);
  });

  it('compares two scenarios year by year (b − a)', async () => {
    const p = await newPlan();
    const u = scenario(p, 'unmitigated');
    const copy = await t.ok('copyScenario', { id: u.id, name: 'More funding' });
    await t.ok('saveFundingYear', { scenarioId: copy.id, year: '2022-23', transfersPence: 100_000_000 });
    const c = await t.ok('compareScenarios', { a: u.id, b: copy.id });
    expect(c.a.scenario).toBe('Unmitigated');
    expect(c.years.map((y) => [y.year, y.fundingDiffPence, y.inYearDiffPence, y.cumulativeDiffPence])).toEqual([
      ['2021-22', 0, 0, 0],
      ['2022-23', 100_000_000, 100_000_000, 100_000_000],
      ['2023-24', 0, 0, 100_000_000],
      ['2024-25', 0, 0, 100_000_000],
      ['2025-26', 0, 0, 100_000_000],
    ]);
  });

  it('deletes a whole plan, and an undo brings it all back', async () => {
    const p = await newPlan();
    const before = dumpTables(t.sqlite);
    await t.ok('deletePlan', { id: p.id });
    expect(await t.ok('listPlans', {})).toEqual([]);
    expect(t.sqlite.prepare('SELECT count(*) FROM plan_line').pluck().get()).toBe(0);
    await t.ok('undo', {});
    const after = dumpTables(t.sqlite);
    for (const table of ['plan', 'plan_scenario', 'plan_funding_year', 'plan_line']) expect(after[table]).toEqual(before[table]);
  });
});
