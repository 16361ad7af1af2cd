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
