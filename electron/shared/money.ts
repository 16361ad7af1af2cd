/**
 * Money is integer pence everywhere inside the app. These are the edges (formatting for
 * screens, parsing what a person typed or pasted from Excel) and the arithmetic that must not
 * lose a penny: applying a rate, and sharing a total out exactly.
 *
 * One rounding rule is used everywhere: half away from zero, as Excel's ROUND does, worked out
 * on integers so that no float error can tip a half the wrong way.
 */

export type NegativeStyle = 'minus' | 'brackets';

const wholePounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 0, maximumFractionDigits: 0 });
const withPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

export interface FormatOptions {
  /** Show pence: £1,234.56 rather than £1,235. */
  pence?: boolean;
  /** -£1,234 (the default) or (£1,234). */
  negative?: NegativeStyle;
}

/** `£1,234,567`, or `£1,234,567.89` with pence. Negatives as `-£1,234` or `(£1,234)`. */
export function formatPence(pence: number, options: FormatOptions = {}): string {
  const shown = options.pence ? pence : roundDiv(pence, 100) * 100;
  const abs = (options.pence ? withPence : wholePounds).format(Math.abs(shown) / 100);
  if (shown >= 0 || Object.is(shown, -0)) return abs;
  return options.negative === 'brackets' ? `(${abs})` : `-${abs}`;
}

/** `£1.2m`, `£357k`: for chart axes and headlines. */
export function formatPenceShort(pence: number, negative: NegativeStyle = 'minus'): string {
  const abs = Math.abs(pence) / 100;
  const body = abs >= 1_000_000 ? `£${(abs / 1_000_000).toFixed(1)}m` : abs >= 1_000 ? `£${Math.round(abs / 1_000)}k` : `£${Math.round(abs)}`;
  if (pence >= 0) return body;
  return negative === 'brackets' ? `(${body})` : `-${body}`;
}

/** A workspace's way of showing money, so screens, workbooks and packs agree. */
export interface MoneyFormat {
  negative: NegativeStyle;
  format(pence: number, options?: { pence?: boolean }): string;
  short(pence: number): string;
  /** The Excel number formats for pounds with pence, and whole pounds, in this style. */
  excel: string;
  excelWhole: string;
}

export function moneyFormat(negative: NegativeStyle = 'minus'): MoneyFormat {
  return {
    negative,
    format: (pence, options = {}) => formatPence(pence, { ...options, negative }),
    short: (pence) => formatPenceShort(pence, negative),
    excel: negative === 'brackets' ? '"£"#,##0.00;("£"#,##0.00);"£"0.00' : '"£"#,##0.00;-"£"#,##0.00;"£"0.00',
    excelWhole: negative === 'brackets' ? '"£"#,##0;("£"#,##0);"£"0' : '"£"#,##0;-"£"#,##0;"£"0',
  };
}

export type MoneyParse = { ok: true; pence: number } | { ok: false; reason: string };

const MONEY_TEXT = /^(-)?\(?(-)?£?(-)?(\d{1,3}(,\d{3})+|\d+)?(\.\d{1,2})?\)?$/;

/**
 * Reads money as a person writes it: `1234`, `1,234.50`, `£1,234`, `-£1,234`, `£-1,234`,
 * `(1,234)`. More than two decimal places is refused rather than silently rounded.
 */
export function parseMoney(input: string | number): MoneyParse {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'is not a number' };
    const pence = Math.round(input * 100);
    if (Math.abs(pence - input * 100) > 1e-6 * Math.max(1, Math.abs(input * 100))) return { ok: false, reason: 'has more than two decimal places' };
    return { ok: true, pence: Object.is(pence, -0) ? 0 : pence };
  }
  const text = input.replace(/[\s\u00a0]/g, '');
  if (text === '') return { ok: false, reason: 'is blank' };
  const m = MONEY_TEXT.exec(text);
  const hasDigits = m && (m[4] !== undefined || m[6] !== undefined);
  const bracketed = text.startsWith('(') || text.startsWith('-(');
  if (!m || !hasDigits || bracketed !== text.endsWith(')')) return { ok: false, reason: `"${input}" is not an amount of money` };
  const minusCount = [m[1], m[2], m[3]].filter(Boolean).length + (bracketed ? 1 : 0);
  if (minusCount > 1) return { ok: false, reason: `"${input}" has more than one minus sign` };
  const whole = (m[4] ?? '0').replace(/,/g, '');
  const frac = (m[6] ?? '.').slice(1).padEnd(2, '0');
  const pence = Number(whole) * 100 + Number(frac);
  if (!Number.isSafeInteger(pence)) return { ok: false, reason: `"${input}" is too large` };
  return { ok: true, pence: minusCount === 1 && pence !== 0 ? -pence : pence };
}

