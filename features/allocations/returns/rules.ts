/**
 * The judgements about a partnership's returns, with no database: which periods a year holds,
 * how a return's status moves and which dates it keeps, and the year-end underspend test against
 * the agreement's condition. Shared by the handlers, the workbook kind, the CLI and the block.
 */
import { ukLongDate } from '../../../electron/shared/dates';
import type { MoneyFormat } from '../../../electron/shared/money';
import { underspendToReturn } from '../../recovery/agreements/rules';
import type { ReturnBasis } from '../../recovery/words';
import { PERIODS_OF, RETURN_PERIODS, RETURN_STATUS_LABELS, type ReturnFrequency, type ReturnPeriod, type ReturnStatus } from '../words';

/** Received or checked: the return's figures count towards the year's spend. */
export const isIn = (status: ReturnStatus) => status === 'received' || status === 'checked';

/** Summer, autumn, spring (the order a financial year holds them), then a whole-year return. */
export const periodOrder = (p: ReturnPeriod) => RETURN_PERIODS.indexOf(p);

// ---------------------------------------------------------------- status and its dates

export interface StatusDates {
  status: ReturnStatus;
  sentOn: string | null;
  receivedOn: string | null;
  checkedOn: string | null;
}

export type StatusChange = { ok: true; dates: StatusDates } | { ok: false; field: 'on'; rule: string; message: string };

/**
 * A return moved to `status` on `on`: the step's own date is set, a later step's cleared (a
 * checked return marked received again is no longer checked), an earlier step's kept. A step
 * skipped (received without being marked sent) keeps no date. Dates run in order and never
 * after today.
 */
export function changeStatus(current: StatusDates, status: ReturnStatus, on: string, today: string, what: string): StatusChange {
  const refuse = (rule: string, message: string): StatusChange => ({ ok: false, field: 'on', rule, message });
  if (on > today) {
    return refuse('not after today', `${what} cannot be marked ${RETURN_STATUS_LABELS[status].toLowerCase()} on ${ukLongDate(on)}: that is after today.`);
  }
  const next: StatusDates = { status, sentOn: current.sentOn, receivedOn: current.receivedOn, checkedOn: current.checkedOn };
  if (status === 'not_sent') return { ok: true, dates: { status, sentOn: null, receivedOn: null, checkedOn: null } };
  if (status === 'sent') {
    next.sentOn = on;
    next.receivedOn = null;
    next.checkedOn = null;
  } else if (status === 'received') {
    next.receivedOn = on;
    next.checkedOn = null;
  } else {
    // Checked straight from not sent: it was received when it was checked.
    next.receivedOn = current.receivedOn ?? on;
    next.checkedOn = on;
  }
  const steps: Array<[string | null, string]> = [
    [next.sentOn, 'sent'],
    [next.receivedOn, 'received'],
    [next.checkedOn, 'checked'],
  ];
  for (let i = 1; i < steps.length; i++) {
    const [date, word] = steps[i]!;
    if (date === null) continue;
    for (let j = 0; j < i; j++) {
      const [earlier, earlierWord] = steps[j]!;
      if (earlier !== null && date < earlier) {
        return refuse(
          `not before it was ${earlierWord}`,
          `${what} was ${earlierWord} on ${ukLongDate(earlier)}, so it cannot be ${word} on ${ukLongDate(date)}, before that. Give a date on or after ${ukLongDate(earlier)}.`,
        );
      }
    }
  }
  return { ok: true, dates: next };
}

// ---------------------------------------------------------------- the year-end underspend test

export interface UnderspendCondition {
  /** The agreement's reference, for the sentence. */
  agreement: string;
  thresholdBp: number;
  basis: ReturnBasis;
}

export interface UnderspendInput {
  partnership: string;
  allocationPence: number;
  /** Spend in the returns received or checked. */
  spendPence: number;
  frequency: ReturnFrequency;
  /** The periods whose return is received or checked. */
  periodsIn: readonly ReturnPeriod[];
  /** null: no agreement recorded for the partnership; 'none': an agreement with no underspend condition. */
  condition: UnderspendCondition | null | { agreement: string; none: true };
  developmentPlanApprovedOn: string | null;
}

