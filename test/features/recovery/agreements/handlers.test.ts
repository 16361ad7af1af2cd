import { afterEach, describe, expect, it } from 'vitest';
import type { AgreementDetail } from '../../../../features/recovery/types';
import { dumpTables, testServer, type TestServer } from '../../../support/workspace';

let t: TestServer;
afterEach(() => t?.close());

/** Noon on 1 March 2026 in London: "today" on the server. */
const NOW = () => new Date('2026-03-01T12:00:00Z');

/** A cluster agreement as domain.md gives it: £780,830 a year, 12 months + 2 × 12-month extensions. */
const cluster = (over: Record<string, unknown> = {}) => ({
  reference: 'CL-01',
  counterparty: 'North cluster of schools',
  type: 'cooperation',
  purpose: 'Inclusion funding devolved to the cluster',
  legalBasis: 'pcr2015_reg12_7',
  legalBasisOn: '2024-03-01',
  startOn: '2024-04-01',
  endOn: '2025-03-31',
  annualValuePence: 78_083_000,
  extensionsOffered: 2,
  extensionMonths: 12,
  decisionReference: 'D52724',
  decisionOn: '2024-02-15',
  forwardPlanReference: 'FP/280521',
  ...over,
});

async function open(now = NOW): Promise<TestServer> {
  t = await testServer({ now });
  return t;
}

/** A refusal that wrote nothing: the error, with the database compared table by table. */
async function refusedUnchanged(channel: string, input: unknown) {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return e;
}

describe('saving and reading agreements', () => {
  it('keeps an agreement with its values to date and with every extension', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster());
    expect(a).toMatchObject({
      reference: 'CL-01',
      currentEndOn: '2025-03-31',
      finalEndOn: '2027-03-31',
      extensions: { offered: 2, taken: 0, months: 12 },
      totalValuePence: 78_083_000,
      totalWithExtensionsPence: 234_249_000,
      extensionNoticeDays: 90,
      keyDecision: { value: false, source: 'no-threshold' },
      legalBasisWarning: null,
    });
    expect(a.terms.map((x) => x.state)).toEqual(['initial', 'offered', 'offered']);

    const one = await t.ok('takeExtension', { agreementId: a.id, number: 1, takenOn: '2025-01-20', decisionReference: 'D60001' });
    expect(one).toMatchObject({ currentEndOn: '2026-03-31', totalValuePence: 156_166_000, totalWithExtensionsPence: 234_249_000 });
    expect(one.extensionsTaken).toEqual([{ id: expect.any(Number), number: 1, takenOn: '2025-01-20', decisionReference: 'D60001' }]);
    const two = await t.ok('takeExtension', { agreementId: a.id, number: 2, takenOn: '2026-01-10' });
    expect(two).toMatchObject({ currentEndOn: '2027-03-31', totalValuePence: 234_249_000 });
    const back = await t.ok('removeExtension', { id: two.extensionsTaken[1]!.id });
    expect(back.extensions.taken).toBe(1);
    expect(back.totalValuePence).toBe(156_166_000);
  });

  it('lists agreements by reference as of today on the server clock, or the day asked about', async () => {
    await open();
    await t.ok('saveAgreement', cluster({ reference: 'CL-02', startOn: '2025-09-01', endOn: '2026-03-31', extensionsOffered: 0, extensionMonths: 0 }));
    await t.ok('saveAgreement', cluster());
    const o = await t.ok('getAgreementsOverview', {});
    expect(o.today).toBe('2026-03-01');
    expect(o.alertDays).toBe(60);
    expect(o.agreements.map((a) => a.reference)).toEqual(['CL-01', 'CL-02']);
    // 1 September to 31 March: seven months of £780,830 a year.
    expect(o.agreements[1]).toMatchObject({ totalValuePence: 45_548_417, totalWithExtensionsPence: 45_548_417 });
    expect(o.agreements[1]!.alerts).toEqual([{ kind: 'ending', on: '2026-03-31', text: 'Ends on 31 March 2026, in 30 days.' }]);
    const later = await t.ok('getAgreementsOverview', { today: '2026-04-01' });
    expect(later.today).toBe('2026-04-01');
    expect(later.agreements[1]!.alerts).toEqual([]);
    const detail = await t.ok('getAgreement', { id: o.agreements[1]!.id, today: '2026-03-31' });
    expect(detail.alerts.map((x) => x.text)).toEqual(['Ends today.']);
  });

  it('changes an agreement, keeping what the call leaves out', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster({ reportingDuties: 'Termly returns', note: 'Seeded from the 2024 list' }));
    const changed = await t.ok('saveAgreement', { ...cluster({ annualValuePence: 80_000_000 }), id: a.id, purpose: undefined });
    expect(changed).toMatchObject({ annualValuePence: 80_000_000, purpose: 'Inclusion funding devolved to the cluster', reportingDuties: 'Termly returns' });
    expect(changed.note).toBe('Seeded from the 2024 list');
    const history = await t.ok('getHistory', { subject: `agreement:${a.id}` });
    expect(history[0]).toMatchObject({ what: 'Annual value', oldText: '£780,830', newText: '£800,000', who: 'test.user' });
  });

  it('warns about regulation 12(7) relied on after 23 February 2025, without refusing it', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster({ legalBasisOn: '2025-03-10', startOn: '2025-04-01', endOn: '2026-03-31' }));
    expect(a.legalBasisWarning).toMatch(/relied on from 10 March 2025, but those regulations applied only until 23 February 2025/);
  });
});

