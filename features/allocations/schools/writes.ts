/**
 * What the handlers and the school workbooks share when they write: the uniqueness rules, the
 * membership rule, and deleting a record with everything that hangs off it through the recorder
 * (so one undo brings it all back).
 */
import { and, eq, ne, type SQL, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/client';
import type { ChangeRecorder } from '../../../electron/server/audit/recorder';
import { AppError, type ErrorIssue } from '../../../electron/shared/errors';
import { partnership, partnershipMember, school, schoolBuyIn, schoolData, schoolDataColumn } from '../schema';
import { membershipOf, type PartnershipRow, type SchoolRow, schoolLabel } from './queries';
import { membershipClash } from './rules';

/** Refuses with the given problems (each a sentence); nothing has been written. */
export function refuse(issues: ErrorIssue[], code: 'INVALID_INPUT' | 'DUPLICATE' | 'NOT_FOUND' = 'INVALID_INPUT'): never {
  if (code === 'INVALID_INPUT') throw AppError.invalid(issues);
  throw new AppError(code, issues.map((i) => i.message).join(' '), { issues });
}

/** Names are matched as people read them: "North Cluster" and "north cluster " are the same. */
const sameText = (column: AnySQLiteColumn, value: string) => sql`lower(trim(${column})) = ${value.trim().toLowerCase()}`;
const except = (condition: SQL, idColumn: AnySQLiteColumn, exceptId?: number) => (exceptId === undefined ? condition : and(condition, ne(idColumn, exceptId))!);

export function refuseDuplicateUrn(db: Db, urn: number, exceptId?: number): void {
  const other = db
    .select({ name: school.name, urn: school.urn })
    .from(school)
    .where(except(eq(school.urn, urn), school.id, exceptId))
    .get();
  if (other) {
    refuse(
      [
        {
          field: 'urn',
          rule: 'each school has its own URN',
          message: `There is already a school with URN ${urn}: ${other.name}. Each school has its own URN.`,
        },
      ],
      'DUPLICATE',
    );
  }
}

export function refuseDuplicatePartnership(db: Db, name: string, exceptId?: number): void {
  const other = db
    .select({ name: partnership.name })
    .from(partnership)
    .where(except(sameText(partnership.name, name), partnership.id, exceptId))
    .get();
  if (other) {
    refuse(
      [
        {
          field: 'name',
          rule: 'partnership names must be unique',
          message: `There is already a partnership called ${other.name}: each partnership needs its own name.`,
        },
      ],
      'DUPLICATE',
    );
  }
}

export function refuseDuplicateColumn(db: Db, key: string, name: string, exceptId?: number): void {
  const issues: ErrorIssue[] = [];
  const byKey = db
    .select({ name: schoolDataColumn.name })
    .from(schoolDataColumn)
    .where(except(eq(schoolDataColumn.key, key), schoolDataColumn.id, exceptId))
    .get();
  if (byKey) issues.push({ field: 'key', rule: 'column keys must be unique', message: `The key ${key} is already used by the data column ${byKey.name}.` });
  const byName = db
    .select({ name: schoolDataColumn.name })
    .from(schoolDataColumn)
    .where(except(sameText(schoolDataColumn.name, name), schoolDataColumn.id, exceptId))
    .get();
  if (byName) issues.push({ field: 'name', rule: 'column names must be unique', message: `There is already a data column called ${byName.name}.` });
  if (issues.length) refuse(issues, 'DUPLICATE');
}

/**
 * Puts a school in a partnership for a year, or in none. A school already in another
 * partnership that year is refused, naming both, unless the caller means to move it.
 * Returns what changed, for the change's label (null: nothing did).
 */
export function placeMember(
  rec: ChangeRecorder,
  db: Db,
  year: string,
  s: Pick<SchoolRow, 'id' | 'name' | 'urn'>,
  target: Pick<PartnershipRow, 'id' | 'name'> | null,
  move: boolean,
): 'joined' | 'moved' | 'left' | null {
  const current = membershipOf(db, year, s.id);
  if (!target) {
    if (!current) return null;
    rec.delete(partnershipMember, current.id);
    return 'left';
  }
  if (current?.partnershipId === target.id) return null;
  if (current && !move) refuse([membershipClash(schoolLabel(s), year, current.partnershipName, target.name)]);
  if (current) {
    rec.update(partnershipMember, current.id, { partnershipId: target.id });
    return 'moved';
  }
  rec.insert(partnershipMember, { yearId: year, schoolId: s.id, partnershipId: target.id });
  return 'joined';
}

const idsWhere = (db: Db, table: string, where: string, ...args: unknown[]): number[] =>
  db.$client
    .prepare(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`)
    .pluck()
    .all(...args) as number[];

/** A school with its figures, memberships and buy-in decisions of every year; partnerships it leads lose their lead school. */
export function deleteSchoolRows(rec: ChangeRecorder, db: Db, id: number): void {
  for (const d of idsWhere(db, 'school_data', 'school_id = ?', id)) rec.delete(schoolData, d);
  for (const m of idsWhere(db, 'partnership_member', 'school_id = ?', id)) rec.delete(partnershipMember, m);
  for (const b of idsWhere(db, 'school_buy_in', 'school_id = ?', id)) rec.delete(schoolBuyIn, b);
  for (const p of idsWhere(db, 'partnership', 'lead_school_id = ?', id)) rec.update(partnership, p, { leadSchoolId: null });
  rec.delete(school, id);
}

/** A data column with every school's figures in it. */
export function deleteColumnRows(rec: ChangeRecorder, db: Db, id: number): void {
  for (const d of idsWhere(db, 'school_data', 'column_id = ?', id)) rec.delete(schoolData, d);
  rec.delete(schoolDataColumn, id);
}

/** A partnership with its members of every year (its clusters, runs and returns are refused before this). */
export function deletePartnershipRows(rec: ChangeRecorder, db: Db, id: number): void {
  for (const m of idsWhere(db, 'partnership_member', 'partnership_id = ?', id)) rec.delete(partnershipMember, m);
  rec.delete(partnership, id);
}