/** Pounds as a plain number, for charts and workbook cells with a GBP number format. */
export function penceToPounds(pence: number): number {
  return pence / 100;
}

// ---- exact arithmetic ----

/** a / b rounded half away from zero, exactly, for whole numbers (b not 0). */
export function roundDiv(a: number | bigint, b: number | bigint): number {
  let n = BigInt(a);
  let d = BigInt(b);
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  return Number(negative ? -q : q);
}

/** A rate as an exact fraction: up to nine decimal places, as a person or a DfE table writes it. */
function rational(rate: number | string): [bigint, bigint] {
  const text = typeof rate === 'number' ? rate.toFixed(9) : rate.trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,9}))?$/.exec(text);
  if (!m) throw new RangeError(`"${rate}" is not a rate`);
  const frac = (m[3] ?? '').padEnd(9, '0');
  const n = BigInt(m[2]! + frac) * (m[1] ? -1n : 1n);
  return [n, 1_000_000_000n];
}

/** pence x rate, to the penny (or to whole pounds with unit 100), by the one rounding rule. */
export function applyRate(pence: number, rate: number | string, unit: 1 | 100 = 1): number {
  const [n, d] = rational(rate);
  return roundDiv(BigInt(pence) * n, d * BigInt(unit)) * unit;
}

export interface AllocateOptions {
  /** Share out in pence (1) or whole pounds (100); the total must then be whole pounds too. */
  unit?: 1 | 100;
  /**
   * Who takes the units left after every share is rounded down: 'largest-remainder' (the
   * default: the shares that lost most to rounding, ties to the larger weight, then the
   * earlier one), or the index of one recipient that takes them all.
   */
  remainder?: 'largest-remainder' | number;
}

/**
 * Shares `total` pence among recipients in proportion to `weights`, so that the shares add up
 * to the total exactly. Weights may be any non-negative numbers (pupil counts, factor values).
 */
export function allocateExactly(total: number, weights: readonly number[], options: AllocateOptions = {}): number[] {
  const unit = options.unit ?? 1;
  if (!Number.isSafeInteger(total)) throw new RangeError('the total must be whole pence');
  if (total % unit !== 0) throw new RangeError(`the total must be a whole number of ${unit === 100 ? 'pounds' : 'pence'}`);
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) throw new RangeError('weights must be zero or more');
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('there is no one to share the total among');
    return [];
  }
  // Weights as exact integers: scaled by 10^9, enough for any factor a formula uses.
  const scaled = weights.map((w) => rational(w)[0]);
  const sum = scaled.reduce((s, w) => s + w, 0n);
  if (sum === 0n) throw new RangeError('the weights add up to nothing, so there is nothing to share by');
  const sign = total < 0 ? -1n : 1n;
  const units = (BigInt(Math.abs(total)) / BigInt(unit)) as bigint;
  const shares = scaled.map((w) => (units * w) / sum);
  const remainders = scaled.map((w, i) => units * w - shares[i]! * sum);
  let left = units - shares.reduce((s, x) => s + x, 0n);
  if (options.remainder !== undefined && options.remainder !== 'largest-remainder') {
    const i = options.remainder;
    if (!Number.isInteger(i) || i < 0 || i >= shares.length) throw new RangeError('the recipient of the remainder is not one of the recipients');
    shares[i] = shares[i]! + left;
    left = 0n;
  }
  const order = shares
    .map((_, i) => i)
    .sort((a, b) =>
      remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : scaled[b]! > scaled[a]! ? 1 : scaled[b]! < scaled[a]! ? -1 : a - b,
    );
  for (let k = 0; left > 0n; k++, left--) shares[order[k % order.length]!]! += 1n;
  return shares.map((s) => Number(s * BigInt(unit) * sign));
}
