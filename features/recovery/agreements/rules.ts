/**
 * The arithmetic and the judgements about an agreement, with no database: its terms and values,
 * whether it was a key decision or open to call-in under the threshold in force on the day it
 * was decided, what needs attention as of a day, the legal basis against its date, and what an
 * underspend condition sends back. Shared by the handlers, the workbook kind and the CLI.
 */
import { addDays, daysBetween, ukLongDate } from '../../../electron/shared/dates';
import { formatPence, roundDiv } from '../../../electron/shared/money';
import type { AgreementAlert, DecisionFlag, ThresholdInfo } from '../types';
import { LEGAL_BASIS_LABELS, type LegalBasis, PCR2015_LAST_DAY, PROCUREMENT_ACT_FIRST_DAY, type ReturnBasis } from '../words';

/** £780,830, or £1,234.56 when there are pence. */
export const pounds = (pence: number) => formatPence(pence, { pence: pence % 100 !== 0 });

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

// ---------------------------------------------------------------- terms and values

/** A stored calendar day moved by whole months; a day past the month's end becomes its last day (31 January + 1 month is 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1;
  const d = Number(date.slice(8, 10));
  const total = y * 12 + m + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** A term from `start` to `end` inclusive as whole months, then the days left over: 1 September–31 March is 7 months; 15 September–31 March is 6 months and 17 days. */
