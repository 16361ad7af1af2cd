import { afterEach, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../../../support/workspace';

let t: TestServer;
afterEach(() => t?.close());

describe('the demo authority', () => {
  it('is clearly named as demo data and holds at least three complete years', async () => {
    t = await testServer({ demo: true });
    const info = await t.ok('getWorkspace', {});
    expect(info.isDemo).toBe(true);
    expect(info.name).toMatch(/demo data/i);
    const years = await t.ok('listYears', {});
    const complete = years.filter((y) => y.latestPeriod === 12);
    expect(complete.length).toBeGreaterThanOrEqual(3);
    expect(years[0]!.openingBalancePence).toBeLessThan(0);
  });

  it('gives every line a budget and twelve periods of forecasts in each complete year', async () => {
    t = await testServer({ demo: true });
    const lines = await t.ok('listLines', {});
    for (const year of ['2022-23', '2023-24', '2024-25', '2025-26']) {
      const grid = await t.ok('getBudgetGrid', { year });
      for (const r of grid.rows) expect(r.revisedPence, `${year} ${r.code}`).toBeGreaterThan(0);
      const counts = t.sqlite
        .prepare('SELECT line_id AS lineId, count(*) AS n FROM forecast WHERE year_id = ? AND forecast_pence IS NOT NULL GROUP BY line_id')
        .all(year) as { lineId: number; n: number }[];
      expect(counts.length, year).toBe(lines.length);
      for (const c of counts) expect(c.n).toBe(12);
    }
  });

  it('carries a deficit forward every year, as the authority in the domain examples does', async () => {
    t = await testServer({ demo: true });
    const series = await t.ok('getPositionSeries', {});
    for (const s of series) {
      expect(s.broughtForwardPence).toBeLessThan(0);
      expect(s.forecastPence).toBeGreaterThan(s.netFundingPence);
    }
    expect(series[0]!.broughtForwardPence).toBe(-1_200_000_000);
  });

  it('is the same every time it is generated', async () => {
    t = await testServer({ demo: true });
    const a = await t.ok('getPositionSeries', {});
    t.close();
    t = await testServer({ demo: true });
    expect(await t.ok('getPositionSeries', {})).toEqual(a);
  });
});
