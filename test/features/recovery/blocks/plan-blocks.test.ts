import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computePlanResult } from '../../../../features/recovery/plan/queries';
import type { PlanInfo } from '../../../../features/recovery/types';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';

let t: TestServer;

/** The cells after the row heading of one year's row in a block's table, as printed. */
function rowCells(html: string, year: string): string[] {
  const row = html.split('<tr').find((r) => r.includes(`<th scope="row">${year}</th>`));
  if (!row) throw new Error(`no row for ${year}`);
  return [...row.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!.replace(/&minus;|−/g, '-'));
}
let plan: PlanInfo;
let unmitigated: number;
let mitigated: number;

beforeAll(async () => {
  t = await testServer({ demo: true });
  plan = await t.ok('createPlan', { name: 'Blocks test plan', baseYear: '2025-26', horizonYears: 5 });
  unmitigated = plan.scenarios.find((s) => s.kind === 'unmitigated')!.id;
  mitigated = plan.scenarios.find((s) => s.kind === 'mitigated')!.id;
  // Growth makes the two lines part: a 4% rise in the allocation each year on the parent only shows in both.
  for (const year of plan.years) await t.ok('saveFundingYear', { scenarioId: unmitigated, year, growthBp: 400 });
  const ws = await t.ok('saveWorkstream', { code: 'WB', name: 'Blocks workstream' });
  const project = await t.ok('saveProject', { code: 'PB1', name: 'Panel redesign', workstreamId: ws.find((w) => w.code === 'WB')!.id, fundingSource: 'hnb' });
  await t.ok('saveProjectYear', { projectId: project.id, year: plan.years[0]!, costPence: 10_000_000, targetSavingPence: 0, deliveredSavingPence: null });
  await t.ok('saveProjectYear', { projectId: project.id, year: plan.years[1]!, costPence: 0, targetSavingPence: 50_000_000, deliveredSavingPence: null });
  await t.ok('attachProject', { scenarioId: mitigated, projectId: project.id });
}, 60_000);
afterAll(() => t.close());

describe('plan blocks', () => {
  it('offer the workspace’s scenarios to choose from', async () => {
    const kinds = await t.ok('listBlockKinds', {});
    const table = kinds.find((k) => k.kind === 'plan-table')!;
    expect(table.fields[0]!.choices).toEqual(
      expect.arrayContaining([
        { value: String(unmitigated), label: 'Blocks test plan: Unmitigated' },
        { value: String(mitigated), label: 'Blocks test plan: Mitigated' },
      ]),
    );
    expect(Object.keys(table.fields[0]!)).not.toContain('choicesOf');
    expect(kinds.map((k) => k.kind)).toEqual(expect.arrayContaining(['plan-table', 'plan-chart', 'scenario-compare']));
  });

  it('print the figures the plan calculates, and carry each as a figure for a re-issue', async () => {
    const r = computePlanResult(t.server.workspace!.db, mitigated);
    const money = t.server.workspace!.money();
    const preview = await t.ok('previewBlock', { kind: 'plan-table', settings: { scenario: String(mitigated) } });
    expect(preview.problem).toBeNull();
    expect(preview.caption).toBe('Deficit management plan: Blocks test plan, Mitigated scenario (mitigated)');
    for (const y of r.years) {
      expect(preview.html).toContain(`<th scope="row">${y.year}</th>`);
      expect(preview.html).toContain(money.format(y.cumulativePence));
    }
    // The project's £100,000 cost in the first year and £500,000 saving in the second are in the table.
    expect(preview.html).toContain(money.format(10_000_000));
    expect(preview.html).toContain(money.format(-50_000_000));
  });

  it('chart the mitigated scenario against its unmitigated parent, with the figures in a table', async () => {
    const preview = await t.ok('previewBlock', { kind: 'plan-chart', settings: { scenario: mitigated } });
    expect(preview.caption).toBe('Blocks test plan: cumulative DSG balance, Unmitigated (unmitigated) against Mitigated (mitigated)');
    expect(preview.html.match(/<polyline /g)).toHaveLength(2);
    expect(preview.html).toContain('role="img"');
    const u = computePlanResult(t.server.workspace!.db, unmitigated);
    const m = computePlanResult(t.server.workspace!.db, mitigated);
    const last = plan.years[plan.years.length - 1]!;
    expect(preview.html).toContain(`Unmitigated cumulative balance ${t.server.workspace!.money().format(u.years[0]!.cumulativePence)}`);
    expect(m.years.find((y) => y.year === last)!.cumulativePence - u.years.find((y) => y.year === last)!.cumulativePence).toBe(50_000_000 - 10_000_000);
  });

  it('compare two scenarios year by year, the difference being the second less the first', async () => {
    const preview = await t.ok('previewBlock', { kind: 'scenario-compare', settings: { a: unmitigated, b: mitigated } });
    expect(preview.caption).toBe('Scenario comparison: Unmitigated against Mitigated (Blocks test plan)');
    const money = t.server.workspace!.money();
    const u = computePlanResult(t.server.workspace!.db, unmitigated).years;
    const m = computePlanResult(t.server.workspace!.db, mitigated).years;
    // First year: the project's cost makes the mitigated in-year £100,000 worse; second: its saving £500,000 better.
    expect(rowCells(preview.html, plan.years[0]!)).toEqual(
      [u[0]!.inYearPence, m[0]!.inYearPence, 10_000_000, -10_000_000, u[0]!.cumulativePence, m[0]!.cumulativePence, -10_000_000].map((p) => money.format(p)),
    );
    expect(rowCells(preview.html, plan.years[1]!).slice(2)).toEqual(
      [-50_000_000, 50_000_000, u[1]!.cumulativePence, m[1]!.cumulativePence, 40_000_000].map((p) => money.format(p)),
    );
  });

  it('say when the scenario is gone rather than refusing, and write nothing', async () => {
    const before = dumpTables(t.sqlite);
    const r = await t.ok('previewBlock', { kind: 'plan-table', settings: { scenario: 999_999 } });
    expect(r.problem).toBe("The block 'Deficit management plan' names a scenario that is no longer in this workspace.");
    const bad = await t.refused('previewBlock', { kind: 'plan-table', settings: { scenario: 'Unmitigated' } });
    expect(bad.code).toBe('INVALID_INPUT');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});

describe('the demo', () => {
  it('puts the plan as sent to the DfE in the December forum paper, and the blocks find it', async () => {
    const papers = t.sqlite.prepare("SELECT sections FROM paper WHERE sections LIKE '%dec-dmp-chart%'").all() as Array<{ sections: string }>;
    expect(papers).toHaveLength(1);
    const chart = await t.ok('previewBlock', { kind: 'plan-chart', settings: { scenario: 2 } });
    expect(chart.problem).toBeNull();
    expect(chart.caption).toMatch(/Unmitigated \(sent to DfE, November 2026\) \(unmitigated\) against Mitigated \(sent to DfE, November 2026\) \(mitigated\)$/);
    const table = await t.ok('previewBlock', { kind: 'plan-table', settings: { scenario: 2 } });
    expect(table.html).toContain('The first year with an in-year surplus is 2029-30.');
  });
});
