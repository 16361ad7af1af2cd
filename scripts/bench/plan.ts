/**
 * The deficit plan figure for `npm run bench` (issue 11, "Speed"): a 10-year plan with 60
 * expenditure lines and 200 projects recalculates in ≤ 50 ms after an edit.
 *
 * In a fresh workspace (not timed): a base year with 60 budget lines, budgets and a P6 forecast,
 * a 10-year plan from it (half its lines children or places × cost), and 200 HNB-funded and
 * other projects, each with ten years of costs and savings, attached to the mitigated scenario.
 * Timed, each run: an edit as the screens make it, then the mitigated scenario's result the
 * screen reads next (getPlanResult): a growth figure on a line, a year's funding, a project's
 * savings in the register; and the result alone (computePlanResult). Runs in a child process
 * of its own, so other phases' memory and compiled code do not colour it.
 *
 *   npx tsx scripts/bench/plan.ts [--runs N]      on its own (run.ts runs it too, with --runs)
 */
import { resolve } from 'node:path';
import type { Workspace } from '../../electron/server/workspace';
import { type Call, callerOf, loadAverage, type PhaseFile, phaseMain, printLoadAfter, printTimings, runChildPhase, time, withBenchServer } from './phase-kit';

export const PLAN_TARGET_MS = 50;
const LINES = 60;
const PROJECTS = 200;
const HORIZON = 10;
const BASE_YEAR = '2025-26';

export interface PlanTiming {
  op: string;
  ms: number[];
}

export interface PlanReport {
  timings: PlanTiming[];
  lines: number;
  projects: number;
  years: number;
}

export interface BenchPlan {
  years: string[];
  unmitigatedId: number;
  mitigatedId: number;
  lines: Array<{ id: number; code: string; name: string; groupName: string }>;
  projectIds: number[];
}

/** The case in an open workspace: a base year of 60 lines, a 10-year plan from it, 200 projects attached to its mitigated scenario. */
export async function buildBenchPlan(call: Call, ws: Workspace): Promise<BenchPlan> {
  await call('createYear', { year: BASE_YEAR, openingBalancePence: -2_000_000_000 });
  await call('saveAllocation', { year: BASE_YEAR, block: 'hnb', allocationPence: 9_000_000_000, deductionsPence: 0, adjustmentsPence: 0, transfersPence: 0 });
  const groups = await call<Array<{ id: number }>>('listGroups', {});
  const have = await call<Array<{ id: number }>>('listLines', {});
  for (let i = have.length; i < LINES; i++) {
    await call('saveLine', { code: `BL${i}`, name: `Bench line ${i}`, s251Code: null, groupId: groups[i % groups.length]!.id, holder: '', active: true });
  }
  const lines = await call<Array<{ id: number }>>('listLines', {});
  const changes = lines.map((l, i) => ({ lineId: l.id, originalPence: 100_000_000 + i * 1_234_567, revisedPence: 100_000_000 + i * 1_234_567 }));
  await call('setBudgets', { year: BASE_YEAR, changes });
  await call('setForecasts', { year: BASE_YEAR, period: 6, changes: changes.map((c) => ({ lineId: c.lineId, forecastPence: c.revisedPence + 5_000_000 })) });

  const plan = await call<{ id: number; years: string[]; scenarios: Array<{ id: number; kind: string }> }>('createPlan', {
    name: 'Bench plan',
    baseYear: BASE_YEAR,
    horizonYears: HORIZON,
  });
  const u = plan.scenarios.find((s) => s.kind === 'unmitigated')!;
  const m = plan.scenarios.find((s) => s.kind === 'mitigated')!;
  const planLines = (await call<{ lines: BenchPlan['lines'] }>('getAssumptions', { scenarioId: u.id })).lines;
  for (const [i, l] of planLines.entries()) {
    const activity = i % 2 === 0;
    await call('savePlanLine', {
      scenarioId: u.id,
      id: l.id,
      code: l.code,
      name: l.name,
      groupName: l.groupName,
      method: activity ? 'activity' : 'percent',
      baseCount: activity ? 40 + i : null,
      countGrowthBp: activity ? 350 : 0,
      costGrowthBp: 200 + (i % 5) * 25,
    });
  }
  for (const [i, year] of plan.years.entries()) await call('saveFundingYear', { scenarioId: u.id, year, growthBp: 150 + i * 10, transfersPence: 50_000_000 });

  // The register: written straight to its tables (setting up is not what is timed), then attached as the screens do.
  const sql = ws.db.$client;
  sql.transaction(() => {
    for (let w = 1; w <= 5; w++) sql.prepare('INSERT INTO workstream (code, name) VALUES (?, ?)').run(`W${w}`, `Workstream ${w}`);
    const addProject = sql.prepare('INSERT INTO recovery_project (code, name, workstream_id, funding_source) VALUES (?, ?, ?, ?)');
    const addYear = sql.prepare(
      'INSERT INTO project_year (project_id, year_id, cost_pence, target_saving_pence, delivered_saving_pence) VALUES (?, ?, ?, ?, ?)',
    );
    for (let p = 1; p <= PROJECTS; p++) {
      const id = addProject.run(`P${String(p).padStart(3, '0')}`, `Project ${p}`, (p % 5) + 1, p % 3 === 0 ? 'transformation_reserve' : 'hnb').lastInsertRowid;
      plan.years.forEach((y, i) => {
        addYear.run(id, y, i < 2 ? 100_000 * p : 0, i >= 1 ? 150_000 * p : 0, i < 3 ? 120_000 * p : null);
      });
    }
  })();
  const projectIds = sql.prepare('SELECT id FROM recovery_project ORDER BY id').pluck().all() as number[];
  for (const projectId of projectIds) await call('attachProject', { scenarioId: m.id, projectId });
  return { years: plan.years, unmitigatedId: u.id, mitigatedId: m.id, lines: planLines, projectIds };
}