export function termLength(start: string, end: string): { months: number; days: number } {
  const after = addDays(end, 1);
  let months = (Number(after.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + (Number(after.slice(5, 7)) - Number(start.slice(5, 7)));
  while (months > 0 && addMonths(start, months) > after) months--;
  return { months, days: daysBetween(addMonths(start, months), after) };
}

/** The annual value × months/12, plus the leftover days × annual/365, to the penny (half away from zero), worked out exactly. */
export function termValuePence(annualPence: number, length: { months: number; days: number }): number {
  return roundDiv(BigInt(annualPence) * BigInt(length.months * 365 + length.days * 12), 12 * 365);
}

export interface AgreementTerms {
  startOn: string;
  endOn: string;
  annualValuePence: number;
  extensionsOffered: number;
  extensionMonths: number;
}

export interface TermInfo {
  label: string;
  startOn: string;
  endOn: string;
  state: 'initial' | 'taken' | 'offered';
  valuePence: number;
}

export interface AgreementFigures {
  /** The end with the extensions taken, and with every extension offered. */
  currentEndOn: string;
  finalEndOn: string;
  initialValuePence: number;
  /** One extension's value: the annual value × its months / 12. */
  extensionValuePence: number;
  /** The initial term and the extensions taken. */
  totalValuePence: number;
  /** The initial term and every extension offered. */
  totalWithExtensionsPence: number;
  terms: TermInfo[];
}

/**
 * The terms and values of an agreement with `taken` extensions taken. Extension k runs from the
 * day after the initial end for extensionMonths months after extension k-1, counted from that
 * day so month ends do not drift.
 */
export function agreementFigures(a: AgreementTerms, taken: number): AgreementFigures {
  const initialValuePence = termValuePence(a.annualValuePence, termLength(a.startOn, a.endOn));
  const extensionValuePence = termValuePence(a.annualValuePence, { months: a.extensionMonths, days: 0 });
  const firstDay = addDays(a.endOn, 1);
  const endAfter = (k: number) => (k === 0 ? a.endOn : addDays(addMonths(firstDay, k * a.extensionMonths), -1));
  const terms: TermInfo[] = [{ label: 'Initial term', startOn: a.startOn, endOn: a.endOn, state: 'initial', valuePence: initialValuePence }];
  for (let k = 1; k <= a.extensionsOffered; k++) {
    terms.push({
      label: `Extension ${k} of ${a.extensionsOffered} (${plural(a.extensionMonths, 'month')})`,
      startOn: addDays(endAfter(k - 1), 1),
      endOn: endAfter(k),
      state: k <= taken ? 'taken' : 'offered',
      valuePence: extensionValuePence,
    });
  }
  return {
    currentEndOn: endAfter(Math.min(taken, a.extensionsOffered)),
    finalEndOn: endAfter(a.extensionsOffered),
    initialValuePence,
    extensionValuePence,
    totalValuePence: initialValuePence + taken * extensionValuePence,
    totalWithExtensionsPence: initialValuePence + a.extensionsOffered * extensionValuePence,
    terms,
  };
}

// ---------------------------------------------------------------- key decision and call-in

/** The threshold in force on a day: the one with the latest start on or before it. */
export function thresholdInForce(thresholds: readonly ThresholdInfo[], on: string): ThresholdInfo | null {
  let best: ThresholdInfo | null = null;
  for (const t of thresholds) if (t.effectiveFrom <= on && (!best || t.effectiveFrom > best.effectiveFrom)) best = t;
  return best;
}

export interface DecisionInput {
  annualValuePence: number;
  startOn: string;
  decisionOn: string | null;
  keyDecisionOverride: boolean | null;
  keyDecisionReason: string;
  callInOverride: boolean | null;
  callInReason: string;
}

const comparison = (value: number, limit: number) =>
  `${pounds(value)} a year is ${value > limit ? 'above it' : value === limit ? 'at it, which counts' : 'below it'}`;

/**
 * Whether the decision was a key decision, and open to call-in, under the threshold in force on
 * the decision date (the start date when none is recorded), unless set by hand with a reason.
 */
export function decisionFlags(a: DecisionInput, thresholds: readonly ThresholdInfo[]): { keyDecision: DecisionFlag; callIn: DecisionFlag; decidedOn: string } {
  const decidedOn = a.decisionOn ?? a.startOn;
  const dated = a.decisionOn ? `the decision date, ${ukLongDate(decidedOn)}` : `${ukLongDate(decidedOn)} (the start date: no decision date is recorded)`;
  const t = thresholdInForce(thresholds, decidedOn);
  const flag = (override: boolean | null, reason: string, worked: () => DecisionFlag): DecisionFlag =>
    override === null ? worked() : { value: override, source: 'override', explanation: `Set by hand: ${reason.trim()}` };
  const none: DecisionFlag = {
    value: false,
    source: 'no-threshold',
    explanation: `No threshold was in force on ${dated}: add the authority's thresholds to work this out.`,
  };
  const keyDecision = flag(a.keyDecisionOverride, a.keyDecisionReason, () =>
    t
      ? {
          value: a.annualValuePence >= t.keyDecisionPence,
          source: 'threshold',
          explanation: `Key decisions from ${pounds(t.keyDecisionPence)} a year, in force from ${ukLongDate(t.effectiveFrom)} and so on ${dated}: ${comparison(a.annualValuePence, t.keyDecisionPence)}.`,
        }
      : none,
  );
  const callIn = flag(a.callInOverride, a.callInReason, () => {
    if (!t) return none;
    const limit = t.callInPence ?? t.keyDecisionPence;
    const which = t.callInPence === null ? ' (the key-decision threshold)' : '';
    return {
      value: a.annualValuePence >= limit,
      source: 'threshold',
      explanation: `Call-in from ${pounds(limit)} a year${which}, in force from ${ukLongDate(t.effectiveFrom)} and so on ${dated}: ${comparison(a.annualValuePence, limit)}.`,
    };
  });
  return { keyDecision, callIn, decidedOn };
}

// ---------------------------------------------------------------- alerts

export interface AlertInput {
  currentEndOn: string;
  extensionsOffered: number;
  extensionsTaken: number;
  extensionMonths: number;
  extensionNoticeDays: number;
  keyDecision: DecisionFlag;
  annualValuePence: number;
  decisionReference: string;
  reports: ReadonlyArray<{ title: string; dueOn: string; receivedOn: string | null }>;
}

const when = (days: number) => (days === 0 ? 'today' : days > 0 ? `in ${plural(days, 'day')}` : `${plural(-days, 'day')} ago`);

/** A report is overdue from the day after it was due, until it is received. */
export const reportOverdue = (r: { dueOn: string; receivedOn: string | null }, today: string) => r.receivedOn === null && r.dueOn < today;

/**
 * What needs attention as of `today`, looking `alertDays` ahead: the current term ending (from
 * alertDays before its last day to that day itself); the next extension to decide (from
 * alertDays before its notice date until the term has ended, so a missed notice date stays in
 * view); a key decision with no decision reference; each report past its due date and not received.
 */
export function agreementAlerts(a: AlertInput, today: string, alertDays: number): AgreementAlert[] {
  const alerts: AgreementAlert[] = [];
  const toEnd = daysBetween(today, a.currentEndOn);
  if (toEnd >= 0 && toEnd <= alertDays) {
    alerts.push({ kind: 'ending', on: a.currentEndOn, text: `Ends ${toEnd === 0 ? 'today' : `on ${ukLongDate(a.currentEndOn)}, ${when(toEnd)}`}.` });
  }
  if (a.extensionsTaken < a.extensionsOffered && toEnd >= 0) {
    const due = addDays(a.currentEndOn, -a.extensionNoticeDays);
    const toDue = daysBetween(today, due);
    if (toDue <= alertDays) {
      const next = a.extensionsTaken + 1;
      const what = `Decide whether to take extension ${next} of ${a.extensionsOffered} (${plural(a.extensionMonths, 'month')})`;
      const notice = `${plural(a.extensionNoticeDays, 'day')} before the term ends on ${ukLongDate(a.currentEndOn)}`;
      alerts.push({
        kind: 'extension-decision',
        on: due,
        text:
          toDue >= 0
            ? `${what} by ${ukLongDate(due)}, ${when(toDue)}: ${notice}.`
            : `${what}: the decision was due on ${ukLongDate(due)}, ${when(toDue)} (${notice}).`,
      });
    }
  }
  if (a.keyDecision.value && a.decisionReference.trim() === '') {
    alerts.push({
      kind: 'no-decision-reference',
      on: null,
      text: `A key decision (${pounds(a.annualValuePence)} a year) with no decision reference: record the decision that approved it.`,
    });
  }
  for (const r of [...a.reports].sort((x, y) => x.dueOn.localeCompare(y.dueOn))) {
    if (!reportOverdue(r, today)) continue;
    alerts.push({
      kind: 'report-overdue',
      on: r.dueOn,
      text: `${r.title} was due on ${ukLongDate(r.dueOn)} and has not been received (${plural(daysBetween(r.dueOn, today), 'day')} overdue).`,
    });
  }
  return alerts;
}

// ---------------------------------------------------------------- legal basis

/**
 * The Public Contracts Regulations 2015 applied until 23 February 2025 and the Procurement Act
 * 2023 from 24 February 2025 (domain.md section 5). A basis relied on outside its dates is
 * worth a second look, not a refusal: an award under the 2015 regulations can start later.
 */
export function legalBasisWarning(a: { legalBasis: LegalBasis; legalBasisOn: string | null; startOn: string }): string | null {
  const label = LEGAL_BASIS_LABELS[a.legalBasis];
  const on = a.legalBasisOn ?? a.startOn;
  if ((a.legalBasis === 'pcr2015_reg12_7' || a.legalBasis === 'pcr2015') && on > PCR2015_LAST_DAY) {
    const relied = a.legalBasisOn
      ? `is relied on from ${ukLongDate(on)}`
      : `is given for an agreement that starts on ${ukLongDate(on)}, and no legal basis date is recorded`;
    return `${label} ${relied}, but those regulations applied only until ${ukLongDate(PCR2015_LAST_DAY)}: anything awarded from ${ukLongDate(PROCUREMENT_ACT_FIRST_DAY)} falls under the Procurement Act 2023. Check the legal basis${a.legalBasisOn ? '' : ' and record the date it was relied on'}.`;
  }
  if (a.legalBasis === 'procurement_act_2023' && on < PROCUREMENT_ACT_FIRST_DAY) {
    return `The Procurement Act 2023 is given as the legal basis on ${ukLongDate(on)}, but it applies only from ${ukLongDate(PROCUREMENT_ACT_FIRST_DAY)}: before then the Public Contracts Regulations 2015 applied. Check the legal basis.`;
  }
  return null;
}

// ---------------------------------------------------------------- conditions

/**
 * What an underspend condition sends back: nothing unless the underspend is more than
 * `thresholdBp` of the funding; then the whole underspend, or only the part above the
 * threshold, to the penny. £100,000 funded, £80,000 spent, 15%: whole £20,000, above £5,000.
 */
export function underspendToReturn(fundingPence: number, spendPence: number, thresholdBp: number, basis: ReturnBasis): number {
  const underspend = fundingPence - spendPence;
  if (fundingPence <= 0 || underspend <= 0) return 0;
  // Compared exactly: 15% of £100,000.01 is not rounded before the test.
  if (BigInt(underspend) * 10_000n <= BigInt(fundingPence) * BigInt(thresholdBp)) return 0;
  return basis === 'whole' ? underspend : underspend - roundDiv(BigInt(fundingPence) * BigInt(thresholdBp), 10_000);
}

// ---------------------------------------------------------------- rules on input

export interface AgreementValues extends AgreementTerms {
  keyDecisionOverride?: boolean | null;
  keyDecisionReason?: string;
  callInOverride?: boolean | null;
  callInReason?: string;
}

export interface RuleProblem {
  field: string;
  rule: string;
  /** What was found, as a person reads it. */
  found: string;
  /** A sentence a finance lead can act on. */
  message: string;
}

/** The rules one agreement must keep, with `taken` extensions already taken; an empty list when it keeps them all. */
/** No agreement of a local authority runs from before 1990 or past 2099: a date outside is a slip (9999 for "open-ended"). */
const EARLIEST_DATE = '1990-01-01';
const LATEST_DATE = '2099-12-31';

export function agreementProblems(v: AgreementValues, taken: number, name: string): RuleProblem[] {
  const out: RuleProblem[] = [];
  for (const [field, label, date] of [
    ['startOn', 'start', v.startOn],
    ['endOn', 'end', v.endOn],
  ] as const) {
    if (date < EARLIEST_DATE || date > LATEST_DATE) {
      out.push({
        field,
        rule: 'must be from 1 January 1990 to 31 December 2099',
        found: ukLongDate(date),
        message: `${name}: the ${label} date ${ukLongDate(date)} is outside 1990 to 2099. An agreement with no end date still needs one: give the date it is next reviewed.`,
      });
    }
  }
  if (v.endOn < v.startOn) {
    out.push({
      field: 'endOn',
      rule: 'must not be before the start date',
      found: `${ukLongDate(v.endOn)}, before the start on ${ukLongDate(v.startOn)}`,
      message: `${name} would end on ${ukLongDate(v.endOn)}, before it starts on ${ukLongDate(v.startOn)}: the end date must be on or after the start date.`,
    });
  }
  if (v.extensionsOffered < 0 || v.extensionsOffered > 10) {
    out.push({
      field: 'extensionsOffered',
      rule: 'must be from 0 to 10',
      found: String(v.extensionsOffered),
      message: `${name}: the extensions offered must be a whole number from 0 to 10, not ${v.extensionsOffered}.`,
    });
  }
  if (v.extensionMonths < 0 || v.extensionMonths > 120) {
    out.push({
      field: 'extensionMonths',
      rule: 'must be from 0 to 120 months',
      found: String(v.extensionMonths),
      message: `${name}: an extension must last from 0 to 120 months, not ${v.extensionMonths}.`,
    });
  } else if (v.extensionsOffered > 0 && v.extensionMonths === 0) {
    out.push({
      field: 'extensionMonths',
      rule: 'must be more than 0 when extensions are offered',
      found: '0 months',
      message: `${name} offers ${plural(v.extensionsOffered, 'extension')} of no length: say how many months each extension runs for.`,
    });
  }
  if (taken > v.extensionsOffered && v.extensionsOffered >= 0) {
    out.push({
      field: 'extensionsOffered',
      rule: 'must not be fewer than the extensions taken',
      found: `${v.extensionsOffered} offered, ${taken} taken`,
      message: `${name} has ${plural(taken, 'extension')} taken, so it cannot offer only ${v.extensionsOffered}: remove the extensions taken first, or offer at least ${taken}.`,
    });
  }
  for (const [flag, reason, field, what] of [
    [v.keyDecisionOverride, v.keyDecisionReason, 'keyDecisionReason', 'key decision'],
    [v.callInOverride, v.callInReason, 'callInReason', 'call-in'],
  ] as const) {
    if (flag !== null && flag !== undefined && !(reason ?? '').trim()) {
      out.push({
        field,
        rule: 'must be given when the flag is set by hand',
        found: 'no reason',
        message: `${name}: setting the ${what} flag by hand needs a reason (what the constitution or the monitoring officer said).`,
      });
    }
  }
  return out;
}

/** Extensions are taken one after another: the next must be the one after those taken, and one that was offered. */
export function extensionProblem(number: number, taken: number, offered: number, months: number, name: string): RuleProblem | null {
  if (number > offered) {
    const offers = offered === 0 ? 'offers no extensions' : `offers ${plural(offered, 'extension')} of ${plural(months, 'month')}`;
    return {
      field: 'number',
      rule: 'must be an extension offered',
      found: `extension ${number}`,
      message: `Extension ${number} of ${name} was never offered: it ${offers}.`,
    };
  }
  if (number <= taken) {
    return { field: 'number', rule: 'must not be taken already', found: `extension ${number}`, message: `Extension ${number} of ${name} is already taken.` };
  }
  if (number !== taken + 1) {
    return {
      field: 'number',
      rule: 'extensions are taken in order',
      found: `extension ${number}`,
      message: `Extensions of ${name} are taken in order: extension ${taken + 1} comes before extension ${number}.`,
    };
  }
  return null;
}
