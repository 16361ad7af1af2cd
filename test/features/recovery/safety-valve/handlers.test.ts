import { afterEach, describe, expect, it } from 'vitest';
import type { SvAgreementInfo } from '../../../../features/recovery/types';
import { runHnb } from '../../../support/cli';
import { dumpTables, testServer, type TestServer } from '../../../support/workspace';

let t: TestServer;
afterEach(() => t?.close());

const m = (pounds: number) => Math.round(pounds * 100);

/** A workspace on 1 March 2026 holding 2024-25 (closed) and 2025-26 (open), with one Safety Valve agreement. */
async function setUp(): Promise<{ sv: SvAgreementInfo }> {
  t = await testServer({ now: () => new Date('2026-03-01T12:00:00Z') });
  await t.ok('createYear', { year: '2024-25', openingBalancePence: -m(12_000_000) });
  await t.ok('createYear', { year: '2025-26' });
  await t.ok('setYearStatus', { year: '2024-25', status: 'closed', reason: 'Accounts closed' });
  const list = await t.ok('saveSvAgreement', { name: 'Safety Valve agreement 2024', kind: 'safety_valve', signedOn: '2024-03-15', totalPence: m(10_000_000) });
  return { sv: list[0]! };
}

const agreement = async (name = 'Safety Valve agreement 2024') => (await t.ok('listSvAgreements', {})).find((a) => a.name === name)!;
const instalment = async (year: string) => (await agreement()).instalments.find((i) => i.year === year)!;

/** Contributions to the deficit for a year, as `hnb summary --json` prints them. */
async function summaryContributions(year: string): Promise<number> {
  const r = await runHnb(t.dir, ['summary', '--year', year, '--json']);
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out) as { contributionsPence: number }).contributionsPence;
}

