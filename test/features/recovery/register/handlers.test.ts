import { afterEach, describe, expect, it } from 'vitest';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { agreementOf, attachToPlan, lockScenario, projectOf, workstreamOf } from './support';

let t: TestServer;
afterEach(() => t?.close());

const NOW = () => new Date('2026-03-01T12:00:00Z');

describe('workstreams', () => {
  it('are listed with their projects counted; codes are unique whatever their capitals', async () => {
    t = await testServer({ now: NOW });
    const ws1 = await workstreamOf(t, 'WS1', 'Inclusion in mainstream');
    await workstreamOf(t, 'WS2', 'Sufficiency of specialist places');
    await projectOf(t, ws1, 'P01');
    const list = await t.ok('listWorkstreams', {});
    expect(list.map((w) => [w.code, w.name, w.projectCount])).toEqual([
      ['WS1', 'Inclusion in mainstream', 1],
      ['WS2', 'Sufficiency of specialist places', 0],
    ]);

    const before = dumpTables(t.sqlite);
    const e = await t.refused('saveWorkstream', { code: ' ws2', name: 'Another' });
    expect(e.code).toBe('DUPLICATE');
    expect(e.message).toBe(
      'The workstream code ws2 is already used by WS2 Sufficiency of specialist places: workstream codes must be unique (capitals do not count).',
    );
    // Renaming a workstream to its own code in other capitals is not a clash.
    await t.ok('saveWorkstream', { id: ws1, code: 'ws1', name: 'Inclusion' });
    expect(dumpTables(t.sqlite).workstream).not.toEqual(before.workstream);
  });

  it('only an empty workstream can be deleted', async () => {
    t = await testServer({ now: NOW });
    const ws1 = await workstreamOf(t);
    const ws2 = await workstreamOf(t, 'WS2', 'Empty');
    await projectOf(t, ws1, 'P01');
    const before = dumpTables(t.sqlite);
    const e = await t.refused('deleteWorkstream', { id: ws1 });
    expect(e.message).toBe('The workstream WS1 Inclusion in mainstream still has 1 project (P01): move them to another workstream or delete them first.');
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect((await t.ok('deleteWorkstream', { id: ws2 })).map((w) => w.code)).toEqual(['WS1']);
  });
});

