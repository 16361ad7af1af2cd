/**
 * Money is integer pence everywhere inside the app. These are the edges: formatting for
 * screens and parsing what a person typed or pasted from Excel.
 */

const wholePounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});
const withPence = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** `£1,234,567`, or `£1,234,567.89` when asked for pence. Negatives as `-£1,234`. */
export function formatPence(pence: number, options: { pence?: boolean } = {}): string {
  const pounds = pence / 100;
  return (options.pence ? withPence : wholePounds).format(Object.is(pounds, -0) ? 0 : pounds);
}

/** `£1.2m`, `£357k`: for chart axes and headlines. */
export function formatPenceShort(pence: number): string {
  const pounds = pence / 100;
  const abs = Math.abs(pounds);
  const sign = pounds < 0 ? '-' : '';
  if (abs >= 1_000_000) return `${sign}£${(abs / 1_000_000).toFixed(1)}m`;
  if (abs >= 1_000) return `${sign}£${Math.round(abs / 1_000)}k`;
  return `${sign}£${Math.round(abs)}`;
}

export type MoneyParse = { ok: true; pence: number } | { ok: false; reason: string };

const MONEY_TEXT = /^(-)?\(?(-)?£?(-)?(\d{1,3}(,\d{3})+|\d+)?(\.\d{1,2})?\)?$/;

/**
 * Reads money as a person writes it: `1234`, `1,234.50`, `£1,234`, `-£1,234`, `(1,234)`.
 * More than two decimal places is refused rather than silently rounded.
 */
export function parseMoney(input: string | number): MoneyParse {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'is not a number' };
    const pence = Math.round(input * 100);
    if (Math.abs(pence - input * 100) > 1e-6 * Math.max(1, Math.abs(input * 100))) {
      return { ok: false, reason: 'has more than two decimal places' };
    }
    return { ok: true, pence: Object.is(pence, -0) ? 0 : pence };
  }
  const text = input.replace(/[\s\u00a0]/g, '');
  if (text === '') return { ok: false, reason: 'is blank' };
  const m = MONEY_TEXT.exec(text);
  const hasDigits = m && (m[4] !== undefined || m[6] !== undefined);
  const bracketed = text.startsWith('(') || text.startsWith('-(');
  if (!m || !hasDigits || bracketed !== text.endsWith(')')) {
    return { ok: false, reason: `"${input}" is not an amount of money` };
  }
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
