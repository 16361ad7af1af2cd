/**
 * The checks a run's inputs pass before anything is written: a unique name in its year, data
 * columns that exist, places only for top-level partnerships, and factors whose names and columns
 * do not repeat. (Weights adding up to 100% and factors with data are the formula's own checks.)
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { AppError } from '../../../electron/shared/errors';
import { allocationRun, partnership, schoolDataColumn } from '../schema';
import type { FactorInput } from '../types';
import { lockedRuns, type RunRow } from './queries';

export interface RunInputs {
  formulaPotPence: number;
  placeRatePence: number;
  factors: FactorInput[];
  places: Array<{ partnershipId: number; places: number }>;
  note?: string;
}

function refuse(code: 'INVALID_INPUT' | 'NOT_FOUND' | 'DUPLICATE', field: string, rule: string, message: string): never {
  throw new AppError(code, message, { issues: [{ field, rule, message }] });
}

export function requireUniqueRunName(db: Db, year: string, name: string, exceptId?: number): void {
  const same = db
    .select({ id: allocationRun.id, name: allocationRun.name })
    .from(allocationRun)
    .where(exceptId === undefined ? eq(allocationRun.yearId, year) : and(eq(allocationRun.yearId, year), ne(allocationRun.id, exceptId)))
    .all()
    .find((r) => r.name.toLocaleLowerCase('en-GB') === name.trim().toLocaleLowerCase('en-GB'));
  if (same) refuse('DUPLICATE', 'name', 'must be unique in the year', `There is already a run called "${same.name}" in ${year}. Give this run another name.`);
}

/** Refuses a change to a locked run before anything is read or written (the recorder would refuse it anyway). */
export function requireDraft(db: Db, run: RunRow): void {
  const reason = lockedRuns(db).get(run.id);
  if (reason !== undefined) {
    const why = reason ? ` (${reason})` : '';
    throw new AppError(
      'LOCKED',
      `The run "${run.name}" for ${run.yearId} is locked${why}, so it cannot change. Copy it to make a new run, and change the copy.`,
      { issues: [{ field: 'runId', rule: 'must not be locked', message: `${run.name} is locked` }] },
    );
  }
}

/** The inputs' factors checked for repeats and unknown columns. */
export function checkFactors(db: Db, factors: readonly FactorInput[]): void {
  const names = new Map<string, number>();
  factors.forEach((f, i) => {
    const key = f.name.trim().toLocaleLowerCase('en-GB');
    if (names.has(key))
      refuse('INVALID_INPUT', `factors.${i}.name`, 'must be unique', `Two factors are called "${f.name.trim()}": give each factor its own name.`);
    names.set(key, i);
    const seen = new Set<number>();
    f.columns.forEach((c, ci) => {
      if (seen.has(c.columnId)) {
        refuse(
          'INVALID_INPUT',
          `factors.${i}.columns.${ci}.columnId`,
          'must not repeat',
          `The factor "${f.name.trim()}" weighs the same data column twice: list each column once.`,
        );
      }
      seen.add(c.columnId);
    });
  });
  const ids = [...new Set(factors.flatMap((f) => f.columns.map((c) => c.columnId)))];
  const known = new Set(
    ids.length === 0
      ? []
      : db
          .select({ id: schoolDataColumn.id })
          .from(schoolDataColumn)
          .where(inArray(schoolDataColumn.id, ids))
          .all()
          .map((r) => r.id),
  );
  for (const [i, f] of factors.entries()) {
    for (const [ci, c] of f.columns.entries()) {
      if (!known.has(c.columnId)) {
        refuse(
          'NOT_FOUND',
          `factors.${i}.columns.${ci}.columnId`,
          'data column must exist',
          `The factor "${f.name.trim()}" weighs a data column (id ${c.columnId}) that does not exist: it may have been deleted.`,
        );
      }
    }
  }
}

/** Places, by partnership id: only for partnerships that exist and are not clusters inside another (their schools count there). */
export function checkPlaces(db: Db, places: RunInputs['places']): Map<number, number> {
  const out = new Map<number, number>();
  const ids = places.map((p) => p.partnershipId);
  const rows = new Map((ids.length === 0 ? [] : db.select().from(partnership).where(inArray(partnership.id, ids)).all()).map((p) => [p.id, p] as const));
  const parentName = (id: number) => db.select({ name: partnership.name }).from(partnership).where(eq(partnership.id, id)).get()?.name ?? `partnership ${id}`;
  places.forEach((p, i) => {
    const row = rows.get(p.partnershipId);
    if (!row)
      refuse(
        'NOT_FOUND',
        `places.${i}.partnershipId`,
        'partnership must exist',
        `Places are given to a partnership (id ${p.partnershipId}) that does not exist: it may have been deleted.`,
      );
    if (row.parentId !== null) {
      refuse(
        'INVALID_INPUT',
        `places.${i}.partnershipId`,
        'must be a top-level partnership',
        `${row.name} is a cluster inside ${parentName(row.parentId)}, whose run allocation it shares: give the places to ${parentName(row.parentId)}.`,
      );
    }
    if (out.has(p.partnershipId))
      refuse('INVALID_INPUT', `places.${i}.partnershipId`, 'must not repeat', `${row.name} is given places twice: list each partnership once.`);
    out.set(p.partnershipId, p.places);
  });
  return out;
}
