/**
 * The formula allocation figure for `npm run bench` (issue 12, "Speed"): a run over 25,000
 * schools (every school in England) and 150 partnerships with 10 factors computes in ≤ 0.5 s.
 *
 * In a fresh workspace (not timed): 12 data columns, 150 area partnerships, 25,000 open schools
 * spread across them with a figure in every column (300,000 school figures), written straight to
 * the tables. Timed, each run: making a run as the screen does (createRun: today's data summed
 * per partnership, the formula, its snapshot written and audited, the results read back with the
 * check against today's data); working a draft out again after one school's figures change
 * (recalculateRun); reading a run (getRun); and the formula alone (calculateFormula, pure). Runs
 * in a child process of its own, so other phases' memory and compiled code do not colour it.
 *
 *   npx tsx scripts/bench/allocation.ts [--runs N]      on its own (run.ts runs it too, with --runs)
 */
import { resolve } from 'node:path';
import { seeded } from '../../electron/server/demo/demo-plan';
import type { Workspace } from '../../electron/server/workspace';
import { type Call, callerOf, loadAverage, type PhaseFile, phaseMain, printLoadAfter, printTimings, runChildPhase, time, withBenchServer } from './phase-kit';

export const ALLOCATION_TARGET_MS = 500;
const SCHOOLS = 25_000;
const PARTNERSHIPS = 150;
const FACTORS = 10;
const COLUMNS = 12;
const YEAR = '2026-27';

export interface AllocationReport {
  timings: Array<{ op: string; ms: number[] }>;
  schools: number;
  partnerships: number;
  factors: number;
  figures: number;
}

/** The case, written straight to the tables: setting up is not what is timed. */
function buildSchools(ws: Workspace): number[] {
  const sql = ws.db.$client;
  // Seeded, so every run of the bench works on the same figures.
  const rnd = seeded(12);
  const columnIds: number[] = [];
  sql.transaction(() => {
    for (let c = 0; c < COLUMNS; c++) {
      const key = `bench_${c}`;
      const had = sql.prepare('SELECT id FROM school_data_column WHERE key = ?').pluck().get(key) as number | undefined;
      columnIds.push(
        had ??
          Number(
            sql.prepare('INSERT INTO school_data_column (key, name, sort_order) VALUES (?, ?, ?)').run(key, `Bench column ${c}`, 1000 + c).lastInsertRowid,
          ),
      );
    }
    const parts: number[] = [];
    for (let p = 0; p < PARTNERSHIPS; p++) {
      parts.push(
        Number(
          sql.prepare("INSERT INTO partnership (name, kind) VALUES (?, 'area_inclusion')").run(`Bench partnership ${String(p + 1).padStart(3, '0')}`)
            .lastInsertRowid,
        ),
      );
    }
    const addSchool = sql.prepare("INSERT INTO school (urn, name, phase, type) VALUES (?, ?, 'primary', 'maintained')");
    const addMember = sql.prepare('INSERT INTO partnership_member (year_id, school_id, partnership_id) VALUES (?, ?, ?)');
    const addData = sql.prepare('INSERT INTO school_data (year_id, school_id, column_id, value) VALUES (?, ?, ?, ?)');
    for (let s = 0; s < SCHOOLS; s++) {
      const id = addSchool.run(200_000 + s, `Bench school ${s + 1}`).lastInsertRowid;
      addMember.run(YEAR, id, parts[s % PARTNERSHIPS]);
      const pupils = 50 + Math.floor(rnd() * 1500);
      for (const [c, col] of columnIds.entries()) {
        // Pupils, then counts and shares to four decimal places, as census and IDACI data come.
        const v = c === 0 ? pupils : Math.round(pupils * rnd() * 0.4 * 10_000) / 10_000;
        addData.run(YEAR, id, col, v);
      }
    }
  })();
  return columnIds;
}

function runInput(columnIds: number[], name: string) {
  const base = Math.floor(10_000 / FACTORS);
  return {
    year: YEAR,
    name,
    formulaPotPence: 315_555_000,
    placeRatePence: 1_000_000,
    factors: Array.from({ length: FACTORS }, (_, f) => ({
      name: `Factor ${f + 1}`,
      weightBp: f === 0 ? 10_000 - base * (FACTORS - 1) : base,
      columns: [0, 1, 2].map((k) => ({ columnId: columnIds[(f + k * 5) % COLUMNS]!, weight: k === 0 ? 1 : 0.5 + k * 0.25 })),
    })),
    places: [],
  };
}

