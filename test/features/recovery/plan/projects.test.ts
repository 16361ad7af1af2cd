/**
 * The plan and the register never disagree: attaching, detaching, or changing a project's
 * savings or costs moves exactly the mitigated scenarios it is attached to, by exactly that
 * amount, and nothing else. Checked on hand-made cases and on random sequences of changes.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectYear } from '../../../../features/recovery/schema';
import type { PlanInfo, PlanResult, ScenarioInfo } from '../../../../features/recovery/types';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { addProject, METRO_YEAR, metropolitan } from './fixture';

let t: TestServer;
beforeEach(async () => {
  t = await testServer();
  await metropolitan(t);
});
afterEach(() => t.close());

const ws = () => t.server.workspace!;
const newPlan = (name = 'Recovery plan', horizonYears = 5) => t.ok('createPlan', { name, baseYear: METRO_YEAR, horizonYears });
const ofKind = (p: PlanInfo, kind: 'unmitigated' | 'mitigated') => p.scenarios.find((s) => s.kind === kind)!;
const result = (s: { id: number }) => t.ok('getPlanResult', { scenarioId: s.id });

async function refusedUnchanged(channel: string, input: unknown, code: string): Promise<{ message: string; rules: string[] }> {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(e.code).toBe(code);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return { message: e.message, rules: (e.details?.issues ?? []).map((i) => i.rule) };
}

describe('attaching projects', () => {
  it('adds HNB-funded costs and takes off savings, year by year (invest to save)', async () => {
    const p = await newPlan();
    const m = ofKind(p, 'mitigated');
    const before = await result(m);
    const id = addProject(ws(), {
      code: 'P01',
      years: [
        ['2021-22', 30_000_000, 0, null],
        ['2022-23', 10_000_000, 50_000_000, 45_000_000],
      ],
    });
    const info = await t.ok('attachProject', { scenarioId: m.id, projectId: id });
    expect(info.projectIds).toEqual([id]);
    const after = await result(m);
    expect(after.years.map((y, i) => y.expenditurePence - before.years[i]!.expenditurePence)).toEqual([30_000_000, -40_000_000, 0, 0, 0]);
    expect(after.years.map((y, i) => y.cumulativePence - before.years[i]!.cumulativePence)).toEqual([
      -30_000_000, 10_000_000, 10_000_000, 10_000_000, 10_000_000,
    ]);
    expect(after.projects).toEqual([
      {
        projectId: id,
        code: 'P01',
        name: 'Project P01',
        workstream: 'Inclusion',
        hnbFunded: true,
        years: [
          { year: '2021-22', costPence: 30_000_000, savingPence: 0, targetPence: 0, deliveredPence: null },
          { year: '2022-23', costPence: 10_000_000, savingPence: 50_000_000, targetPence: 50_000_000, deliveredPence: 45_000_000 },
          { year: '2023-24', costPence: 0, savingPence: 0, targetPence: 0, deliveredPence: null },
          { year: '2024-25', costPence: 0, savingPence: 0, targetPence: 0, deliveredPence: null },
          { year: '2025-26', costPence: 0, savingPence: 0, targetPence: 0, deliveredPence: null },
        ],
      },
    ]);
    // A copy re-based on delivered savings counts £450,000, not £500,000.
    const delivered = await t.ok('copyScenario', { id: m.id, name: 'Delivered so far', savingsBasis: 'delivered' });
    expect(delivered).toMatchObject({ savingsBasis: 'delivered', projectIds: [id] });
    expect((await result(delivered)).years[1]!.savingsPence).toBe(45_000_000);
    // The scenario's history shows the attachment.
    const history = await t.ok('getHistory', { subject: `plan_scenario:${m.id}` });
    expect(history.find((h) => h.entity === 'plan_scenario_project')).toMatchObject({ op: 'insert', changeLabel: 'Attach P01 to "Mitigated"' });
    // Attaching again changes nothing.
    const mark = ws().latestChangeSetId();
    await t.ok('attachProject', { scenarioId: m.id, projectId: id });
    expect(ws().latestChangeSetId()).toBe(mark);
  });

  it('refuses a year outside the plan, a project of another plan, an unmitigated scenario, and a horizon that would strand a project', async () => {
    const p = await newPlan();
    const m = ofKind(p, 'mitigated');
    const late = addProject(ws(), { code: 'LATE', years: [['2026-27', 0, 10_000, null]] });
    const r1 = await refusedUnchanged('attachProject', { scenarioId: m.id, projectId: late }, 'INVALID_INPUT');
    expect(r1.rules).toEqual(['a savings year outside the plan']);
    expect(r1.message).toContain('LATE Project LATE has a savings or cost year (2026-27) outside the plan "Recovery plan", which runs from 2021-22 to 2025-26');
    const baseYear = addProject(ws(), { code: 'BASE', years: [[METRO_YEAR, 5, 0, null]] });
    await refusedUnchanged('attachProject', { scenarioId: m.id, projectId: baseYear }, 'INVALID_INPUT');
    // A row of noughts is no year.
    const empty = addProject(ws(), { code: 'EMPTY', years: [['2030-31', 0, 0, null]] });
    await t.ok('attachProject', { scenarioId: m.id, projectId: empty });

    const ok = addProject(ws(), { code: 'OK', years: [['2025-26', 0, 10_000, null]] });
    await t.ok('attachProject', { scenarioId: m.id, projectId: ok });
    const other = await newPlan('Other plan', 6);
    const r2 = await refusedUnchanged('attachProject', { scenarioId: ofKind(other, 'mitigated').id, projectId: ok }, 'INVALID_INPUT');
    expect(r2.rules).toEqual(['a project attached to a scenario of another plan']);
    expect(r2.message).toContain('already attached to a scenario of the plan "Recovery plan"');
    await refusedUnchanged('attachProject', { scenarioId: ofKind(p, 'unmitigated').id, projectId: ok }, 'INVALID_INPUT');
    await refusedUnchanged('attachProject', { scenarioId: m.id, projectId: 9999 }, 'NOT_FOUND');
    await refusedUnchanged('detachProject', { scenarioId: m.id, projectId: late }, 'NOT_FOUND');
    // Once the plan runs to 2026-27, LATE fits; the plan then cannot lose that year while LATE has a saving there.
    await t.ok('updatePlan', { id: p.id, horizonYears: 6 });
    await t.ok('attachProject', { scenarioId: m.id, projectId: late });
    const r3 = await refusedUnchanged('updatePlan', { id: p.id, horizonYears: 5 }, 'INVALID_INPUT');
    expect(r3.rules).toEqual(['a savings year outside the plan']);
    expect(r3.message).toContain('LATE Project LATE has a savings or cost year (2026-27) outside the plan "Recovery plan", which runs from 2021-22 to 2025-26');
    await t.ok('detachProject', { scenarioId: m.id, projectId: late });
    await t.ok('updatePlan', { id: p.id, horizonYears: 5 });
  });
});

describe('the plan follows the register', () => {
  /** A small deterministic generator, so a failure can be replayed from its seed. */
  function random(seed: number) {
    let s = seed >>> 0;
    return () => {
      s = (s * 1_664_525 + 1_013_904_223) >>> 0;
      return s / 2 ** 32;
    };
  }

  it('moves exactly the scenarios a project is attached to, by exactly its figures, over random changes', async () => {
    const p = await newPlan();
    const u = ofKind(p, 'unmitigated');
    const m1 = ofKind(p, 'mitigated');
    // m1 has no projects yet: its copy is an empty mitigated scenario that counts delivered savings.
    const m2 = await t.ok('copyScenario', { id: m1.id, name: 'Delivered basis', savingsBasis: 'delivered' });
    const u2 = await t.ok('copyScenario', { id: u.id, name: 'Higher growth' });
    await t.ok('saveFundingYear', { scenarioId: u2.id, year: '2021-22', growthBp: 800 });
    const m3 = await t.ok('createMitigatedScenario', { parentId: u2.id, name: 'Mitigated on higher growth' });
    const other = await newPlan('Other plan');
    const scenarios: ScenarioInfo[] = [u, m1, m2, u2, m3, ...other.scenarios];
    const mitigated = [m1, m2, m3];

    const rnd = random(20260301);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const amount = () => Math.floor(rnd() * 50_000_000);
    const years = p.years;

    // The model: each project's years and funding source, and which scenarios it is attached to.
    const model = new Map<number, { hnb: boolean; years: Map<string, { cost: number; target: number; delivered: number | null }> }>();
    for (let i = 0; i < 12; i++) {
      const hnb = rnd() < 0.6;
      const ys: Array<[string, number, number, number | null]> = years
        .filter(() => rnd() < 0.5)
        .map((y) => [y, amount(), amount(), rnd() < 0.3 ? null : amount()]);
      const id = addProject(ws(), {
        code: `R${i}`,
        fundingSource: hnb ? 'hnb' : pick(['transformation_reserve', 'forum_allocation', 'council', 'other'] as const),
        years: ys,
      });
      model.set(id, { hnb, years: new Map(ys.map(([y, cost, target, delivered]) => [y, { cost, target, delivered }])) });
    }
    const attached = new Map<number, Set<number>>(mitigated.map((s) => [s.id, new Set()]));
    const unmitigatedOf = new Map<number, number>([
      [m1.id, u.id],
      [m2.id, u.id],
      [m3.id, u2.id],
    ]);
    const basisOf = new Map<number, 'target' | 'delivered'>([
      [m1.id, 'target'],
      [m2.id, 'delivered'],
      [m3.id, 'target'],
    ]);

    const all = async () => new Map<number, PlanResult>(await Promise.all(scenarios.map(async (s) => [s.id, await result(s)] as const)));
    const baseline = await all();

    /** What each scenario's figures must be, from the unmitigated results and the model alone. */
    const expectModel = (now: Map<number, PlanResult>) => {
      for (const s of scenarios) {
        const r = now.get(s.id)!;
        if (!attached.has(s.id)) {
          expect(r.years).toEqual(baseline.get(s.id)!.years);
          continue;
        }
        const parent = baseline.get(unmitigatedOf.get(s.id)!)!;
        let cumulativeShift = 0;
        r.years.forEach((y, i) => {
          let cost = 0;
          let saving = 0;
          for (const pid of attached.get(s.id)!) {
            const py = model.get(pid)!.years.get(y.year);
            if (!py) continue;
            if (model.get(pid)!.hnb) cost += py.cost;
            saving += basisOf.get(s.id) === 'delivered' ? (py.delivered ?? 0) : py.target;
          }
          const py = parent.years[i]!;
          cumulativeShift += saving - cost;
          expect([y.year, y.fundingPence, y.contributionsPence, y.expenditurePence, y.cumulativePence]).toEqual([
            py.year,
            py.fundingPence,
            py.contributionsPence,
            py.expenditurePence + cost - saving,
            py.cumulativePence + cumulativeShift,
          ]);
        });
      }
    };

    const projectIds = [...model.keys()];
    let previous = baseline;
    for (let step = 0; step < 60; step++) {
      const op = rnd();
      const s = pick(mitigated);
      const pid = pick(projectIds);
      let touched: number[] = [];
      if (op < 0.4) {
        await t.ok('attachProject', { scenarioId: s.id, projectId: pid });
        attached.get(s.id)!.add(pid);
        touched = [s.id];
      } else if (op < 0.6) {
        if (attached.get(s.id)!.has(pid)) {
          await t.ok('detachProject', { scenarioId: s.id, projectId: pid });
          attached.get(s.id)!.delete(pid);
          touched = [s.id];
        }
      } else {
        // The register changes a year's cost, target or delivered saving.
        const year = pick(years);
        const entry = model.get(pid)!.years.get(year) ?? { cost: 0, target: 0, delivered: null };
        const field = pick(['cost', 'target', 'delivered'] as const);
        const next = { ...entry, [field]: field === 'delivered' && rnd() < 0.2 ? null : amount() };
        const values = { costPence: next.cost, targetSavingPence: next.target, deliveredSavingPence: next.delivered };
        const row = ws()
          .db.select()
          .from(projectYear)
          .where(and(eq(projectYear.projectId, pid), eq(projectYear.yearId, year)))
          .get();
        if (row) ws().db.update(projectYear).set(values).where(eq(projectYear.id, row.id)).run();
        else
          ws()
            .db.insert(projectYear)
            .values({ projectId: pid, yearId: year, ...values })
            .run();
        model.get(pid)!.years.set(year, next);
        touched = mitigated.filter((x) => attached.get(x.id)!.has(pid)).map((x) => x.id);
      }
      const now = await all();
      expectModel(now);
      // Nothing but the scenarios touched moved.
      for (const x of scenarios) if (!touched.includes(x.id)) expect(now.get(x.id)!.years).toEqual(previous.get(x.id)!.years);
      previous = now;
    }
    // The sequence did exercise every kind of change on every mitigated scenario.
    expect(mitigated.every((s) => attached.get(s.id)!.size > 0)).toBe(true);
  });
});