describe('a Safety Valve agreement', () => {
  it('holds its instalments by year and numbered conditions with quarterly monitoring, history by quarter', async () => {
    const { sv } = await setUp();
    expect(sv).toMatchObject({ kind: 'safety_valve', counterparty: 'Department for Education', capitalPence: 0, receivedPence: 0, withheldPence: 0 });
    await t.ok('saveInstalment', { agreementId: sv.id, year: '2025-26', expectedPence: m(3_000_000) });
    await t.ok('saveInstalment', { agreementId: sv.id, year: '2024-25', expectedPence: m(3_000_000) });
    await t.ok('saveSvCondition', { agreementId: sv.id, number: 2, text: 'Reduce new independent placements', target: 'No more than 30 a year' });
    await t.ok('saveSvCondition', { agreementId: sv.id, number: 1, text: 'Mainstream inclusion', target: '' });
    const c2 = (await agreement()).conditions.find((c) => c.number === 2)!;
    await t.ok('saveSvMonitoring', { conditionId: c2.id, year: '2025-26', quarter: 3, rag: 'amber', narrative: 'Framework re-tendered', figures: '41 new' });
    await t.ok('saveSvMonitoring', { conditionId: c2.id, year: '2025-26', quarter: 1, rag: 'red', narrative: 'Behind', figures: '' });
    await t.ok('saveSvMonitoring', { conditionId: c2.id, year: '2025-26', quarter: 3, rag: 'green', narrative: '  On track  ', figures: '29 new' });

    const a = await agreement();
    expect(a.instalments.map((i) => [i.year, i.expectedPence, i.status])).toEqual([
      ['2024-25', m(3_000_000), 'due'],
      ['2025-26', m(3_000_000), 'due'],
    ]);
    expect(a.conditions.map((c) => c.number)).toEqual([1, 2]);
    const cond = a.conditions[1]!;
    expect(cond.monitoring.map((x) => [x.year, x.quarter, x.rag, x.narrative, x.figures])).toEqual([
      ['2025-26', 1, 'red', 'Behind', ''],
      ['2025-26', 3, 'green', 'On track', '29 new'],
    ]);
    expect(cond.latest).toMatchObject({ quarter: 3, rag: 'green' });
    expect(a.conditions[0]!.latest).toBeNull();

    // A quarter left wholly blank is cleared from the history.
    await t.ok('saveSvMonitoring', { conditionId: c2.id, year: '2025-26', quarter: 1, rag: null, narrative: ' ', figures: '' });
    expect((await agreement()).conditions[1]!.monitoring.map((x) => x.quarter)).toEqual([3]);

    // Each change is in the agreement's history.
    const history = await t.ok('getHistory', { subject: `sv_agreement:${sv.id}` });
    expect(history.length).toBeGreaterThanOrEqual(6);
  });

  it('counts a received instalment in hnb summary, by exactly the amount received, and takes it out again', async () => {
    const { sv } = await setUp();
    await t.ok('saveInstalment', { agreementId: sv.id, year: '2025-26', expectedPence: m(4_000_000), note: 'Instalment 2 of 3' });
    const before = await summaryContributions('2025-26');
    const due = await instalment('2025-26');

    await t.ok('recordInstalment', { id: due.id, status: 'received', receivedPence: m(3_500_000.25), receivedOn: '2026-02-20' });
    expect(await summaryContributions('2025-26')).toBe(before + m(3_500_000.25));
    const received = await instalment('2025-26');
    expect(received).toMatchObject({ status: 'received', receivedPence: m(3_500_000.25), receivedOn: '2026-02-20' });
    const contributions = await t.ok('listContributions', { year: '2025-26' });
    expect(contributions).toEqual([
      {
        id: received.contributionId,
        yearId: '2025-26',
        kind: 'safety_valve',
        amountPence: m(3_500_000.25),
        note: 'Safety Valve agreement 2024: 2025-26 instalment, received 20 February 2026',
      },
    ]);
    expect((await agreement()).receivedPence).toBe(m(3_500_000.25));
    expect((await agreement()).withheldPence).toBe(m(499_999.75));

    // Corrected: the same contribution row changes; no second one appears.
    await t.ok('recordInstalment', { id: due.id, status: 'received', receivedPence: m(4_000_000) });
    expect(await summaryContributions('2025-26')).toBe(before + m(4_000_000));
    expect(await t.ok('listContributions', { year: '2025-26' })).toEqual([expect.objectContaining({ id: received.contributionId, amountPence: m(4_000_000) })]);

    // Withheld: out of the position again, and nothing withheld is counted as received.
    await t.ok('recordInstalment', { id: due.id, status: 'withheld', note: 'Held back pending condition 2' });
    expect(await summaryContributions('2025-26')).toBe(before);
    expect(await t.ok('listContributions', { year: '2025-26' })).toEqual([]);
    expect(await instalment('2025-26')).toMatchObject({
      status: 'withheld',
      receivedPence: null,
      receivedOn: null,
      contributionId: null,
      note: 'Held back pending condition 2',
    });
    expect(await agreement()).toMatchObject({ receivedPence: 0, withheldPence: m(4_000_000) });

    // Received with no amount or date given: the expected sum, today.
    await t.ok('recordInstalment', { id: due.id, status: 'received' });
    expect(await instalment('2025-26')).toMatchObject({ receivedPence: m(4_000_000), receivedOn: '2026-03-01' });
    expect(await summaryContributions('2025-26')).toBe(before + m(4_000_000));

    // Back to due, then undo: the contribution comes back with its link.
    await t.ok('recordInstalment', { id: due.id, status: 'due' });
    expect(await summaryContributions('2025-26')).toBe(before);
    await t.ok('undo', {});
    expect(await summaryContributions('2025-26')).toBe(before + m(4_000_000));
    const restored = await instalment('2025-26');
    expect(restored.status).toBe('received');
    expect((await t.ok('listContributions', { year: '2025-26' })).map((c) => c.id)).toEqual([restored.contributionId]);

    // Deleting a received instalment takes its contribution with it.
    await t.ok('deleteInstalment', { id: due.id });
    expect(await summaryContributions('2025-26')).toBe(before);
    expect((await agreement()).instalments).toEqual([]);
  });

  it('refuses to receive an instalment in a year the workspace does not hold, or a closed year, and writes nothing', async () => {
    const { sv } = await setUp();
    await t.ok('saveInstalment', { agreementId: sv.id, year: '2026-27', expectedPence: m(2_000_000) });
    await t.ok('saveInstalment', { agreementId: sv.id, year: '2024-25', expectedPence: m(2_000_000) });
    const before = dumpTables(t.sqlite);

    const missing = await t.refused('recordInstalment', { id: (await instalment('2026-27')).id, status: 'received', receivedOn: '2026-02-01' });
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe(
      'The 2026-27 instalment cannot be recorded as received: this workspace has no year 2026-27, so there is no DSG position to count it in. Add 2026-27 under Years first.',
    );
    const closed = await t.refused('recordInstalment', { id: (await instalment('2024-25')).id, status: 'received', receivedOn: '2025-03-01' });
    expect(closed.code).toBe('CLOSED_YEAR');
    expect(closed.message).toBe(
      'The 2024-25 instalment cannot be recorded as received: 2024-25 is closed, so its DSG position cannot change. Reopen the year, giving a reason, to change it.',
    );
    expect(dumpTables(t.sqlite)).toEqual(before);

    // Received while open, then the year closed: it can no longer be taken out, nor deleted.
    await t.ok('setYearStatus', { year: '2024-25', status: 'open', reason: 'Late instalment' });
    const id = (await instalment('2024-25')).id;
    await t.ok('recordInstalment', { id, status: 'received', receivedOn: '2025-03-01' });
    await t.ok('setYearStatus', { year: '2024-25', status: 'closed', reason: 'Accounts closed again' });
    const closedAgain = dumpTables(t.sqlite);
    expect((await t.refused('recordInstalment', { id, status: 'withheld' })).message).toMatch(
      /^The 2024-25 instalment cannot be set back to withheld: 2024-25 is closed/,
    );
    expect((await t.refused('recordInstalment', { id, status: 'received', receivedPence: 1 })).code).toBe('CLOSED_YEAR');
    expect((await t.refused('deleteInstalment', { id })).message).toMatch(/^The 2024-25 instalment cannot be deleted: 2024-25 is closed/);
    expect(dumpTables(t.sqlite)).toEqual(closedAgain);
    // Its note alone may still change: the position does not move.
    await t.ok('recordInstalment', { id, status: 'received', note: 'Paid by BACS' });
    expect((await instalment('2024-25')).note).toBe('Paid by BACS');
  });

  it('refuses instalments that total more than the agreement, saying by how much', async () => {
    const { sv } = await setUp();
    await t.ok('saveInstalment', { agreementId: sv.id, year: '2024-25', expectedPence: m(4_000_000) });
    await t.ok('saveInstalment', { agreementId: sv.id, year: '2025-26', expectedPence: m(4_000_000) });
    const before = dumpTables(t.sqlite);

    const over = await t.refused('saveInstalment', { agreementId: sv.id, year: '2026-27', expectedPence: m(2_000_000.5) });
    expect(over.code).toBe('INVALID_INPUT');
    expect(over.message).toBe(
      "The instalments would total £10,000,000.50, £0.50 more than the agreement's total of £10,000,000. Lower an instalment, or raise the agreement's total if the DfE has varied it.",
    );
    expect(over.details?.issues?.[0]).toMatchObject({ field: 'expectedPence' });
    const raised = await t.refused('saveInstalment', {
      agreementId: sv.id,
      id: (await instalment('2025-26')).id,
      year: '2025-26',
      expectedPence: m(7_000_000),
    });
    expect(raised.message).toMatch(/^The instalments would total £11,000,000, £1,000,000 more than/);
    const lowered = await t.refused('saveSvAgreement', { id: sv.id, name: sv.name, kind: 'safety_valve', signedOn: sv.signedOn, totalPence: m(7_500_000) });
    expect(lowered.message).toMatch(/^The instalments would total £8,000,000, £500,000 more than the agreement's total of £7,500,000/);
    const receivedTooMuch = await t.refused('recordInstalment', { id: (await instalment('2025-26')).id, status: 'received', receivedPence: m(10_000_001) });
    expect(receivedTooMuch.message).toMatch(/^The instalments received would total £10,000,001, £1 more than/);
    expect(dumpTables(t.sqlite)).toEqual(before);

    // Exactly the total is fine.
    await t.ok('saveInstalment', { agreementId: sv.id, year: '2026-27', expectedPence: m(2_000_000) });
  });

  it('refuses other bad input with a sentence to act on, and writes nothing', async () => {
    const { sv } = await setUp();
    await t.ok('saveSvAgreement', { name: 'DBV programme', kind: 'dbv', signedOn: '2023-09-01', totalPence: m(1_000_000) });
    await t.ok('saveInstalment', { agreementId: sv.id, year: '2025-26', expectedPence: m(1_000_000) });
    await t.ok('saveSvCondition', { agreementId: sv.id, number: 1, text: 'Mainstream inclusion' });
    const cond = (await agreement()).conditions[0]!;
    const inst = await instalment('2025-26');
    await t.ok('recordInstalment', { id: inst.id, status: 'received', receivedOn: '2026-01-10' });
    const before = dumpTables(t.sqlite);

    const cases: Array<[string, unknown, string | RegExp]> = [
      [
        'saveSvAgreement',
        { name: ' dbv PROGRAMME ', kind: 'dbv', signedOn: '2024-01-01', totalPence: 1 },
        'There is already an agreement called DBV programme. Give this one another name.',
      ],
      ['saveInstalment', { agreementId: sv.id, year: '2025-26', expectedPence: 1 }, /already has an instalment for 2025-26: change that one/],
      [
        'saveInstalment',
        { agreementId: sv.id, year: '2022-23', expectedPence: 1 },
        '2022-23 ended before Safety Valve agreement 2024 was signed on 15 March 2024, so it can have no instalment.',
      ],
      [
        'saveInstalment',
        { agreementId: sv.id, id: inst.id, year: '2026-27', expectedPence: m(1_000_000) },
        /has been received and counts in 2025-26's DSG position\. Record it as due first/,
      ],
      ['recordInstalment', { id: inst.id, status: 'withheld', receivedPence: 5 }, /marked withheld has nothing received: leave the amount and date blank/],
      [
        'recordInstalment',
        { id: inst.id, status: 'received', receivedOn: '2026-03-02' },
        '2 March 2026 has not come yet: record the instalment as received once the money has arrived.',
      ],
      ['recordInstalment', { id: inst.id, status: 'received', receivedOn: '2024-03-01' }, /is before Safety Valve agreement 2024 was signed on 15 March 2024/],
      [
        'saveSvCondition',
        { agreementId: sv.id, number: 1, text: 'Another' },
        'Safety Valve agreement 2024 already has a condition 1: give this one another number.',
      ],
      [
        'saveSvMonitoring',
        { conditionId: cond.id, year: '2026-27', quarter: 1, rag: 'green', narrative: '', figures: '' },
        /2026-27 Q1 \(April–June\) begins on 1 April 2026: its monitoring can be recorded once the quarter has begun/,
      ],
      [
        'saveSvMonitoring',
        { conditionId: cond.id, year: '2023-24', quarter: 3, rag: 'green', narrative: '', figures: '' },
        /2023-24 Q3 \(October–December\) ended before Safety Valve agreement 2024 was signed/,
      ],
      ['saveSvMonitoring', { conditionId: cond.id, year: '2025-26', quarter: 5, rag: 'green', narrative: '', figures: '' }, /quarter/],
      ['saveSvMonitoring', { conditionId: cond.id, year: '2025-26', quarter: 2, rag: 'purple', narrative: '', figures: '' }, /rag/],
      [
        'saveSvMonitoring',
        { conditionId: 9999, year: '2025-26', quarter: 2, rag: 'green', narrative: '', figures: '' },
        /There is no Safety Valve condition with id 9999/,
      ],
      ['recordInstalment', { id: 9999, status: 'due' }, /There is no Safety Valve instalment with id 9999/],
    ];
    for (const [channel, input, message] of cases) {
      const e = await t.refused(channel, input);
      if (typeof message === 'string') expect(e.message, channel).toBe(message);
      else expect(e.message, `${channel} ${JSON.stringify(input)}`).toMatch(message);
      expect(e.details?.issues?.length, channel).toBeGreaterThan(0);
    }
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('deletes a condition with its monitoring, and undo brings both back', async () => {
    const { sv } = await setUp();
    await t.ok('saveSvCondition', { agreementId: sv.id, number: 4, text: 'SEMH framework', target: 'In place by April 2026' });
    const cond = (await agreement()).conditions[0]!;
    for (const quarter of [1, 2, 3]) {
      await t.ok('saveSvMonitoring', { conditionId: cond.id, year: '2025-26', quarter, rag: 'amber', narrative: `Q${quarter}`, figures: '' });
    }
    const withHistory = dumpTables(t.sqlite);
    await t.ok('deleteSvCondition', { id: cond.id });
    expect((await agreement()).conditions).toEqual([]);
    expect(t.sqlite.prepare('SELECT count(*) FROM sv_monitoring').pluck().get()).toBe(0);
    await t.ok('undo', {});
    const after = dumpTables(t.sqlite);
    for (const table of ['sv_condition', 'sv_monitoring']) expect(after[table]).toEqual(withHistory[table]);
  });
});
