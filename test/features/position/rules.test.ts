import { describe, expect, it } from 'vitest';
import { positionFor, rollForward, type YearFunding } from '../../../features/position/rules';
import { netOf } from '../../../features/years/rules';
import type { AllocationBlock, DsgBlock } from '../../../features/years/types';

function block(block: DsgBlock, allocationPence: number, deductionsPence = 0, adjustmentsPence = 0, transfersPence = 0): AllocationBlock {
  const b = { block, allocationPence, deductionsPence, adjustmentsPence, transfersPence };
  return { ...b, netPence: netOf(b) };
}

function year(id: string, hnb: AllocationBlock, forecast: number, contributions = 0, opening: number | null = null): YearFunding {
  return {
    year: id,
    status: 'open',
    openingBalancePence: opening,
    blocks: [block('schools', 100_000), hnb, block('early_years', 50_000)],
    version: null,
    contributionsPence: contributions,
    budgetPence: hnb.netPence,
    forecastPence: forecast,
  };
}

describe('DSG position', () => {
  it('nets the HNB allocation: allocation - deductions + adjustments + transfers', () => {
    expect(netOf({ allocationPence: 4320, deductionsPence: 300, adjustmentsPence: -20, transfersPence: 50 })).toBe(4050);
  });

  it('follows the domain example: £43.2m funding, £50.2m spend, £12m historic deficit', () => {
    const m = 100_000_000; // £1m in pence
    const p = positionFor(year('2020-21', block('hnb', 43.2 * m), 50.2 * m), 12, -12 * m);
    expect(p.inYearPence).toBe(-7 * m);
    expect(p.carriedForwardPence).toBe(-19 * m);
    expect(p.deficitPercentOfDsg).toBeCloseTo((19 * m * 100) / (43.2 * m + 150_000), 6);
  });

  it('rolls each year from the one before, adding contributions', () => {
    const s = rollForward([
      year('2022-23', block('hnb', 1000), 1300, 0, -500),
      year('2023-24', block('hnb', 1100), 1250, 100),
      year('2024-25', block('hnb', 1200, 100, 0, 50), 1100, 0, 999_999),
    ]);
    expect(s.map((x) => [x.broughtForwardPence, x.inYearPence, x.carriedForwardPence])).toEqual([
      [-500, -300, -800],
      [-800, -150, -850],
      // A later year's own opening balance is ignored: it brings forward.
      [-850, 50, -800],
    ]);
  });

  it('has no deficit percentage when in surplus', () => {
    expect(positionFor(year('2024-25', block('hnb', 1000), 900), 12, 0).deficitPercentOfDsg).toBeNull();
  });
});