/** Child side: builds the schools, then `runs` timed runs of each operation. */
export async function allocationChild(runs: number): Promise<AllocationReport> {
  const { calculateFormula } = await import('../../features/allocations/runs/formula');
  const { factorsOf, formulaFactors, runDataOf, runPartnershipsOf } = await import('../../features/allocations/runs/queries');
  return withBenchServer('hnb-bench-allocation-', async (server) => {
    const call: Call = callerOf(server);
    await server.openDefault();
    const ws = server.workspace!;
    const columnIds = buildSchools(ws);
    // The app's server is long-running: the first run (compiling, preparing statements) is not timed.
    const warm = await call<{ id: number }>('createRun', runInput(columnIds, 'Warm-up'));
    await call('deleteRun', { runId: warm.id });

    const create: number[] = [];
    const recalc: number[] = [];
    const read: number[] = [];
    const formula: number[] = [];
    let last: { id: number; allocations: unknown[]; formulaTotalPence: number } | null = null;
    for (let r = 0; r < runs; r++) {
      create.push(
        await time(async () => {
          last = await call('createRun', runInput(columnIds, `Bench run ${r + 1}`));
        }),
      );
      const run = last!;
      ws.db.$client
        .prepare('UPDATE school_data SET value = value + 1 WHERE school_id = (SELECT MIN(id) FROM school) AND column_id = ?')
        .run(columnIds[r % COLUMNS]);
      recalc.push(await time(() => call('recalculateRun', { runId: run.id })));
      read.push(await time(() => call('getRun', { runId: run.id })));
      const factors = formulaFactors(factorsOf(ws.db, run.id));
      const data = runDataOf(ws.db, run.id);
      const parts = runPartnershipsOf(ws.db, run.id).map((p) => ({ id: p.partnershipId, name: p.name, places: p.places, data: data.get(p.partnershipId)! }));
      formula.push(await time(() => calculateFormula({ potPence: 315_555_000, placeRatePence: 1_000_000, factors, partnerships: parts })));
    }
    const check = last! as { allocations: unknown[]; formulaTotalPence: number };
    const figures = ws.db.$client.prepare('SELECT COUNT(*) FROM school_data WHERE year_id = ?').pluck().get(YEAR) as number;
    if (check.allocations.length !== PARTNERSHIPS || check.formulaTotalPence !== 315_555_000) {
      throw new Error(`the bench run is not the issue's case: ${check.allocations.length} partnerships, formula total ${check.formulaTotalPence}`);
    }
    return {
      timings: [
        { op: 'make a run (createRun: sum, formula, snapshot, results)', ms: create },
        { op: 'work a draft out again (recalculateRun)', ms: recalc },
        { op: 'read a run (getRun, with the data check)', ms: read },
        { op: 'the formula alone (calculateFormula)', ms: formula },
      ],
      schools: SCHOOLS,
      partnerships: check.allocations.length,
      factors: FACTORS,
      figures,
    };
  });
}

const PHASE: PhaseFile = { script: resolve(__dirname, 'allocation.ts'), childFlag: '--allocation-child', name: 'allocation' };

/** Parent side: the allocation phase in a child of its own, then the figures beside the target. It never fails on a timing. */
export async function allocationBench(runs: number): Promise<void> {
  console.log(`\nFormula allocation (${runs} run(s) of each, in a fresh process; load average before: ${loadAverage()}):`);
  const report = await runChildPhase<AllocationReport>(PHASE, runs);
  if (!report) return;
  console.log(
    `  ${report.schools.toLocaleString('en-GB')} schools in ${report.partnerships} partnerships, ${report.factors} factors, ${report.figures.toLocaleString('en-GB')} school figures`,
  );
  printTimings(report.timings, ALLOCATION_TARGET_MS);
  printLoadAfter();
}

if (require.main === module) phaseMain(PHASE, allocationChild, allocationBench, 5);
