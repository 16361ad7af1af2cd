/**
 * The returns screen's arithmetic and the reading of what is typed into a return, kept apart from
 * the components so they can be tested as plain functions. Money stays in pence; a share is
 * worked out on integers, so 15.0% never shows as 14.9% by a float's error.
 */
import { parseMoney, roundDiv } from '../../../../electron/shared/money';
import type { PartnershipReturnsYear, ReturnInfo } from '../../types';
import { PERIODS_OF, RETURN_PERIOD_LABELS, type ReturnPeriod, type ReturnStatus } from '../../words';

/** `part` as a share of `whole` to at most one decimal place ("18.2%", "25%"), or null when there is no whole to share. */
export function shareText(part: number, whole: number): string | null {
  if (whole <= 0) return null;
  const tenths = roundDiv(BigInt(part) * 1000n, BigInt(whole));
  const sign = tenths < 0 ? '-' : '';
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10).toLocaleString('en-GB')}${abs % 10 ? `.${abs % 10}` : ''}%`;
}

/** Counted in the year's spend: the return has come in. */
export const isIn = (status: ReturnStatus): boolean => status === 'received' || status === 'checked';

/** The step a return takes next, and the button's words; none once checked. */
export function nextStep(status: ReturnStatus): { status: ReturnStatus; verb: string } | null {
  if (status === 'not_sent') return { status: 'sent', verb: 'Mark sent' };
  if (status === 'sent') return { status: 'received', verb: 'Mark received' };
  if (status === 'received') return { status: 'checked', verb: 'Mark checked' };
  return null;
}

/** "the summer term return", as a button's name or a sentence uses it. */
export const periodWords = (period: ReturnPeriod): string => `the ${RETURN_PERIOD_LABELS[period].toLowerCase()} return`;

/** The periods the partnership reports for that have no return yet: set-up is still to do. */
export function missingPeriods(p: PartnershipReturnsYear): ReturnPeriod[] {
  const have = new Set(p.returns.map((r) => r.period));
  return PERIODS_OF[p.returnFrequency].filter((x) => !have.has(x));
}

/** The returns in period order (summer, autumn, spring), as the year brings them. */
export function inPeriodOrder(returns: ReturnInfo[]): ReturnInfo[] {
  const order = (p: ReturnPeriod) => ['summer', 'autumn', 'spring', 'annual'].indexOf(p);
  return [...returns].sort((a, b) => order(a.period) - order(b.period));
}

/** How many of the partnership's periods are in (received or checked), of how many. */
export function returnsIn(p: PartnershipReturnsYear): { in: number; of: number } {
  return { in: p.returns.filter((r) => isIn(r.status)).length, of: PERIODS_OF[p.returnFrequency].length };
}

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

/** Spend under a category as typed: blank clears it; a refund may be negative; pence at most. */
export function readSpend(text: string, label: string): Read<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const p = parseMoney(text);
  return p.ok ? { ok: true, value: p.pence } : { ok: false, message: `${label}: ${p.reason}. Write it as 12,500 or 12,500.50.` };
}

/** Places used as typed: blank clears it; a whole number, nought or more. */
export function readPlaces(text: string): Read<number | null> {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return { ok: true, value: null };
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { ok: false, message: `Places used: "${text.trim()}" is not a number of places. Write it as 42.` };
  const n = Number(t);
  if (n < 0) return { ok: false, message: 'Places used must not be negative.' };
  if (!Number.isInteger(n)) return { ok: false, message: `Places used must be a whole number of places, not ${t}.` };
  if (n > 100_000) return { ok: false, message: 'Places used must be at most 100,000.' };
  return { ok: true, value: n };
}

/** An outcome measure as typed: blank clears it; a number, with a trailing % or the unit allowed. */
export function readMeasure(text: string, label: string, unit: string): Read<number | null> {
  let t = text.trim().replace(/,/g, '');
  if (t === '') return { ok: true, value: null };
  if (unit && t.toLowerCase().endsWith(unit.toLowerCase())) t = t.slice(0, -unit.length).trim();
  t = t
    .replace(/%$/, '')
    .trim()
    .replace(/^\u2212/, '-');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return { ok: false, message: `${label}: "${text.trim()}" is not a number. Write it as 93.5 or 4.` };
  const n = Number(t);
  if (Math.abs(n) > 1e9) return { ok: false, message: `${label} is too large.` };
  return { ok: true, value: n };
}

/** A figure as a field shows it: blank for none, as typed for a measure. */
export const measureText = (n: number | undefined): string => (n === undefined ? '' : String(n));

/** "Partnership return North Area Inclusion Partnership 2026-27.xlsx", with nothing a file system refuses. */
export function fileNameOf(partnership: string, year: string): string {
  const safe = partnership
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `Partnership return ${safe} ${year}.xlsx`;
}
