/**
 * Reading allocation runs: their inputs, the data they were worked on (the snapshot), today's
 * data for comparison, which run counts for a year, and a run's results, always worked out from
 * the snapshot on read so a locked run never moves.
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { lockStates } from '../../../electron/server/locks/locks';
import { type EntityRef, entityRef } from '../../../electron/shared/entity-ref';
import { AppError } from '../../../electron/shared/errors';
import { allocationFactor, allocationFactorColumn, allocationRun, allocationRunPartnership, partnership, schoolDataColumn } from '../schema';
import type { AllocationRow, RunDetail, RunFactor, RunInfo } from '../types';
import { RUN_ENTITY } from '../words';
import { calculateFormula, type FormulaFactor, type FormulaResult, ROUNDING_NOTE } from './formula';

export type RunRow = typeof allocationRun.$inferSelect;

/** The lock, and the audit scope, of every row a run owns. */
export const runRef = (id: number): EntityRef => entityRef(RUN_ENTITY, id);

export function requireRun(db: Db, id: number, field = 'runId'): RunRow {
  const row = db.select().from(allocationRun).where(eq(allocationRun.id, id)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no allocation run with id ${id}: it may have been deleted.`, {
      issues: [{ field, rule: 'run must exist', message: `no allocation run ${id}` }],
    });
  }
  return row;
}

/** The runs locked now (approved, or shown in a published pack), with the reason the lock gives. */
export function lockedRuns(db: Db): Map<number, string> {
  const out = new Map<number, string>();
  for (const [id, l] of lockStates(db, RUN_ENTITY)) if (l.locked) out.set(Number(id), l.reason);
  return out;
}

export interface RunFactorRow {
  id: number;
  name: string;
  weightBp: number;
  sortOrder: number;
  columns: Array<{ id: number; columnId: number; key: string; name: string; weight: number }>;
}

export function factorsOf(db: Db, runId: number): RunFactorRow[] {
  const factors = db
    .select()
    .from(allocationFactor)
    .where(eq(allocationFactor.runId, runId))
    .orderBy(asc(allocationFactor.sortOrder), asc(allocationFactor.id))
    .all();
  const cols = db
    .select({
      id: allocationFactorColumn.id,
      factorId: allocationFactorColumn.factorId,
      columnId: allocationFactorColumn.columnId,
      weight: allocationFactorColumn.weight,
      key: schoolDataColumn.key,
      name: schoolDataColumn.name,
      sortOrder: schoolDataColumn.sortOrder,
    })
    .from(allocationFactorColumn)
    .innerJoin(schoolDataColumn, eq(schoolDataColumn.id, allocationFactorColumn.columnId))
    .where(eq(allocationFactorColumn.runId, runId))
    .orderBy(asc(schoolDataColumn.sortOrder), asc(schoolDataColumn.id))
    .all();
  return factors.map((f) => ({
    id: f.id,
    name: f.name,
    weightBp: f.weightBp,
    sortOrder: f.sortOrder,
    columns: cols.filter((c) => c.factorId === f.id).map(({ id, columnId, key, name, weight }) => ({ id, columnId, key, name, weight })),
  }));
}

export const formulaFactors = (factors: readonly RunFactorRow[]): FormulaFactor[] =>
  factors.map((f) => ({ name: f.name, weightBp: f.weightBp, columns: f.columns.map((c) => ({ columnId: c.columnId, weight: c.weight, label: c.name })) }));

/** The data columns a run's factors weigh, by id. */
export const columnIdsOf = (factors: ReadonlyArray<{ columns: ReadonlyArray<{ columnId: number }> }>): number[] => [
  ...new Set(factors.flatMap((f) => f.columns.map((c) => c.columnId))),
];

export interface RunPartnershipRow {
  id: number;
  partnershipId: number;
  name: string;
  /** Its name when the run was worked out: the tie rule's order. */
  nameAsWorked: string;
  places: number;
  schools: number;
}

/** The run's partnerships, in name order. */
export function runPartnershipsOf(db: Db, runId: number): RunPartnershipRow[] {
  return db
    .select({
      id: allocationRunPartnership.id,
      partnershipId: allocationRunPartnership.partnershipId,
      name: partnership.name,
      nameAsWorked: allocationRunPartnership.name,
      places: allocationRunPartnership.places,
      schools: allocationRunPartnership.schools,
    })
    .from(allocationRunPartnership)
    .innerJoin(partnership, eq(partnership.id, allocationRunPartnership.partnershipId))
    .where(eq(allocationRunPartnership.runId, runId))
    .all()
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Per partnership id, per column id: the ten-thousandths the run was worked on (exact: read as BigInt). */
export function runDataOf(db: Db, runId: number): Map<number, Map<number, bigint>> {
  const rows = db.$client
    .prepare('SELECT partnership_id, column_id, total_e4 FROM allocation_run_data WHERE run_id = ?')
    .safeIntegers(true)
    .raw()
    .all(runId) as Array<[bigint, bigint, bigint]>;
  const out = new Map<number, Map<number, bigint>>();
  for (const [p, c, t] of rows) {
    const m = out.get(Number(p)) ?? new Map<number, bigint>();
    out.set(Number(p), m);
    m.set(Number(c), t);
  }
  return out;
}

export interface SnapshotPartnership {
  /** Open member schools in the year, through the partnership itself or one of its clusters. */
  schools: number;
  /** Per column id, the sum of those schools' `Math.round(value × 10,000)`. */
  data: Map<number, bigint>;
}

/**
 * Today's data for a year as a run would take it: per top-level partnership (a cluster's schools
 * count towards its parent), its open member schools and their figures in the given columns.
 *
 * Summed in SQLite, which is twice as fast as carrying 300,000 figures into JavaScript. Each
 * figure is taken as ROUND(value × 10,000), whole ten-thousandths: for a figure of at least
 * nought with at most four decimal places (all the contract lets in) that is exactly
 * `Math.round(value × 10,000)`. The sums are whole numbers, read as BigInt so they stay exact.
 */
export function todaysSnapshot(db: Db, year: string, columnIds: readonly number[]): Map<number, SnapshotPartnership> {
  const out = new Map<number, SnapshotPartnership>();
  const counts = db.$client
    .prepare(
      `SELECT COALESCE(p.parent_id, p.id), COUNT(*)
         FROM partnership_member m
         JOIN school s ON s.id = m.school_id AND s.status = 'open'
         JOIN partnership p ON p.id = m.partnership_id
        WHERE m.year_id = ?
        GROUP BY 1`,
    )
    .raw()
    .all(year) as Array<[number, number]>;
  for (const [top, n] of counts) out.set(top, { schools: n, data: new Map() });
  if (columnIds.length === 0) return out;

  // Driven by the year's members (25,000 at most), each school's figures read through the data's own index.
  const sums = db.$client
    .prepare(
      `SELECT COALESCE(p.parent_id, p.id), d.column_id, SUM(CAST(ROUND(d.value * 10000) AS INTEGER))
         FROM partnership_member m
         CROSS JOIN school s ON s.id = m.school_id AND s.status = 'open'
         CROSS JOIN partnership p ON p.id = m.partnership_id
         CROSS JOIN school_data d ON d.year_id = m.year_id AND d.school_id = m.school_id
        WHERE m.year_id = ? AND d.column_id IN (SELECT value FROM json_each(?))
        GROUP BY 1, 2`,
    )
    .safeIntegers(true)
    .raw()
    .all(year, JSON.stringify(columnIds)) as Array<[bigint, bigint, bigint]>;
  for (const [top, col, total] of sums) if (total !== 0n) out.get(Number(top))?.data.set(Number(col), total);
  return out;
}

/** Whether today's data (membership, open schools, figures in the run's columns) differs from what the run was worked on. */
export function snapshotDiffers(
  db: Db,
  run: RunRow,
  columnIds: readonly number[],
  parts: readonly RunPartnershipRow[],
  data: Map<number, Map<number, bigint>>,
): boolean {
  const today = todaysSnapshot(db, run.yearId, columnIds);
  const seen = new Set<number>();
  for (const p of parts) {
    seen.add(p.partnershipId);
    const t = today.get(p.partnershipId);
    if ((t?.schools ?? 0) !== p.schools) return true;
    const was = data.get(p.partnershipId) ?? new Map<number, bigint>();
    for (const c of columnIds) if ((t?.data.get(c) ?? 0n) !== (was.get(c) ?? 0n)) return true;
  }
  for (const [id, t] of today) if (!seen.has(id) && t.schools > 0) return true;
  return false;
}

/** The run's results, worked out from its snapshot. */
export function runResult(
  factors: readonly RunFactorRow[],
  parts: readonly RunPartnershipRow[],
  data: Map<number, Map<number, bigint>>,
  run: RunRow,
): FormulaResult {
  return calculateFormula({
    potPence: run.formulaPotPence,
    placeRatePence: run.placeRatePence,
    factors: formulaFactors(factors),
    partnerships: parts.map((p) => ({ id: p.partnershipId, name: p.nameAsWorked, places: p.places, data: data.get(p.partnershipId) ?? new Map() })),
  });
}

function info(db: Db, run: RunRow, locks: Map<number, string>): RunInfo {
  const totals = db.$client
    .prepare('SELECT COUNT(*) AS n, COALESCE(SUM(places), 0) AS places FROM allocation_run_partnership WHERE run_id = ?')
    .get(run.id) as { n: number; places: number };
  const lockReason = locks.get(run.id) ?? null;
  return {
    id: run.id,
    year: run.yearId,
    name: run.name,
    formulaPotPence: run.formulaPotPence,
    placeRatePence: run.placeRatePence,
    status: run.status,
    approvedOn: run.approvedOn,
    approvedNote: run.approvedNote,
    locked: lockReason !== null,
    lockReason,
    copiedFromId: run.copiedFromId,
    calculatedAt: run.calculatedAt,
    note: run.note,
    // The formula totals always add up to the pot (a run that could not be shared is never saved).
    totalPence: run.formulaPotPence + totals.places * run.placeRatePence,
    partnerships: totals.n,
  };
}

export function runInfo(db: Db, id: number): RunInfo {
  return info(db, requireRun(db, id), lockedRuns(db));
}

/** Runs newest year first, then newest first within a year. */
export function runInfos(db: Db, year?: string): RunInfo[] {
  const q = db.select().from(allocationRun);
  const rows = (year ? q.where(eq(allocationRun.yearId, year)) : q).orderBy(desc(allocationRun.yearId), desc(allocationRun.id)).all();
  const locks = lockedRuns(db);
  return rows.map((r) => info(db, r, locks));
}

/**
 * A run with its results. `checkData: false` skips comparing it with today's data (the costly
 * part): right after a run is worked out, the two are the same.
 */
export function runDetail(db: Db, id: number, options: { checkData?: boolean } = {}): RunDetail {
  const run = requireRun(db, id);
  const factors = factorsOf(db, id);
  const parts = runPartnershipsOf(db, id);
  const data = runDataOf(db, id);
  const result = runResult(factors, parts, data, run);
  const runFactors: RunFactor[] = factors.map((f, i) => ({
    id: f.id,
    name: f.name,
    weightBp: f.weightBp,
    potPence: result.factorPotPence[i]!,
    columns: f.columns.map((c) => ({ columnId: c.columnId, key: c.key, name: c.name, weight: c.weight })),
  }));
  const allocations: AllocationRow[] = result.rows.map((r, i) => ({
    partnershipId: r.id,
    partnership: r.name,
    schools: parts[i]!.schools,
    formulaPence: r.formulaPence,
    exactFormulaPence: r.exactPence,
    byFactor: Object.fromEntries(factors.map((f, fi) => [f.name, r.byFactorPence[fi]!])),
    places: r.places,
    placesPence: r.placesPence,
    totalPence: r.totalPence,
  }));
  return {
    ...info(db, run, lockedRuns(db)),
    factors: runFactors,
    allocations,
    formulaTotalPence: result.formulaTotalPence,
    placesTotalPence: result.placesTotalPence,
    dataChanged: options.checkData === false ? false : snapshotDiffers(db, run, columnIdsOf(factors), parts, data),
    roundingNote: ROUNDING_NOTE,
  };
}

/**
 * The run that counts for a year (the returns' allocations, "last year's" in a comparison): the
 * most recently approved (by approval date, then id), else the latest made; null when the year has none.
 */
export function runForYear(db: Db, year: string): RunRow | null {
  const runs = db.select().from(allocationRun).where(eq(allocationRun.yearId, year)).all();
  if (runs.length === 0) return null;
  const approved = runs.filter((r) => r.status === 'approved');
  const pick = (rs: RunRow[], key: (r: RunRow) => string) =>
    rs.reduce((best, r) => (key(r) > key(best) || (key(r) === key(best) && r.id > best.id) ? r : best));
  return approved.length > 0 ? pick(approved, (r) => r.approvedOn ?? '') : pick(runs, () => '');
}

/**
 * Each partnership's allocation in the run that counts for a year, by partnership id (its total:
 * formula plus places), with the run; an empty map and null when the year has no run.
 */
export function allocationsForYear(db: Db, year: string): { run: RunInfo | null; byPartnership: Map<number, { totalPence: number; places: number }> } {
  const run = runForYear(db, year);
  if (!run) return { run: null, byPartnership: new Map() };
  const detail = runDetailWithoutCheck(db, run);
  return { run: detail.info, byPartnership: new Map(detail.rows.map((r) => [r.id, { totalPence: r.totalPence, places: r.places }])) };
}

/** A run's info and results, without comparing it with today's data (the costly part of `runDetail`). */
export function runDetailWithoutCheck(db: Db, run: RunRow): { info: RunInfo; rows: FormulaResult['rows'] } {
  const result = runResult(factorsOf(db, run.id), runPartnershipsOf(db, run.id), runDataOf(db, run.id), run);
  return { info: info(db, run, lockedRuns(db)), rows: result.rows };
}
