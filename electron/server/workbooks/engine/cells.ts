/**
 * Reading one cell as a field of a workbook kind. Every refusal names its rule and what was
 * found, so an error reads `Budget!H12 — must be an amount in pounds — found "twelve"`.
 */
import { parseMoney } from '../../../shared/money';

/**
 * A cell as the reader hands it over: formulas by their saved value, rich text as plain text, a
 * date (a date cell, or a number formatted as a date) as a DateCell, never as a bare number, so
 * a date typed in a money column is refused rather than read as pounds.
 */
export type RawValue = string | number | boolean | null | CellProblem | DateCell;
export interface CellProblem {
  /** invalid-text: the cell's text was not valid UTF-8 in the file (shown with U+FFFD where the bad bytes were). */
  problem: 'formula-without-value' | 'error-value' | 'invalid-text';
  text: string;
}
export interface DateCell {
  /** The serial number in the workbook's own date system (1900 or 1904). */
  date: number;
  /** As a person reads it: 19/12/2025, or 19/12/2025 14:30 with a time. */
  text: string;
}

export function isDateCell(v: RawValue | undefined): v is DateCell {
  return typeof v === 'object' && v !== null && 'date' in v;
}

export type FieldValue = string | number | null;
export type CellRead = { ok: true; value: FieldValue } | { ok: false; rule: string; found: string };

export function isProblem(v: RawValue | undefined): v is CellProblem {
  return typeof v === 'object' && v !== null && 'problem' in v;
}

