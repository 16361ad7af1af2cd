import { getTableColumns, getTableName, is, Table } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import * as schema from '../../../db/schema';
import { openWorkspaceDb } from '../../../db/client';
import { embeddedMigrations } from '../../../db/migrations/embedded';
import { dumpTables, testServer, type TestServer } from '../../support/workspace';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('migration 0000_foundation', () => {
  it('creates every table and column the code expects', async () => {
    t = await testServer();
    const tables = (Object.values(schema) as unknown[]).filter((v): v is Table => is(v, Table));
    expect(tables.length).toBeGreaterThanOrEqual(12);
    for (const table of tables) {
      const cols = (t.sqlite.pragma(`table_info(${getTableName(table)})`) as { name: string }[]).map((c) => c.name).sort();
      const expected = Object.values(getTableColumns(table))
        .map((c) => c.name)
        .sort();
      expect(cols, getTableName(table)).toEqual(expected);
    }
  });

  it('holds a fully seeded workspace (demo data) and keeps it intact on reopening', async () => {
    t = await testServer({ demo: true });
    const path = t.server.workspace!.path;
    const before = dumpTables(t.sqlite);
    expect((before.forecast as unknown[]).length).toBeGreaterThan(1000);
    expect(t.sqlite.pragma('foreign_key_check')).toEqual([]);
    t.server.close();

    const reopened = await openWorkspaceDb(path, { migrations: embeddedMigrations });
    try {
      expect(reopened.applied).toEqual([]);
      expect(reopened.backupPath).toBeUndefined();
      expect(dumpTables(reopened.sqlite)).toEqual(before);
    } finally {
      reopened.sqlite.close();
    }
    await t.server.openWorkspace(path);
  });

  it('enforces the rules in the database itself, not only in code', async () => {
    t = await testServer({ demo: true });
    const s = t.sqlite;
    expect(() => s.exec(`INSERT INTO financial_year (id, start_date, end_date) VALUES ('2024/25', 'x', 'y')`)).toThrow(/CHECK/);
    expect(() => s.exec(`UPDATE forecast SET period = 13 WHERE id = 1`)).toThrow(/CHECK/);
    expect(() => s.exec(`UPDATE budget SET original_pence = 1.5 WHERE id = 1`)).toThrow(/CHECK/);
    expect(() => s.exec(`UPDATE forecast SET line_id = 9999 WHERE id = 1`)).toThrow(/FOREIGN KEY/);
    expect(() =>
      s.exec(`INSERT INTO forecast (year_id, period, line_id, forecast_pence) SELECT year_id, period, line_id, 1 FROM forecast WHERE id = 1`),
    ).toThrow(/UNIQUE/);
  });
});
