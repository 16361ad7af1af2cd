/**
 * The scope of the school workbooks: a year. The schools workbook carries each school's
 * partnership and buy-in for it; the school data workbook its figures.
 */
import { z } from 'zod';
import type { ScopeDef } from '../../../../electron/server/workbooks/engine/kind';
import { yearField } from '../../../../electron/shared/contract-kit';
import { requireYear } from '../../../years/queries';

export const schoolYearScope = z.strictObject({ year: yearField });
export type SchoolYearScope = z.output<typeof schoolYearScope>;

export function schoolYearScopeDef(what: string): ScopeDef<SchoolYearScope> {
  return {
    fields: [{ name: 'year', label: 'Year', input: 'year', required: true }],
    schema: schoolYearScope,
    check: (ws, scope) => void requireYear(ws.db, scope.year),
    label: (_ws, scope) => `${what} for ${scope.year}`,
    // Schools and their years carry no lock (schools/audit.ts): a run keeps its own copy of the data it was worked on.
    locks: () => [],
  };
}

/** "100001" for a URN as the file holds it: a number, or its digits as text. */
export const urnText = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** A URN as a school's number, or null when the text is not six digits. */
export function urnOf(v: unknown): number | null {
  const t = urnText(v);
  return /^[1-9]\d{5}$/.test(t) ? Number(t) : null;
}

export const URN_RULE = 'URN must be the six-digit unique reference number the DfE gives the school (100000 to 999999)';

/** The check every row's Year cell gets: a `_meta` edited to name another year must not move the figures there. */
export function yearProblem(
  row: { fileRow: number; id: number | null; values: Record<string, unknown> },
  year: string,
  what: string,
): [number, string, string, string] | null {
  const given = row.values.year;
  if (given === undefined) return null;
  const text = given === null ? '' : String(given).trim();
  // A spare row typed into carries no year; a row HNB Desk wrote always does.
  if (text === year || (text === '' && row.id === null)) return null;
  return [
    row.fileRow,
    'year',
    row.id !== null
      ? `every row must be for ${year}, the year this workbook is being imported for; the workbook's hidden _meta sheet and its rows disagree, so nothing is applied. Export the ${what} for the year you mean`
      : `every row must be for ${year}, the year this file is being imported for: import it for the year its Year column gives`,
    `"${text}"`,
  ];
}
