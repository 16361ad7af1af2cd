/**
 * Submitting a scenario locks it (and, for a mitigated one, the unmitigated scenario it rests
 * on). A locked scenario refuses every change: from the screens' calls, from an undo, and from
 * any write through the change recorder (imports and the command line write that way).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planLine } from '../../../../features/recovery/schema';
import type { PlanInfo, ScenarioInfo } from '../../../../features/recovery/types';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { addProject, METRO_YEAR, metropolitan } from './fixture';

let t: TestServer;
let p: PlanInfo;
let u: ScenarioInfo;
let m: ScenarioInfo;
let project: number;
beforeEach(async () => {
  t = await testServer({ now: () => new Date('2026-03-01T12:00:00Z') });
  await metropolitan(t);
  p = await t.ok('createPlan', { name: 'Recovery plan', baseYear: METRO_YEAR, horizonYears: 5 });
  u = p.scenarios.find((s) => s.kind === 'unmitigated')!;
  m = p.scenarios.find((s) => s.kind === 'mitigated')!;
  project = addProject(t.server.workspace!, { code: 'P01', years: [['2022-23', 1_000_000, 20_000_000, null]] });
});
afterEach(() => t.close());

const submit = (s: ScenarioInfo, note = 'Schools Forum 12 March') => t.ok('submitScenario', { id: s.id, submittedOn: '2026-03-12', note });

async function refusedLocked(channel: string, input: unknown): Promise<string> {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(e.code, `${channel} ${e.message}`).toBe('LOCKED');
  expect(dumpTables(t.sqlite)).toEqual(before);
  return e.message;
}

describe('submitting', () => {
  it('locks a mitigated scenario and the unmitigated one it rests on, keeping the figures as sent', async () => {
    await t.ok('attachProject', { scenarioId: m.id, projectId: project });
    const info = await submit(m);
    expect(info).toMatchObject({ locked: true, submittedOn: '2026-03-12', submittedNote: 'Schools Forum 12 March' });
    const plans = await t.ok('listPlans', {});
    expect(plans[0]!.scenarios.map((s) => [s.name, s.locked])).toEqual([
      ['Unmitigated', true],
      ['Mitigated', true],
    ]);
    expect(t.sqlite.prepare("SELECT entity_id, locked, reason, changed_by FROM lock WHERE entity = 'plan_scenario' ORDER BY entity_id").all()).toEqual([
      { entity_id: String(u.id), locked: 1, reason: 'Schools Forum 12 March', changed_by: 'test.user' },
      { entity_id: String(m.id), locked: 1, reason: 'Schools Forum 12 March', changed_by: 'test.user' },
    ]);
    const r = await t.ok('getPlanResult', { scenarioId: m.id });
    expect(r.submitted).toMatchObject({ on: '2026-03-12', note: 'Schools Forum 12 March', matches: true });
    expect(r.submitted!.years).toEqual(r.years);

    // The register moves on: the live figures move, the submitted ones stay, and say they no longer match.
    t.sqlite.prepare('UPDATE project_year SET target_saving_pence = 25000000 WHERE project_id = ?').run(project);
    const moved = await t.ok('getPlanResult', { scenarioId: m.id });
    expect(moved.submitted).toMatchObject({ matches: false, years: r.years });
    expect(moved.years[1]!.savingsPence).toBe(25_000_000);
    await refusedLocked('submitScenario', { id: m.id, submittedOn: '2026-03-13', note: 'again' });
  });

  it('submits an unmitigated scenario alone, leaving its mitigated one open', async () => {
    await submit(u, 'sent to DfE');
    const plans = await t.ok('listPlans', {});
    expect(plans[0]!.scenarios.map((s) => s.locked)).toEqual([true, false]);
    await t.ok('attachProject', { scenarioId: m.id, projectId: project });
    await submit(m);
    // The parent keeps its own submission.
    expect((await t.ok('getPlanResult', { scenarioId: u.id })).submitted).toMatchObject({ note: 'sent to DfE' });
  });
});

describe('a locked scenario refuses every change', () => {
  it('from the screens: assumptions, lines, base, names, projects, deletion, the plan’s years', async () => {
    await t.ok('attachProject', { scenarioId: m.id, projectId: project });
    await submit(m);
    const lines = (await t.ok('getAssumptions', { scenarioId: u.id })).lines;
    const l = lines[0]!;
    const other = addProject(t.server.workspace!, { code: 'P02' });
    const message = await refusedLocked('saveFundingYear', { scenarioId: u.id, year: '2021-22', growthBp: 300 });
    expect(message).toContain('submitted and locked');
    await refusedLocked('saveFundingYear', { scenarioId: m.id, year: '2021-22', transfersPence: 5 });
    await refusedLocked('savePlanLine', {
      scenarioId: u.id,
      id: l.id,
      code: l.code,
      name: l.name,
      groupName: l.groupName,
      method: 'percent',
      countGrowthBp: 0,
      costGrowthBp: 100,
    });
    await refusedLocked('savePlanLine', {
      scenarioId: u.id,
      code: 'NEW',
      name: 'New',
      groupName: 'G',
      method: 'percent',
      basePence: 1,
      countGrowthBp: 0,
      costGrowthBp: 0,
    });
    await refusedLocked('deletePlanLine', { id: l.id });
    await refusedLocked('refreshPlanBase', { scenarioId: u.id });
    await refusedLocked('renameScenario', { id: m.id, name: 'Renamed' });
    await refusedLocked('deleteScenario', { id: m.id });
    await refusedLocked('deleteScenario', { id: u.id });
    await refusedLocked('attachProject', { scenarioId: m.id, projectId: other });
    await refusedLocked('detachProject', { scenarioId: m.id, projectId: project });
    await refusedLocked('updatePlan', { id: p.id, horizonYears: 6 });
    await refusedLocked('deletePlan', { id: p.id });
    // What stays open: the plan's name and note, a copy (unlocked, to change), a new mitigated scenario on the locked parent.
    await t.ok('updatePlan', { id: p.id, name: 'Recovery plan 2026', note: 'as sent' });
    const copy = await t.ok('copyScenario', { id: m.id, name: 'Mitigated v2' });
    expect(copy).toMatchObject({ locked: false, submittedOn: null, projectIds: [project], parentId: u.id });
    await t.ok('detachProject', { scenarioId: copy.id, projectId: project });
    const copyU = await t.ok('copyScenario', { id: u.id, name: 'Unmitigated v2' });
    await t.ok('saveFundingYear', { scenarioId: copyU.id, year: '2021-22', growthBp: 300 });
    expect((await t.ok('getPlanResult', { scenarioId: copyU.id })).submitted).toBeNull();
  });

  it('from an undo of a change made before it was submitted', async () => {
    await t.ok('saveFundingYear', { scenarioId: u.id, year: '2021-22', growthBp: 300 });
    await t.ok('attachProject', { scenarioId: m.id, projectId: project });
    await submit(m);
    const state = await t.ok('getUndoState', {});
    expect(state.canUndo).toBe(false);
    expect(state.blockedBy).toBe('the scenario is submitted and locked');
    await refusedLocked('undo', {});
  });

  it('from any write through the change recorder, as an import or the command line makes it', async () => {
    await submit(u);
    const ws = t.server.workspace!;
    const line = (await t.ok('getAssumptions', { scenarioId: u.id })).lines[0]!;
    const before = dumpTables(t.sqlite);
    expect(() => ws.write('import', 'Plan lines from a workbook', (rec) => rec.update(planLine, line.id, { costGrowthBp: 500 }))).toThrow(
      /submitted and locked/,
    );
    expect(() =>
      ws.write('import', 'Plan lines from a workbook', (rec) =>
        rec.insert(planLine, { scenarioId: u.id, code: 'X', name: 'X', groupName: 'X', method: 'percent', basePence: 1, countGrowthBp: 0, costGrowthBp: 0 }),
      ),
    ).toThrow(/submitted and locked/);
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});
