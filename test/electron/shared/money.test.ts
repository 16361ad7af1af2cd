import { describe, expect, it } from 'vitest';
import { formatPence, formatPenceShort, parseMoney } from '../../../electron/shared/money';

describe('parseMoney', () => {
  it.each([
    ['1234', 123400],
    ['1,234', 123400],
    ['1,234.50', 123450],
    ['£1,234', 123400],
    ['-£1,234', -123400],
    ['£-1,234', -123400],
    ['(1,234)', -123400],
    ['(£1,234.56)', -123456],
    [' 12 345 ', 1234500],
    ['0.5', 50],
    ['.75', 75],
    ['-0', 0],
    ['1,234,567.89', 123456789],
  ])('reads %j as %i pence', (text, pence) => {
    expect(parseMoney(text)).toEqual({ ok: true, pence });
  });

  it.each(['', 'abc', '12.345', '1,23', '(12', '12)', '--5', '£', '1.2.3', '-(5)', '1e5', '£1,234.5.6'])('refuses %j', (text) => {
    expect(parseMoney(text).ok).toBe(false);
  });

  it('reads numbers exactly and refuses fractions of a penny', () => {
    expect(parseMoney(1234.56)).toEqual({ ok: true, pence: 123456 });
    expect(parseMoney(0.1 + 0.2)).toEqual({ ok: true, pence: 30 });
    expect(parseMoney(1234567.89)).toEqual({ ok: true, pence: 123456789 });
    expect(parseMoney(1.005).ok).toBe(false);
    expect(parseMoney(1.0049).ok).toBe(false);
    expect(parseMoney(Number.NaN).ok).toBe(false);
  });
});

describe('formatPence', () => {
  it('formats whole pounds for screens, with pence on request', () => {
    expect(formatPence(123456789)).toBe('£1,234,568');
    expect(formatPence(123456789, { pence: true })).toBe('£1,234,567.89');
    expect(formatPence(-5000000)).toBe('-£50,000');
    expect(formatPence(-0)).toBe('£0');
  });
  it('shortens for chart axes', () => {
    expect(formatPenceShort(4_320_000_000)).toBe('£43.2m');
    expect(formatPenceShort(35_700_000)).toBe('£357k');
    expect(formatPenceShort(-1_200_000_000)).toBe('-£12.0m');
  });
});
