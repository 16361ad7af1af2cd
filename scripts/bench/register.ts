/**
 * The recovery register figure for `npm run bench` (issue 11, "Speed"): the register screen with
 * 200 projects opens in ≤ 1 s.
 *
 * In a fresh workspace (not timed): 8 workstreams and 200 projects, each with a RAG history of
 * four assessments, six milestones, three KPIs, ten years of costs and savings, an agreement,
 * and a place in a plan's mitigated scenario. Timed, each run: the calls the register screen
 * makes as it opens (listWorkstreams and listProjects, through the server as the window calls
 * them), and listProjects alone; the first, cold call (statements not yet prepared) is shown
 * apart. Runs in a child process of its own, so other phases' memory and compiled code do not
 * colour it.
 *
 *   npx tsx scripts/bench/register.ts [--runs N]      on its own (run.ts runs it too, with --runs)
 */
import { resolve } from 'node:path';
import type { Workspace } from '../../electron/server/workspace';
import { callerOf, loadAverage, type PhaseFile, phaseMain, printTimings, runChildPhase, time, withBenchServer, printLoadAfter } from './phase-kit';

export const REGISTER_TARGET_MS = 1000;
const PROJECTS = 200;
const WORKSTREAMS = 8;
const YEARS = ['2026-27', '2027-28', '2028-29', '2029-30', '2030-31', '2031-32', '2032-33', '2033-34', '2034-35', '2035-36'];

interface RegisterTiming {
  op: string;
  ms: number[];
}

interface RegisterReport {
  timings: RegisterTiming[];
  projects: number;
}

/** The register written straight to its tables: setting up is not what is timed. */
export function buildBenchRegister(ws: Workspace): void {
  const sql = ws.db.$client;
  const run = (text: string, ...params: unknown[]) => Number(sql.prepare(text).run(...params).lastInsertRowid);
  sql.transaction(() => {
    run("INSERT INTO financial_year (id, start_date, end_date) VALUES ('2025-26', '2025-04-01', '2026-03-31')");
    const planId = run("INSERT INTO plan (name, base_year_id, horizon_years) VALUES ('Bench plan', '2025-26', 10)");
    const unmitigated = run("INSERT INTO plan_scenario (plan_id, name, kind) VALUES (?, 'Unmitigated', 'unmitigated')", planId);
    const mitigated = run("INSERT INTO plan_scenario (plan_id, name, kind, parent_id) VALUES (?, 'Mitigated', 'mitigated', ?)", planId, unmitigated);
    const agreements: number[] = [];
    for (let a = 1; a <= 20; a++) {
      agreements.push(
        run(
          `INSERT INTO agreement (reference, counterparty, type, legal_basis, start_on, end_on, annual_value_pence, extensions_offered, extension_months)
           VALUES (?, ?, 'cooperation', 'pcr2015_reg12_7', '2024-04-01', '2025-03-31', 78083000, 2, 12)`,
          `AG${a}`,
          `Cluster ${a}`,
        ),
      );
    }
    const workstreams: number[] = [];
    for (let w = 1; w <= WORKSTREAMS; w++)
      workstreams.push(run('INSERT INTO workstream (code, name, sort_order) VALUES (?, ?, ?)', `WS${w}`, `Workstream ${w}`, w * 10));
    const rag = sql.prepare('INSERT INTO project_rag (project_id, rag, reason, as_of) VALUES (?, ?, ?, ?)');
    const milestone = sql.prepare('INSERT INTO project_milestone (project_id, title, due_on, done_on, sort_order) VALUES (?, ?, ?, ?, ?)');
    const kpi = sql.prepare('INSERT INTO project_kpi (project_id, measure, baseline, baseline_on, target, latest, latest_on) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const year = sql.prepare('INSERT INTO project_year (project_id, year_id, cost_pence, target_saving_pence, delivered_saving_pence) VALUES (?, ?, ?, ?, ?)');
    const rags = ['green', 'amber', 'red'];
    for (let p = 1; p <= PROJECTS; p++) {
      const id = run(
        'INSERT INTO recovery_project (code, name, owner, workstream_id, funding_source, approved_budget_pence, spend_to_date_pence, forecast_pence, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        `P${String(p).padStart(3, '0')}`,
        `Recovery project ${p}`,
        `Owner ${p % 17}`,
        workstreams[p % WORKSTREAMS],
        p % 3 === 0 ? 'transformation_reserve' : 'hnb',
        1_000_000 * p,
        400_000 * p,
        950_000 * p,
        p * 10,
      );
      for (let r = 0; r < 4; r++) rag.run(id, rags[(p + r) % 3], `Assessment ${r + 1}`, `2025-${String(3 + r * 3).padStart(2, '0')}-15`);
      for (let m = 0; m < 6; m++) milestone.run(id, `Milestone ${m + 1}`, `2026-${String(m * 2 + 1).padStart(2, '0')}-28`, m < 2 ? '2026-01-10' : null, m * 10);
      for (let k = 0; k < 3; k++) kpi.run(id, `Measure ${k + 1}`, 200 + k, '2024-03-31', 180 + k, 210 + k, '2025-03-31');
      YEARS.forEach((y, i) => {
        year.run(id, y, i < 2 ? 100_000 * p : 0, i >= 1 ? 150_000 * p : 0, i < 3 ? 120_000 * p : null);
      });
      run('INSERT INTO project_agreement (project_id, agreement_id) VALUES (?, ?)', id, agreements[p % agreements.length]);
      run('INSERT INTO plan_scenario_project (scenario_id, project_id) VALUES (?, ?)', mitigated, id);
    }
  })();
}

/** Child side: builds the register, then `runs` timed runs of the screen's calls. */
export async function registerChild(runs: number): Promise<RegisterReport> {
  return withBenchServer('hnb-bench-register-', async (server) => {
    const call = callerOf(server);
    await server.openDefault();
    buildBenchRegister(server.workspace!);
    const open = () => Promise.all([call('listWorkstreams', {}), call<unknown[]>('listProjects', {})]);
    const cold = await time(open);
    const screen: number[] = [];
    const alone: number[] = [];
    let rows = 0;
    for (let r = 0; r < runs; r++) {
      screen.push(await time(open));
      alone.push(await time(async () => (rows = (await call<unknown[]>('listProjects', {})).length)));
    }
    if (rows !== PROJECTS) throw new Error(`the bench register is not the issue's case: listProjects gave ${rows} projects`);
    return {
      timings: [
        { op: 'open the register, first time (cold)', ms: [cold] },
        { op: 'open the register (listWorkstreams + listProjects)', ms: screen },
        { op: 'listProjects alone', ms: alone },
      ],
      projects: rows,
    };
  });
}

const PHASE: PhaseFile = { script: resolve(__dirname, 'register.ts'), childFlag: '--register-child', name: 'register' };

/** Parent side: the register phase in a child of its own, then the figures beside the target. It never fails on a timing. */
export async function registerBench(runs: number): Promise<void> {
  console.log(`\nRecovery register (${runs} run(s), in a fresh process; load average before: ${loadAverage()}):`);
  const report = await runChildPhase<RegisterReport>(PHASE, runs);
  if (!report) return;
  console.log(
    `  ${report.projects} projects in ${WORKSTREAMS} workstreams, each with RAG history, milestones, KPIs, ${YEARS.length} years and a plan scenario`,
  );
  printTimings(report.timings, REGISTER_TARGET_MS);
  printLoadAfter();
}

if (require.main === module) phaseMain(PHASE, registerChild, registerBench, 10);
