import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { embeddedMigrations } from './migrations/embedded';
import type { EmbeddedMigration } from './migration-types';
import { applyMigrations, migrationStatus, readAppliedMigrations, type MigrationStatus } from './migrate';
import { AppError } from '../electron/shared/errors';

/** drizzle over better-sqlite3; `$client` is the raw handle, for hot paths drizzle would slow. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** "HNBD": marks a SQLite file as ours, so another program's database is never migrated. */
export const APPLICATION_ID = 0x484e4244;
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  /** Create the file if it does not exist. */
  create?: boolean;
  /** The user chose to make a workspace here: an empty (0-byte) file may become one. */
  explicit?: boolean;
  /** For tests of older schemas: the migrations this build should know. */
  migrations?: EmbeddedMigration[];
  /** For backup file names. */
  now?: () => Date;
}

export interface OpenedWorkspace {
  path: string;
  sqlite: Database.Database;
  db: Db;
  /** True when the file was new (or empty) and has just been given the schema. */
  created: boolean;
  /** Migrations applied on this open. */
  applied: string[];
  /** Where the pre-migration copy was written, when an existing file was migrated. */
  backupPath?: string;
}

type FileKind = 'missing' | 'empty' | 'ours';

function notWorkspace(path: string, why: string): AppError {
  return new AppError('NOT_WORKSPACE', `${basename(path)} is not an HNB Desk workspace: ${why}. It has not been changed.`, { path });
}

/**
 * What a file is, from its first 100 bytes alone (SQLite's header), before SQLite opens it:
 * refusing a file that is not ours never touches it, and leaves no -wal or -shm beside it.
 */
function classifyFile(path: string, known: number): FileKind {
  if (!existsSync(path)) return 'missing';
  const stat = statSync(path);
  if (stat.isDirectory()) throw new AppError('NOT_SQLITE', `${path} is a folder, not an HNB Desk workspace file.`, { path });
  if (stat.size === 0) return 'empty';
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new AppError('NOT_SQLITE', `${basename(path)} is not an HNB Desk workspace: it is not a SQLite database file. It has not been changed.`, { path });
  }
  // Fields every SQLite file holds the same way: if they are wrong, the header itself is damaged.
  const pageSize = header.readUInt16BE(16);
  const sane =
    (pageSize === 1 || (pageSize >= 512 && pageSize <= 32768 && (pageSize & (pageSize - 1)) === 0)) &&
    header[21] === 64 &&
    header[22] === 32 &&
    header[23] === 32;
  if (!sane) throw damaged(path, 'its header is not a valid SQLite header');
  // A write-ahead log not yet folded into the file (it is open elsewhere, or the app stopped) may
  // hold newer header fields: then SQLite itself must read them (probe).
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return 'ours';
  const appId = header.readUInt32BE(68);
  if (appId !== APPLICATION_ID)
    throw notWorkspace(path, appId === 0 ? 'it is a SQLite database that no version of HNB Desk made' : 'it is a SQLite database belonging to another program');
  // user_version counts the migrations applied: more than this build knows is a newer version's file.
  const userVersion = header.readUInt32BE(60);
  if (userVersion > known) throw newer(path, userVersion, known);
  return 'ours';
}

function newer(path: string, fileSchema: number, appSchema: number): AppError {
  return new AppError(
    'NEWER_VERSION',
    `${basename(path)} was written by a newer version of HNB Desk (schema ${fileSchema}; this version knows ${appSchema}). Install the newer version to open it. The file has not been changed.`,
    { path, fileSchema, appSchema },
  );
}

function damaged(path: string, why: string): AppError {
  return new AppError('DAMAGED', `${basename(path)} is damaged and cannot be opened (${why}). It has not been changed; restore it from a backup.`, { path });
}

/**
 * Runs `fn` on a read-only connection, then removes any -wal or -shm file that the connection
 * made (SQLite makes both to read a WAL database), so a file only looked at, or refused, is
 * left exactly as it was found.
 */
async function readOnly<T>(path: string, fn: (db: Database.Database) => T | Promise<T>): Promise<T> {
  const sides = [`${path}-wal`, `${path}-shm`].filter((p) => !existsSync(p));
  let ro: Database.Database | undefined;
  try {
    ro = new Database(path, { readonly: true, fileMustExist: true });
    return await fn(ro);
  } finally {
    ro?.close();
    for (const p of sides) rmSync(p, { force: true });
  }
}

interface Probe {
  status: MigrationStatus;
  userVersion: number;
}

