import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { budgetLine, provisionGroup, s251Line } from './schema';

export function groupList(db: Db) {
  return db.select().from(provisionGroup).orderBy(asc(provisionGroup.sortOrder)).all();
}

export function s251List(db: Db): string[] {
  return db
    .select({ code: s251Line.code })
    .from(s251Line)
    .orderBy(asc(s251Line.sortOrder))
    .all()
    .map((r) => r.code);
}

/** The lines with these ids, in use or retired. */
export function linesById(db: Db, ids: number[]): Map<number, { id: number; code: string; active: boolean }> {
  if (ids.length === 0) return new Map();
  return new Map(
    db
      .select({ id: budgetLine.id, code: budgetLine.code, active: budgetLine.active })
      .from(budgetLine)
      .where(inArray(budgetLine.id, ids))
      .all()
      .map((l) => [l.id, l]),
  );
}