/** Child side: builds the plan, then `runs` timed runs of each edit and recalculation. */
export async function planChild(runs: number): Promise<PlanReport> {
  const { computePlanResult } = await import('../../features/recovery/plan/queries');
  return withBenchServer('hnb-bench-plan-', async (server) => {
    const call = callerOf(server);
    await server.openDefault();
    const ws = server.workspace!;
    const plan = await buildBenchPlan(call, ws);
    const u = { id: plan.unmitigatedId };
    const m = { id: plan.mitigatedId };
    const planLines = plan.lines;
    const projectIds = plan.projectIds;
    const result = () => call<{ years: unknown[] }>('getPlanResult', { scenarioId: m.id });
    // The app's server is long-running: the first recalculation (compiling, preparing statements) is not timed.
    await result();
    const lineEdit: number[] = [];
    const fundingEdit: number[] = [];
    const projectEdit: number[] = [];
    const alone: number[] = [];
    const line = planLines[1]!;
    for (let r = 0; r < runs; r++) {
      lineEdit.push(
        await time(async () => {
          await call('savePlanLine', {
            scenarioId: u.id,
            id: line.id,
            code: line.code,
            name: line.name,
            groupName: line.groupName,
            method: 'percent',
            countGrowthBp: 0,
            costGrowthBp: 300 + r,
          });
          await result();
        }),
      );
      fundingEdit.push(
        await time(async () => {
          await call('saveFundingYear', { scenarioId: u.id, year: plan.years[3], growthBp: 200 + r });
          await result();
        }),
      );
      projectEdit.push(
        await time(async () => {
          await call('saveProjectYear', {
            projectId: projectIds[r % projectIds.length],
            year: plan.years[4],
            costPence: 0,
            targetSavingPence: 1_000_000 + r,
            deliveredSavingPence: null,
          });
          await result();
        }),
      );
      alone.push(await time(() => computePlanResult(ws.db, m.id)));
    }
    const check = computePlanResult(ws.db, m.id);
    if (check.years.length !== HORIZON || check.projects.length !== PROJECTS || check.lines.length !== LINES) {
      throw new Error(`the bench plan is not the issue's case: ${check.years.length} years, ${check.lines.length} lines, ${check.projects.length} projects`);
    }
    return {
      timings: [
        { op: 'edit a line’s growth, then the result', ms: lineEdit },
        { op: 'edit a year’s funding, then the result', ms: fundingEdit },
        { op: 'edit a project’s savings, then the result', ms: projectEdit },
        { op: 'the result alone (computePlanResult)', ms: alone },
      ],
      lines: check.lines.length,
      projects: check.projects.length,
      years: check.years.length,
    };
  });
}

const PHASE: PhaseFile = { script: resolve(__dirname, 'plan.ts'), childFlag: '--plan-child', name: 'plan' };

/** Parent side: the plan phase in a child of its own, then the figures beside the target. It never fails on a timing. */
export async function planBench(runs: number): Promise<void> {
  console.log(`\nDeficit plan (${runs} run(s) of each, in a fresh process; load average before: ${loadAverage()}):`);
  const report = await runChildPhase<PlanReport>(PHASE, runs);
  if (!report) return;
  console.log(`  ${report.years}-year plan, ${report.lines} expenditure lines, ${report.projects} projects attached to the mitigated scenario`);
  printTimings(report.timings, PLAN_TARGET_MS);
  printLoadAfter();
}

if (require.main === module) phaseMain(PHASE, planChild, planBench, 10);