describe('key decision and call-in follow the threshold in force on the decision date', () => {
  it('£300,000 a year: a key decision under £250,000 from 2019, not under £500,000 from 1 April 2022, the new one counting on its first day', async () => {
    await open();
    const limits = await t.ok('saveThreshold', { effectiveFrom: '2019-04-01', keyDecisionPence: 25_000_000, note: 'Constitution 2019' });
    expect(limits).toHaveLength(1);
    await t.ok('saveThreshold', { effectiveFrom: '2022-04-01', keyDecisionPence: 50_000_000, callInPence: null });
    const a = await t.ok('saveAgreement', cluster({ reference: 'AIP-1', annualValuePence: 30_000_000, decisionOn: '2021-06-15', decisionReference: '' }));
    expect(a.keyDecision).toMatchObject({ value: true, source: 'threshold' });
    expect(a.keyDecision.explanation).toContain('£250,000 a year');
    expect(a.callIn.value).toBe(true);
    // Over the threshold with no decision reference: an alert.
    expect(a.alerts.map((x) => x.kind)).toContain('no-decision-reference');

    const later = await t.ok('saveAgreement', {
      ...cluster({ reference: 'AIP-1', annualValuePence: 30_000_000, decisionReference: '' }),
      id: a.id,
      decisionOn: '2022-04-01',
    });
    expect(later.keyDecision).toMatchObject({ value: false, source: 'threshold' });
    expect(later.keyDecision.explanation).toContain('£500,000 a year');
    expect(later.alerts.map((x) => x.kind)).not.toContain('no-decision-reference');
    const dayBefore = await t.ok('saveAgreement', { ...cluster({ reference: 'AIP-1', annualValuePence: 30_000_000 }), id: a.id, decisionOn: '2022-03-31' });
    expect(dayBefore.keyDecision.value).toBe(true);

    // A threshold changed on the decision date itself takes over from that day.
    await t.ok('saveThreshold', { effectiveFrom: '2022-03-31', keyDecisionPence: 40_000_000, callInPence: 20_000_000 });
    const onTheDay = await t.ok('getAgreement', { id: a.id });
    expect(onTheDay.keyDecision.value).toBe(false);
    expect(onTheDay.callIn).toMatchObject({ value: true });
    expect(onTheDay.callIn.explanation).toMatch(/^Call-in from £200,000 a year, in force from 31 March 2022/);
    const all = await t.ok('getAgreementsOverview', {});
    expect(all.thresholds.map((x) => x.effectiveFrom)).toEqual(['2019-04-01', '2022-03-31', '2022-04-01']);
  });

  it('an override with its reason wins over the threshold, and clearing it works the flag out again', async () => {
    await open();
    await t.ok('saveThreshold', { effectiveFrom: '2019-04-01', keyDecisionPence: 50_000_000 });
    const a = await t.ok('saveAgreement', cluster({ keyDecisionOverride: true, keyDecisionReason: 'Significant effect on two wards' }));
    expect(a.keyDecision).toEqual({ value: true, source: 'override', explanation: 'Set by hand: Significant effect on two wards' });
    const cleared = await t.ok('saveAgreement', { ...cluster(), id: a.id, keyDecisionOverride: null });
    expect(cleared.keyDecision).toMatchObject({ value: true, source: 'threshold' });
  });

  it('edits and removes thresholds', async () => {
    await open();
    const [x] = await t.ok('saveThreshold', { effectiveFrom: '2019-04-01', keyDecisionPence: 25_000_000, callInPence: 30_000_000, note: 'old' });
    const edited = await t.ok('saveThreshold', { id: x!.id, effectiveFrom: '2019-05-01', keyDecisionPence: 26_000_000 });
    expect(edited).toEqual([{ id: x!.id, effectiveFrom: '2019-05-01', keyDecisionPence: 26_000_000, callInPence: 30_000_000, note: 'old' }]);
    expect(await t.ok('deleteThreshold', { id: x!.id })).toEqual([]);
  });
});

