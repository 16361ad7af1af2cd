/**
 * The Safety Valve's own arithmetic and wording: quarters of a financial year, what the
 * instalments add up to against the agreement's total, and what was withheld.
 */
import { ukLongDate } from '../../../electron/shared/dates';
import type { MoneyFormat } from '../../../electron/shared/money';
import { yearStartYear } from '../../../electron/shared/periods';
import type { InstalmentStatus } from '../words';

/** Q1 is April to June; Q4 is January to March of the year's second calendar year. */
export function quarterDates(year: string, quarter: number): { start: string; end: string } {
  const y = yearStartYear(year);
  const starts = [`${y}-04-01`, `${y}-07-01`, `${y}-10-01`, `${y + 1}-01-01`];
  const ends = [`${y}-06-30`, `${y}-09-30`, `${y}-12-31`, `${y + 1}-03-31`];
  return { start: starts[quarter - 1]!, end: ends[quarter - 1]! };
}

/** "2026-27 Q3": how a return names its quarter, on its rows and in messages. */
export const quarterName = (year: string, quarter: number) => `${year} Q${quarter}`;

/** "Q3 (October–December) 2026-27" */
export function quarterLongName(year: string, quarter: number): string {
  const months = ['April–June', 'July–September', 'October–December', 'January–March'][quarter - 1];
  return `${year} Q${quarter} (${months})`;
}

/** Pounds, with pence only where there are some: a refusal says the exact sum. */
export const exactMoney = (money: MoneyFormat, pence: number) => money.format(pence, { pence: pence % 100 !== 0 });

export interface InstalmentFigures {
  expectedPence: number;
  status: InstalmentStatus;
  receivedPence: number | null;
}

/**
 * Withheld: what the DfE held back. A withheld instalment's whole expected sum, and the part of
 * a received one that was not paid (an instalment part-paid while conditions are reviewed).
 */
export function withheldOf(i: InstalmentFigures): number {
  if (i.status === 'withheld') return i.expectedPence;
  if (i.status === 'received') return Math.max(0, i.expectedPence - (i.receivedPence ?? 0));
  return 0;
}

export function totalsOf(instalments: readonly InstalmentFigures[]): { expectedPence: number; receivedPence: number; withheldPence: number } {
  let expectedPence = 0;
  let receivedPence = 0;
  let withheldPence = 0;
  for (const i of instalments) {
    expectedPence += i.expectedPence;
    receivedPence += i.status === 'received' ? (i.receivedPence ?? 0) : 0;
    withheldPence += withheldOf(i);
  }
  return { expectedPence, receivedPence, withheldPence };
}

/**
 * Why the instalments cannot stand against the agreement's total, or null when they can: the
 * instalments expected, and the sums received, must each fit within it.
 */
export function overTotal(totalPence: number, instalments: readonly InstalmentFigures[], money: MoneyFormat): { field: string; message: string } | null {
  const t = totalsOf(instalments);
  const f = (p: number) => exactMoney(money, p);
  if (t.expectedPence > totalPence) {
    return {
      field: 'expectedPence',
      message: `The instalments would total ${f(t.expectedPence)}, ${f(t.expectedPence - totalPence)} more than the agreement's total of ${f(totalPence)}. Lower an instalment, or raise the agreement's total if the DfE has varied it.`,
    };
  }
  if (t.receivedPence > totalPence) {
    return {
      field: 'receivedPence',
      message: `The instalments received would total ${f(t.receivedPence)}, ${f(t.receivedPence - totalPence)} more than the agreement's total of ${f(totalPence)}. Check the amount received.`,
    };
  }
  return null;
}

/** The note on the contribution a received instalment becomes, naming the agreement and the year. */
export function contributionNote(agreementName: string, year: string, receivedOn: string): string {
  return `${agreementName}: ${year} instalment, received ${ukLongDate(receivedOn)}`;
}
