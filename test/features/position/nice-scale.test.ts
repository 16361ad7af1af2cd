import { describe, expect, it } from 'vitest';
import { niceScale } from '../../../features/position/ui/nice-scale';

describe('round ticks for the DSG balance axis', () => {
  it('spans a deficit in round steps, with zero at the top', () => {
    expect(niceScale([-12_000_000, -23_038_400, -22_548_100])).toEqual([-25_000_000, -20_000_000, -15_000_000, -10_000_000, -5_000_000, 0]);
  });

  it('spans a surplus and a deficit together, zero included', () => {
    expect(niceScale([3_200_000, -1_100_000])).toEqual([-2_000_000, 0, 2_000_000, 4_000_000]);
    expect(niceScale([900, -100])).toEqual([-250, 0, 250, 500, 750, 1000]);
  });

  it('never has more than the intervals asked for, and every tick is a round number', () => {
    for (const values of [[-57_000], [1], [-0.4], [123_456_789, -9], [-5_800_000], [40_000_000, 65_000_000]]) {
      const t = niceScale(values);
      expect(t.length - 1).toBeLessThanOrEqual(5);
      expect(t).toContain(0);
      expect(Math.min(...t)).toBeLessThanOrEqual(Math.min(0, ...values));
      expect(Math.max(...t)).toBeGreaterThanOrEqual(Math.max(0, ...values));
      const step = t[1]! - t[0]!;
      expect(Math.round((step / 10 ** Math.floor(Math.log10(step))) * 1000) / 1000).toBeOneOf([1, 2, 2.5, 5]);
    }
  });

  it('has just zero when there is nothing to show', () => {
    expect(niceScale([])).toEqual([0]);
    expect(niceScale([0, 0])).toEqual([0]);
  });
});
