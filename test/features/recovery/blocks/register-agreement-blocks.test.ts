import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';

let t: TestServer;

beforeAll(async () => {
  t = await testServer({ now: () => new Date('2026-03-01T12:00:00Z') });
  const workstreams = await t.ok('saveWorkstream', { code: 'BW1', name: 'Inclusion' });
  const more = await t.ok('saveWorkstream', { code: 'BW2', name: 'Sufficiency' });
  const w1 = workstreams.find((w) => w.code === 'BW1')!.id;
  const w2 = more.find((w) => w.code === 'BW2')!.id;
  const a = await t.ok('saveProject', {
    code: 'BP1',
    name: 'Inclusion co-ordinator',
    workstreamId: w1,
    fundingSource: 'hnb',
    approvedBudgetPence: 6_500_000,
    forecastPence: 6_500_000,
  });
  const b = await t.ok('saveProject', { code: 'BP2', name: 'Panel redesign', workstreamId: w1, fundingSource: 'hnb' });
  const c = await t.ok('saveProject', { code: 'BP3', name: 'Local special places', workstreamId: w2, fundingSource: 'council' });
  await t.ok('recordRag', { projectId: a.id, rag: 'amber', reason: 'Recruitment late', asOf: '2026-02-01' });
  await t.ok('recordRag', { projectId: b.id, rag: 'green', reason: '', asOf: '2026-02-01' });
  await t.ok('recordRag', { projectId: c.id, rag: 'amber', reason: 'Capital delay', asOf: '2026-02-01' });
  await t.ok('saveProjectYear', { projectId: a.id, year: '2026-27', costPence: 3_250_000, targetSavingPence: 10_000_000, deliveredSavingPence: 2_500_000 });
  await t.ok('saveThreshold', { effectiveFrom: '2020-04-01', keyDecisionPence: 50_000_000 });
  // Ends within the 60-day window, a key decision with its reference: it needs a decision about ending.
  await t.ok('saveAgreement', {
    reference: 'CL-01',
    counterparty: 'North cluster',
    type: 'cooperation',
    legalBasis: 'pcr2015_reg12_7',
    startOn: '2025-04-01',
    endOn: '2026-03-31',
    annualValuePence: 78_083_000,
    extensionsOffered: 2,
    extensionMonths: 12,
    decisionReference: 'D52724',
  });
  // Far from its end and decided: needs nothing.
  await t.ok('saveAgreement', {
    reference: 'CL-02',
    counterparty: 'South cluster',
    type: 'grant',
    legalBasis: 'grant_terms',
    startOn: '2025-04-01',
    endOn: '2028-03-31',
    annualValuePence: 1_000_000,
    extensionsOffered: 0,
    extensionMonths: 0,
  });
}, 60_000);
afterAll(() => t.close());

describe('the register block', () => {
  it('lists the projects a workstream and RAG filter choose, with their totals', async () => {
    const all = await t.ok('previewBlock', { kind: 'register-table', settings: { workstream: 'all', rag: 'all' } });
    expect(all.caption).toBe('Recovery register: all workstreams, at 1 March 2026');
    expect(all.html).toContain('BP1 Inclusion co-ordinator');
    expect(all.html).toContain('BP3 Local special places');
    const amberInclusion = await t.ok('previewBlock', { kind: 'register-table', settings: { workstream: 'bw1', rag: 'amber' } });
    expect(amberInclusion.caption).toBe('Recovery register: workstream BW1 Inclusion, RAG amber, at 1 March 2026');
    expect(amberInclusion.html).toContain('Amber: Recruitment late');
    expect(amberInclusion.html).not.toContain('BP2');
    expect(amberInclusion.html).not.toContain('BP3');
    expect(amberInclusion.html).toContain('Total (1 project)');
    const money = t.server.workspace!.money();
    expect(amberInclusion.html).toContain(money.format(10_000_000));
    expect(amberInclusion.html).toContain(money.format(2_500_000));
  });

  it('offers the workspace’s workstreams, and says when one named is gone', async () => {
    const kinds = await t.ok('listBlockKinds', {});
    expect(kinds.find((k) => k.kind === 'register-table')!.fields[0]!.choices!.map((c) => c.value)).toEqual(['all', 'BW1', 'BW2']);
    const before = dumpTables(t.sqlite);
    const gone = await t.ok('previewBlock', { kind: 'register-table', settings: { workstream: 'BW9', rag: 'all' } });
    expect(gone.problem).toBe("The block 'Recovery register' names the workstream BW9, which is not in this workspace.");
    expect((await t.refused('previewBlock', { kind: 'register-table', settings: { workstream: 'all', rag: 'purple' } })).code).toBe('INVALID_INPUT');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});

describe('the agreements needing a decision block', () => {
  it('lists the agreements whose alerts call for a decision, as of the server’s today', async () => {
    const r = await t.ok('previewBlock', { kind: 'agreements-decisions', settings: {} });
    expect(r.caption).toBe('Agreements needing a decision, at 1 March 2026');
    expect(r.html).toContain('CL-01 North cluster');
    expect(r.html).toContain('Ends on 31 March 2026, in 30 days.');
    expect(r.html).not.toContain('CL-02');
    expect(r.html).toContain(t.server.workspace!.money().format(234_249_000));
  });

  it('says so when nothing needs a decision: both extensions taken, the term runs to 2028', async () => {
    const overview = await t.ok('getAgreementsOverview', {});
    const id = overview.agreements.find((a) => a.reference === 'CL-01')!.id;
    await t.ok('takeExtension', { agreementId: id, number: 1, takenOn: '2026-02-20', decisionReference: 'D60001' });
    await t.ok('takeExtension', { agreementId: id, number: 2, takenOn: '2026-02-21', decisionReference: 'D60002' });
    const r = await t.ok('previewBlock', { kind: 'agreements-decisions', settings: {} });
    expect(r.html).toContain('No agreement needs a decision in this period.');
  });
});
