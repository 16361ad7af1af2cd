import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../db/migrate';
import { embeddedMigrations } from '../../../db/migrations/embedded';
import { STANDARD_COLUMNS, STANDARD_RETURN_CATEGORIES, STANDARD_RETURN_MEASURES } from '../../../features/allocations/schools/seed';
import { dumpTables, tempDir } from '../../support/workspace';
import { schema3Workspace } from './schema-3-workspace';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

function atSchema7() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = schema3Workspace(t.dir);
  cleanups.push(() => db.close());
  applyMigrations(db, embeddedMigrations.slice(0, 7));
  return db;
}

const ALLOCATION_TABLES = [
  'allocation_factor',
  'allocation_factor_column',
  'allocation_run',
  'allocation_run_data',
  'allocation_run_partnership',
  'partnership',
  'partnership_member',
  'partnership_return',
  'partnership_year',
  'return_category',
  'return_measure',
  'return_measure_value',
  'return_spend',
  'school',
  'school_buy_in',
  'school_data',
  'school_data_column',
];

describe('migration 0007_allocations', () => {
  it('adds the allocation tables and leaves every existing row as it was', () => {
    const db = atSchema7();
    const before = dumpTables(db);
    expect(applyMigrations(db, embeddedMigrations.slice(0, 8))).toEqual(['0007_allocations']);
    const after = dumpTables(db);
    for (const [table, rows] of Object.entries(before)) if (table !== '__drizzle_migrations') expect(after[table], table).toEqual(rows);
    for (const table of ALLOCATION_TABLES) expect(Object.keys(after), table).toContain(table);
    // Workspaces made before the feature get the standard data columns, return categories and measures too.
    expect(after.school_data_column!.map((r) => (r as Record<string, unknown>).key)).toEqual(STANDARD_COLUMNS.map((c) => c.key));
    expect(after.return_category!.map((r) => (r as Record<string, unknown>).name)).toEqual([...STANDARD_RETURN_CATEGORIES]);
    expect(after.return_measure!.map((r) => (r as Record<string, unknown>).name)).toEqual(STANDARD_RETURN_MEASURES.map((m) => m.name));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('holds the school, membership, run and return rules in the database itself', () => {
    const db = atSchema7();
    applyMigrations(db, embeddedMigrations.slice(0, 8));
    // A URN is six digits and unique; a school's type is one of the list.
    expect(() => db.exec(`INSERT INTO school (urn, name, phase, type) VALUES (12345, 'Short', 'primary', 'academy')`)).toThrow(/school_urn_range/);
    expect(() => db.exec(`INSERT INTO school (urn, name, phase, type) VALUES (123456, 'Odd', 'primary', 'free')`)).toThrow(/school_type/);
    db.exec(`INSERT INTO school (id, urn, name, phase, type) VALUES (1, 123456, 'Ash Primary', 'primary', 'academy')`);
    expect(() => db.exec(`INSERT INTO school (urn, name, phase, type) VALUES (123456, 'Again', 'primary', 'academy')`)).toThrow(/UNIQUE/);
    // Data is never negative; a column key is a plain word.
    expect(() => db.exec(`INSERT INTO school_data_column (key, name) VALUES ('Free meals', 'FSM')`)).toThrow(/school_data_column_key_form/);
    expect(() => db.exec(`INSERT INTO school_data (year_id, school_id, column_id, value) VALUES ('2026-27', 1, 1, -1)`)).toThrow(/school_data_value/);
    // One partnership per school per year; a partnership is not its own parent.
    db.exec(`INSERT INTO partnership (id, name, kind) VALUES (1, 'North AIP', 'area_inclusion'), (2, 'South AIP', 'area_inclusion')`);
    expect(() => db.exec(`UPDATE partnership SET parent_id = 1 WHERE id = 1`)).toThrow(/partnership_not_own_parent/);
    db.exec(`INSERT INTO partnership_member (year_id, school_id, partnership_id) VALUES ('2026-27', 1, 1)`);
    expect(() => db.exec(`INSERT INTO partnership_member (year_id, school_id, partnership_id) VALUES ('2026-27', 1, 2)`)).toThrow(/UNIQUE/);
    db.exec(`INSERT INTO partnership_member (year_id, school_id, partnership_id) VALUES ('2027-28', 1, 2)`);
    // A run's pot and rate are whole pounds; weights are 0–100%.
    expect(() =>
      db.exec(
        `INSERT INTO allocation_run (year_id, name, formula_pot_pence, place_rate_pence, calculated_at) VALUES ('2026-27', 'R', 315555050, 1000000, 'x')`,
      ),
    ).toThrow(/allocation_run_pot/);
    db.exec(
      `INSERT INTO allocation_run (id, year_id, name, formula_pot_pence, place_rate_pence, calculated_at) VALUES (1, '2026-27', 'R', 315555000, 1000000, 'x')`,
    );
    expect(() => db.exec(`INSERT INTO allocation_factor (run_id, name, weight_bp) VALUES (1, 'Pupils', 10001)`)).toThrow(/allocation_factor_weight/);
    // A data column a run weighs cannot be deleted from under it.
    db.exec(`INSERT INTO allocation_factor (id, run_id, name, weight_bp) VALUES (1, 1, 'Pupils', 10000)`);
    db.exec(`INSERT INTO allocation_factor_column (run_id, factor_id, column_id, weight) VALUES (1, 1, 1, 1)`);
    expect(() => db.exec(`DELETE FROM school_data_column WHERE id = 1`)).toThrow(/FOREIGN KEY/);
    // Returns: one per partnership and period; the status is one of the list.
    db.exec(`INSERT INTO partnership_return (year_id, partnership_id, period) VALUES ('2026-27', 1, 'autumn')`);
    expect(() => db.exec(`INSERT INTO partnership_return (year_id, partnership_id, period) VALUES ('2026-27', 1, 'autumn')`)).toThrow(/UNIQUE/);
    expect(() => db.exec(`INSERT INTO partnership_return (year_id, partnership_id, period, status) VALUES ('2026-27', 1, 'spring', 'lost')`)).toThrow(
      /partnership_return_status/,
    );
    expect(() => db.exec(`INSERT INTO partnership_return (year_id, partnership_id, period, places_used) VALUES ('2026-27', 1, 'summer', 2.5)`)).toThrow(
      /partnership_return_whole/,
    );
  });
});
