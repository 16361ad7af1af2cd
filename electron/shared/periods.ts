/** Financial years run 1 April to 31 March and are written "2024-25"; periods P1 (April) to P12 (March). */

export const PERIODS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
export type Period = (typeof PERIODS)[number];

const MONTHS = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January', 'February', 'March'];

export const YEAR_PATTERN = /^(\d{4})-(\d{2})$/;

/** True for "2024-25" where 25 follows 2024; false for "2024-26" or "2024/25". */
export function isYearId(text: string): boolean {
  const m = YEAR_PATTERN.exec(text);
  if (!m) return false;
  const start = Number(m[1]);
  return (start + 1) % 100 === Number(m[2]) && start >= 2000 && start < 2100;
}

export function yearStartYear(yearId: string): number {
  return Number(yearId.slice(0, 4));
}

export function yearIdFromStart(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function previousYearId(yearId: string): string {
  return yearIdFromStart(yearStartYear(yearId) - 1);
}

export function nextYearId(yearId: string): string {
  return yearIdFromStart(yearStartYear(yearId) + 1);
}

export function yearDates(yearId: string): { start: string; end: string } {
  const y = yearStartYear(yearId);
  return { start: `${y}-04-01`, end: `${y + 1}-03-31` };
}

export function periodLabel(p: number): string {
  return `P${p}`;
}

/** "P6 (September 2024)" */
export function periodLongLabel(yearId: string, p: number): string {
  const calendarYear = yearStartYear(yearId) + (p >= 10 ? 1 : 0);
  return `P${p} (${MONTHS[p - 1]} ${calendarYear})`;
}

export function monthName(p: number): string {
  return MONTHS[p - 1] ?? '';
}

/** Accepts "P6", "p6" or "6". */
export function parsePeriod(text: string): number | undefined {
  const m = /^[Pp]?(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 12 ? n : undefined;
}
