import { describe, expect, it } from 'vitest';
import { isYearId, nextYearId, parsePeriod, periodLongLabel, previousYearId, yearDates } from '../../../electron/shared/periods';

describe('financial years and periods', () => {
  it('accepts only April-March years written 2024-25', () => {
    expect(isYearId('2024-25')).toBe(true);
    expect(isYearId('1999-00')).toBe(false);
    expect(isYearId('2099-00')).toBe(true);
    for (const bad of ['2024-26', '2024/25', '24-25', '2024-2025', '2024-25 ', 'abcd-ef']) expect(isYearId(bad)).toBe(false);
  });
  it('knows the dates and neighbours of a year', () => {
    expect(yearDates('2024-25')).toEqual({ start: '2024-04-01', end: '2025-03-31' });
    expect(nextYearId('2099-00')).toBe('2100-01');
    expect(previousYearId('2000-01')).toBe('1999-00');
  });
  it('labels P1 as April and P10 as January of the following calendar year', () => {
    expect(periodLongLabel('2024-25', 1)).toBe('P1 (April 2024)');
    expect(periodLongLabel('2024-25', 10)).toBe('P10 (January 2025)');
    expect(periodLongLabel('2024-25', 12)).toBe('P12 (March 2025)');
  });
  it('parses P6, p6 and 6, and nothing outside P1-P12', () => {
    expect(parsePeriod('P6')).toBe(6);
    expect(parsePeriod('p12')).toBe(12);
    expect(parsePeriod('6')).toBe(6);
    for (const bad of ['P0', 'P13', 'Q1', '', 'P6.5']) expect(parsePeriod(bad)).toBeUndefined();
  });
});
