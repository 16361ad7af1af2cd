import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../db/migrate';
import { embeddedMigrations } from '../../../db/migrations/embedded';
import { dumpTables, tempDir } from '../../support/workspace';
import { schema3Workspace } from './schema-3-workspace';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function atSchema6() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = schema3Workspace(t.dir);
  cleanups.push(() => db.close());
  applyMigrations(db, embeddedMigrations.slice(0, 6));
  return db;
}

const RECOVERY_TABLES = [
  'agreement',
  'agreement_condition',
  'agreement_extension',
  'agreement_report',
  'decision_threshold',
  'plan',
  'plan_funding_year',
  'plan_line',
  'plan_scenario',
  'plan_scenario_project',
  'project_agreement',
  'project_kpi',
  'project_milestone',
  'project_rag',
  'project_year',
  'recovery_project',
  'recovery_settings',
  'sv_agreement',
  'sv_condition',
  'sv_instalment',
  'sv_monitoring',
  'workstream',
];

describe('migration 0006_recovery', () => {
  it('adds the recovery tables, empty, and leaves every existing row as it was', () => {
    const db = atSchema6();
    const before = dumpTables(db);
    expect(applyMigrations(db, embeddedMigrations.slice(0, 7))).toEqual(['0006_recovery']);
    const after = dumpTables(db);
    for (const [table, rows] of Object.entries(before)) if (table !== '__drizzle_migrations') expect(after[table], table).toEqual(rows);
    for (const table of RECOVERY_TABLES) expect(after[table], table).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('holds the plan, register, agreement and Safety Valve rules in the database itself', () => {
    const db = atSchema6();
    applyMigrations(db, embeddedMigrations.slice(0, 7));
    const year = (db.prepare('SELECT id FROM financial_year ORDER BY id LIMIT 1').get() as { id: string }).id;
    expect(() => db.exec(`INSERT INTO plan (name, base_year_id, horizon_years) VALUES ('Short', '${year}', 4)`)).toThrow(/plan_horizon/);
    expect(() => db.exec(`INSERT INTO plan (name, base_year_id, horizon_years) VALUES ('Nowhere', '1999-00', 5)`)).toThrow(/FOREIGN KEY/);
    db.exec(`INSERT INTO plan (id, name, base_year_id, horizon_years) VALUES (1, 'Plan', '${year}', 5)`);
    // An unmitigated scenario has no parent; a mitigated one always has one.
    expect(() => db.exec(`INSERT INTO plan_scenario (plan_id, name, kind, parent_id) VALUES (1, 'U', 'unmitigated', 1)`)).toThrow(/plan_scenario_parent_rule/);
    expect(() => db.exec(`INSERT INTO plan_scenario (plan_id, name, kind) VALUES (1, 'M', 'mitigated')`)).toThrow(/plan_scenario_parent_rule/);
    db.exec(`INSERT INTO plan_scenario (id, plan_id, name, kind) VALUES (1, 1, 'U', 'unmitigated')`);
    expect(() => db.exec(`INSERT INTO plan_scenario (plan_id, name, kind) VALUES (1, 'U', 'unmitigated')`)).toThrow(/UNIQUE/);
    // Activity lines need a count; growth stays in range; pence stay whole.
    expect(() =>
      db.exec(`INSERT INTO plan_line (scenario_id, code, name, group_name, method, base_pence) VALUES (1, 'L1', 'INMSS', 'INMSS', 'activity', 100)`),
    ).toThrow(/plan_line_activity_count/);
    expect(() =>
      db.exec(
        `INSERT INTO plan_line (scenario_id, code, name, group_name, method, base_pence, cost_growth_bp) VALUES (1, 'L1', 'x', 'g', 'percent', 100, 200000)`,
      ),
    ).toThrow(/plan_line_growth/);
    expect(() => db.exec(`INSERT INTO plan_line (scenario_id, code, name, group_name, method, base_pence) VALUES (1, 'L1', 'x', 'g', 'percent', 1.5)`)).toThrow(
      /plan_line_whole/,
    );
    expect(() => db.exec(`INSERT INTO plan_funding_year (scenario_id, year_id) VALUES (1, '2026/27')`)).toThrow(/plan_funding_year_year/);
    // Agreements end on or after they start; a threshold has its start date.
    expect(() =>
      db.exec(
        `INSERT INTO agreement (reference, counterparty, type, legal_basis, start_on, end_on, annual_value_pence) VALUES ('A1', 'Cluster', 'cooperation', 'pcr2015_reg12_7', '2025-04-01', '2025-03-31', 100)`,
      ),
    ).toThrow(/agreement_dates/);
    expect(() => db.exec(`INSERT INTO decision_threshold (effective_from, key_decision_pence) VALUES (NULL, 100)`)).toThrow(/NOT NULL/);
    expect(() => db.exec(`INSERT INTO agreement_condition (agreement_id, kind, text) VALUES (1, 'underspend_return', 'Underspend returned')`)).toThrow(
      /agreement_condition_underspend|FOREIGN KEY/,
    );
    // A received instalment says how much and when; a due one holds no received amount.
    db.exec(`INSERT INTO sv_agreement (id, name, kind, signed_on, total_pence) VALUES (1, 'SV', 'safety_valve', '2023-03-01', 100)`);
    expect(() => db.exec(`INSERT INTO sv_instalment (agreement_id, year_id, expected_pence, status) VALUES (1, '2024-25', 10, 'received')`)).toThrow(
      /sv_instalment_received/,
    );
    expect(() =>
      db.exec(`INSERT INTO sv_instalment (agreement_id, year_id, expected_pence, status, received_pence) VALUES (1, '2024-25', 10, 'due', 10)`),
    ).toThrow(/sv_instalment_received/);
    expect(() => db.exec(`INSERT INTO recovery_settings (id, alert_days) VALUES (2, 30)`)).toThrow(/recovery_settings_one_row/);
  });
});
