/**
 * Two runs side by side, partnership by partnership: two versions of a year's run, or a run and
 * the previous year's (the run that counts for that year: approved, else the latest).
 */
import type { Db } from '../../../db/client';
import { previousYearId } from '../../../electron/shared/periods';
import { AppError } from '../../../electron/shared/errors';
import type { RunCompare, RunCompareRow } from '../types';
import { factorsOf, requireRun, runDetailWithoutCheck, runForYear, runPartnershipsOf, type RunRow } from './queries';

interface Side {
  run: RunRow;
  factorNames: string[];
  byPartnership: Map<number, { name: string; totalPence: number; places: number; byFactor: Map<string, number> }>;
}

function side(db: Db, run: RunRow): Side & { info: ReturnType<typeof runDetailWithoutCheck>['info'] } {
  const factorNames = factorsOf(db, run.id).map((f) => f.name);
  const { info, rows } = runDetailWithoutCheck(db, run);
  const names = new Map(runPartnershipsOf(db, run.id).map((p) => [p.partnershipId, p.name] as const));
  return {
    run,
    info,
    factorNames,
    byPartnership: new Map(
      rows.map((r) => [
        r.id,
        { name: names.get(r.id) ?? r.name, totalPence: r.totalPence, places: r.places, byFactor: new Map(factorNames.map((n, i) => [n, r.byFactorPence[i]!])) },
      ]),
    ),
  };
}

/**
 * `b` against `a` (difference b − a). Without `b`, the previous year's run is put on the `a`
 * side and the given run on the `b` side, so the difference reads as this year's change.
 */
export function compareRuns(db: Db, aId: number, bId?: number): RunCompare {
  const given = requireRun(db, aId, 'a');
  let aRun: RunRow;
  let bRun: RunRow;
  if (bId === undefined) {
    const lastYear = previousYearId(given.yearId);
    const prior = runForYear(db, lastYear);
    if (!prior) {
      throw new AppError('NOT_FOUND', `There is no allocation run for ${lastYear} to compare "${given.name}" with. Choose another run to compare it with.`, {
        issues: [{ field: 'b', rule: 'last year must have a run', message: `no run for ${lastYear}` }],
      });
    }
    aRun = prior;
    bRun = given;
  } else {
    aRun = given;
    bRun = requireRun(db, bId, 'b');
  }
  const a = side(db, aRun);
  const b = side(db, bRun);
  const factorNames = [...a.factorNames, ...b.factorNames.filter((n) => !a.factorNames.includes(n))];
  const ids = new Set([...a.byPartnership.keys(), ...b.byPartnership.keys()]);
  const rows: RunCompareRow[] = [...ids]
    .map((id) => {
      const x = a.byPartnership.get(id);
      const y = b.byPartnership.get(id);
      return {
        partnershipId: id,
        partnership: (y ?? x)!.name,
        aPence: x?.totalPence ?? null,
        bPence: y?.totalPence ?? null,
        differencePence: x && y ? y.totalPence - x.totalPence : null,
        byFactor: Object.fromEntries(factorNames.map((n) => [n, { a: x?.byFactor.get(n) ?? null, b: y?.byFactor.get(n) ?? null }])),
        placesA: x?.places ?? null,
        placesB: y?.places ?? null,
      };
    })
    .sort((p, q) => p.partnership.localeCompare(q.partnership, 'en-GB'));
  return {
    a: a.info,
    b: b.info,
    rows,
    totalA: rows.reduce((s, r) => s + (r.aPence ?? 0), 0),
    totalB: rows.reduce((s, r) => s + (r.bPence ?? 0), 0),
  };
}
