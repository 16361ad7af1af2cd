import { asc } from 'drizzle-orm';
import { provisionGroup, s251Line } from '../../db/schema';
import { periodLongLabel } from '../../electron/shared/periods';
import type { KindScope } from '../../electron/shared/workbook-types';
import { requireYear } from '../years/queries';
import type { YearLineRow } from '../monitoring/period-return';
import type { Workspace } from '../../electron/server/workspace';

/** Whether a line is one a scope covers: optionally one budget holder's or one group's. */
export function scopeFilter(scope: KindScope): (line: YearLineRow) => boolean {
  const holder = scope.holder?.trim().toLowerCase();
  return (l) => (!holder || l.holder.trim().toLowerCase() === holder) && (scope.groupId === undefined || l.groupId === scope.groupId);
}

/** Keeps the lines a scope covers. */
export function inScope<R extends YearLineRow>(rows: R[], scope: KindScope): R[] {
  if (!scope.holder?.trim() && scope.groupId === undefined) return rows;
  return rows.filter(scopeFilter(scope));
}

export function scopeSubtitle(ws: Workspace, scope: KindScope): string {
  const parts = [scope.period ? `${scope.year}, ${periodLongLabel(scope.year, scope.period)}` : scope.year];
  if (scope.holder) parts.push(`budget holder ${scope.holder}`);
  if (scope.groupId !== undefined) {
    const g = ws.db
      .select()
      .from(provisionGroup)
      .all()
      .find((x) => x.id === scope.groupId);
    parts.push(`provision type ${g?.name ?? scope.groupId}`);
  }
  return parts.join('; ');
}

export function closedReason(ws: Workspace, year: string): string | null {
  return requireYear(ws.db, year).status === 'closed'
    ? `${year} is closed, so its figures cannot change. Reopen the year, giving a reason, to import into it.`
    : null;
}

export function groupList(ws: Workspace) {
  return ws.db.select().from(provisionGroup).orderBy(asc(provisionGroup.sortOrder)).all();
}

export function s251List(ws: Workspace): string[] {
  return ws.db
    .select({ code: s251Line.code })
    .from(s251Line)
    .orderBy(asc(s251Line.sortOrder))
    .all()
    .map((r) => r.code);
}
