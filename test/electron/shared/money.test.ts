import { describe, expect, it } from 'vitest';
import { allocateExactly, applyRate, formatPence, formatPenceShort, moneyFormat, parseMoney, roundDiv } from '../../../electron/shared/money';

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

describe('negatives, as the workspace shows them', () => {
  it('writes -£1,234 or (£1,234), and the matching Excel formats', () => {
    expect(formatPence(-123_400)).toBe('-£1,234');
    expect(formatPence(-123_456, { pence: true, negative: 'brackets' })).toBe('(£1,234.56)');
    expect(formatPence(-49, { negative: 'brackets' })).toBe('£0');
    expect(moneyFormat('brackets').format(-5_000_000)).toBe('(£50,000)');
    expect(moneyFormat('brackets').short(-1_200_000_000)).toBe('(£12.0m)');
    expect(moneyFormat('minus').excel).toBe('"£"#,##0.00;-"£"#,##0.00;"£"0.00');
    expect(moneyFormat('brackets').excelWhole).toBe('"£"#,##0;("£"#,##0);"£"0');
  });
  it('rounds to whole pounds by the one rule, half away from zero', () => {
    expect(formatPence(150)).toBe('£2');
    expect(formatPence(-150)).toBe('-£2');
    expect(formatPence(149)).toBe('£1');
  });
});

describe('exact arithmetic', () => {
  it('divides whole numbers rounding half away from zero, exactly', () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(-5, 2)).toBe(-3);
    expect(roundDiv(7, 3)).toBe(2);
    expect(roundDiv(-7, 3)).toBe(-2);
    expect(roundDiv(1, -2)).toBe(-1);
    expect(roundDiv(2n ** 60n + 1n, 2n)).toBe(Number(2n ** 59n + 1n));
    expect(() => roundDiv(1, 0)).toThrow(RangeError);
  });

  it('applies a rate to the penny (or the pound) without float error tipping a half', () => {
    // 1.005 × 100 is 100.49999… in floating point; the exact product is 100.5, which rounds up.
    expect(applyRate(100, 1.005)).toBe(101);
    expect(applyRate(1_000_000, '0.005')).toBe(5_000);
    expect(applyRate(-333, 0.5)).toBe(-167);
    expect(applyRate(21_000_000, '10000.00', 100)).toBe(210_000_000_000);
    expect(applyRate(123_456, 0.5, 100)).toBe(61_700);
    expect(() => applyRate(100, 'ten')).toThrow(RangeError);
  });

  it('shares a total out exactly, the remainder by the largest remainders', () => {
    const shares = allocateExactly(100, [1, 1, 1]);
    expect(shares).toEqual([34, 33, 33]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(100);
    expect(allocateExactly(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    // Remainders .4 .3 .3 of a penny: the first, biggest remainder, takes the spare penny.
    expect(allocateExactly(10, [3.4, 3.3, 3.3])).toEqual([4, 3, 3]);
    // Ties go to the larger weight, then the earlier recipient.
    expect(allocateExactly(1, [1, 2])).toEqual([0, 1]);
    expect(allocateExactly(0, [1, 2])).toEqual([0, 0]);
  });

  it('shares in whole pounds, and can give the remainder to a named recipient', () => {
    const pot = 315_555_000; // £3,155,550, the AIP example
    const byPupils = allocateExactly(pot, [1234, 2345, 3456, 987, 1500], { unit: 100 });
    expect(byPupils.every((s) => s % 100 === 0)).toBe(true);
    expect(byPupils.reduce((a, b) => a + b, 0)).toBe(pot);
    const toFirst = allocateExactly(1000, [1, 1, 1], { unit: 100, remainder: 0 });
    expect(toFirst).toEqual([400, 300, 300]);
    expect(() => allocateExactly(150, [1, 1], { unit: 100 })).toThrow(/whole number of pounds/);
    expect(() => allocateExactly(100, [0, 0])).toThrow(/add up to nothing/);
    expect(() => allocateExactly(100, [1, -1])).toThrow(/zero or more/);
    expect(() => allocateExactly(100, [1], { remainder: 3 })).toThrow(/not one of the recipients/);
  });

  it('always adds up to the total, whatever the weights', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 500; i++) {
      const n = 1 + Math.floor(rand() * 30);
      const weights = Array.from({ length: n }, () => Math.round(rand() * 1e6) / 100);
      if (!weights.some((w) => w > 0)) weights[0] = 1;
      const total = Math.round((rand() - 0.3) * 1e9);
      const shares = allocateExactly(total, weights);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
      expect(shares.every((s, j) => Math.abs(s - (total * weights[j]!) / weights.reduce((a, b) => a + b, 0)) < 1)).toBe(true);
    }
  });
});