describe('alerts with a fixed clock', () => {
  const ending = (d: AgreementDetail) => d.alerts.filter((x) => x.kind === 'ending');

  it('an end date 60 days ahead: not the day before the window, from its first day, on the day itself, not after', async () => {
    // 30 January 2026 is 60 days before 31 March 2026.
    for (const [instant, expected] of [
      ['2026-01-29T12:00:00Z', 0],
      ['2026-01-30T00:30:00Z', 1],
      ['2026-03-31T22:30:00Z', 1],
      ['2026-04-01T12:00:00Z', 0],
    ] as const) {
      await open(() => new Date(instant));
      const a = await t.ok('saveAgreement', cluster({ startOn: '2025-04-01', endOn: '2026-03-31', extensionsOffered: 0, extensionMonths: 0 }));
      expect(ending(a), instant).toHaveLength(expected);
      t.close();
    }
  });

  it('the window follows the days set, and the setting is kept', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster({ startOn: '2025-04-01', endOn: '2026-03-31', extensionsOffered: 0, extensionMonths: 0 }));
    expect(ending(await t.ok('getAgreement', { id: a.id }))).toHaveLength(1);
    expect(await t.ok('setAlertDays', { days: 29 })).toEqual({ alertDays: 29 });
    expect(ending(await t.ok('getAgreement', { id: a.id }))).toHaveLength(0);
    await t.ok('setAlertDays', { days: 30 });
    expect((await t.ok('getAgreementsOverview', {})).alertDays).toBe(30);
    expect(ending(await t.ok('getAgreement', { id: a.id }))).toHaveLength(1);
    const e = await refusedUnchanged('setAlertDays', { days: 0 });
    expect(e.code).toBe('INVALID_INPUT');
  });

  it('an extension decision due, and a report overdue the day after it was due', async () => {
    await open();
    // Current end 31 March 2026 after extension 1; extension 2 to decide 90 days before: 31 December 2025.
    const a = await t.ok('saveAgreement', cluster());
    await t.ok('takeExtension', { agreementId: a.id, number: 1, takenOn: '2025-01-20' });
    const report = await t.ok('saveReport', { agreementId: a.id, title: 'Spring term return', dueOn: '2026-02-28' });
    const kinds = (d: AgreementDetail) => d.alerts.map((x) => x.kind);
    expect(kinds(report)).toEqual(['ending', 'extension-decision', 'report-overdue']);
    expect(report.alerts[1]!.text).toMatch(/^Decide whether to take extension 2 of 2 \(12 months\): the decision was due on 31 December 2025/);
    expect(report.reports[0]).toMatchObject({ overdue: true });
    expect(kinds(await t.ok('getAgreement', { id: a.id, today: '2026-02-28' }))).not.toContain('report-overdue');
    expect(kinds(await t.ok('getAgreement', { id: a.id, today: '2025-10-31' }))).toEqual([]);
    expect(kinds(await t.ok('getAgreement', { id: a.id, today: '2025-11-01' }))).toEqual(['extension-decision']);
    const received = await t.ok('saveReport', {
      agreementId: a.id,
      id: report.reports[0]!.id,
      title: 'Spring term return',
      dueOn: '2026-02-28',
      receivedOn: '2026-03-01',
    });
    expect(kinds(received)).toEqual(['ending', 'extension-decision']);
  });
});

