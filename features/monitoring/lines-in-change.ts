import { AppError, type ErrorIssue } from '../../electron/shared/errors';
import type { Workspace } from '../../electron/server/workspace';
import { linesById } from '../lines/queries';

/** Every change must name a line that exists; all unknown ones are reported together. */
export function requireLines(ws: Workspace, changes: Array<{ lineId: number }>): Map<number, { code: string }> {
  const known = linesById(ws.db, [...new Set(changes.map((c) => c.lineId))]);
  const issues: ErrorIssue[] = [];
  changes.forEach((c, i) => {
    if (!known.has(c.lineId)) {
      issues.push({
        field: `changes[${i}].lineId`,
        rule: 'budget line must exist',
        message: `changes[${i}].lineId: there is no budget line with id ${c.lineId}`,
      });
    }
  });
  if (issues.length) throw AppError.invalid(issues);
  return known;
}

/** What an undo entry says: the one change, or how many. */
export function changeLabel(what: string, count: number, first: string): string {
  return count === 1 ? `${what} ${first}` : `${what}: ${count} changes`;
}
