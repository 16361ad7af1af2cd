import { describe, expect, it } from 'vitest';
import { englishBankHolidays } from '../../../../features/meetings/bodies/bank-holidays';
import { clearWorkingDaysBetween, isWorkingDay, papersDeadlineFrom } from '../../../../features/meetings/bodies/working-days';

const holidays = new Set([2025, 2026, 2027].flatMap((y) => englishBankHolidays(y).map((h) => h.date)));
const none = new Set<string>();

describe('papers deadline in clear working days', () => {
  it('counts back from an ordinary Thursday meeting, the day of issue and of the meeting not counted', () => {
    // Thursday 15 October 2026, five clear days: Wed 14, Tue 13, Mon 12, Fri 9, Thu 8; issue by Wednesday 7.
    expect(papersDeadlineFrom('2026-10-15', 5, holidays)).toBe('2026-10-07');
    expect(clearWorkingDaysBetween('2026-10-07', '2026-10-15', holidays)).toBe(5);
    expect(clearWorkingDaysBetween('2026-10-08', '2026-10-15', holidays)).toBe(4);
  });

  it('steps over Christmas, Boxing Day (substitute) and New Year', () => {
    // Tuesday 5 January 2027: Mon 4, (Fri 1 New Year), Thu 31, Wed 30, Tue 29, (Mon 28 Boxing Day substitute, Fri 25 Christmas), Thu 24.
    expect(papersDeadlineFrom('2027-01-05', 5, holidays)).toBe('2026-12-23');
    expect(clearWorkingDaysBetween('2026-12-23', '2027-01-05', holidays)).toBe(5);
    // Without the holidays: Mon 4, Fri 1, Thu 31, Wed 30, Tue 29; issue by Monday 28.
    expect(papersDeadlineFrom('2027-01-05', 5, none)).toBe('2026-12-28');
  });

  it('steps over Easter', () => {
    // Wednesday 8 April 2026: Tue 7, Mon 6 (Easter Monday) no, Fri 3 (Good Friday) no, Thu 2, Wed 1, Tue 31, Mon 30 March.
    expect(papersDeadlineFrom('2026-04-08', 5, holidays)).toBe('2026-03-29');
    expect(clearWorkingDaysBetween('2026-03-29', '2026-04-08', holidays)).toBe(5);
    expect(clearWorkingDaysBetween('2026-03-30', '2026-04-08', holidays)).toBe(4);
  });

  it('for a Monday meeting the weekend before does not count', () => {
    // Monday 9 November 2026, three clear days: Fri 6, Thu 5, Wed 4; issue by Tuesday 3.
    expect(papersDeadlineFrom('2026-11-09', 3, holidays)).toBe('2026-11-03');
    // One clear day: Friday; issued on Thursday at the latest (Saturday or Sunday would leave none).
    expect(papersDeadlineFrom('2026-11-09', 1, holidays)).toBe('2026-11-05');
  });

  it('may fall on a weekend, when that still leaves the clear days', () => {
    // Wednesday 11 November 2026, two clear days: Tue 10, Mon 9; papers sent on Sunday 8 still have both.
    expect(papersDeadlineFrom('2026-11-11', 2, holidays)).toBe('2026-11-08');
  });

  it('with no clear days is the day before the meeting', () => {
    expect(papersDeadlineFrom('2026-11-09', 0, holidays)).toBe('2026-11-08');
    expect(papersDeadlineFrom('2026-10-15', 0, holidays)).toBe('2026-10-14');
  });

  it('knows a working day', () => {
    expect(isWorkingDay('2026-12-24', holidays)).toBe(true);
    expect(isWorkingDay('2026-12-25', holidays)).toBe(false);
    expect(isWorkingDay('2026-12-28', holidays)).toBe(false);
    expect(isWorkingDay('2026-12-26', holidays)).toBe(false);
    expect(isWorkingDay('2026-12-28', none)).toBe(true);
  });
});