describe('conditions and reports', () => {
  it('keeps an underspend condition with its threshold and return basis, and its reports', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster());
    const withCondition = await t.ok('saveCondition', {
      agreementId: a.id,
      kind: 'underspend_return',
      text: 'An underspend above 15% at year end is returned unless a development plan is approved',
      thresholdBp: 1500,
      returnBasis: 'above_threshold',
    });
    const c = withCondition.conditions[0]!;
    expect(c).toMatchObject({ kind: 'underspend_return', thresholdBp: 1500, returnBasis: 'above_threshold' });
    const other = await t.ok('saveCondition', {
      agreementId: a.id,
      kind: 'other',
      text: 'Outcomes reported to the forum',
      thresholdBp: 1000,
      returnBasis: 'whole',
    });
    expect(other.conditions[1]).toMatchObject({ kind: 'other', thresholdBp: null, returnBasis: null });
    const switched = await t.ok('saveCondition', {
      agreementId: a.id,
      id: c.id,
      kind: 'underspend_return',
      text: c.text,
      thresholdBp: 1500,
      returnBasis: 'whole',
    });
    expect(switched.conditions[0]!.returnBasis).toBe('whole');

    const withReport = await t.ok('saveReport', { agreementId: a.id, conditionId: c.id, title: 'Year-end underspend return', dueOn: '2026-05-31' });
    expect(withReport.reports[0]).toMatchObject({ conditionId: c.id, overdue: false, receivedOn: null });

    // Removing the condition keeps its report, unlinked; undo links it again.
    const before = dumpTables(t.sqlite);
    const removed = await t.ok('deleteCondition', { id: c.id });
    expect(removed.conditions.map((x) => x.kind)).toEqual(['other']);
    expect(removed.reports[0]).toMatchObject({ title: 'Year-end underspend return', conditionId: null });
    await t.ok('undo', {});
    const after = dumpTables(t.sqlite);
    for (const table of ['agreement_condition', 'agreement_report']) expect(after[table], table).toEqual(before[table]);

    const gone = await t.ok('deleteReport', { id: withReport.reports[0]!.id });
    expect(gone.reports).toEqual([]);
  });
});

describe('deleting', () => {
  it('deletes an agreement with its extensions, conditions and reports, and undo brings every row back', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster());
    await t.ok('takeExtension', { agreementId: a.id, number: 1, takenOn: '2025-01-20' });
    const c = await t.ok('saveCondition', {
      agreementId: a.id,
      kind: 'underspend_return',
      text: 'Underspend over 15%',
      thresholdBp: 1500,
      returnBasis: 'whole',
    });
    await t.ok('saveReport', { agreementId: a.id, conditionId: c.conditions[0]!.id, title: 'Annual report', dueOn: '2026-06-30' });
    const before = dumpTables(t.sqlite);
    expect(await t.ok('deleteAgreement', { id: a.id })).toEqual({ deleted: 1 });
    const after = dumpTables(t.sqlite);
    for (const table of ['agreement', 'agreement_extension', 'agreement_condition', 'agreement_report']) expect(after[table], table).toEqual([]);
    await t.ok('undo', {});
    const restored = dumpTables(t.sqlite);
    for (const table of ['agreement', 'agreement_extension', 'agreement_condition', 'agreement_report']) expect(restored[table], table).toEqual(before[table]);
  });

  it('refuses to delete an agreement that delivers a project, naming the project', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster());
    t.sqlite.exec(`INSERT INTO workstream (code, name) VALUES ('WS1', 'Inclusion');
      INSERT INTO recovery_project (code, name, workstream_id, funding_source) VALUES ('P-07', 'Cluster inclusion funding', 1, 'hnb');
      INSERT INTO project_agreement (project_id, agreement_id) VALUES (1, ${a.id});`);
    expect((await t.ok('getAgreement', { id: a.id })).projects).toEqual([{ id: 1, code: 'P-07', name: 'Cluster inclusion funding' }]);
    const e = await refusedUnchanged('deleteAgreement', { id: a.id });
    expect(e.message).toBe('CL-01 delivers project P-07: unlink it on the project page before deleting the agreement.');
  });
});

