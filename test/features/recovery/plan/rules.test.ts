import { describe, expect, it } from 'vitest';
import { allocationYears, computePlan, lineYears, type PlanInputs, type PlanLineInput, planYears } from '../../../../features/recovery/plan/rules';

const YEARS = ['2026-27', '2027-28', '2028-29'];

function line(over: Partial<PlanLineInput>): PlanLineInput {
  return { id: 1, code: 'L1', name: 'Line', groupName: 'Group', method: 'percent', basePence: 0, baseCount: null, countGrowthBp: 0, costGrowthBp: 0, ...over };
}

function inputs(over: Partial<PlanInputs>): PlanInputs {
  return {
    years: YEARS,
    baseAllocationPence: 0,
    openingCumulativePence: 0,
    funding: new Map(),
    lines: [],
    safetyValve: new Map(),
    projects: [],
    savingsBasis: 'target',
    ...over,
  };
}

describe('plan years', () => {
  it('runs from the year after the base for the horizon', () => {
    expect(planYears('2025-26', 5)).toEqual(['2026-27', '2027-28', '2028-29', '2029-30', '2030-31']);
    expect(planYears('2099-00', 1)).toEqual(['2100-01']);
  });
});

describe('a line grown by a percentage', () => {
  it('compounds £1,000,000 at 5%: £1,050,000, £1,102,500, £1,157,625', () => {
    expect(lineYears(line({ basePence: 100_000_000, costGrowthBp: 500 }), YEARS).map((y) => y.pence)).toEqual([105_000_000, 110_250_000, 115_762_500]);
  });

  it('rounds each year from the exact product, not from the year before rounded', () => {
    // 10p at 5%: 10.5 → 11, 11.025 → 11, 11.57625 → 12. Rounding year on year would give 11, 12 (11 × 1.05 = 11.55), 13.
    expect(lineYears(line({ basePence: 10, costGrowthBp: 500 }), YEARS).map((y) => y.pence)).toEqual([11, 11, 12]);
  });

  it('rounds halves away from nought, both ways, and falls with negative growth', () => {
    expect(lineYears(line({ basePence: -10, costGrowthBp: 500 }), YEARS).map((y) => y.pence)).toEqual([-11, -11, -12]);
    // £500,000 falling 10% a year: £450,000, £405,000, £364,500.
    expect(lineYears(line({ basePence: 50_000_000, costGrowthBp: -1000 }), YEARS).map((y) => y.pence)).toEqual([45_000_000, 40_500_000, 36_450_000]);
  });
});

describe('an activity line: children or places × average cost', () => {
  it('grows numbers and cost each year: 40 places at £60,000, numbers +10%, cost +2%', () => {
    const ys = lineYears(line({ method: 'activity', basePence: 240_000_000, baseCount: 40, countGrowthBp: 1000, costGrowthBp: 200 }), YEARS);
    // Year 1: 44 places × £61,200 = £2,692,800. Year 2: 48.4 × £62,424 = £3,021,321.60. Year 3: 53.24 × £63,672.48 = £3,389,922.84 (to the penny: 3,389,922.8352).
    expect(ys.map((y) => y.pence)).toEqual([269_280_000, 302_132_160, 338_992_284]);
    expect(ys[0]!.count).toBeCloseTo(44, 9);
    expect(ys[1]!.count).toBeCloseTo(48.4, 9);
    expect(ys.map((y) => y.unitCostPence)).toEqual([6_120_000, 6_242_400, 6_367_248]);
    expect(ys.map((y) => y.year)).toEqual(YEARS);
  });
});

describe('the allocation', () => {
  it('grows from the base by each year’s growth, rounded from the exact product', () => {
    // £43,200,000 at 2%, then 3%, then nought: £44,064,000, £45,385,920, £45,385,920.
    expect(allocationYears(4_320_000_000, [200, 300, 0])).toEqual([4_406_400_000, 4_538_592_000, 4_538_592_000]);
    // 1p at 50% three times: 1.5 → 2, 2.25 → 2, 3.375 → 3.
    expect(allocationYears(1, [5000, 5000, 5000])).toEqual([2, 2, 3]);
  });
});

