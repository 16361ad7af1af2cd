/**
 * Percentages as people type and read them, held as basis points (hundredths of a percent):
 * 3.5 or 3.5% is 350, shown as 3.5%. More than two decimal places is refused rather than rounded,
 * so what is saved is exactly what was typed.
 */

export type PercentParse = { ok: true; bp: number } | { ok: false; reason: string };

const PERCENT_TEXT = /^([+-])?(\d+)?(?:\.(\d*))?%?$/;

/** "3.5", "3.5%", "-2 %", "+0.25", "(1.5%)" as a minus: basis points, or why it is not a percentage. */
export function parsePercent(input: string): PercentParse {
  let text = input.replace(/[\s\u00a0]/g, '');
  if (text === '') return { ok: false, reason: 'is blank' };
  let bracketed = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    bracketed = true;
    text = text.slice(1, -1);
  }
  // A typographic minus (−) pasted from a document reads as a minus.
  text = text.replace(/^\u2212/, '-');
  const m = PERCENT_TEXT.exec(text);
  if (!m || (m[2] === undefined && !m[3])) return { ok: false, reason: `"${input.trim()}" is not a percentage: type it as 3.5 or 3.5%` };
  if ((m[3] ?? '').length > 2)
    return { ok: false, reason: `"${input.trim()}" has more than two decimal places: a percentage such as 3.25% is the finest the plan holds` };
  if (bracketed && m[1]) return { ok: false, reason: `"${input.trim()}" has two signs` };
  const bp = Number(m[2] ?? '0') * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(bp)) return { ok: false, reason: `"${input.trim()}" is too large` };
  const negative = m[1] === '-' || bracketed;
  return { ok: true, bp: negative && bp !== 0 ? -bp : bp };
}

/** 350 → "3.5%", 325 → "3.25%", 1000 → "10%", -125 → "-1.25%". */
export function formatBp(bp: number): string {
  const abs = Math.abs(bp);
  const whole = Math.floor(abs / 100);
  const frac = String(abs % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${bp < 0 ? '-' : ''}${whole}${frac ? `.${frac}` : ''}%`;
}

/** Basis points as a person edits them: 3.5, with no sign to delete first. */
export function bpToEditText(bp: number | null | undefined): string {
  return typeof bp === 'number' ? formatBp(bp).replace(/%$/, '') : '';
}
