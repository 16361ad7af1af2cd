import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, londonDate, londonDateTime } from '../../../../electron/shared/dates';

describe('London calendar days for meetings and terms', () => {
  it('gives the day and time in London, not UTC', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST); in winter London is UTC.
    expect(londonDate(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDateTime(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01T00:30');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(londonDateTime(new Date('2026-12-10T14:00:00Z'))).toBe('2026-12-10T14:00');
  });

  it('moves a stored day by whole days across months, years and clock changes', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-09-01', '2026-11-30')).toBe(90);
    expect(daysBetween('2026-11-30', '2026-09-01')).toBe(-90);
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
  });
});
