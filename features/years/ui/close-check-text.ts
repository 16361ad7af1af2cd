import { monthName, periodLongLabel, yearStartYear } from '../../../electron/shared/periods';
import type { YearCloseCheck } from '../../monitoring/types';

/** The calendar year a period of a financial year falls in: P10 to P12 are January to March of the next. */
const calendarYear = (yearId: string, p: number) => yearStartYear(yearId) + (p >= 10 ? 1 : 0);

/** Runs of consecutive periods: [3, 4, 8, 9, 10] is [[3, 4], [8, 10]]. */
function runs(periods: number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of periods) {
    const last = out[out.length - 1];
    if (last && p === last[1] + 1) last[1] = p;
    else out.push([p, p]);
  }
  return out;
}

/**
 * "P3, P4 (June, July 2024)"; three or more months running, "P8 to P12 (November 2026 to March
 * 2027)". The calendar year follows the last month named in it.
 */
export function periodsText(yearId: string, periods: number[]): string {
  // Two months running read better listed; three or more as a range.
  const items = runs(periods).flatMap(
    ([a, b]): Array<[number, number]> =>
      b - a >= 2
        ? [[a, b]]
        : a === b
          ? [[a, a]]
          : [
              [a, a],
              [b, b],
            ],
  );
  const codes = items.map(([a, b]) => (a === b ? `P${a}` : `P${a} to P${b}`));
  const months = items.map(([a, b], i) => {
    const next = items[i + 1];
    const endYear = calendarYear(yearId, b);
    const tail = next === undefined || calendarYear(yearId, next[0]) !== endYear ? ` ${endYear}` : '';
    if (a === b) return `${monthName(a)}${tail}`;
    const startYear = calendarYear(yearId, a);
    return `${monthName(a)}${startYear !== endYear ? ` ${startYear}` : ''} to ${monthName(b)}${tail}`;
  });
  return `${codes.join(', ')} (${months.join(', ')})`;
}

/** The warning about months nobody reported in, or null when every month has a return. */
export function missingMonthsText(check: YearCloseCheck): string | null {
  const missing = check.periodsWithoutReturns;
  if (missing.length === 0) return null;
  if (missing.length === 12) return `No line has a forecast for any month of ${check.year}: nothing has been reported for the year.`;
  return `No line has a forecast for ${periodsText(check.year, missing)}.`;
}

/** "12 lines have no forecast of their own at P12 (March 2025)". */
export function linesWithoutOutturnTitle(check: YearCloseCheck): string {
  const n = check.linesWithoutOutturn.length;
  return `${n} ${n === 1 ? 'line has' : 'lines have'} no forecast of their own at ${periodLongLabel(check.year, 12)}`;
}

/** "HN05 Top-ups: its outturn would be P9's forecast", or "…would be the revised budget". */
export function lineWithoutOutturnText(line: YearCloseCheck['linesWithoutOutturn'][number]): string {
  const outturn = line.standingFrom === null ? 'the revised budget' : `P${line.standingFrom}'s forecast`;
  return `${line.code} ${line.name}: its outturn would be ${outturn}`;
}
