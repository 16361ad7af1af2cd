/**
 * Words for a workbook kind taken from what the server says about it (KindInfo), so the wizard
 * names no kind, scope field or column itself and works for any kind a feature adds.
 */
import { periodLongLabel } from '../../../../electron/shared/periods';
import type { KindFieldInfo, KindInfo, KindScope } from '../../../../electron/shared/workbook-types';

/** The fields a workbook of this kind can supply from a file: its key, and what can be changed. */
export function mappableFields(kind: KindInfo): KindFieldInfo[] {
  return kind.fields.filter((f) => (f.editable || f.key) && f.type !== 'id');
}

/** The natural key rows are matched on (a line code), not the hidden row id. */
export function keyField(kind: KindInfo | undefined): KindFieldInfo | undefined {
  return kind?.fields.find((f) => f.field === kind.keyField);
}

/** The field that names a row to a person (a line's name). */
export function labelField(kind: KindInfo | undefined): KindFieldInfo | undefined {
  return kind?.fields.find((f) => f.field === kind.labelField);
}

/** A heading inside a sentence: "Line code" → "line code", "UPN" stays. */
export function inSentence(header: string): string {
  return /^[A-Z][a-z]/.test(header) ? header[0]!.toLowerCase() + header.slice(1) : header;
}

/** The value of the scope's year field, which periods are named from. */
export function scopeYear(kind: KindInfo | undefined, scope: KindScope): string | undefined {
  const f = kind?.scopeFields.find((x) => x.input === 'year');
  const v = f ? scope[f.name] : undefined;
  return typeof v === 'string' && v ? v : undefined;
}

/** A period as people say it: "P7 (October 2026)" when the year is known. */
export function periodText(year: string | undefined, period: number): string {
  return year ? periodLongLabel(year, period) : `P${period}`;
}

/** A scope as people say it, from the kind's own fields: "2026-27, P7 (October 2026); Budget holder J Smith". */
export function scopeText(kind: KindInfo, scope: KindScope): string {
  const year = scopeYear(kind, scope);
  const main: string[] = [];
  const rest: string[] = [];
  for (const f of kind.scopeFields) {
    const v = scope[f.name];
    if (v === undefined || v === '') continue;
    if (f.input === 'year') main.push(String(v));
    else if (f.input === 'period') main.push(periodText(year, Number(v)));
    else rest.push(`${f.label} ${v}`);
  }
  return [main.join(', '), ...rest].filter(Boolean).join('; ');
}