describe('a scenario worked by hand', () => {
  // Base: allocation £10,000,000; two lines £6,000,000 (+5%) and £5,000,000 (0%); opening cumulative -£3,000,000.
  const base = inputs({
    baseAllocationPence: 1_000_000_000,
    openingCumulativePence: -300_000_000,
    funding: new Map([
      ['2026-27', { growthBp: 1000, transfersPence: 20_000_000, adjustmentsPence: -5_000_000, contributionsPence: 0 }],
      ['2027-28', { growthBp: 1000, transfersPence: 0, adjustmentsPence: 0, contributionsPence: 50_000_000 }],
      ['2028-29', { growthBp: 0, transfersPence: 0, adjustmentsPence: 0, contributionsPence: 0 }],
    ]),
    lines: [line({ id: 1, code: 'A', basePence: 600_000_000, costGrowthBp: 500 }), line({ id: 2, code: 'B', basePence: 500_000_000 })],
    safetyValve: new Map([['2027-28', 100_000_000]]),
  });

  it('gives funding, expenditure, in-year, contributions and cumulative each year', () => {
    const r = computePlan(base);
    // 2026-27: funding 11,000,000 + 200,000 − 50,000 = 11,150,000; spend 6,300,000 + 5,000,000 = 11,300,000; in-year −150,000; cumulative −3,150,000.
    // 2027-28: funding 12,100,000; spend 6,615,000 + 5,000,000 = 11,615,000; in-year +485,000; contributions 1,000,000 + 500,000; cumulative −1,165,000.
    // 2028-29: funding 12,100,000; spend 6,945,750 + 5,000,000 = 11,945,750; in-year +154,250; cumulative −1,010,750.
    expect(r.years.map((y) => [y.year, y.fundingPence, y.expenditurePence, y.inYearPence, y.contributionsPence, y.cumulativePence])).toEqual([
      ['2026-27', 1_115_000_000, 1_130_000_000, -15_000_000, 0, -315_000_000],
      ['2027-28', 1_210_000_000, 1_161_500_000, 48_500_000, 150_000_000, -116_500_000],
      ['2028-29', 1_210_000_000, 1_194_575_000, 15_425_000, 0, -101_075_000],
    ]);
    expect(r.years[1]).toMatchObject({ safetyValvePence: 100_000_000, otherContributionsPence: 50_000_000, allocationPence: 1_210_000_000 });
    expect(r.firstInYearSurplus).toBe('2027-28');
  });

  it('takes savings off and adds HNB-funded costs in a mitigated scenario; delivered savings when re-based', () => {
    const projects = [
      {
        projectId: 1,
        code: 'P1',
        name: 'Panel redesign',
        workstream: 'W1',
        hnbFunded: true,
        years: new Map([
          ['2026-27', { costPence: 10_000_000, targetSavingPence: 0, deliveredSavingPence: null }],
          ['2027-28', { costPence: 5_000_000, targetSavingPence: 40_000_000, deliveredSavingPence: 30_000_000 }],
        ]),
      },
      {
        projectId: 2,
        code: 'P2',
        name: 'Improvement partner',
        workstream: 'W1',
        hnbFunded: false,
        years: new Map([['2026-27', { costPence: 99_000_000, targetSavingPence: 20_000_000, deliveredSavingPence: 25_000_000 }]]),
      },
    ];
    const m = computePlan({ ...base, projects });
    // 2026-27: +100,000 cost (P2's cost is not from the HNB), −200,000 saving: spend 11,200,000, in-year −50,000.
    expect(m.years[0]).toMatchObject({ projectCostsPence: 10_000_000, savingsPence: 20_000_000, expenditurePence: 1_120_000_000, inYearPence: -5_000_000 });
    expect(m.years[1]).toMatchObject({ projectCostsPence: 5_000_000, savingsPence: 40_000_000, expenditurePence: 1_126_500_000 });
    expect(m.years[2]!.expenditurePence).toBe(1_194_575_000);
    expect(m.years[2]!.cumulativePence - computePlan(base).years[2]!.cumulativePence).toBe(20_000_000 + 40_000_000 - 10_000_000 - 5_000_000);
    expect(m.firstInYearSurplus).toBe('2027-28');

    const d = computePlan({ ...base, projects, savingsBasis: 'delivered' });
    expect(d.years.map((y) => y.savingsPence)).toEqual([25_000_000, 30_000_000, 0]);
    expect(d.projects[0]!.years[0]).toEqual({ year: '2026-27', costPence: 10_000_000, savingPence: 0, targetPence: 0, deliveredPence: null });
  });

  it('says no year has a surplus when none does', () => {
    expect(computePlan({ ...base, funding: new Map() }).firstInYearSurplus).toBeNull();
  });
});
