import { ukDate } from '../../../electron/shared/dates';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type UkDateParse = { ok: true; iso: string } | { ok: false; reason: string };

/**
 * A date as typed in the UK: 3/12/2026, 03/12/2026, 3-12-2026, 3.12.26. Day first, always;
 * a two-digit year is this century. Gives the ISO date the server takes.
 */
export function parseUkDate(text: string): UkDateParse {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text.trim());
  if (!m) return { ok: false, reason: 'must be a date written dd/mm/yyyy, such as 03/12/2026' };
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  if (year < 2000 || year > 2099) return { ok: false, reason: 'must be a date from 2000 to 2099' };
  if (month < 1 || month > 12) return { ok: false, reason: `has no month ${month}: write it dd/mm/yyyy, day first` };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return { ok: false, reason: `is not a date: ${MONTHS[month - 1]} ${year} has ${days} days` };
  return { ok: true, iso: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Today as it is in the UK, dd/mm/yyyy. */
export function todayUk(): string {
  return ukDate(new Date());
}
