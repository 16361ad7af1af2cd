/** How a pack names its meeting and its files. Meeting times are wall-clock Europe/London, "2026-12-10T14:00". */
import type { PackVariant } from '../words';

const dayName = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "Thursday 10 December 2026" */
export function meetingDay(startsAt: string): string {
  // Noon UTC is the same calendar day everywhere the app runs.
  return dayName.format(new Date(`${startsAt.slice(0, 10)}T12:00:00Z`)).replace(',', '');
}

/** "2.00pm", as council agendas write it. */
export function meetingTime(startsAt: string): string {
  const [h, m] = startsAt.slice(11, 16).split(':').map(Number) as [number, number];
  if (h === 12 && m === 0) return '12 noon';
  return `${((h + 11) % 12) + 1}.${String(m).padStart(2, '0')}${h < 12 ? 'am' : 'pm'}`;
}

/** "Schools-Forum-2026-12-10-pack-public": letters, digits and hyphens only, safe on every file system. */
export function packFileStem(bodyName: string, startsAt: string, variant: PackVariant, options: { supplementary?: boolean; version?: number } = {}): string {
  const body =
    bodyName
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'Meeting';
  const parts = [body, startsAt.slice(0, 10), options.supplementary ? 'supplementary-pack' : 'pack'];
  if (options.version && options.version > 1) parts.push(`v${options.version}`);
  if (variant === 'public') parts.push('public');
  return parts.join('-');
}
