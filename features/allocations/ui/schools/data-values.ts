import { DATA_DECIMALS, MAX_DATA_VALUE } from '../../words';

export type DataParse = { ok: true; value: number | null } | { ok: false; reason: string };

const NUMBER_TEXT = /^-?(\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A school's figure as typed: "1,234", "412.5" or blank (no figure). Negative, more than four
 * decimal places or not a number is refused here in words, as the server would refuse it.
 */
export function parseDataValue(input: string, label: string): DataParse {
  const text = input.replace(/[\s\u00a0,]/g, '').replace(/^\u2212/, '-');
  if (text === '') return { ok: true, value: null };
  if (!NUMBER_TEXT.test(text)) return { ok: false, reason: `${label}: "${input.trim()}" is not a number` };
  const value = Number(text);
  if (value < 0) return { ok: false, reason: `${label} must not be negative` };
  if ((text.split('.')[1] ?? '').replace(/0+$/, '').length > DATA_DECIMALS)
    return { ok: false, reason: `${label} must have at most ${DATA_DECIMALS} decimal places` };
  if (value > MAX_DATA_VALUE) return { ok: false, reason: `${label} is too large` };
  return { ok: true, value };
}

const FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: DATA_DECIMALS });

/** 1234.5 → "1,234.5"; no figure → "". */
export const dataText = (v: number | null | undefined): string => (typeof v === 'number' ? FORMAT.format(v) : '');

/** A figure as it starts in a field: no grouping, so it reads back as typed. */
export const dataFieldText = (v: number | null | undefined): string => (typeof v === 'number' ? String(v) : '');