export interface UnderspendResult {
  underspendPence: number;
  yearComplete: boolean;
  thresholdBp: number | null;
  returnBasis: ReturnBasis | null;
  toReturnPence: number;
  flagged: boolean;
  reason: string;
}

const bpText = (bp: number) => `${(bp / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;

/** A share of the allocation as people read it: 18.2%; "just over 15%" where rounding would hide which side of the line it is. */
export function shareText(part: number, whole: number, thresholdBp?: number): string {
  if (whole <= 0) return '0%';
  const shown = ((part * 100) / whole).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  if (thresholdBp === undefined || shown !== bpText(thresholdBp).slice(0, -1)) return `${shown}%`;
  const side = BigInt(part) * 10_000n - BigInt(whole) * BigInt(thresholdBp);
  return side === 0n ? `${shown}%` : `just ${side > 0n ? 'over' : 'under'} ${bpText(thresholdBp)}`;
}

/**
 * At year end (every period's return received or checked), an underspend above the agreement's
 * threshold goes back, all of it or only the part above the line as the agreement says, unless a
 * development plan has been approved. Before then nothing is flagged, and the reason says why.
 */
export function underspendTest(i: UnderspendInput, money: MoneyFormat): UnderspendResult {
  const pounds = (p: number) => money.format(p, { pence: p % 100 !== 0 });
  const periods = PERIODS_OF[i.frequency];
  const yearComplete = periods.every((p) => i.periodsIn.includes(p));
  const underspendPence = i.allocationPence - i.spendPence;
  const base = { underspendPence, yearComplete, thresholdBp: null, returnBasis: null, toReturnPence: 0, flagged: false };
  if (i.condition === null) {
    return { ...base, reason: `${i.partnership} has no agreement recorded, so no underspend rule applies and nothing is flagged.` };
  }
  if ('none' in i.condition) {
    return { ...base, reason: `${i.partnership}'s agreement ${i.condition.agreement} has no underspend condition, so nothing is flagged.` };
  }
  const c = i.condition;
  const withRule = { ...base, thresholdBp: c.thresholdBp, returnBasis: c.basis };
  const line = `the ${bpText(c.thresholdBp)} line in ${c.agreement}`;
  if (!yearComplete) {
    const done = periods.filter((p) => i.periodsIn.includes(p)).length;
    return {
      ...withRule,
      reason: `The underspend test against ${line} applies at year end, once every return is received: ${done} of ${periods.length} received so far.`,
    };
  }
  if (i.allocationPence <= 0) return { ...withRule, reason: `${i.partnership} has no allocation this year, so there is no underspend to test.` };
  if (underspendPence <= 0) {
    return {
      ...withRule,
      reason:
        underspendPence === 0
          ? `The allocation is spent in full: nothing to return.`
          : `Spend is ${pounds(-underspendPence)} more than the allocation: nothing to return.`,
    };
  }
  const share = shareText(underspendPence, i.allocationPence, c.thresholdBp);
  const raw = underspendToReturn(i.allocationPence, i.spendPence, c.thresholdBp, c.basis);
  const what = `An underspend of ${pounds(underspendPence)} (${share} of the allocation)`;
  if (raw === 0) return { ...withRule, reason: `${what} is within ${line}: nothing to return.` };
  if (i.developmentPlanApprovedOn !== null) {
    return {
      ...withRule,
      reason: `${what} is above ${line}, but a development plan was approved on ${ukLongDate(i.developmentPlanApprovedOn)}, so nothing is flagged for return.`,
    };
  }
  const basis = c.basis === 'whole' ? 'the whole underspend' : `the part above ${bpText(c.thresholdBp)}`;
  return {
    ...withRule,
    toReturnPence: raw,
    flagged: true,
    reason: `${what} is above ${line} and no development plan is approved: ${pounds(raw)} is flagged for return (${basis}).`,
  };
}
