import { chmodSync, readFileSync, writeFileSync, existsSync, readdirSync, truncateSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openError, openWorkspaceDb } from '../../db/client';
import { embeddedMigrations } from '../../db/migrations/embedded';
import { AppError } from '../../electron/shared/errors';
import { dumpTables, tempDir, testServer } from '../support/workspace';

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups) c();
  cleanups = [];
});
function dir() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

async function refusal(path: string, options = {}): Promise<AppError> {
  try {
    const w = await openWorkspaceDb(path, options);
    w.sqlite.close();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`${path} should have been refused`);
}

/** A real workspace with demo data, closed and checkpointed so the main file holds everything. */
async function demoFile(): Promise<string> {
  const t = await testServer({ demo: true });
  const path = t.server.workspace!.path;
  t.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  t.server.close();
  cleanups.push(() => t.close());
  return path;
}

describe('opening a workspace file', () => {
  it('creates a new file with WAL, full sync, foreign keys, a busy timeout and our application id', async () => {
    const w = await openWorkspaceDb(join(dir(), 'new.hnbdesk'), { create: true });
    try {
      expect(w.created).toBe(true);
      expect(w.applied).toEqual(embeddedMigrations.map((m) => m.tag));
      expect(w.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(w.sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(w.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(w.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(w.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    } finally {
      w.sqlite.close();
    }
  });

  it('does not create a file unless asked', async () => {
    const path = join(dir(), 'absent.hnbdesk');
    expect((await refusal(path)).code).toBe('NOT_FOUND');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a file that is not SQLite, and leaves it untouched', async () => {
    const path = join(dir(), 'budget.hnbdesk');
    writeFileSync(path, 'Code,Line,Budget\nHN01,Place funding,100\n');
    const before = readFileSync(path);
    const e = await refusal(path, { create: true });
    expect(e.code).toBe('NOT_SQLITE');
    expect(e.message).toMatch(/budget\.hnbdesk is not an HNB Desk workspace/);
    expect(readFileSync(path)).toEqual(before);
  });

  it("refuses another program's SQLite database, and leaves it untouched", async () => {
    const path = join(dir(), 'other.sqlite');
    const other = new Database(path);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'x');");
    other.close();
    const before = readFileSync(path);
    expect((await refusal(path, { create: true })).code).toBe('NOT_WORKSPACE');
    expect(readFileSync(path)).toEqual(before);
  });

  it.each([
    [
      'a damaged header',
      (p: string) => {
        const b = readFileSync(p);
        b.fill(0xff, 16, 100);
        writeFileSync(p, b);
      },
    ],
    ['a truncated file', (p: string) => truncateSync(p, Math.floor(statSync(p).size / 3))],
    [
      'scrambled pages',
      (p: string) => {
        const b = readFileSync(p);
        for (let i = 4096 * 2; i < b.length; i += 4096) b.fill(0xa5, i + 8, i + 600);
        writeFileSync(p, b);
      },
    ],
  ])('refuses a workspace with %s, and leaves it untouched', async (_what, damage) => {
    const path = await demoFile();
    damage(path);
    const before = readFileSync(path);
    const e = await refusal(path);
    expect(e.code).toBe('DAMAGED');
    expect(e.message).toMatch(/is damaged and cannot be opened .* It has not been changed/);
    expect(readFileSync(path)).toEqual(before);
  });

  it('refuses a file written by a newer version, and leaves it untouched', async () => {
    const path = await demoFile();
    const db = new Database(path);
    db.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), 9_999_999_999_999);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(path);
    const e = await refusal(path);
    expect(e.code).toBe('NEWER_VERSION');
    const known = embeddedMigrations.length;
    expect(e.message).toContain(`written by a newer version of HNB Desk (schema ${known + 1}; this version knows ${known})`);
    expect(readFileSync(path)).toEqual(before);
  });

  it('copies an existing file aside with the backup API before migrating it', async () => {
    const path = await demoFile();
    const db = new Database(path);
    const before = dumpTables(db);
    db.close();
    const next = embeddedMigrations.length + 1;
    const extra = { tag: '0001_test_note', when: embeddedMigrations.at(-1)!.when + 1, sql: 'ALTER TABLE `workspace` ADD `note` text;' };
    const w = await openWorkspaceDb(path, { migrations: [...embeddedMigrations, extra], now: () => new Date('2026-11-23T10:00:00Z') });
    try {
      expect(w.applied).toEqual(['0001_test_note']);
      expect(w.backupPath).toBe(`${path}.before-schema-${next}-20261123-100000.bak`);
      expect(readdirSync(join(path, '..'))).toContain(`workspace.hnbdesk.before-schema-${next}-20261123-100000.bak`);
      const backup = new Database(w.backupPath!, { readonly: true });
      expect(dumpTables(backup)).toEqual(before);
      backup.close();
      expect((w.sqlite.pragma('table_info(workspace)') as { name: string }[]).map((c) => c.name)).toContain('note');
    } finally {
      w.sqlite.close();
    }
  });

  it('refuses an empty (0-byte) file unless the user chose to make a workspace there, and leaves it untouched', async () => {
    const path = join(dir(), 'empty.hnbdesk');
    writeFileSync(path, '');
    const e = await refusal(path, { create: true });
    expect(e.code).toBe('NOT_WORKSPACE');
    expect(e.message).toMatch(/empty\.hnbdesk is empty \(0 bytes\), so it is not an HNB Desk workspace.*It has not been changed/);
    expect(statSync(path).size).toBe(0);
    expect(readdirSync(join(path, '..'))).toEqual(['empty.hnbdesk']);
    const w = await openWorkspaceDb(path, { create: true, explicit: true });
    expect(w.created).toBe(true);
    w.sqlite.close();
  });

  it('leaves no -wal or -shm file beside a file it refused, nor beside one it only read', async () => {
    const path = await demoFile();
    const folder = join(path, '..');
    const db = new Database(path);
    db.prepare('INSERT INTO "__drizzle_migrations" (hash, created_at) VALUES (?, ?)').run('f'.repeat(64), 9_999_999_999_999);
    db.close();
    const sides = () => readdirSync(folder).filter((f) => f.endsWith('-wal') || f.endsWith('-shm'));
    expect(sides()).toEqual([]);
    expect((await refusal(path)).code).toBe('NEWER_VERSION');
    expect(sides()).toEqual([]);
    const other = join(folder, 'other.sqlite');
    const o = new Database(other);
    o.pragma('journal_mode = WAL');
    o.exec('CREATE TABLE t (x)');
    o.close();
    expect((await refusal(other)).code).toBe('NOT_WORKSPACE');
    expect(sides()).toEqual([]);
  });

  it('refuses a file whose user_version is newer than this app, even if its migrations table says otherwise', async () => {
    const path = await demoFile();
    const db = new Database(path);
    db.pragma(`user_version = ${embeddedMigrations.length + 3}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(path);
    const e = await refusal(path);
    expect(e.code).toBe('NEWER_VERSION');
    expect(e.message).toContain(`(schema ${embeddedMigrations.length + 3}; this version knows ${embeddedMigrations.length})`);
    expect(readFileSync(path)).toEqual(before);
  });

  it('says a read-only file cannot be written to, rather than failing at the first save', async () => {
    // SQLite opens a file it may not write as read-only without a word; the open says so. (Root
    // writes whatever a file's mode says, so the refusal is held to its sentence directly too.)
    for (const code of ['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'EACCES', 'EPERM']) {
      const e = openError('/data/Authority.hnbdesk', Object.assign(new Error('x'), { code })) as AppError;
      expect(e.code, code).toBe('READ_ONLY');
      expect(e.message).toBe(
        'Authority.hnbdesk cannot be written to (it is read-only, or in a folder HNB Desk may not change), so it was not opened. Copy it to a folder you can write to, or ask for write access, and open the copy.',
      );
    }
    expect(openError('/x', new Error('other'))).toBeInstanceOf(Error);
    const path = await demoFile();
    chmodSync(path, 0o444);
    try {
      const opened = await openWorkspaceDb(path).then(
        (w) => {
          w.sqlite.close();
          return null;
        },
        (e: AppError) => e,
      );
      if (process.getuid?.() !== 0) expect(opened?.code).toBe('READ_ONLY');
    } finally {
      chmodSync(path, 0o644);
    }
  });
});
