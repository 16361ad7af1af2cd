/**
 * Dates as people in an English council write them, in UK time whatever the machine's zone:
 * 03/12/2026, 3 December 2026, 03/12/2026 14:30. Never ISO on a screen, in a workbook or a PDF.
 */
const ZONE = 'Europe/London';
const short = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const long = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const time = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A calendar day as stored: 2026-12-03. */
export function isCalendarDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** A calendar date (YYYY-MM-DD) stays that day; an instant is shown as the day it was in London. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  // A bare date is a calendar day: noon UTC is that same day in London, summer or winter.
  return isCalendarDate(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

/** 03/12/2026 */
export function ukDate(value: string | Date): string {
  return short.format(toDate(value));
}

/** 3 December 2026 */
export function ukLongDate(value: string | Date): string {
  return long.format(toDate(value));
}

/** 03/12/2026 14:30 */
export function ukDateTime(value: string | Date): string {
  const d = toDate(value);
  return `${short.format(d)} ${time.format(d)}`;
}

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsInLondon(d: Date): Record<string, string> {
  return Object.fromEntries(londonParts.formatToParts(d).map((p) => [p.type, p.value]));
}

/** The calendar day it is in London at that instant, as stored: 2026-12-03 (a late-evening UTC instant in summer is already tomorrow). */
export function londonDate(d: Date): string {
  const p = partsInLondon(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The wall-clock time in London at that instant, as meetings store it: 2026-12-03T14:30. */
export function londonDateTime(d: Date): string {
  const p = partsInLondon(d);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** A stored calendar day moved by whole days: addDays('2026-12-31', 1) is 2027-01-01. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one stored calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
