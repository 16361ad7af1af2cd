/**
 * Working a run out on today's data and keeping what it was worked on: its partnerships (places,
 * schools counted) and, per partnership and data column, the sum of its open member schools'
 * figures. Every row goes through the change recorder under the run's scope, so a locked run
 * refuses here too, and an undo puts the previous snapshot back.
 *
 * `insertRun` and `calculateRun` take a recorder, so other writers (the demo authority) make
 * runs exactly as the handlers do, inside their own transaction.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { ChangeRecorder } from '../../../electron/server/audit/recorder';
import { AppError } from '../../../electron/shared/errors';
import { allocationFactor, allocationFactorColumn, allocationRun, allocationRunData, allocationRunPartnership, partnership, schoolDataColumn } from '../schema';
import type { FactorInput } from '../types';
import { calculateFormula, type FormulaFactor, type FormulaResult } from './formula';
import { columnIdsOf, factorsOf, formulaFactors, requireRun, type SnapshotPartnership, todaysSnapshot } from './queries';
import { checkFactors, checkPlaces, type RunInputs } from './rules';

interface PreparedPartnership extends SnapshotPartnership {
  partnershipId: number;
  name: string;
  places: number;
}

interface PreparedRun {
  parts: PreparedPartnership[];
  result: FormulaResult;
}

/**
 * The run as today's data would make it, worked out before anything is written, so a refusal
 * (weights, a factor with no data) leaves the workspace as it was. Its partnerships are the
 * top-level ones with an open member school in the year, and any given places.
 */
