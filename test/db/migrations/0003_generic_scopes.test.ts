import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../db/migrate';
import { embeddedMigrations } from '../../../db/migrations/embedded';
import { tempDir } from '../../support/workspace';
import { schema3Workspace } from './schema-3-workspace';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('migration 0003_generic_scopes', () => {
  it('turns closed years into locks, and names each audit entry and import by its scope, keeping every row', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = schema3Workspace(t.dir);
    cleanups.push(() => db.close());
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    const before = Object.fromEntries(['forecast', 'budget', 'audit_entry', 'change_set', 'import_batch', 'allocation'].map((n) => [n, count(n)]));
    expect(applyMigrations(db, embeddedMigrations.slice(0, 4))).toEqual(['0003_generic_scopes']);
    for (const [table, n] of Object.entries(before)) expect(count(table), table).toBe(n);

    expect(db.prepare('SELECT entity, entity_id, locked, reason, changed_at, changed_by FROM lock ORDER BY entity_id').all()).toEqual([
      { entity: 'financial_year', entity_id: '2023-24', locked: 1, reason: 'Outturn agreed', changed_at: '2024-07-01T09:00:00Z', changed_by: 'closer' },
      // Reopened: no closing time of its own, so the time and person come from the audit trail.
      {
        entity: 'financial_year',
        entity_id: '2024-25',
        locked: 0,
        reason: 'Reopened for an accrual',
        changed_at: '2024-08-01T09:00:00Z',
        changed_by: 'opener',
      },
    ]);
    expect(db.prepare('SELECT entity, scope, subject, part FROM audit_entry ORDER BY id').all()).toEqual([
      { entity: 'forecast', scope: 'financial_year:2024-25', subject: 'budget_line:1', part: 'P1' },
      { entity: 'financial_year', scope: 'financial_year:2023-24', subject: null, part: null },
      { entity: 'financial_year', scope: 'financial_year:2024-25', subject: null, part: null },
      { entity: 'forecast', scope: 'financial_year:2024-25', subject: 'budget_line:1', part: 'P7' },
      { entity: 'budget_line', scope: null, subject: 'budget_line:2', part: null },
    ]);
    expect(db.prepare('SELECT scope, scope_label FROM import_batch ORDER BY id').all()).toEqual([
      { scope: '{"year":"2024-25","period":7}', scope_label: '2024-25 P7' },
      { scope: '{"year":"2025-26"}', scope_label: '2025-26' },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM forecast WHERE reviewed = 0').get()).toEqual({ n: 3 });
    expect(() => db.exec("INSERT INTO change_set (at, who, kind, label) VALUES ('a', 'b', 'redo', 'Redo: x')")).not.toThrow();
    expect(() => db.exec("INSERT INTO change_set (at, who, kind, label) VALUES ('a', 'b', 'nonsense', 'x')")).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
