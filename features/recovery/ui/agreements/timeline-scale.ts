import { yearIdFromStart } from '../../../../electron/shared/periods';

const DAY = 86_400_000;

/** An ISO day as a count of days (UTC), so spans are whole days whatever the clocks do. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY;
}

/** The financial year (April to March) a day falls in: "2026-27". */
export function yearIdOf(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return yearIdFromStart(m >= 4 ? y : y - 1);
}

export interface TimelineScale {
  /** Where a day falls across the line, 0–100 (outside it for days before or after). */
  at(day: number): number;
  /** Each financial year on the line, as a span of it. */
  years: Array<{ id: string; from: number; to: number }>;
}

/** A line of whole financial years, from the one the earliest start is in to the one the latest end is in. */
export function timelineScale(starts: string[], ends: string[]): TimelineScale {
  const first = Number(yearIdOf([...starts].sort()[0]!).slice(0, 4));
  const last = Number(yearIdOf([...ends].sort().at(-1)!).slice(0, 4));
  const from = dayNumber(`${first}-04-01`);
  const to = dayNumber(`${last + 1}-04-01`);
  const at = (day: number) => ((day - from) / (to - from)) * 100;
  const years = [];
  for (let y = first; y <= last; y++) {
    years.push({ id: yearIdFromStart(y), from: at(dayNumber(`${y}-04-01`)), to: at(dayNumber(`${y + 1}-04-01`)) });
  }
  return { at, years };
}