/** Blank: no value, or text of spaces only. A date, a problem or a boolean is never blank. */
export function isBlank(v: RawValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const quoted = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;

/** What the user would see in the cell, for messages: a date as 19/12/2025, TRUE and FALSE as Excel shows them. */
export function shown(v: RawValue | undefined): string {
  if (v === null || v === undefined) return 'a blank cell';
  if (typeof v === 'string') return quoted(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(v);
  if (isProblem(v)) return v.problem === 'invalid-text' ? quoted(v.text) : v.text;
  return v.text;
}

const fail = (rule: string, v: RawValue | undefined): CellRead => ({ ok: false, rule, found: shown(v) });

function problemRead(v: CellProblem): CellRead {
  switch (v.problem) {
    case 'formula-without-value':
      return { ok: false, rule: 'a formula needs its saved value: open the file in Excel, save it, and import again', found: v.text };
    case 'invalid-text':
      return fail('must be valid text: the file holds bytes that are not UTF-8 here', v);
    default:
      return { ok: false, rule: 'must not be an Excel error', found: v.text };
  }
}

/** Excel's dates run from serial 0 (shown 00/01/1900) to 31/12/9999. */
const LAST_SERIAL = 2958465;

/**
 * The calendar day of a whole serial number. Excel's 1900 system counts a 29 February 1900
 * that never was, so serials from 61 on are one day ahead of the calendar.
 */
function serialDay(days: number, date1904: boolean): Date {
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, days >= 61 ? 30 : 31);
  return new Date(base + days * 86_400_000);
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * A number the file formats as a date or time, as a DateCell: its text dd/mm/yyyy, with hh:mm
 * when it has a time of day. Null for a number no date can show (Excel shows ####).
 */
export function dateCell(serial: number, date1904: boolean): DateCell | null {
  if (!(serial >= 0 && serial < LAST_SERIAL + 1)) return null;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days++;
    seconds = 0;
  }
  let text = dayText(days, date1904);
  if (seconds) text += ` ${two(Math.floor(seconds / 3600))}:${two(Math.floor((seconds % 3600) / 60))}`;
  return { date: serial, text };
}

/** A column of dates repeats its days: each day's text is worked out once (up to a bound). */
const dayTexts = new Map<number, string>();

function dayText(days: number, date1904: boolean): string {
  const key = date1904 ? -1 - days : days;
  let text = dayTexts.get(key);
  if (text === undefined) {
    if (days === 0 && !date1904) text = '00/01/1900';
    else {
      const d = serialDay(days, date1904);
      text = `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
    }
    if (dayTexts.size >= 100_000) dayTexts.clear();
    dayTexts.set(key, text);
  }
  return text;
}

export interface MoneyRule {
  /** Blank reads as null rather than an error. */
  optional?: boolean;
  nonNegative?: boolean;
}

/**
 * Money in pounds: numbers, or text as people type it (`£1,234`, `1,234.50`, `(1,234)`,
 * `-£1,234`). A number cell is rounded to the penny, because a formula's saved value often
 * carries float noise; text with more than two decimals is refused as a typing slip.
 */
export function readMoney(v: RawValue | undefined, rule: MoneyRule = {}): CellRead {
  if (isProblem(v)) return problemRead(v);
  if (isDateCell(v)) return fail('must be an amount in pounds, not a date', v);
  if (isBlank(v)) return rule.optional ? { ok: true, value: null } : fail('must be an amount in pounds (blank is not allowed)', v);
  let pence: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('must be an amount in pounds', v);
    pence = Math.round(v * 100);
  } else if (typeof v === 'string') {
    const parsed = parseMoney(v.trim());
    if (!parsed.ok) return fail('must be an amount in pounds, such as 1234.56, £1,234 or (1,234)', v);
    pence = parsed.pence;
  } else return fail('must be an amount in pounds', v);
  if (!Number.isSafeInteger(pence) || Math.abs(pence) > 100_000_000_000_000) return fail('is too large an amount', v);
  if (rule.nonNegative && pence < 0) return fail('must not be negative', v);
  return { ok: true, value: Object.is(pence, -0) ? 0 : pence };
}

export interface TextRule {
  required?: boolean;
  maxLength?: number;
}

/** Text, trimmed. Numbers become text as Excel shows them (a code typed as 1201 is "1201"); a date as dd/mm/yyyy. */
export function readText(v: RawValue | undefined, rule: TextRule = {}): CellRead {
  if (isProblem(v)) return problemRead(v);
  if (isBlank(v)) return rule.required ? fail('must not be blank', v) : { ok: true, value: '' };
  const text = typeof v === 'string' ? v.trim() : isDateCell(v) ? v.text : String(v);
  if (rule.maxLength !== undefined && text.length > rule.maxLength) return fail(`must be at most ${rule.maxLength} characters`, v);
  return { ok: true, value: text };
}

/** A whole number (our hidden row ids); blank reads as null. */
export function readInt(v: RawValue | undefined, rule: { min?: number } = {}): CellRead {
  if (isProblem(v)) return problemRead(v);
  if (isDateCell(v)) return fail('must be a whole number, not a date', v);
  if (isBlank(v)) return { ok: true, value: null };
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) return fail('must be a whole number', v);
  if (rule.min !== undefined && n < rule.min) return fail(`must be at least ${rule.min}`, v);
  return { ok: true, value: n };
}

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoOf(y: number, m: number, d: number): string | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return dt.toISOString().slice(0, 10);
}

/**
 * A date as `YYYY-MM-DD`: from a date cell or an Excel serial number (in the workbook's 1900
 * or 1904 system), UK `dd/mm/yyyy` text, or ISO text.
 */
export function readDate(v: RawValue | undefined, options: { date1904: boolean; optional?: boolean }): CellRead {
  if (isProblem(v)) return problemRead(v);
  if (isBlank(v)) return options.optional ? { ok: true, value: null } : fail('must be a date (blank is not allowed)', v);
  if (typeof v === 'number' || isDateCell(v)) {
    const serial = typeof v === 'number' ? v : v.date;
    if (!Number.isFinite(serial) || serial < (options.date1904 ? 0 : 1) || serial > LAST_SERIAL) return fail('must be a date', v);
    return { ok: true, value: serialDay(Math.floor(serial), options.date1904).toISOString().slice(0, 10) };
  }
  if (typeof v !== 'string') return fail('must be a date', v);
  const t = v.trim();
  const uk = UK_DATE.exec(t);
  const iso = uk
    ? isoOf(Number(uk[3]), Number(uk[2]), Number(uk[1]))
    : ISO_DATE.test(t)
      ? isoOf(Number(t.slice(0, 4)), Number(t.slice(5, 7)), Number(t.slice(8, 10)))
      : null;
  return iso ? { ok: true, value: iso } : fail('must be a date written dd/mm/yyyy', v);
}

/**
 * One of a list (s251 codes, provision groups), matched without regard to case; or a word
 * another system uses for one of its values (`words`, by lower-case text, spaces collapsed).
 */
export function readListValue(
  v: RawValue | undefined,
  allowed: readonly string[],
  rule: { required?: boolean; listName: string; words?: Record<string, string> },
): CellRead {
  const text = readText(v, { required: rule.required });
  if (!text.ok || text.value === '') return text;
  const lower = String(text.value).toLowerCase();
  const hit = allowed.find((a) => a.toLowerCase() === lower);
  if (hit !== undefined) return { ok: true, value: hit };
  const meant = rule.words?.[lower.replace(/\s+/g, ' ')];
  if (meant !== undefined && allowed.includes(meant)) return { ok: true, value: meant };
  return fail(
    rule.words
      ? `must be one of the ${rule.listName} in the list (${allowed.join(', ')}), or a word another system uses for one`
      : `must be one of the ${rule.listName} in the list`,
    v,
  );
}

export interface RangeRule {
  /** Blank reads as null rather than an error. */
  optional?: boolean;
  nonNegative?: boolean;
  /** In the stored unit: basis points for a percentage. */
  minValue?: number;
  maxValue?: number;
}

/** A percentage as people read it: 350 basis points is "3.5%", -1250 is "-12.5%". */
export function percentText(bp: number): string {
  return `${(bp / 100).toLocaleString('en-GB', { maximumFractionDigits: 2 })}%`;
}

const PERCENT_TEXT = /^([+-])?\s*((?:\d{1,3}(?:,\d{3})+|\d{1,7})(?:\.\d{1,2})?|\.\d{1,2})\s*%$/;

/**
 * A percentage, as whole basis points (350 = 3.5%). Cells are untrusted, so the rule is the one
 * Excel shows: our percent columns carry a 0.00% format, so a number is a fraction (0.035 is
 * 3.5%; a bare 3.5 shows, and is read, as 350%, which the column's range or its confirmation
 * then catches). A number is rounded to the basis point its format shows, as money is rounded
 * to the penny. Text must carry its % sign ("3.5%", "-2.25 %"): "3.5" on its own could mean
 * either, so it is refused, as is more than two decimals ("3.456%", a slip), a date or TRUE/FALSE.
 */
export function readPercent(v: RawValue | undefined, rule: RangeRule = {}): CellRead {
  if (isProblem(v)) return problemRead(v);
  if (isDateCell(v)) return fail('must be a percentage, not a date', v);
  if (isBlank(v)) return rule.optional ? { ok: true, value: null } : fail('must be a percentage (blank is not allowed)', v);
  let bp: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Math.abs(v) > 1e7) return fail('must be a percentage, such as 3.5%', v);
    bp = Math.round(v * 10_000);
  } else if (typeof v === 'string') {
    const m = PERCENT_TEXT.exec(v.trim());
    if (!m) return fail('must be a percentage, such as 3.5% or -2.25%', v);
    // Whole hundredths of a percent from the digits, so no float noise creeps in.
    const [whole, frac = ''] = m[2]!.replace(/,/g, '').split('.');
    bp = Number(whole || '0') * 100 + Number(frac.padEnd(2, '0'));
    if (m[1] === '-') bp = -bp;
  } else return fail('must be a percentage, such as 3.5%', v);
  return inRange(Object.is(bp, -0) ? 0 : bp, v, rule, percentText);
}

const NUMBER_TEXT = /^([+-])?\s*(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,4}))?$/;

/**
 * A decimal to at most four places: a count of children or places, a KPI value. A number cell
 * is rounded to four places (a formula's saved value carries float noise); text may have
 * thousands commas ("1,250.5") but not more than four decimals, a % sign or a £.
 */
export function readNumber(v: RawValue | undefined, rule: RangeRule = {}): CellRead {
  if (isProblem(v)) return problemRead(v);
  if (isDateCell(v)) return fail('must be a number, not a date', v);
  if (isBlank(v)) return rule.optional ? { ok: true, value: null } : fail('must be a number (blank is not allowed)', v);
  let n: number;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail('must be a number', v);
    n = Math.round(v * 10_000) / 10_000;
  } else if (typeof v === 'string') {
    const t = v.trim();
    const m = NUMBER_TEXT.exec(t);
    if (!m || (m[2] === undefined && m[3] === undefined)) return fail('must be a number, such as 1250 or 12.5, with at most four decimal places', v);
    n = Number(`${m[1] ?? ''}${(m[2] ?? '0').replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`);
  } else return fail('must be a number', v);
  if (Math.abs(n) > 1e12) return fail('is too large a number', v);
  return inRange(Object.is(n, -0) ? 0 : n, v, rule, (x) => x.toLocaleString('en-GB', { maximumFractionDigits: 4 }));
}

function inRange(value: number, v: RawValue | undefined, rule: RangeRule, text: (x: number) => string): CellRead {
  if (rule.nonNegative && value < 0) return fail('must not be negative', v);
  const { minValue: lo, maxValue: hi } = rule;
  if (lo !== undefined && hi !== undefined && (value < lo || value > hi)) return fail(`must be between ${text(lo)} and ${text(hi)}`, v);
  if (lo !== undefined && value < lo) return fail(`must be at least ${text(lo)}`, v);
  if (hi !== undefined && value > hi) return fail(`must be at most ${text(hi)}`, v);
  return { ok: true, value };
}
