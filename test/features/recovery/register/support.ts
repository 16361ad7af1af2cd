/** Setting up a register for the tests: workstreams, projects, and the plan rows a project can be attached to. */
import { setLock } from '../../../../electron/server/locks/locks';
import type { ProjectDetail } from '../../../../features/recovery/types';
import type { TestServer } from '../../../support/workspace';

export async function workstreamOf(t: TestServer, code = 'WS1', name = 'Inclusion in mainstream'): Promise<number> {
  const list = await t.ok('saveWorkstream', { code, name });
  return list.find((w) => w.code === code)!.id;
}

export async function projectOf(t: TestServer, workstreamId: number, code: string, extra: Record<string, unknown> = {}): Promise<ProjectDetail> {
  return t.ok('saveProject', { code, name: `Project ${code}`, workstreamId, fundingSource: 'hnb', ...extra });
}

/**
 * A plan on a base year with an unmitigated and a mitigated scenario, the project attached to the
 * mitigated one. Written straight to the tables, so the register's rules are tested on their own.
 */
export function attachToPlan(
  t: TestServer,
  projectIds: number[],
  o: { plan?: string; base?: string; horizon?: number; scenario?: string } = {},
): { planId: number; unmitigatedId: number; mitigatedId: number } {
  const db = t.sqlite;
  const base = o.base ?? '2025-26';
  if (!db.prepare('SELECT 1 FROM financial_year WHERE id = ?').get(base)) {
    const start = Number(base.slice(0, 4));
    db.prepare('INSERT INTO financial_year (id, start_date, end_date) VALUES (?, ?, ?)').run(base, `${start}-04-01`, `${start + 1}-03-31`);
  }
  const planId = Number(
    db.prepare('INSERT INTO plan (name, base_year_id, horizon_years) VALUES (?, ?, ?)').run(o.plan ?? 'Recovery plan', base, o.horizon ?? 5).lastInsertRowid,
  );
  const unmitigatedId = Number(
    db.prepare("INSERT INTO plan_scenario (plan_id, name, kind) VALUES (?, 'Unmitigated', 'unmitigated')").run(planId).lastInsertRowid,
  );
  const mitigatedId = Number(
    db.prepare("INSERT INTO plan_scenario (plan_id, name, kind, parent_id) VALUES (?, ?, 'mitigated', ?)").run(planId, o.scenario ?? 'Mitigated', unmitigatedId)
      .lastInsertRowid,
  );
  for (const id of projectIds) db.prepare('INSERT INTO plan_scenario_project (scenario_id, project_id) VALUES (?, ?)').run(mitigatedId, id);
  return { planId, unmitigatedId, mitigatedId };
}

export function lockScenario(t: TestServer, scenarioId: number, note = 'Sent to DfE'): void {
  const ws = t.server.workspace!;
  ws.write('status', `Submit scenario ${scenarioId}`, (rec) =>
    setLock(rec, ws.db, 'plan_scenario', String(scenarioId), true, note, { who: 'test.user', at: ws.actor.now().toISOString() }),
  );
}

export function agreementOf(t: TestServer, reference: string, o: { endOn?: string; extensionMonths?: number; taken?: number } = {}): number {
  const id = Number(
    t.sqlite
      .prepare(
        `INSERT INTO agreement (reference, counterparty, type, legal_basis, start_on, end_on, annual_value_pence, extensions_offered, extension_months)
         VALUES (?, 'North Area Inclusion Partnership', 'cooperation', 'pcr2015_reg12_7', '2024-04-01', ?, 78083000, 2, ?)`,
      )
      .run(reference, o.endOn ?? '2025-03-31', o.extensionMonths ?? 12).lastInsertRowid,
  );
  for (let n = 1; n <= (o.taken ?? 0); n++) {
    t.sqlite.prepare('INSERT INTO agreement_extension (agreement_id, number, taken_on) VALUES (?, ?, ?)').run(id, n, '2025-01-10');
  }
  return id;
}
