import { addDays } from '../../../electron/shared/dates';
import type { Workspace } from '../../../electron/server/workspace';
import { bankHolidayDates } from './bank-holidays';

/** Saturday and Sunday are never working days; nor is a bank holiday. */
export function isWorkingDay(date: string, holidays: ReadonlySet<string>): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(date);
}

/** Working days strictly between two days: neither the day of issue nor the day of the meeting counts. */
export function clearWorkingDaysBetween(issued: string, meeting: string, holidays: ReadonlySet<string>): number {
  let n = 0;
  for (let d = addDays(issued, 1); d < meeting; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) n++;
  return n;
}

/**
 * The last day papers can go out and still leave `clearDays` clear working days before the
 * meeting. It may fall on a weekend (papers sent on a Sunday before a Wednesday meeting still have
 * Monday and Tuesday clear); with no clear days needed it is the day before the meeting, since a
 * paper first seen on the day is tabled, not issued.
 */
export function papersDeadlineFrom(meetingDate: string, clearDays: number, holidays: ReadonlySet<string>): string {
  let d = addDays(meetingDate, -1);
  for (let counted = 0; counted < clearDays; d = addDays(d, -1)) if (isWorkingDay(d, holidays)) counted++;
  return d;
}

/** The papers deadline for a meeting on `meetingDate` (ISO; a date-time's day is used), with this workspace's bank holidays. */
export function papersDeadline(ws: Workspace, meetingDate: string, clearDays: number): string {
  return papersDeadlineFrom(meetingDate.slice(0, 10), clearDays, bankHolidayDates(ws));
}
