import { yearIdFromStart, yearStartYear } from '../../../../electron/shared/periods';
import { yearIdOf } from '../agreements/timeline-scale';

export interface Quarter {
  year: string;
  quarter: number;
}

/** The first day of a quarter: Q1 April, Q2 July, Q3 October, Q4 January of the year's second calendar year. */
export function quarterStart(year: string, quarter: number): string {
  const y = yearStartYear(year);
  return [`${y}-04-01`, `${y}-07-01`, `${y}-10-01`, `${y + 1}-01-01`][quarter - 1]!;
}

/** The quarter a day falls in. */
export function quarterOf(iso: string): Quarter {
  const month = Number(iso.slice(5, 7));
  const quarter = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  return { year: yearIdOf(iso), quarter };
}

/** Every financial year from the one `from` falls in to the one `to` falls in. */
export function yearsFromTo(from: string, to: string): string[] {
  const first = yearStartYear(yearIdOf(from));
  const last = yearStartYear(yearIdOf(to));
  const out: string[] = [];
  for (let y = first; y <= last; y++) out.push(yearIdFromStart(y));
  return out;
}

/** "2026-27 Q3 (October–December)" */
export function quarterWords({ year, quarter }: Quarter): string {
  return `${year} Q${quarter} (${['April–June', 'July–September', 'October–December', 'January–March'][quarter - 1]})`;
}
