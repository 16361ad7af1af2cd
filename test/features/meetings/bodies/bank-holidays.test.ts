import { describe, expect, it } from 'vitest';
import { easterSunday, englishBankHolidays, LAST_HOLIDAY_YEAR, standardBankHolidays } from '../../../../features/meetings/bodies/bank-holidays';

const dates = (year: number) => englishBankHolidays(year).map((h) => h.date);

describe('English bank holidays', () => {
  // gov.uk/bank-holidays, England and Wales.
  it('matches the published list for 2025', () => {
    expect(dates(2025)).toEqual(['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26']);
  });

  it('matches the published list for 2026, with Boxing Day moved to Monday', () => {
    expect(dates(2026)).toEqual(['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']);
    expect(englishBankHolidays(2026).at(-1)!.name).toBe('Boxing Day (substitute day)');
  });

  it('matches the published list for 2027, with Christmas and Boxing Day both moved', () => {
    expect(dates(2027)).toEqual(['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28']);
    expect(
      englishBankHolidays(2027)
        .slice(-2)
        .map((h) => h.name),
    ).toEqual(['Christmas Day (substitute day)', 'Boxing Day (substitute day)']);
  });

  it('moves New Year and a Sunday Christmas as gov.uk does', () => {
    // 2022: New Year on Saturday, Christmas on Sunday (Boxing Day Monday, Christmas substitute Tuesday).
    const y2022 = englishBankHolidays(2022);
    expect(y2022[0]).toEqual({ date: '2022-01-03', name: "New Year's Day (substitute day)" });
    expect(y2022.slice(-2)).toEqual([
      { date: '2022-12-26', name: 'Boxing Day' },
      { date: '2022-12-27', name: 'Christmas Day (substitute day)' },
    ]);
    // 2028: New Year on Saturday; 2023: New Year on Sunday.
    expect(dates(2028)[0]).toBe('2028-01-03');
    expect(dates(2023)[0]).toBe('2023-01-02');
  });

  it('holds the proclaimed holidays of past years', () => {
    expect(dates(2022)).toContain('2022-06-03');
    expect(dates(2022)).toContain('2022-09-19');
    expect(dates(2022)).not.toContain('2022-05-30');
    expect(dates(2023)).toContain('2023-05-08');
  });

  it('computes Easter', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2030)).toBe('2030-04-21');
  });

  it('runs to the end of 2030, eight or more a year, none at a weekend', () => {
    const all = standardBankHolidays();
    expect(all.at(-1)!.date).toBe(`${LAST_HOLIDAY_YEAR}-12-26`);
    expect(new Set(all.map((h) => h.date)).size).toBe(all.length);
    for (const h of all) expect([0, 6]).not.toContain(new Date(`${h.date}T00:00:00Z`).getUTCDay());
  });
});