describe('projects', () => {
  it('are saved and listed with their latest RAG, totals, milestones, scenarios and agreements', async () => {
    t = await testServer({ now: NOW });
    const ws1 = await workstreamOf(t);
    const ws2 = await workstreamOf(t, 'WS2', 'Specialist places');
    const p1 = await projectOf(t, ws1, 'P01', { owner: 'J Smith', approvedBudgetPence: 6_500_000, spendToDatePence: 2_000_000, forecastPence: 6_400_000 });
    const p2 = await projectOf(t, ws2, 'P02', { fundingSource: 'transformation_reserve' });
    expect(p1).toMatchObject({ code: 'P01', owner: 'J Smith', workstream: 'Inclusion in mainstream', rag: null, milestonesTotal: 0, nextMilestone: null });

    // Recorded out of date order: the latest by date is the project's RAG.
    await t.ok('recordRag', { projectId: p1.id, rag: 'amber', reason: 'Panel slow to start', asOf: '2026-01-15' });
    await t.ok('recordRag', { projectId: p1.id, rag: 'green', reason: 'Started well', asOf: '2025-10-01' });
    await t.ok('saveProjectYear', { projectId: p1.id, year: '2026-27', costPence: 3_250_000, targetSavingPence: 50_000_000, deliveredSavingPence: 10_000_000 });
    await t.ok('saveProjectYear', { projectId: p1.id, year: '2027-28', costPence: 3_250_000, targetSavingPence: 80_000_000, deliveredSavingPence: null });
    await t.ok('saveMilestone', { projectId: p1.id, title: 'Panel terms agreed', dueOn: '2026-01-31', doneOn: '2026-01-20' });
    await t.ok('saveMilestone', { projectId: p1.id, title: 'First panel', dueOn: '2026-02-20' });
    await t.ok('saveMilestone', { projectId: p1.id, title: 'Review', dueOn: '2026-09-30' });
    const agreement = agreementOf(t, 'AIP-NORTH');
    await t.ok('linkAgreement', { projectId: p1.id, agreementId: agreement });
    attachToPlan(t, [p1.id]);

    const list = await t.ok('listProjects', {});
    expect(list.map((p) => p.code)).toEqual(['P01', 'P02']);
    expect(list[0]).toMatchObject({
      rag: 'amber',
      ragReason: 'Panel slow to start',
      ragAsOf: '2026-01-15',
      totalTargetPence: 130_000_000,
      totalDeliveredPence: 10_000_000,
      totalCostPence: 6_500_000,
      scenarioNames: ['Mitigated'],
      agreementRefs: ['AIP-NORTH'],
      milestonesDone: 1,
      milestonesTotal: 3,
      nextMilestone: { title: 'First panel', dueOn: '2026-02-20', overdue: true },
    });
    expect(list[1]).toMatchObject({ code: 'P02', fundingSource: 'transformation_reserve', rag: null, totalTargetPence: 0, scenarioNames: [] });
    expect((await t.ok('listProjects', { workstreamId: ws2 })).map((p) => p.code)).toEqual(['P02']);
    expect((await t.ok('listProjects', { rag: 'amber' })).map((p) => p.code)).toEqual(['P01']);
    expect(await t.ok('listProjects', { rag: 'red' })).toEqual([]);
    expect(p2.workstream).toBe('Specialist places');
  });

  it('refuses a code already used, whatever its capitals, an unknown workstream, and changes nothing', async () => {
    t = await testServer({ now: NOW });
    const ws1 = await workstreamOf(t);
    const p1 = await projectOf(t, ws1, 'P01');
    await projectOf(t, ws1, 'P02');
    const before = dumpTables(t.sqlite);
    const dup = await t.refused('saveProject', { id: p1.id, code: 'p02 ', name: 'Renamed', workstreamId: ws1, fundingSource: 'hnb' });
    expect(dup.code).toBe('DUPLICATE');
    expect(dup.message).toMatch(/^The project code p02 is already used by P02 Project P02: project codes must be unique/);
    const ws = await t.refused('saveProject', { code: 'P03', name: 'New', workstreamId: 999, fundingSource: 'hnb' });
    expect(ws.details?.issues?.[0]).toMatchObject({ field: 'workstreamId', rule: 'must be a workstream of the register' });
    const source = await t.refused('saveProject', { code: 'P03', name: 'New', workstreamId: ws1, fundingSource: 'lottery' });
    expect(source.code).toBe('INVALID_INPUT');
    const money = await t.refused('saveProject', { code: 'P03', name: 'New', workstreamId: ws1, fundingSource: 'hnb', approvedBudgetPence: -1 });
    expect(money.code).toBe('INVALID_INPUT');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('names the board that oversees a project, and refuses one that is not a body of the workspace', async () => {
    t = await testServer({ now: NOW });
    const ws1 = await workstreamOf(t);
    const board = Number(
      t.sqlite
        .prepare(
          "INSERT INTO body (name, kind, quorum_kind, paper_template, standing_items) VALUES ('SEND programme board', 'programme_board', 'fraction', '', '[]')",
        )
        .run().lastInsertRowid,
    );
    const p = await projectOf(t, ws1, 'P01', { boardBodyId: board, aim: 'Fewer requests escalate to assessment' });
    expect(p).toMatchObject({ board: 'SEND programme board', boardBodyId: board, aim: 'Fewer requests escalate to assessment' });
    const before = dumpTables(t.sqlite);
    const e = await t.refused('saveProject', { id: p.id, code: 'P01', name: 'Panel', workstreamId: ws1, fundingSource: 'hnb', boardBodyId: board + 1 });
    expect(e.message).toBe(`There is no board with id ${board + 1}: choose one of the bodies under Meetings, or none.`);
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect((await t.ok('saveProject', { id: p.id, code: 'P01', name: 'Panel', workstreamId: ws1, fundingSource: 'hnb', boardBodyId: null })).board).toBeNull();
  });

  it('keeps every RAG as history, newest first, and refuses one dated after today', async () => {
    t = await testServer({ now: NOW });
    const p = await projectOf(t, await workstreamOf(t), 'P01');
    await t.ok('recordRag', { projectId: p.id, rag: 'green', reason: 'On track', asOf: '2026-01-10' });
    await t.ok('recordRag', { projectId: p.id, rag: 'red', reason: 'Contract delayed', asOf: '2026-02-10' });
    const d = await t.ok('recordRag', { projectId: p.id, rag: 'amber', reason: 'Recovering', asOf: '2026-02-10' });
    expect(d.rag).toBe('amber');
    expect(d.ragHistory.map((r) => [r.rag, r.asOf])).toEqual([
      ['amber', '2026-02-10'],
      ['red', '2026-02-10'],
      ['green', '2026-01-10'],
    ]);
    const before = dumpTables(t.sqlite);
    const e = await t.refused('recordRag', { projectId: p.id, rag: 'green', reason: '', asOf: '2026-03-02' });
    expect(e.message).toBe('A RAG is an assessment made on a day that has come: 02/03/2026 is after today (01/03/2026).');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('shows every row of a project in its history, by name', async () => {
    t = await testServer({ now: NOW });
    const ws1 = await workstreamOf(t);
    const p = await projectOf(t, ws1, 'P01');
    await t.ok('saveProject', {
      id: p.id,
      code: 'P01',
      name: 'Panel redesign',
      workstreamId: ws1,
      fundingSource: 'forum_allocation',
      forecastPence: 1_234_500,
    });
    await t.ok('recordRag', { projectId: p.id, rag: 'red', reason: 'Late', asOf: '2026-02-01' });
    await t.ok('saveMilestone', { projectId: p.id, title: 'Panel terms agreed', dueOn: '2026-01-31' });
    await t.ok('saveKpi', { projectId: p.id, measure: 'EHC plans', baseline: 224, baselineOn: '2024-03-31', latest: 252, latestOn: '2025-03-31' });
    await t.ok('saveProjectYear', { projectId: p.id, year: '2026-27', costPence: 0, targetSavingPence: 50_000_000, deliveredSavingPence: null });
    await t.ok('saveProjectYear', { projectId: p.id, year: '2026-27', costPence: 0, targetSavingPence: 60_000_000, deliveredSavingPence: null });
    await t.ok('linkAgreement', { projectId: p.id, agreementId: agreementOf(t, 'AIP-1') });
    const h = await t.ok('getHistory', { subject: `recovery_project:${p.id}` });
    const said = h.map((e) => `${e.what}: ${e.oldText} -> ${e.newText}`);
    expect(said).toEqual(
      expect.arrayContaining([
        'Project: Project P01 -> Panel redesign',
        'Funding source: High Needs Block -> Schools Forum allocation',
        'Forecast: £0 -> £12,345',
        'RAG: (none) -> Red',
        'RAG reason: (none) -> Late',
        'RAG date: (none) -> 1 February 2026',
        'Due (Panel terms agreed): (none) -> 31 January 2026',
        'Latest value (EHC plans): (none) -> 252',
        'Target saving 2026-27: £500,000 -> £600,000',
        'Agreement: (none) -> AIP-1 (North Area Inclusion Partnership)',
        'Project: (none) -> P01 Panel redesign',
      ]),
    );
    expect(h.every((e) => e.subject === `recovery_project:${p.id}`)).toBe(true);
  });

  it('lets a milestone be done before it was due', async () => {
    t = await testServer({ now: NOW });
    const p = await projectOf(t, await workstreamOf(t), 'P01');
    const d = await t.ok('saveMilestone', { projectId: p.id, title: 'Early win', dueOn: '2026-06-30', doneOn: '2026-02-01' });
    expect(d.milestones).toEqual([{ id: expect.any(Number), title: 'Early win', dueOn: '2026-06-30', doneOn: '2026-02-01' }]);
    expect(d).toMatchObject({ milestonesDone: 1, milestonesTotal: 1, nextMilestone: null });
    const id = d.milestones[0]!.id;
    const other = await projectOf(t, d.workstreamId, 'P02');
    const before = dumpTables(t.sqlite);
    const e = await t.refused('saveMilestone', { projectId: other.id, id, title: 'Stolen', dueOn: '2026-06-30' });
    expect(e.message).toBe('That milestone belongs to another project, not P02 Project P02.');
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect((await t.ok('deleteMilestone', { id })).milestones).toEqual([]);
  });
});

describe('KPIs', () => {
  it('hold decimal values with real dates, each measure once per project', async () => {
    t = await testServer({ now: NOW });
    const p = await projectOf(t, await workstreamOf(t), 'P01');
    const d = await t.ok('saveKpi', {
      projectId: p.id,
      measure: 'Requests for assessment per 10,000',
      baseline: 12.5,
      baselineOn: '2024-03-31',
      target: 10.25,
      targetOn: '2027-03-31',
      latest: 11.75,
      latestOn: '2025-03-31',
    });
    expect(d.kpis[0]).toMatchObject({ baseline: 12.5, target: 10.25, latest: 11.75, higherIsBetter: false });
    const id = d.kpis[0]!.id;
    // Only the latest reading given: the target stays.
    const next = await t.ok('saveKpi', {
      projectId: p.id,
      id,
      measure: 'Requests for assessment per 10,000',
      baseline: 12.5,
      baselineOn: '2024-03-31',
      latest: 11,
      latestOn: '2026-02-28',
    });
    expect(next.kpis[0]).toMatchObject({ target: 10.25, latest: 11, latestOn: '2026-02-28' });

    const before = dumpTables(t.sqlite);
    const notADay = await t.refused('saveKpi', { projectId: p.id, measure: 'EHC plans', baseline: 224, baselineOn: '2025-02-29' });
    expect(notADay.details?.issues?.[0]).toMatchObject({ field: 'baselineOn' });
    const dup = await t.refused('saveKpi', { projectId: p.id, measure: 'requests for assessment per 10,000 ', baseline: 1, baselineOn: '2024-03-31' });
    expect(dup.message).toBe('P01 Project P01 already has a KPI "requests for assessment per 10,000": each of a project\'s measures is named once.');
    const undated = await t.refused('saveKpi', { projectId: p.id, measure: 'EHC plans', baseline: 224, baselineOn: '2024-03-31', latest: 252 });
    expect(undated.message).toBe(
      'The KPI "EHC plans" of P01 Project P01 cannot be saved: a latest value needs its date (give the date the latest value was measured).',
    );
    const early = await t.refused('saveKpi', {
      projectId: p.id,
      measure: 'EHC plans',
      baseline: 224,
      baselineOn: '2024-03-31',
      latest: 252,
      latestOn: '2023-03-31',
    });
    expect(early.details?.issues?.[0]).toMatchObject({ field: 'latestOn', rule: 'the latest value must not be dated before the baseline' });
    const text = await t.refused('saveKpi', { projectId: p.id, measure: 'EHC plans', baseline: 'lots', baselineOn: '2024-03-31' });
    expect(text.details?.issues?.[0]).toMatchObject({ field: 'baseline', message: expect.stringMatching(/must be a number/) });
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});

describe('savings and costs by year', () => {
  it('must fall inside the plan of every scenario the project is attached to', async () => {
    t = await testServer({ now: NOW });
    const ws1 = await workstreamOf(t);
    const p = await projectOf(t, ws1, 'P01', { name: 'Panel redesign' });
    const loose = await projectOf(t, ws1, 'P02');
    attachToPlan(t, [p.id], { plan: 'DSG management plan 2026', base: '2025-26', horizon: 5, scenario: 'With recovery actions' });
    const inside = await t.ok('saveProjectYear', { projectId: p.id, year: '2030-31', costPence: 0, targetSavingPence: 1_000_000, deliveredSavingPence: null });
    expect(inside.years.map((y) => y.year)).toEqual(['2030-31']);

    const before = dumpTables(t.sqlite);
    for (const year of ['2031-32', '2025-26']) {
      const e = await t.refused('saveProjectYear', { projectId: p.id, year, costPence: 0, targetSavingPence: 1_000_000, deliveredSavingPence: null });
      expect(e.code).toBe('INVALID_INPUT');
      expect(e.message).toBe(
        `P01 Panel redesign is attached to the scenario "With recovery actions" of the plan "DSG management plan 2026", which runs from 2026-27 to 2030-31, so its savings and costs cannot be in ${year}: a savings year outside the plan. Use a year from 2026-27 to 2030-31, or detach the project from that scenario first.`,
      );
      expect(e.details?.issues?.[0]).toMatchObject({ field: 'year', rule: 'a savings year outside the plan' });
    }
    expect(dumpTables(t.sqlite)).toEqual(before);
    // A project in no plan may hold any year.
    await t.ok('saveProjectYear', { projectId: loose.id, year: '2035-36', costPence: 1, targetSavingPence: 0, deliveredSavingPence: null });

    const removed = await t.ok('deleteProjectYear', { projectId: p.id, year: '2030-31' });
    expect(removed.years).toEqual([]);
    expect((await t.refused('deleteProjectYear', { projectId: p.id, year: '2030-31' })).message).toBe('P01 Panel redesign has no savings or cost for 2030-31.');
  });
});

describe('deleting a project', () => {
  it('is refused while it is in a submitted scenario, and nothing changes', async () => {
    t = await testServer({ now: NOW });
    const p = await projectOf(t, await workstreamOf(t), 'P01', { name: 'Panel redesign' });
    const { mitigatedId } = attachToPlan(t, [p.id], { plan: 'DSG management plan 2026', scenario: 'Sent to DfE March 2026' });
    lockScenario(t, mitigatedId);
    const before = dumpTables(t.sqlite);
    const e = await t.refused('deleteProject', { id: p.id });
    expect(e.code).toBe('LOCKED');
    expect(e.message).toBe(
      'P01 Panel redesign is attached to the scenario "Sent to DfE March 2026" of the plan "DSG management plan 2026", which has been submitted and locked, so the project cannot be deleted: a submitted scenario keeps the projects it was submitted with.',
    );
    expect(dumpTables(t.sqlite)).toEqual(before);
    expect((await t.ok('getProject', { id: p.id })).scenarios).toEqual([
      { id: mitigatedId, name: 'Sent to DfE March 2026', planName: 'DSG management plan 2026', locked: true },
    ]);
  });

  it('takes everything the project holds with it, and undo brings all of it back', async () => {
    t = await testServer({ now: NOW });
    const p = await projectOf(t, await workstreamOf(t), 'P01');
    await t.ok('recordRag', { projectId: p.id, rag: 'red', reason: 'Late', asOf: '2026-02-01' });
    await t.ok('saveMilestone', { projectId: p.id, title: 'Start', dueOn: '2026-01-31' });
    await t.ok('saveKpi', { projectId: p.id, measure: 'EHC plans', baseline: 224, baselineOn: '2024-03-31' });
    await t.ok('saveProjectYear', { projectId: p.id, year: '2026-27', costPence: 0, targetSavingPence: 100, deliveredSavingPence: null });
    await t.ok('linkAgreement', { projectId: p.id, agreementId: agreementOf(t, 'AIP-1') });
    attachToPlan(t, [p.id]);
    const before = dumpTables(t.sqlite);
    expect(await t.ok('deleteProject', { id: p.id })).toEqual({ deleted: p.id });
    const gone = dumpTables(t.sqlite);
    for (const table of ['recovery_project', 'project_rag', 'project_milestone', 'project_kpi', 'project_year', 'project_agreement', 'plan_scenario_project']) {
      expect(gone[table], table).toEqual([]);
    }
    await t.ok('undo', {});
    const back = dumpTables(t.sqlite);
    for (const table of ['recovery_project', 'project_rag', 'project_milestone', 'project_kpi', 'project_year', 'project_agreement', 'plan_scenario_project']) {
      expect(back[table], table).toEqual(before[table]);
    }
  });
});

describe('agreements', () => {
  it('are linked once, with the end of the term as extended, and unlinked', async () => {
    t = await testServer({ now: NOW });
    const p = await projectOf(t, await workstreamOf(t), 'P01');
    const a = agreementOf(t, 'CLUSTER-7', { endOn: '2025-03-31', extensionMonths: 12, taken: 1 });
    await t.ok('linkAgreement', { projectId: p.id, agreementId: a });
    const d = await t.ok('linkAgreement', { projectId: p.id, agreementId: a });
    expect(d.agreements).toEqual([{ id: a, reference: 'CLUSTER-7', counterparty: 'North Area Inclusion Partnership', endOn: '2026-03-31' }]);
    expect((await t.refused('linkAgreement', { projectId: p.id, agreementId: 999 })).code).toBe('NOT_FOUND');
    expect((await t.ok('unlinkAgreement', { projectId: p.id, agreementId: a })).agreements).toEqual([]);
  });
});