function prepare(
  db: Db,
  year: string,
  money: { formulaPotPence: number; placeRatePence: number },
  factors: FormulaFactor[],
  places: Map<number, number>,
): PreparedRun {
  const snap = todaysSnapshot(db, year, columnIdsOf(factors));
  const ids = new Set<number>(snap.keys());
  for (const [id, n] of places) if (n > 0) ids.add(id);
  const names = new Map(
    (ids.size === 0
      ? []
      : db
          .select({ id: partnership.id, name: partnership.name })
          .from(partnership)
          .where(inArray(partnership.id, [...ids]))
          .all()
    ).map((p) => [p.id, p.name] as const),
  );
  const parts = [...ids]
    .map((id) => ({
      partnershipId: id,
      name: names.get(id) ?? `Partnership ${id}`,
      places: places.get(id) ?? 0,
      schools: snap.get(id)?.schools ?? 0,
      data: snap.get(id)?.data ?? new Map<number, bigint>(),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  for (const p of parts) {
    for (const total of p.data.values()) {
      if (total > BigInt(Number.MAX_SAFE_INTEGER)) {
        throw new AppError(
          'INVALID_INPUT',
          `${p.name}'s schools' figures add up to more than the formula can hold exactly. Check the school data for ${year}: a figure may be far too large.`,
          {
            issues: [{ field: 'year', rule: 'data must be of a plausible size', message: `${p.name}'s data is too large` }],
          },
        );
      }
    }
  }
  const result = calculateFormula({
    potPence: money.formulaPotPence,
    placeRatePence: money.placeRatePence,
    factors,
    partnerships: parts.map((p) => ({ id: p.partnershipId, name: p.name, places: p.places, data: p.data })),
  });
  return { parts, result };
}

const dataKey = (p: number, c: number): string => `${p}:${c}`;

/** Writes the snapshot, changing only the rows that differ (so the history shows what moved). */
function writeSnapshot(rec: ChangeRecorder, db: Db, runId: number, parts: readonly PreparedPartnership[]): void {
  const oldParts = new Map(
    db
      .select()
      .from(allocationRunPartnership)
      .where(eq(allocationRunPartnership.runId, runId))
      .all()
      .map((r) => [r.partnershipId, r] as const),
  );
  const oldData = new Map(
    db
      .select()
      .from(allocationRunData)
      .where(eq(allocationRunData.runId, runId))
      .all()
      .map((r) => [dataKey(r.partnershipId, r.columnId), r] as const),
  );
  const keepParts = new Set<number>();
  const keepData = new Set<string>();
  for (const p of parts) {
    keepParts.add(p.partnershipId);
    const was = oldParts.get(p.partnershipId);
    if (was) rec.update(allocationRunPartnership, was.id, { name: p.name, places: p.places, schools: p.schools });
    else rec.insert(allocationRunPartnership, { runId, partnershipId: p.partnershipId, name: p.name, places: p.places, schools: p.schools });
    for (const [columnId, total] of p.data) {
      if (total === 0n) continue;
      const key = dataKey(p.partnershipId, columnId);
      keepData.add(key);
      const totalE4 = Number(total);
      const row = oldData.get(key);
      if (row) rec.update(allocationRunData, row.id, { totalE4 });
      else rec.insert(allocationRunData, { runId, partnershipId: p.partnershipId, columnId, totalE4 });
    }
  }
  for (const [key, row] of oldData) if (!keepData.has(key)) rec.delete(allocationRunData, row.id);
  for (const [id, row] of oldParts) if (!keepParts.has(id)) rec.delete(allocationRunPartnership, row.id);
}

function placesOf(db: Db, runId: number): Map<number, number> {
  return new Map(
    db
      .select({ partnershipId: allocationRunPartnership.partnershipId, places: allocationRunPartnership.places })
      .from(allocationRunPartnership)
      .where(eq(allocationRunPartnership.runId, runId))
      .all()
      .map((r) => [r.partnershipId, r.places] as const),
  );
}

/** The factors as the formula takes them, with each column's name for a refusal. */
function factorsFromInput(db: Db, factors: readonly FactorInput[]): FormulaFactor[] {
  const ids = columnIdsOf(factors);
  const names = new Map(
    (ids.length === 0
      ? []
      : db.select({ id: schoolDataColumn.id, name: schoolDataColumn.name }).from(schoolDataColumn).where(inArray(schoolDataColumn.id, ids)).all()
    ).map((c) => [c.id, c.name] as const),
  );
  return factors.map((f) => ({
    name: f.name.trim(),
    weightBp: f.weightBp,
    columns: f.columns.map((c) => ({ columnId: c.columnId, weight: c.weight, label: names.get(c.columnId) })),
  }));
}

/**
 * Works a run out again on today's school data and membership (keeping its inputs and places)
 * and writes what it was worked on. Refused, with nothing written, when the formula cannot share
 * the pot; refused by the recorder when the run is locked.
 */
export function calculateRun(rec: ChangeRecorder, db: Db, runId: number, at: string): FormulaResult {
  const run = requireRun(db, runId);
  const prepared = prepare(db, run.yearId, run, formulaFactors(factorsOf(db, runId)), placesOf(db, runId));
  writeSnapshot(rec, db, runId, prepared.parts);
  rec.update(allocationRun, runId, { calculatedAt: at });
  return prepared.result;
}

function insertFactor(rec: ChangeRecorder, runId: number, f: FactorInput, sortOrder: number): number {
  const row = rec.insert(allocationFactor, { runId, name: f.name.trim(), weightBp: f.weightBp, sortOrder });
  for (const c of f.columns) rec.insert(allocationFactorColumn, { runId, factorId: row.id, columnId: c.columnId, weight: c.weight });
  return row.id;
}

/**
 * Makes a run with its inputs and works it out on today's data. Everything is checked first;
 * returns the new run's id.
 */
export function insertRun(
  rec: ChangeRecorder,
  db: Db,
  input: RunInputs & { year: string; name: string; copiedFromId?: number | null },
  at: string,
): { id: number; result: FormulaResult } {
  checkFactors(db, input.factors);
  const places = checkPlaces(db, input.places);
  const prepared = prepare(db, input.year, input, factorsFromInput(db, input.factors), places);
  const run = rec.insert(allocationRun, {
    yearId: input.year,
    name: input.name.trim(),
    formulaPotPence: input.formulaPotPence,
    placeRatePence: input.placeRatePence,
    copiedFromId: input.copiedFromId ?? null,
    calculatedAt: at,
    note: input.note ?? '',
  });
  input.factors.forEach((f, i) => {
    insertFactor(rec, run.id, f, (i + 1) * 10);
  });
  writeSnapshot(rec, db, run.id, prepared.parts);
  return { id: run.id, result: prepared.result };
}

/**
 * Changes a draft run's inputs and works it out again on today's data. A factor kept by name
 * keeps its rows (its history shows the new weight); columns are matched by data column.
 */
export function replaceRunInputs(rec: ChangeRecorder, db: Db, runId: number, input: RunInputs & { name?: string }, at: string): FormulaResult {
  const run = requireRun(db, runId);
  checkFactors(db, input.factors);
  const places = checkPlaces(db, input.places);
  const prepared = prepare(db, run.yearId, input, factorsFromInput(db, input.factors), places);

  rec.update(allocationRun, runId, {
    name: input.name?.trim(),
    formulaPotPence: input.formulaPotPence,
    placeRatePence: input.placeRatePence,
    note: input.note,
    calculatedAt: at,
  });
  const old = factorsOf(db, runId);
  const byName = new Map(old.map((f) => [f.name.toLocaleLowerCase('en-GB'), f] as const));
  const kept = new Set<number>();
  input.factors.forEach((f, i) => {
    const was = byName.get(f.name.trim().toLocaleLowerCase('en-GB'));
    if (!was) {
      kept.add(insertFactor(rec, runId, f, (i + 1) * 10));
      return;
    }
    kept.add(was.id);
    rec.update(allocationFactor, was.id, { name: f.name.trim(), weightBp: f.weightBp, sortOrder: (i + 1) * 10 });
    const cols = new Map(was.columns.map((c) => [c.columnId, c] as const));
    for (const c of f.columns) {
      const had = cols.get(c.columnId);
      if (had) rec.update(allocationFactorColumn, had.id, { weight: c.weight });
      else rec.insert(allocationFactorColumn, { runId, factorId: was.id, columnId: c.columnId, weight: c.weight });
    }
    const wanted = new Set(f.columns.map((c) => c.columnId));
    for (const c of was.columns) if (!wanted.has(c.columnId)) rec.delete(allocationFactorColumn, c.id);
  });
  for (const f of old) {
    if (kept.has(f.id)) continue;
    for (const c of f.columns) rec.delete(allocationFactorColumn, c.id);
    rec.delete(allocationFactor, f.id);
  }
  writeSnapshot(rec, db, runId, prepared.parts);
  return prepared.result;
}

/** Deletes a run and everything it owns, row by row through the recorder, so an undo brings it all back. */
export function deleteRunRows(rec: ChangeRecorder, db: Db, runId: number): void {
  for (const r of db.select({ id: allocationRunData.id }).from(allocationRunData).where(eq(allocationRunData.runId, runId)).all())
    rec.delete(allocationRunData, r.id);
  for (const r of db.select({ id: allocationRunPartnership.id }).from(allocationRunPartnership).where(eq(allocationRunPartnership.runId, runId)).all()) {
    rec.delete(allocationRunPartnership, r.id);
  }
  for (const r of db.select({ id: allocationFactorColumn.id }).from(allocationFactorColumn).where(eq(allocationFactorColumn.runId, runId)).all()) {
    rec.delete(allocationFactorColumn, r.id);
  }
  for (const r of db.select({ id: allocationFactor.id }).from(allocationFactor).where(eq(allocationFactor.runId, runId)).all())
    rec.delete(allocationFactor, r.id);
  rec.delete(allocationRun, runId);
}