/** Reads an existing workspace without writing to it: integrity and schema version. */
async function probe(path: string, known: EmbeddedMigration[]): Promise<Probe> {
  try {
    return await readOnly(path, (ro) => {
      const check = ro.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') throw damaged(path, check);
      const appId = ro.pragma('application_id', { simple: true }) as number;
      if (appId !== APPLICATION_ID) throw notWorkspace(path, 'it is a SQLite database belonging to another program');
      return { status: migrationStatus(readAppliedMigrations(ro), known), userVersion: ro.pragma('user_version', { simple: true }) as number };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_IOERR')) throw damaged(path, (e as Error).message);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_CANTOPEN') {
      throw new AppError('FILE_BUSY', `${basename(path)} could not be opened (${(e as Error).message}). Close any other program using it and try again.`, {
        path,
      });
    }
    throw e;
  }
}

/** Refuses, without changing it, a file that is not a workspace this version can open (for read-only commands). */
export function refuseIfNotWorkspace(path: string, known: EmbeddedMigration[] = embeddedMigrations): void {
  const kind = classifyFile(path, known.length);
  if (kind === 'missing') throw new AppError('NOT_FOUND', `There is no workspace file at ${path}.`, { path });
  if (kind === 'empty') throw emptyFile(path);
}

function emptyFile(path: string): AppError {
  return new AppError(
    'NOT_WORKSPACE',
    `${basename(path)} is empty (0 bytes), so it is not an HNB Desk workspace: it may be a copy that did not finish. It has not been changed. Restore it from a backup, or create a new workspace.`,
    { path },
  );
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

function configure(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
}

/**
 * Opens (or creates) a workspace file: checks it is ours and undamaged, refuses a newer
 * schema, copies it aside before migrating, then migrates. On any refusal the file is untouched.
 * A missing file is made only with `create`; an empty (0-byte) one only with `explicit`, the
 * user's own choice to make a workspace there.
 */
export async function openWorkspaceDb(path: string, options: OpenOptions = {}): Promise<OpenedWorkspace> {
  const known = options.migrations ?? embeddedMigrations;
  const now = options.now ?? (() => new Date());
  const kind = classifyFile(path, known.length);
  if (kind === 'missing' && !options.create) throw new AppError('NOT_FOUND', `There is no workspace file at ${path}.`, { path });
  if (kind === 'missing' && !existsSync(dirname(path))) throw new AppError('NOT_FOUND', `The folder ${dirname(path)} does not exist.`, { path });
  if (kind === 'empty' && !options.explicit) throw emptyFile(path);

  let backupPath: string | undefined;
  if (kind === 'ours') {
    const { status, userVersion } = await probe(path, known);
    if (status.state === 'newer') throw newer(path, status.applied, status.known);
    if (userVersion > known.length) throw newer(path, userVersion, known.length);
    if (status.state === 'diverged') {
      throw new AppError(
        'NEWER_VERSION',
        `${basename(path)} has a database schema this version of HNB Desk does not recognise (step ${status.at + 1} differs). The file has not been changed.`,
        { path },
      );
    }
    if (status.state === 'pending') {
      backupPath = join(dirname(path), `${basename(path)}.before-schema-${status.known}-${stamp(now())}.bak`);
      const target = backupPath;
      await readOnly(path, async (src) => {
        await src.backup(target);
      });
    }
  }

  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { fileMustExist: kind !== 'missing' });
  } catch (e) {
    throw openError(path, e);
  }
  try {
    // SQLite quietly opens a file it may not write as read-only: say so now, not at the first save.
    if (sqlite.readonly) throw Object.assign(new Error('read-only'), { code: 'SQLITE_READONLY' });
    configure(sqlite);
    const fresh = kind !== 'ours' || readAppliedMigrations(sqlite).length === 0;
    if (fresh) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const applied = applyMigrations(sqlite, known);
    // Fold a new or upgraded schema into the file itself, so its header says what it is.
    if (fresh || applied.length) sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { path, sqlite, db: drizzle(sqlite, { schema }) as Db, created: fresh, applied, backupPath };
  } catch (e) {
    sqlite.close();
    throw openError(path, e);
  }
}

/** A file that cannot be written (read-only, or on a read-only drive) said so; anything else as it is. */
export function openError(path: string, e: unknown): unknown {
  const code = (e as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'EACCES' || code === 'EPERM') {
    return new AppError(
      'READ_ONLY',
      `${basename(path)} cannot be written to (it is read-only, or in a folder HNB Desk may not change), so it was not opened. Copy it to a folder you can write to, or ask for write access, and open the copy.`,
      { path },
    );
  }
  return e;
}

/** `PRAGMA integrity_check` and the migration status, for `hnb check`. */
export function checkWorkspace(sqlite: Database.Database, known: EmbeddedMigration[] = embeddedMigrations) {
  const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const foreignKeys = (sqlite.pragma('foreign_key_check') as unknown[]).length;
  return {
    integrity,
    ok: integrity.length === 1 && integrity[0] === 'ok' && foreignKeys === 0,
    foreignKeyViolations: foreignKeys,
    migrations: migrationStatus(readAppliedMigrations(sqlite), known),
  };
}
