import { describe, expect, it } from 'vitest';
import {
  type AlertInput,
  addMonths,
  agreementAlerts,
  agreementFigures,
  decisionFlags,
  type DecisionInput,
  extensionProblem,
  legalBasisWarning,
  termLength,
  termValuePence,
  thresholdInForce,
  underspendToReturn,
} from '../../../../features/recovery/agreements/rules';
import type { DecisionFlag, ThresholdInfo } from '../../../../features/recovery/types';

const CLUSTER = 78_083_000; // £780,830 a year

describe('terms and values', () => {
  it('adds months, ending a month early where the day does not exist', () => {
    expect(addMonths('2024-04-01', 12)).toBe('2025-04-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts whole months from the start to the day after the end, then the days left over', () => {
    expect(termLength('2024-04-01', '2025-03-31')).toEqual({ months: 12, days: 0 });
    expect(termLength('2025-09-01', '2026-03-31')).toEqual({ months: 7, days: 0 });
    expect(termLength('2025-09-15', '2026-03-31')).toEqual({ months: 6, days: 17 });
    expect(termLength('2025-04-01', '2025-04-01')).toEqual({ months: 0, days: 1 });
    expect(termLength('2025-04-10', '2025-05-09')).toEqual({ months: 1, days: 0 });
  });

  it('values a term at the annual value × months/12 plus days × annual/365, to the penny', () => {
    expect(termValuePence(CLUSTER, { months: 12, days: 0 })).toBe(78_083_000);
    // £780,830 × 7/12 = £455,484.1666…
    expect(termValuePence(CLUSTER, { months: 7, days: 0 })).toBe(45_548_417);
    // £390,415 for six months + £780,830 × 17/365 = £36,367.4246… → £426,782.42
    expect(termValuePence(CLUSTER, { months: 6, days: 17 })).toBe(42_678_242);
    expect(termValuePence(0, { months: 12, days: 3 })).toBe(0);
  });

  it('£780,830 a year for 12 months with two 12-month extensions is £2,342,490 with every extension', () => {
    const a = { startOn: '2024-04-01', endOn: '2025-03-31', annualValuePence: CLUSTER, extensionsOffered: 2, extensionMonths: 12 };
    const none = agreementFigures(a, 0);
    expect(none).toMatchObject({
      currentEndOn: '2025-03-31',
      finalEndOn: '2027-03-31',
      initialValuePence: 78_083_000,
      extensionValuePence: 78_083_000,
      totalValuePence: 78_083_000,
      totalWithExtensionsPence: 234_249_000,
    });
    expect(none.terms.map((t) => [t.label, t.startOn, t.endOn, t.state])).toEqual([
      ['Initial term', '2024-04-01', '2025-03-31', 'initial'],
      ['Extension 1 of 2 (12 months)', '2025-04-01', '2026-03-31', 'offered'],
      ['Extension 2 of 2 (12 months)', '2026-04-01', '2027-03-31', 'offered'],
    ]);
    const one = agreementFigures(a, 1);
    expect(one).toMatchObject({ currentEndOn: '2026-03-31', totalValuePence: 156_166_000, totalWithExtensionsPence: 234_249_000 });
    expect(one.terms.map((t) => t.state)).toEqual(['initial', 'taken', 'offered']);
    expect(agreementFigures(a, 2)).toMatchObject({ currentEndOn: '2027-03-31', totalValuePence: 234_249_000 });
  });

  it('an odd-length first term (1 September to 31 March) is 7 months, then the extensions on top', () => {
    const a = { startOn: '2025-09-01', endOn: '2026-03-31', annualValuePence: CLUSTER, extensionsOffered: 2, extensionMonths: 12 };
    expect(agreementFigures(a, 1)).toMatchObject({
      initialValuePence: 45_548_417,
      totalValuePence: 45_548_417 + 78_083_000,
      totalWithExtensionsPence: 45_548_417 + 2 * 78_083_000,
      currentEndOn: '2027-03-31',
      finalEndOn: '2028-03-31',
    });
  });

  it('six-month extensions from a month end do not drift', () => {
    const a = { startOn: '2025-03-01', endOn: '2025-08-31', annualValuePence: 1_200_000, extensionsOffered: 3, extensionMonths: 6 };
    expect(
      agreementFigures(a, 0)
        .terms.slice(1)
        .map((t) => [t.startOn, t.endOn]),
    ).toEqual([
      ['2025-09-01', '2026-02-28'],
      ['2026-03-01', '2026-08-31'],
      ['2026-09-01', '2027-02-28'],
    ]);
    expect(agreementFigures(a, 0)).toMatchObject({ initialValuePence: 600_000, extensionValuePence: 600_000, totalWithExtensionsPence: 2_400_000 });
  });
});

describe('key decision and call-in', () => {
  const limits: ThresholdInfo[] = [
    { id: 1, effectiveFrom: '2019-04-01', keyDecisionPence: 25_000_000, callInPence: null, note: '' },
    { id: 2, effectiveFrom: '2022-04-01', keyDecisionPence: 50_000_000, callInPence: null, note: '' },
  ];
  const deal = (over: Partial<DecisionInput> = {}): DecisionInput => ({
    annualValuePence: 30_000_000,
    startOn: '2021-09-01',
    decisionOn: null,
    keyDecisionOverride: null,
    keyDecisionReason: '',
    callInOverride: null,
    callInReason: '',
    ...over,
  });

  it('takes the threshold with the latest start on or before the day', () => {
    expect(thresholdInForce(limits, '2019-03-31')).toBeNull();
    expect(thresholdInForce(limits, '2019-04-01')!.id).toBe(1);
    expect(thresholdInForce(limits, '2022-03-31')!.id).toBe(1);
    expect(thresholdInForce(limits, '2022-04-01')!.id).toBe(2);
    expect(thresholdInForce([...limits].reverse(), '2030-01-01')!.id).toBe(2);
  });

  it('£300,000 a year is a key decision under £250,000 from 2019, and not under £500,000 from April 2022', () => {
    const before = decisionFlags(deal({ decisionOn: '2021-06-15' }), limits);
    expect(before.keyDecision).toEqual({
      value: true,
      source: 'threshold',
      explanation: 'Key decisions from £250,000 a year, in force from 1 April 2019 and so on the decision date, 15 June 2021: £300,000 a year is above it.',
    });
    expect(before.callIn.value).toBe(true);
    const after = decisionFlags(deal({ decisionOn: '2023-06-15' }), limits);
    expect(after.keyDecision).toMatchObject({ value: false, source: 'threshold' });
    expect(after.keyDecision.explanation).toMatch(/^Key decisions from £500,000 a year, in force from 1 April 2022 .*: £300,000 a year is below it\.$/);
    expect(after.callIn.value).toBe(false);
  });

  it('on the day a new threshold takes effect, the new one applies; the day before, the old one', () => {
    expect(decisionFlags(deal({ decisionOn: '2022-04-01' }), limits).keyDecision.value).toBe(false);
    expect(decisionFlags(deal({ decisionOn: '2022-03-31' }), limits).keyDecision.value).toBe(true);
  });

  it('a value exactly at the threshold counts', () => {
    expect(decisionFlags(deal({ annualValuePence: 50_000_000, decisionOn: '2023-01-01' }), limits).keyDecision).toMatchObject({ value: true });
    expect(decisionFlags(deal({ annualValuePence: 49_999_999, decisionOn: '2023-01-01' }), limits).keyDecision).toMatchObject({ value: false });
  });

  it('uses the start date when no decision date is recorded, and says so', () => {
    const f = decisionFlags(deal({ startOn: '2022-09-01' }), limits);
    expect(f.decidedOn).toBe('2022-09-01');
    expect(f.keyDecision.value).toBe(false);
    expect(f.keyDecision.explanation).toContain('1 September 2022 (the start date: no decision date is recorded)');
  });

  it('call-in follows its own threshold where there is one', () => {
    const own: ThresholdInfo[] = [{ id: 3, effectiveFrom: '2022-04-01', keyDecisionPence: 50_000_000, callInPence: 25_000_000, note: '' }];
    const f = decisionFlags(deal({ decisionOn: '2023-01-01' }), own);
    expect(f.keyDecision.value).toBe(false);
    expect(f.callIn).toMatchObject({ value: true, source: 'threshold' });
    expect(f.callIn.explanation).toMatch(/^Call-in from £250,000 a year, in force from 1 April 2022/);
  });

  it('with no threshold in force, neither flag is set and it says why', () => {
    const f = decisionFlags(deal({ decisionOn: '2018-01-01' }), limits);
    expect(f.keyDecision).toMatchObject({ value: false, source: 'no-threshold' });
    expect(f.keyDecision.explanation).toMatch(/^No threshold was in force on the decision date, 1 January 2018/);
    expect(decisionFlags(deal(), []).callIn.source).toBe('no-threshold');
  });

  it('an override wins, with its reason as the explanation', () => {
    const f = decisionFlags(deal({ decisionOn: '2023-01-01', keyDecisionOverride: true, keyDecisionReason: 'Significant effect on two wards' }), limits);
    expect(f.keyDecision).toEqual({ value: true, source: 'override', explanation: 'Set by hand: Significant effect on two wards' });
    expect(f.callIn.source).toBe('threshold');
  });
});

describe('alerts on the right days', () => {
  const notKey: DecisionFlag = { value: false, source: 'threshold', explanation: '' };
  const base: AlertInput = {
    currentEndOn: '2026-03-31',
    extensionsOffered: 0,
    extensionsTaken: 0,
    extensionMonths: 0,
    extensionNoticeDays: 90,
    keyDecision: notKey,
    annualValuePence: CLUSTER,
    decisionReference: 'D52724',
    reports: [],
  };
  const kinds = (a: AlertInput, today: string, days = 60) => agreementAlerts(a, today, days).map((x) => x.kind);

  it('the end date: not the day before the window, from its first day, on the end date itself, not the day after', () => {
    expect(kinds(base, '2026-01-29')).toEqual([]); // 61 days before
    expect(agreementAlerts(base, '2026-01-30', 60)).toEqual([{ kind: 'ending', on: '2026-03-31', text: 'Ends on 31 March 2026, in 60 days.' }]);
    expect(agreementAlerts(base, '2026-03-30', 60)[0]!.text).toBe('Ends on 31 March 2026, in 1 day.');
    expect(agreementAlerts(base, '2026-03-31', 60)).toEqual([{ kind: 'ending', on: '2026-03-31', text: 'Ends today.' }]);
    expect(kinds(base, '2026-04-01')).toEqual([]);
  });

  it('the window is the number of days set', () => {
    expect(kinds(base, '2026-03-01', 29)).toEqual([]);
    expect(kinds(base, '2026-03-01', 30)).toEqual(['ending']);
  });

  it('the next extension decision: from the window before its notice date until the term ends, while one is left', () => {
    const a = { ...base, extensionsOffered: 2, extensionMonths: 12 };
    const ext = (today: string) => agreementAlerts(a, today, 60).filter((x) => x.kind === 'extension-decision');
    // 90 days before 31 March 2026 is 31 December 2025.
    expect(ext('2025-10-31')).toEqual([]);
    expect(ext('2025-11-01')).toEqual([
      {
        kind: 'extension-decision',
        on: '2025-12-31',
        text: 'Decide whether to take extension 1 of 2 (12 months) by 31 December 2025, in 60 days: 90 days before the term ends on 31 March 2026.',
      },
    ]);
    expect(ext('2025-12-31')[0]!.text).toContain('by 31 December 2025, today');
    expect(ext('2026-01-05')[0]!.text).toBe(
      'Decide whether to take extension 1 of 2 (12 months): the decision was due on 31 December 2025, 5 days ago (90 days before the term ends on 31 March 2026).',
    );
    expect(ext('2026-03-31')).toHaveLength(1);
    expect(ext('2026-04-01')).toEqual([]);
    expect(agreementAlerts({ ...a, extensionsTaken: 2 }, '2025-12-01', 60).filter((x) => x.kind === 'extension-decision')).toEqual([]);
    expect(agreementAlerts({ ...a, extensionsTaken: 1 }, '2025-12-01', 60).find((x) => x.kind === 'extension-decision')!.text).toContain('extension 2 of 2');
  });

  it('a key decision with no decision reference, whatever the day', () => {
    const key: DecisionFlag = { value: true, source: 'threshold', explanation: '' };
    expect(kinds({ ...base, keyDecision: key, decisionReference: '' }, '2020-01-01')).toEqual(['no-decision-reference']);
    expect(agreementAlerts({ ...base, keyDecision: key, decisionReference: '  ' }, '2020-01-01', 60)[0]!.text).toBe(
      'A key decision (£780,830 a year) with no decision reference: record the decision that approved it.',
    );
    expect(kinds({ ...base, keyDecision: key }, '2020-01-01')).toEqual([]);
    expect(kinds({ ...base, decisionReference: '' }, '2020-01-01')).toEqual([]);
  });

  it('a report is overdue the day after it is due, not on the day, until it is received', () => {
    const reports = [
      { title: 'Autumn term return', dueOn: '2026-02-10', receivedOn: null },
      { title: 'Summer term return', dueOn: '2025-07-20', receivedOn: '2025-07-25' },
    ];
    const a = { ...base, currentEndOn: '2027-03-31', reports };
    expect(kinds(a, '2026-02-10')).toEqual([]);
    expect(agreementAlerts(a, '2026-02-11', 60)).toEqual([
      { kind: 'report-overdue', on: '2026-02-10', text: 'Autumn term return was due on 10 February 2026 and has not been received (1 day overdue).' },
    ]);
    expect(kinds({ ...a, reports: [{ ...reports[0]!, receivedOn: '2026-02-12' }] }, '2026-02-20')).toEqual([]);
  });
});

describe('legal basis against its date', () => {
  it('regulation 12(7) relied on after 23 February 2025 is a warning; on the day, none', () => {
    expect(legalBasisWarning({ legalBasis: 'pcr2015_reg12_7', legalBasisOn: '2025-02-23', startOn: '2025-04-01' })).toBeNull();
    expect(legalBasisWarning({ legalBasis: 'pcr2015_reg12_7', legalBasisOn: '2025-02-24', startOn: '2025-04-01' })).toBe(
      'Public Contracts Regulations 2015, regulation 12(7) is relied on from 24 February 2025, but those regulations applied only until 23 February 2025: anything awarded from 24 February 2025 falls under the Procurement Act 2023. Check the legal basis.',
    );
    expect(legalBasisWarning({ legalBasis: 'pcr2015', legalBasisOn: '2025-06-01', startOn: '2025-06-01' })).toMatch(
      /^Public Contracts Regulations 2015 is relied on/,
    );
  });

  it('with no legal basis date, the start date is used and the warning asks for the date', () => {
    expect(legalBasisWarning({ legalBasis: 'pcr2015_reg12_7', legalBasisOn: null, startOn: '2025-04-01' })).toMatch(
      /is given for an agreement that starts on 1 April 2025, and no legal basis date is recorded.*Check the legal basis and record the date it was relied on\.$/,
    );
    expect(legalBasisWarning({ legalBasis: 'pcr2015_reg12_7', legalBasisOn: null, startOn: '2024-04-01' })).toBeNull();
  });

  it('the Procurement Act 2023 before 24 February 2025 is a warning too; other bases never', () => {
    expect(legalBasisWarning({ legalBasis: 'procurement_act_2023', legalBasisOn: '2025-02-23', startOn: '2025-04-01' })).toMatch(
      /applies only from 24 February 2025/,
    );
    expect(legalBasisWarning({ legalBasis: 'procurement_act_2023', legalBasisOn: '2025-02-24', startOn: '2025-04-01' })).toBeNull();
    expect(legalBasisWarning({ legalBasis: 'grant_terms', legalBasisOn: '2026-01-01', startOn: '2026-01-01' })).toBeNull();
  });
});

describe('underspend returned', () => {
  it('£100,000 funded, £80,000 spent, 15%: the whole £20,000, or the £5,000 above the threshold', () => {
    expect(underspendToReturn(10_000_000, 8_000_000, 1500, 'whole')).toBe(2_000_000);
    expect(underspendToReturn(10_000_000, 8_000_000, 1500, 'above_threshold')).toBe(500_000);
  });

  it('nothing goes back at or under the threshold, or on an overspend', () => {
    expect(underspendToReturn(10_000_000, 9_000_000, 1500, 'whole')).toBe(0);
    expect(underspendToReturn(10_000_000, 9_000_000, 1500, 'above_threshold')).toBe(0);
    expect(underspendToReturn(10_000_000, 8_500_000, 1500, 'whole')).toBe(0);
    expect(underspendToReturn(10_000_000, 8_499_999, 1500, 'whole')).toBe(1_500_001);
    expect(underspendToReturn(10_000_000, 8_499_999, 1500, 'above_threshold')).toBe(1);
    expect(underspendToReturn(10_000_000, 11_000_000, 1500, 'whole')).toBe(0);
    expect(underspendToReturn(0, 0, 1500, 'whole')).toBe(0);
  });

  it('the threshold share is rounded to the penny only after the test', () => {
    // 15% of £100,000.01 is £15,000.0015: £15,000.01 underspent is above it.
    expect(underspendToReturn(10_000_001, 8_500_000, 1500, 'above_threshold')).toBe(1);
    expect(underspendToReturn(10_000_001, 0, 1500, 'above_threshold')).toBe(8_500_001);
    expect(underspendToReturn(10_000_000, 0, 0, 'above_threshold')).toBe(10_000_000);
  });
});

describe('extensions in order', () => {
  it('refuses one never offered, one taken already, and one out of order', () => {
    expect(extensionProblem(3, 0, 2, 12, 'CL-01')!.message).toBe('Extension 3 of CL-01 was never offered: it offers 2 extensions of 12 months.');
    expect(extensionProblem(1, 0, 0, 0, 'CL-01')!.message).toBe('Extension 1 of CL-01 was never offered: it offers no extensions.');
    expect(extensionProblem(1, 1, 2, 12, 'CL-01')!.message).toBe('Extension 1 of CL-01 is already taken.');
    expect(extensionProblem(2, 0, 2, 12, 'CL-01')!.message).toBe('Extensions of CL-01 are taken in order: extension 1 comes before extension 2.');
    expect(extensionProblem(1, 0, 2, 12, 'CL-01')).toBeNull();
    expect(extensionProblem(2, 1, 2, 12, 'CL-01')).toBeNull();
  });
});
