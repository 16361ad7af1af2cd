/**
 * Shared by the benchmark's parent and its child processes: where the files are and what a
 * child reports back.
 */
import { join } from 'node:path';

export const ROWS = 100_000;
export const YEAR = '2026-27';
export const PERIOD = 7;
export const SCOPE = { year: YEAR, period: PERIOD };

/** Every file the benchmark makes lives in one folder, named here. */
export function benchFiles(dir: string) {
  return {
    dir,
    /** The workspace after setup; each measurement works on its own copy. */
    baseDb: join(dir, 'base.hnb'),
    /** Our export, made once in setup: the source for the edited files. */
    setupExport: join(dir, 'setup-export.xlsx'),
    /** The 12 cell values of every data row as our export writes them, for the bare writer. */
    values: join(dir, 'values.json'),
    /** Our export with 10% of rows edited (forecast on every 10th row, commentary on every 50th). */
    edited: join(dir, 'edited-10pct.xlsx'),
    /** Our export with every row's forecast edited: the worst case. */
    editedAll: join(dir, 'edited-all.xlsx'),
  };
}

/** What a measuring child sends its parent. Seconds cover the operation only. */
export interface Measurement {
  op: string;
  seconds: number;
  /** Peak resident set of the child process, in MB (process.resourceUsage().maxRSS). */
  peakMb: number;
  /** Sub-timings and counts worth printing. */
  detail?: Record<string, number | string>;
}

export function peakMb(): number {
  // maxRSS is in kilobytes on Linux, macOS (node normalises it) and Windows.
  return process.resourceUsage().maxRSS / 1024;
}

export const mb = (bytes: number) => bytes / (1024 * 1024);
