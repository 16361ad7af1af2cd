import { parseMoney } from '../../../../electron/shared/money';
import { isYearId } from '../../../../electron/shared/periods';
import { penceToFieldText } from '../../../../renderer/src/grid/MoneyEditor';

/** What a typed field means, or why it means nothing yet. */
export type Read<T> = { value: T; error: null } | { value: null; error: string };

/** Pounds as typed (£1,234, 1234.56, (1,234)); blank is `blank`. `label` leads the error. */
export function readMoney(text: string, label: string, opts: { blank: number | null; allowNegative?: boolean }): Read<number | null> {
  if (text.trim() === '') return { value: opts.blank, error: null };
  const p = parseMoney(text);
  if (!p.ok) return { value: null, error: `${label} ${p.reason}: type an amount in pounds, such as 1234.56 or £1,234` };
  if (!opts.allowNegative && p.pence < 0) return { value: null, error: `${label} must not be negative` };
  return { value: p.pence, error: null };
}

/** A plain number as typed (224, 1,250, 12.5); blank is null, or an error when `required`. */
export function readNumber(text: string, label: string, required: boolean): Read<number | null> {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return required ? { value: null, error: `${label} is needed: type a number, such as 224` } : { value: null, error: null };
  if (!/^-?\d+(\.\d+)?$/.test(t)) return { value: null, error: `${label} must be a number, such as 224 or 12.5` };
  return { value: Number(t), error: null };
}

/** A financial year as written, 2027-28. */
export function readYear(text: string): Read<string> {
  const t = text.trim();
  if (t === '') return { value: null, error: 'Year is needed: write it as a financial year, such as 2027-28' };
  if (!isYearId(t)) return { value: null, error: `Year must be a financial year such as 2027-28 (April to March), not "${t}"` };
  return { value: t, error: null };
}

/** The text a money field starts with: pounds without the sign, or blank. */
export const moneyText = (pence: number | null | undefined): string => penceToFieldText(pence ?? null);

/** A KPI value as people write it: 224, 1,250, 12.5. */
export const numberText = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : n.toLocaleString('en-GB', { maximumFractionDigits: 4 });
