/**
 * The demo's recovery work keeps the promises issue 11 makes for it: a mitigated plan that
 * reaches in-year balance in a later year while the unmitigated one never does, cluster
 * agreements worth £2,342,490 with both extensions, Safety Valve instalments that are exactly
 * the contributions in the demo's DSG position, and each kind of agreement alert on the day the
 * demo is set (3 December 2026).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHnb } from '../../../support/cli';
import { testServer, type TestServer } from '../../../support/workspace';
import { expectSameDemoRows } from './same-demo-rows';

const TODAY = '2026-12-03';
let t: TestServer;
beforeAll(async () => {
  t = await testServer({ demo: true, now: () => new Date(`${TODAY}T12:00:00Z`) });
});
afterAll(() => t.close());

const scenario = async (name: string) => {
  const plans = await t.ok('listPlans', {});
  const s = plans.flatMap((p) => p.scenarios).find((x) => x.name === name);
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
};

describe('the demo deficit management plan', () => {
  it('starts from the 2025-26 outturn, with the carried forward hnb summary gives', async () => {
    const [plan] = await t.ok('listPlans', {});
    expect(plan).toMatchObject({ baseYear: '2025-26', horizonYears: 7 });
    expect(plan!.years).toEqual(['2026-27', '2027-28', '2028-29', '2029-30', '2030-31', '2031-32', '2032-33']);
    const summary = JSON.parse((await runHnb(t.dir, ['summary', '--year', '2025-26', '--json'])).out) as { carriedForwardPence: number };
    const u = await t.ok('getPlanResult', { scenarioId: (await scenario('Unmitigated')).id });
    expect(u.openingCumulativePence).toBe(summary.carriedForwardPence);
    expect(u.baseLabel).toBe('2025-26 outturn');
    const assumptions = await t.ok('getAssumptions', { scenarioId: u.scenarioId });
    expect(assumptions.baseDrift).toBeNull();
    expect(assumptions.lines.filter((l) => l.method === 'activity').map((l) => l.code)).toEqual(['HN04', 'HN05', 'HN12', 'HN13']);
  });

  it('reaches in-year balance in a later year with the recovery projects, and never without them', async () => {
    for (const [unmitigated, mitigated] of [
      ['Unmitigated', 'Mitigated: SEND recovery plan'],
      ['Unmitigated (sent to DfE, November 2026)', 'Mitigated (sent to DfE, November 2026)'],
    ]) {
      const u = await t.ok('getPlanResult', { scenarioId: (await scenario(unmitigated!)).id });
      const m = await t.ok('getPlanResult', { scenarioId: (await scenario(mitigated!)).id });
      expect(u.firstInYearSurplus, unmitigated).toBeNull();
      for (const y of u.years) expect(y.inYearPence, `${unmitigated} ${y.year}`).toBeLessThan(0);
      expect(m.firstInYearSurplus, mitigated).toBe('2029-30');
      expect(m.years[0]!.inYearPence).toBeLessThan(0);
      // Balance, once reached, holds; and the mitigated deficit is smaller every year.
      for (const y of m.years.filter((x) => x.year >= '2029-30')) expect(y.inYearPence, `${mitigated} ${y.year}`).toBeGreaterThan(0);
      for (const [i, y] of m.years.entries()) expect(y.cumulativePence).toBeGreaterThan(u.years[i]!.cumulativePence);
      // Invest to save: HNB-funded projects cost money in the years they save it.
      expect(m.years[0]!.projectCostsPence).toBe(35_700_000 + 30_000_000 + 12_000_000);
      expect(m.projects).toHaveLength(12);
    }
  });

  it('holds a copy as sent to the DfE, submitted and locked, whose live figures still match', async () => {
    for (const name of ['Unmitigated (sent to DfE, November 2026)', 'Mitigated (sent to DfE, November 2026)']) {
      const s = await scenario(name);
      expect(s).toMatchObject({ locked: true, submittedOn: '2026-11-20', submittedNote: 'Sent to DfE with the autumn Safety Valve monitoring return' });
      const r = await t.ok('getPlanResult', { scenarioId: s.id });
      expect(r.submitted).toMatchObject({ on: '2026-11-20', matches: true });
    }
    expect((await scenario('Unmitigated')).locked).toBe(false);
    // The live scenario has moved on since: the comparison shows it.
    const compare = await t.ok('compareScenarios', {
      a: (await scenario('Unmitigated (sent to DfE, November 2026)')).id,
      b: (await scenario('Unmitigated')).id,
    });
    for (const y of compare.years) expect(y.expenditureDiffPence, y.year).toBeGreaterThan(0);
  });
});

describe('the demo agreements', () => {
  it('include cluster agreements of £780,830 a year, £2,342,490 with both extensions, one taken', async () => {
    const overview = await t.ok('getAgreementsOverview', { today: TODAY });
    const clusters = overview.agreements.find((a) => a.reference === 'CLU-2025')!;
    expect(clusters).toMatchObject({
      annualValuePence: 78_083_000,
      extensions: { offered: 2, taken: 1, months: 12 },
      totalValuePence: 156_166_000,
      totalWithExtensionsPence: 234_249_000,
      currentEndOn: '2027-03-31',
      finalEndOn: '2028-03-31',
      decisionReference: 'D52724',
      forwardPlanReference: 'FP/280521',
    });
    expect(clusters.keyDecision.value).toBe(true);
    const aips = overview.agreements.filter((a) => a.reference.startsWith('AIP-'));
    expect(aips.map((a) => a.type)).toEqual(['cooperation', 'cooperation', 'cooperation', 'cooperation', 'cooperation']);
    expect(aips.reduce((s, a) => s + a.annualValuePence, 0)).toBe(525_555_000);
    const coordinator = overview.agreements.find((a) => a.reference === 'EIP-COORD-2025')!;
    expect(coordinator).toMatchObject({ type: 'direct_award', totalValuePence: 6_500_000 });
    expect(coordinator.keyDecision.value).toBe(false);
    expect(overview.thresholds.map((x) => [x.effectiveFrom, x.keyDecisionPence])).toEqual([
      ['2015-04-01', 25_000_000],
      ['2022-04-01', 50_000_000],
    ]);
    // Decided in 2021, when £250,000 a year was the threshold: a key decision then.
    expect(overview.agreements.find((a) => a.reference === 'SLT-SLA-2021')!.keyDecision.value).toBe(true);
  });

  it('raise each kind of alert on 3 December 2026', async () => {
    const overview = await t.ok('getAgreementsOverview', { today: TODAY });
    const alerts = (ref: string) => overview.agreements.find((a) => a.reference === ref)!.alerts.map((a) => a.kind);
    expect(alerts('CLU-2025')).toContain('extension-decision');
    expect(alerts('SIP-2024')).toContain('extension-decision');
    expect(alerts('AUT-OUT-2024')).toContain('ending');
    expect(alerts('SEMH-FW-2026')).toContain('no-decision-reference');
    expect(alerts('AIP-W-2024')).toContain('report-overdue');
    expect(alerts('AIP-N-2024')).toEqual([]);
  });
});

describe('the demo register', () => {
  it('has twelve projects in five workstreams, overseen by the SEND Programme Board, with the published examples', async () => {
    const projects = await t.ok('listProjects', {});
    expect(projects).toHaveLength(12);
    expect(new Set(projects.map((p) => p.workstream)).size).toBe(5);
    expect(new Set(projects.map((p) => p.board))).toEqual(new Set(['SEND Programme Board']));
    const byCode = new Map(projects.map((p) => [p.code, p]));
    expect(byCode.get('PRG01')).toMatchObject({ fundingSource: 'transformation_reserve', approvedBudgetPence: 100_000_000 });
    expect(byCode.get('SUF01')!.rag).toBe('red');
    const inclusion = await t.ok('getProject', { id: byCode.get('INC01')!.id });
    expect(inclusion.fundingSource).toBe('hnb');
    expect(inclusion.years.filter((y) => y.costPence > 0).map((y) => y.costPence)).toEqual([35_700_000, 35_700_000, 35_700_000, 35_700_000, 35_700_000]);
    expect(inclusion.ragHistory.length).toBeGreaterThan(1);
    const assessment = await t.ok('getProject', { id: byCode.get('ASM01')!.id });
    expect(assessment.kpis.find((k) => k.measure === 'EHC plans issued in the year')).toMatchObject({ baseline: 224, latest: 252 });
    expect(Math.max(...assessment.years.map((y) => y.targetSavingPence))).toBe(460_000_000);
    expect(byCode.get('ASM02')!.totalTargetPence).toBe(325_000_000);
  });
});

describe('the demo Safety Valve agreement', () => {
  it('has instalments that are exactly the safety_valve contributions in the DSG position, linked', async () => {
    const [sv] = await t.ok('listSvAgreements', {});
    expect(sv).toMatchObject({ kind: 'safety_valve', totalPence: 2_000_000_000, receivedPence: 1_400_000_000, withheldPence: 200_000_000 });
    expect(sv!.instalments.reduce((s, i) => s + i.expectedPence, 0)).toBe(sv!.totalPence);
    const years = await t.ok('listYears', {});
    const contributions = (await Promise.all(years.map((y) => t.ok('listContributions', { year: y.id })))).flat().filter((c) => c.kind === 'safety_valve');
    expect(contributions).toHaveLength(4);
    for (const c of contributions) {
      const linked = sv!.instalments.filter((i) => i.contributionId === c.id);
      expect(linked, c.yearId).toHaveLength(1);
      expect(linked[0]).toMatchObject({ year: c.yearId, status: 'received', receivedPence: c.amountPence });
    }
    expect(sv!.instalments.filter((i) => i.status === 'received')).toHaveLength(contributions.length);
    expect(sv!.instalments.find((i) => i.year === '2027-28')).toMatchObject({ status: 'due', contributionId: null });
  });

  it('has numbered conditions with quarterly monitoring, and its 2026-27 Q3 return to make', async () => {
    const [sv] = await t.ok('listSvAgreements', {});
    expect(sv!.conditions.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const c of sv!.conditions) expect(c.monitoring.map((m) => `${m.year} Q${m.quarter}`)).toHaveLength(6);
    expect(sv!.conditions[1]!.latest).toMatchObject({ year: '2026-27', quarter: 2, rag: 'green' });
    expect(sv!.conditions[3]!.latest).toMatchObject({ year: '2026-27', quarter: 2, rag: 'red' });
    const file = await t.ok('exportWorkbook', { kind: 'safety-valve-return', scope: { agreement: sv!.name, year: '2026-27', quarter: 3 } });
    expect(file.fileName).toBe('Safety Valve return Safety Valve agreement (March 2023) 2026-27 Q3.xlsx');
  });
});

describe('the demo', () => {
  it('writes the same recovery rows every time', async () => {
    const tables = ['agreement', 'plan_scenario', 'plan_line', 'project_year', 'sv_instalment', 'sv_monitoring', 'lock', 'deficit_contribution'];
    await expectSameDemoRows(t, tables);
  });
});
