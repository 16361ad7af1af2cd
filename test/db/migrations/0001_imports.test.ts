import { afterEach, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from '../../support/workspace';

let t: TestServer | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

describe('migration 0001_imports', () => {
  it('adds the import batch and column mapping tables to a seeded workspace, with their rules', async () => {
    t = await testServer({ demo: true });
    const s = t.sqlite;
    const cols = (table: string) => (s.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
    expect(cols('import_batch')).toEqual(
      expect.arrayContaining(['change_set_id', 'file_name', 'file_hash', 'scope', 'scope_label', 'added', 'changed', 'deleted']),
    );
    expect(cols('column_mapping')).toEqual(expect.arrayContaining(['name', 'kind', 'columns', 'header_row']));
    expect(s.pragma('foreign_key_check')).toEqual([]);
    expect(() => s.exec(`INSERT INTO import_batch (change_set_id, kind, file_name, file_hash, who, at) VALUES (99999, 'budget', 'f', 'h', 'w', 'a')`)).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => s.exec(`INSERT INTO column_mapping (name, kind, columns, saved_at, saved_by) VALUES ('  ', 'budget', '{}', 'a', 'w')`)).toThrow(/CHECK/);
    s.exec(`INSERT INTO column_mapping (name, kind, columns, saved_at, saved_by) VALUES ('Ledger', 'budget', '{}', 'a', 'w')`);
    expect(() => s.exec(`INSERT INTO column_mapping (name, kind, columns, saved_at, saved_by) VALUES ('Ledger', 'budget', '{}', 'a', 'w')`)).toThrow(/UNIQUE/);
  });
});
