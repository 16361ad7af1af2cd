import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
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

type FileKind = 'missing' | 'empty' | 'sqlite';

function classifyFile(path: string): FileKind {
  if (!existsSync(path)) return 'missing';
  const stat = statSync(path);
  if (stat.isDirectory()) {
    throw new AppError('NOT_SQLITE', `${path} is a folder, not an HNB Desk workspace file.`);
  }
  if (stat.size === 0) return 'empty';
  const header = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new AppError('NOT_SQLITE', `${basename(path)} is not an HNB Desk workspace: it is not a SQLite database file. It has not been changed.`, { path });
  }
  return 'sqlite';
}

function damaged(path: string, why: string): AppError {
  return new AppError('DAMAGED', `${basename(path)} is damaged and cannot be opened (${why}). It has not been changed; restore it from a backup.`, { path });
}

interface Probe {
  status: MigrationStatus;
  hasTables: boolean;
}

/** Reads an existing file without writing to it: integrity, ownership, schema version. */
function probe(path: string, known: EmbeddedMigration[]): Probe {
  let ro: Database.Database | undefined;
  try {
    ro = new Database(path, { readonly: true, fileMustExist: true });
    const check = ro.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw damaged(path, check);
    const appId = ro.pragma('application_id', { simple: true }) as number;
    const tables = ro.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
    const hasTables = tables.length > 0;
    if ((appId !== 0 && appId !== APPLICATION_ID) || (appId === 0 && hasTables)) {
      throw new AppError('NOT_WORKSPACE', `${basename(path)} is a SQLite database but not an HNB Desk workspace. It has not been changed.`, { path });
    }
    return { status: migrationStatus(readAppliedMigrations(ro), known), hasTables };
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_IOERR')) {
      throw damaged(path, (e as Error).message);
    }
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_CANTOPEN') {
      throw new AppError('FILE_BUSY', `${basename(path)} could not be opened (${(e as Error).message}). Close any other program using it and try again.`, {
        path,
      });
    }
    throw e;
  } finally {
    ro?.close();
  }
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
 */
export async function openWorkspaceDb(path: string, options: OpenOptions = {}): Promise<OpenedWorkspace> {
  const known = options.migrations ?? embeddedMigrations;
  const now = options.now ?? (() => new Date());
  const kind = classifyFile(path);
  if (kind === 'missing' && !options.create) {
    throw new AppError('NOT_FOUND', `There is no workspace file at ${path}.`, { path });
  }
  if (kind === 'missing' && !existsSync(dirname(path))) {
    throw new AppError('NOT_FOUND', `The folder ${dirname(path)} does not exist.`, { path });
  }

  let backupPath: string | undefined;
  if (kind === 'sqlite') {
    const { status, hasTables } = probe(path, known);
    if (status.state === 'newer') {
      throw new AppError(
        'NEWER_VERSION',
        `${basename(path)} was written by a newer version of HNB Desk (schema ${status.applied}; this version knows ${status.known}). Install the newer version to open it. The file has not been changed.`,
        { path, fileSchema: status.applied, appSchema: status.known },
      );
    }
    if (status.state === 'diverged') {
      throw new AppError(
        'NEWER_VERSION',
        `${basename(path)} has a database schema this version of HNB Desk does not recognise (step ${status.at + 1} differs). The file has not been changed.`,
        { path },
      );
    }
    if (status.state === 'pending' && hasTables) {
      backupPath = join(dirname(path), `${basename(path)}.before-schema-${status.known}-${stamp(now())}.bak`);
      const src = new Database(path, { readonly: true, fileMustExist: true });
      try {
        await src.backup(backupPath);
      } finally {
        src.close();
      }
    }
  }

  const sqlite = new Database(path, { fileMustExist: kind !== 'missing' });
  try {
    configure(sqlite);
    const fresh = kind !== 'sqlite' || readAppliedMigrations(sqlite).length === 0;
    if (fresh) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    const applied = applyMigrations(sqlite, known);
    return { path, sqlite, db: drizzle(sqlite, { schema }), created: fresh, applied, backupPath };
  } catch (e) {
    sqlite.close();
    throw e;
  }
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