describe('bad input: a clear sentence, nothing written', () => {
  it('an end date before the start date, adding or changing', async () => {
    await open();
    const e = await refusedUnchanged('saveAgreement', cluster({ endOn: '2024-03-31' }));
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toBe('Agreement CL-01 would end on 31 March 2024, before it starts on 1 April 2024: the end date must be on or after the start date.');
    expect(e.details?.issues).toEqual([{ field: 'endOn', rule: 'must not be before the start date', message: e.message }]);
    const a = await t.ok('saveAgreement', cluster());
    const changed = await refusedUnchanged('saveAgreement', { ...cluster({ startOn: '2025-04-01' }), id: a.id });
    expect(changed.details?.issues?.[0]?.field).toBe('endOn');
  });

  it('a date outside 1990 to 2099 (9999 typed for an open-ended agreement)', async () => {
    await open();
    const e = await refusedUnchanged('saveAgreement', cluster({ endOn: '9999-12-31' }));
    expect(e.message).toBe(
      'Agreement CL-01: the end date 31 December 9999 is outside 1990 to 2099. An agreement with no end date still needs one: give the date it is next reviewed.',
    );
    expect(e.details?.issues?.[0]?.field).toBe('endOn');
    expect((await refusedUnchanged('saveAgreement', cluster({ startOn: '1900-04-01' }))).details?.issues?.[0]?.field).toBe('startOn');
  });

  it('an extension never offered, one out of order, one already taken, and none offered at all', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster());
    expect((await refusedUnchanged('takeExtension', { agreementId: a.id, number: 3, takenOn: '2025-01-20' })).message).toBe(
      'Extension 3 of CL-01 was never offered: it offers 2 extensions of 12 months.',
    );
    expect((await refusedUnchanged('takeExtension', { agreementId: a.id, number: 2, takenOn: '2025-01-20' })).message).toBe(
      'Extensions of CL-01 are taken in order: extension 1 comes before extension 2.',
    );
    const one = await t.ok('takeExtension', { agreementId: a.id, number: 1, takenOn: '2025-01-20' });
    expect((await refusedUnchanged('takeExtension', { agreementId: a.id, number: 1, takenOn: '2025-01-21' })).message).toBe(
      'Extension 1 of CL-01 is already taken.',
    );
    const none = await t.ok('saveAgreement', cluster({ reference: 'GR-1', extensionsOffered: 0, extensionMonths: 0 }));
    const e = await refusedUnchanged('takeExtension', { agreementId: none.id, number: 1, takenOn: '2025-01-20' });
    expect(e.message).toBe('Extension 1 of GR-1 was never offered: it offers no extensions.');
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'number', rule: 'must be an extension offered' });
    // Removing: the latest first.
    await t.ok('takeExtension', { agreementId: a.id, number: 2, takenOn: '2026-01-10' });
    expect((await refusedUnchanged('removeExtension', { id: one.extensionsTaken[0]!.id })).message).toBe(
      'Extension 1 of CL-01 cannot be removed while extension 2 is taken: extensions are removed latest first.',
    );
  });

  it('offering fewer extensions than are already taken, or extensions of no length', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster());
    await t.ok('takeExtension', { agreementId: a.id, number: 1, takenOn: '2025-01-20' });
    await t.ok('takeExtension', { agreementId: a.id, number: 2, takenOn: '2026-01-10' });
    const e = await refusedUnchanged('saveAgreement', { ...cluster({ extensionsOffered: 1 }), id: a.id });
    expect(e.message).toBe('Agreement CL-01 has 2 extensions taken, so it cannot offer only 1: remove the extensions taken first, or offer at least 2.');
    const noLength = await refusedUnchanged('saveAgreement', cluster({ reference: 'CL-09', extensionMonths: 0 }));
    expect(noLength.message).toBe('Agreement CL-09 offers 2 extensions of no length: say how many months each extension runs for.');
  });

  it('a threshold with no start date, and a second threshold on the same date', async () => {
    await open();
    const e = await refusedUnchanged('saveThreshold', { keyDecisionPence: 50_000_000 });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'effectiveFrom' });
    expect(e.message).toBe('effectiveFrom is required');
    await t.ok('saveThreshold', { effectiveFrom: '2022-04-01', keyDecisionPence: 50_000_000 });
    const dup = await refusedUnchanged('saveThreshold', { effectiveFrom: '2022-04-01', keyDecisionPence: 25_000_000 });
    expect(dup.code).toBe('DUPLICATE');
    expect(dup.message).toBe(
      'A threshold already takes effect on 1 April 2022 (key decisions from £500,000 a year): change that one, or give this one another date.',
    );
  });

  it('an override without a reason', async () => {
    await open();
    const e = await refusedUnchanged('saveAgreement', cluster({ keyDecisionOverride: true }));
    expect(e.message).toBe('Agreement CL-01: setting the key decision flag by hand needs a reason (what the constitution or the monitoring officer said).');
    const callIn = await refusedUnchanged('saveAgreement', cluster({ callInOverride: false, callInReason: '   ' }));
    expect(callIn.details?.issues).toEqual([expect.objectContaining({ field: 'callInReason', rule: 'must be given when the flag is set by hand' })]);
  });

  it('an underspend condition without its threshold or return basis', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster());
    const e = await refusedUnchanged('saveCondition', { agreementId: a.id, kind: 'underspend_return', text: 'Underspend returned' });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.details?.issues?.map((i) => i.field)).toEqual(['thresholdBp', 'returnBasis']);
    expect(e.message).toMatch(/^2 problems: An underspend condition of CL-01 needs its threshold/);
    const noBasis = await refusedUnchanged('saveCondition', { agreementId: a.id, kind: 'underspend_return', text: 'Underspend returned', thresholdBp: 1500 });
    expect(noBasis.message).toBe('An underspend condition of CL-01 needs to say what goes back: the whole underspend, or only the part above the threshold.');
  });

  it('a duplicate reference, however it is typed', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster());
    const e = await refusedUnchanged('saveAgreement', cluster({ reference: 'cl-01', counterparty: 'Someone else' }));
    expect(e.code).toBe('DUPLICATE');
    expect(e.message).toBe('There is already an agreement CL-01 (North cluster of schools): each agreement needs its own reference.');
    const b = await t.ok('saveAgreement', cluster({ reference: 'CL-02' }));
    expect((await refusedUnchanged('saveAgreement', { ...cluster({ reference: 'CL-01' }), id: b.id })).code).toBe('DUPLICATE');
    // Saving an agreement under its own reference is not a duplicate.
    await t.ok('saveAgreement', { ...cluster(), id: a.id });
  });

  it('rows of one agreement named under another, and records that do not exist', async () => {
    await open();
    const a = await t.ok('saveAgreement', cluster());
    const b = await t.ok('saveAgreement', cluster({ reference: 'CL-02' }));
    const c = await t.ok('saveCondition', { agreementId: a.id, kind: 'other', text: 'Termly returns' });
    const e = await refusedUnchanged('saveReport', { agreementId: b.id, conditionId: c.conditions[0]!.id, title: 'Return', dueOn: '2026-04-30' });
    expect(e.message).toMatch(/^The condition \d+ is not one of CL-02's/);
    expect((await refusedUnchanged('saveCondition', { agreementId: b.id, id: c.conditions[0]!.id, kind: 'other', text: 'Moved' })).code).toBe('INVALID_INPUT');
    expect((await refusedUnchanged('getAgreement', { id: 999 })).code).toBe('NOT_FOUND');
    expect((await refusedUnchanged('removeExtension', { id: 999 })).message).toMatch(/^There is no extension with id 999/);
  });
});
