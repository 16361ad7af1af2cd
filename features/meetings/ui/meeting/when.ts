import { ukDate, ukLongDate } from '../../../../electron/shared/dates';

const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long' });

/** The calendar day of a meeting's "2026-12-10T14:00" (wall-clock London time, never shifted by the machine's zone). */
export const meetingDay = (startsAt: string): string => startsAt.slice(0, 10);
/** "14:00" */
export const meetingTime = (startsAt: string): string => startsAt.slice(11, 16);

/** "Thursday" for a calendar day "2026-12-10". */
export function dayName(isoDay: string): string {
  return weekday.format(new Date(`${isoDay}T12:00:00Z`));
}

/** "Thursday 10 December 2026 at 14:00" */
export function meetingWhen(startsAt: string): string {
  const day = meetingDay(startsAt);
  return `${dayName(day)} ${ukLongDate(day)} at ${meetingTime(startsAt)}`;
}

/** "10/12/2026 14:00", for tight places (a dropdown of meetings). */
export function meetingShort(startsAt: string): string {
  return `${ukDate(meetingDay(startsAt))} ${meetingTime(startsAt)}`;
}

/** Today in London as a calendar day, to split upcoming meetings from past ones. */
export function todayIso(): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date());
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "apologies" / "1 member" style counts in prose. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
