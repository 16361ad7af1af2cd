import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, migrationStatus, readAppliedMigrations } from '../../db/migrate';
import { embeddedMigrations } from '../../db/migrations/embedded';
import { renderEmbeddedMigrations } from '../../db/scripts/render-embedded';
import { tempDir } from '../support/workspace';

const root = join(__dirname, '..', '..');
const folder = join(root, 'db', 'migrations');
let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});

describe('the committed migrations', () => {
  it('are embedded exactly as drizzle-kit wrote them', () => {
    expect(readFileSync(join(folder, 'embedded.ts'), 'utf8')).toBe(renderEmbeddedMigrations(folder));
  });

  it('match the schema in code: drizzle-kit finds nothing new to generate', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const out = join(t.dir, 'migrations');
    cpSync(folder, out, { recursive: true });
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules', 'drizzle-kit', 'bin.cjs'),
        'generate',
        '--dialect',
        'sqlite',
        '--schema',
        join(root, 'db', 'schema', 'index.ts'),
        '--out',
        relative(root, out),
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/No schema changes/);
    expect(readdirSync(out).filter((f) => f.endsWith('.sql'))).toEqual(readdirSync(folder).filter((f) => f.endsWith('.sql')));
  });

  it('each have a test of their own against a seeded database', () => {
    const tests = readdirSync(join(__dirname, 'migrations'));
    for (const m of embeddedMigrations) expect(tests, `test/db/migrations/${m.tag}.test.ts`).toContain(`${m.tag}.test.ts`);
  });

  it('are in date order, so "newer than the last applied" is well defined', () => {
    const whens = embeddedMigrations.map((m) => m.when);
    expect([...whens].sort((a, b) => a - b)).toEqual(whens);
  });
});

describe('applyMigrations', () => {
  function db() {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const sqlite = new Database(join(t.dir, 'x.sqlite'));
    sqlite.pragma('foreign_keys = ON');
    cleanups.push(() => sqlite.close());
    return sqlite;
  }
  const parentChild = {
    tag: '0000_parent_child',
    when: 1,
    sql: 'CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n--> statement-breakpoint\nCREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parent(id) ON DELETE CASCADE);',
  };
  // The shape drizzle-kit generates when a column changes: copy, drop, rename.
  const rebuildParent = {
    tag: '0001_rebuild_parent',
    when: 2,
    sql: [
      "CREATE TABLE __new_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT '');",
      "INSERT INTO __new_parent (id, name) SELECT id, coalesce(name, '') FROM parent;",
      'DROP TABLE parent;',
      'ALTER TABLE __new_parent RENAME TO parent;',
    ].join('\n--> statement-breakpoint\n'),
  };

  it('keeps child rows through a table rebuild (foreign keys are off around it)', () => {
    const sqlite = db();
    applyMigrations(sqlite, [parentChild]);
    sqlite.exec("INSERT INTO parent VALUES (1, 'a'), (2, NULL); INSERT INTO child VALUES (10, 1), (11, 2), (12, 2);");
    expect(applyMigrations(sqlite, [parentChild, rebuildParent])).toEqual(['0001_rebuild_parent']);
    expect(sqlite.prepare('SELECT count(*) AS n FROM child').get()).toEqual({ n: 3 });
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('user_version', { simple: true })).toBe(2);
  });

  it('rolls back a migration that would leave broken references, and records nothing', () => {
    const sqlite = db();
    applyMigrations(sqlite, [parentChild]);
    sqlite.exec("INSERT INTO parent VALUES (1, 'a'); INSERT INTO child VALUES (10, 1);");
    const breaking = { tag: '0001_breaks', when: 2, sql: 'DELETE FROM parent;' };
    expect(() => applyMigrations(sqlite, [parentChild, breaking])).toThrow(/broken foreign key/);
    expect(sqlite.prepare('SELECT count(*) AS n FROM parent').get()).toEqual({ n: 1 });
    expect(readAppliedMigrations(sqlite)).toHaveLength(1);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('tells current, pending, newer and diverged files apart', () => {
    const sqlite = db();
    applyMigrations(sqlite, [parentChild]);
    const applied = readAppliedMigrations(sqlite);
    expect(migrationStatus(applied, [parentChild]).state).toBe('current');
    expect(migrationStatus(applied, [parentChild, rebuildParent]).state).toBe('pending');
    expect(migrationStatus(applied, []).state).toBe('newer');
    expect(migrationStatus(applied, [{ ...parentChild, sql: 'SELECT 1;' }]).state).toBe('diverged');
    expect(existsSync(':memory:')).toBe(false);
  });
});
