import { describe, expect, it } from 'vitest';
import { computeBudgetGrid, computeMonitoring, forecastAt, reportingPeriod, type LineYear } from '../../../features/monitoring/rules';

const group = (id: number) => ({ groupId: id, code: `G${id}`, name: `Group ${id}` });

function line(id: number, groupId: number, revised: number, entries: Record<number, [number | null, number | null, string | null]> = {}): LineYear {
  return {
    line: { lineId: id, code: `L${id}`, name: `Line ${id}`, s251Code: null, groupId, holder: '' },
    group: group(groupId),
    originalPence: revised,
    revisedPence: revised,
    entries: new Map(Object.entries(entries).map(([p, [f, a, c]]) => [Number(p), { forecastPence: f, actualPence: a, commentary: c, reviewed: false }])),
  };
}

describe('forecast at a period', () => {
  const ly = line(1, 1, 1000, { 3: [1200, 300, 'three'], 5: [null, 500, 'actual only'], 6: [1100, 600, null] });

  it('is the revised budget before any forecast', () => {
    expect(forecastAt(ly, 2)).toEqual({ pence: 1000, source: 'budget', fromPeriod: null });
  });
  it('carries the latest earlier forecast when a period has none', () => {
    expect(forecastAt(ly, 4)).toEqual({ pence: 1200, source: 'earlier-period', fromPeriod: 3 });
    // An entry with actuals but no forecast does not replace the forecast.
    expect(forecastAt(ly, 5)).toEqual({ pence: 1200, source: 'earlier-period', fromPeriod: 3 });
  });
  it('uses this period when it has one', () => {
    expect(forecastAt(ly, 6)).toEqual({ pence: 1100, source: 'this-period', fromPeriod: 6 });
    expect(forecastAt(ly, 12).pence).toBe(1100);
  });
});

describe('monitoring rows and totals', () => {
  const lines = [line(1, 1, 1000, { 1: [1100, 90, null], 2: [1150, 180, 'up'] }), line(2, 1, 500, { 2: [450, 100, 'down'] }), line(3, 2, 2000)];

  it('computes variance against revised budget and movement against the previous forecast', () => {
    const { rows } = computeMonitoring(lines, 2);
    expect(rows[0]).toMatchObject({ forecastPence: 1150, previousPence: 1100, variancePence: 150, movementPence: 50, actualPence: 180, commentary: 'up' });
    // P1 had nothing for line 2, so its previous is the budget.
    expect(rows[1]).toMatchObject({ forecastPence: 450, previousPence: 500, variancePence: -50, movementPence: -50 });
    expect(rows[2]).toMatchObject({ forecastPence: 2000, forecastSource: 'budget', variancePence: 0, movementPence: 0, actualPence: null });
  });

  it('takes the budget as the previous figure at P1', () => {
    const { rows } = computeMonitoring(lines, 1);
    expect(rows[0]).toMatchObject({ previousPence: 1000, movementPence: 100 });
  });

  it('subtotals each group and totals the lot, and the subtotals add up to the total', () => {
    const { groups, total } = computeMonitoring(lines, 2);
    expect(groups.map((g) => [g.groupId, g.budgetPence, g.forecastPence, g.variancePence])).toEqual([
      [1, 1500, 1600, 100],
      [2, 2000, 2000, 0],
    ]);
    expect(total).toEqual({ budgetPence: 3500, forecastPence: 3600, actualPence: 280, previousPence: 3600, variancePence: 100, movementPence: 0 });
    for (const key of ['budgetPence', 'forecastPence', 'variancePence', 'movementPence'] as const) {
      expect(groups.reduce((s, g) => s + g[key], 0)).toBe(total[key]);
    }
  });

  it('budget grid shows virements as revised minus original', () => {
    const l = line(1, 1, 900);
    l.originalPence = 1000;
    const grid = computeBudgetGrid('2024-25', 'open', [l]);
    expect(grid.rows[0]!.virementPence).toBe(-100);
    expect(grid.total).toEqual({ originalPence: 1000, revisedPence: 900, virementPence: -100 });
  });

  it('reports a closed year at P12 and an open one at its latest forecast', () => {
    expect(reportingPeriod('closed', lines)).toBe(12);
    expect(reportingPeriod('open', lines)).toBe(2);
    expect(reportingPeriod('open', [line(9, 1, 5)])).toBe(1);
  });
});
