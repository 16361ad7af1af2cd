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

function migrated() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const db = schema3Workspace(t.dir);
  cleanups.push(() => db.close());
  applyMigrations(db, embeddedMigrations.slice(0, 4));
  return db;
}

describe('migration 0004_whole_numbers', () => {
  it('rebuilds the money tables with whole-number rules, drops the columns the locks replaced, and keeps every row', () => {
    const db = migrated();
    const before = dumpTables(db);
    expect(applyMigrations(db, embeddedMigrations.slice(0, 5))).toEqual(['0004_whole_numbers']);
    const after = dumpTables(db);
    for (const table of ['budget', 'forecast', 'allocation', 'deficit_contribution', 'lock', 'change_set', 'budget_line'])
      expect(after[table], table).toEqual(before[table]);
    const dropped = (rows: unknown[], ...cols: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r as object).filter(([k]) => !cols.includes(k))));
    expect(after.financial_year).toEqual(dropped(before.financial_year!, 'status', 'closed_at', 'closed_by', 'status_reason'));
    expect(after.audit_entry).toEqual(dropped(before.audit_entry!, 'year_id', 'line_id', 'period'));
    expect(after.import_batch).toEqual(dropped(before.import_batch!, 'year_id', 'period'));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses half a penny and period 7.5 in the database itself, and takes negative budgets and forecasts', () => {
    const db = migrated();
    applyMigrations(db, embeddedMigrations.slice(0, 5));
    expect(() => db.exec('UPDATE forecast SET period = 7.5 WHERE id = 1')).toThrow(/CHECK constraint failed: forecast_whole_numbers/);
    expect(() => db.exec('UPDATE forecast SET forecast_pence = 100.5 WHERE id = 1')).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE forecast SET actual_pence = '12.25' WHERE id = 1")).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE budget SET revised_pence = 0.5 WHERE id = 1')).toThrow(/CHECK constraint failed: budget_whole_pence/);
    expect(() => db.exec('UPDATE allocation SET transfers_pence = 1.1 WHERE id = 1')).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE deficit_contribution SET amount_pence = 2.5 WHERE id = 1')).toThrow(/CHECK/);
    expect(() => db.exec('UPDATE financial_year SET opening_balance_pence = 0.25')).toThrow(/CHECK/);
    // Text that SQLite can store as a whole number is one.
    db.exec("UPDATE forecast SET forecast_pence = '7' WHERE id = 1");
    expect(db.prepare('SELECT forecast_pence, typeof(forecast_pence) AS t FROM forecast WHERE id = 1').get()).toEqual({ forecast_pence: 7, t: 'integer' });
    db.exec('UPDATE budget SET original_pence = -250000, revised_pence = -260000 WHERE id = 1');
    db.exec('UPDATE forecast SET forecast_pence = -1, actual_pence = -99 WHERE id = 1');
    expect(db.prepare('SELECT forecast_pence, actual_pence FROM forecast WHERE id = 1').get()).toEqual({ forecast_pence: -1, actual_pence: -99 });
  });
});
