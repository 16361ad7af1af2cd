import { afterEach, beforeEach, expect, it } from 'vitest';
import { type TestServer, testServer } from '../../../support/workspace';

let t: TestServer;
beforeEach(async () => {
  t = await testServer({ demo: true });
});
afterEach(() => t.close());

it('starts a plan from the demo’s current year at its latest forecast, and from a closed year at its outturn', async () => {
  for (const [year, label] of [
    ['2026-27', '2026-27 forecast at P7 (October 2026)'],
    ['2024-25', '2024-25 outturn'],
  ] as const) {
    const summary = await t.ok('getSummary', { year });
    const p = await t.ok('createPlan', { name: `From ${year}`, baseYear: year, horizonYears: 5 });
    const u = p.scenarios.find((s) => s.kind === 'unmitigated')!;
    const a = await t.ok('getAssumptions', { scenarioId: u.id });
    expect(a).toMatchObject({ baseLabel: label, openingCumulativePence: summary.carriedForwardPence, baseDrift: null });
    expect(a.lines.reduce((s, l) => s + l.basePence, 0)).toBe(summary.forecastPence);
    const r = await t.ok('getPlanResult', { scenarioId: u.id });
    // Nothing grows yet: the first year is the base year again (its funding, its spend), without its contributions.
    expect(r.years[0]!.fundingPence).toBe(summary.netFundingPence);
    expect(r.years[0]!.expenditurePence).toBe(summary.forecastPence);
    expect(r.openingCumulativePence).toBe(summary.carriedForwardPence);
  }
});
