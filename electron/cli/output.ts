import type { ErrorInfo } from '../shared/errors';

/** Exit codes: 0 success; 2 invalid input, nothing written; 1 anything else. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;
/** An import with conflicts nobody chose a side for: nothing written. */
export const EXIT_CONFLICTS = 3;

const INPUT_ERRORS = new Set([
  'INVALID_INPUT',
  'NOT_FOUND',
  'CLOSED_YEAR',
  'DUPLICATE',
  'NOT_SQLITE',
  'NOT_WORKSPACE',
  'DAMAGED',
  'NEWER_VERSION',
  'NOTHING_TO_UNDO',
  'INVALID_FILE',
]);

export function exitCodeFor(error: ErrorInfo): number {
  if (error.code === 'CONFLICT') return EXIT_CONFLICTS;
  return INPUT_ERRORS.has(error.code) ? EXIT_INVALID : EXIT_FAILED;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

export function printError(io: Io, error: ErrorInfo, json: boolean): void {
  if (json) {
    io.out(JSON.stringify({ error }, null, 2));
    return;
  }
  io.err(`hnb: ${error.message}`);
  const issues = error.details?.issues ?? [];
  if (issues.length > 1) for (const i of issues) io.err(`  - ${i.message}`);
}

/**
 * A table for the terminal: each column padded to its widest cell, the columns in `right`
 * (numbers, money) to the right, every line indented two spaces and with no trailing blanks.
 */
export function textTable(header: string[], rows: string[][], right: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}
