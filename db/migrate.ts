import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { EmbeddedMigration } from './migration-types';

// Same table and columns as drizzle-orm's own migrator, so drizzle-kit tooling agrees with us.
const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "__drizzle_migrations" (
  id SERIAL PRIMARY KEY,
  hash text NOT NULL,
  created_at numeric
)`;

export interface AppliedMigration {
  hash: string;
  createdAt: number;
}

export function migrationHash(m: EmbeddedMigration): string {
  return createHash('sha256').update(m.sql).digest('hex');
}

export function readAppliedMigrations(sqlite: Database.Database): AppliedMigration[] {
  const exists = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  if (!exists) return [];
  return (
    sqlite.prepare(`SELECT hash, created_at AS createdAt FROM "__drizzle_migrations" ORDER BY created_at`).all() as {
      hash: string;
      createdAt: number | string;
    }[]
  ).map((r) => ({ hash: r.hash, createdAt: Number(r.createdAt) }));
}

export type MigrationStatus =
  | { state: 'current'; applied: number; known: number }
  | { state: 'pending'; applied: number; known: number; pending: string[] }
  | { state: 'newer'; applied: number; known: number }
  | { state: 'diverged'; applied: number; known: number; at: number };

/** Compares what the file has applied with what this build knows, without writing. */
export function migrationStatus(applied: AppliedMigration[], known: EmbeddedMigration[]): MigrationStatus {
  const base = { applied: applied.length, known: known.length };
  if (applied.length > known.length) return { state: 'newer', ...base };
  for (let i = 0; i < applied.length; i++) {
    const a = applied[i]!;
    const k = known[i]!;
    if (a.hash !== migrationHash(k)) {
      return a.createdAt > k.when ? { state: 'newer', ...base } : { state: 'diverged', ...base, at: i };
    }
  }
  if (applied.length === known.length) return { state: 'current', ...base };
  return { state: 'pending', ...base, pending: known.slice(applied.length).map((m) => m.tag) };
}

/**
 * Applies pending migrations in one transaction. Foreign keys are switched off around it,
 * because inside a transaction `PRAGMA foreign_keys=OFF` is ignored and a table-rebuild
 * migration would cascade-delete child rows; the keys are then checked before commit.
 */
export function applyMigrations(sqlite: Database.Database, known: EmbeddedMigration[]): string[] {
  const applied = readAppliedMigrations(sqlite);
  const pending = known.slice(applied.length);
  if (pending.length === 0) return [];
  sqlite.pragma('foreign_keys = OFF');
  try {
    sqlite.transaction(() => {
      sqlite.exec(MIGRATIONS_TABLE_DDL);
      const record = sqlite.prepare(`INSERT INTO "__drizzle_migrations" ("hash", "created_at") VALUES (?, ?)`);
      for (const m of pending) {
        for (const statement of m.sql.split('--> statement-breakpoint')) {
          if (statement.trim()) sqlite.exec(statement);
        }
        record.run(migrationHash(m), m.when);
      }
      const violations = sqlite.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new Error(`Migration left ${violations.length} broken foreign key reference(s); nothing was changed: ${JSON.stringify(violations.slice(0, 5))}`);
      }
      sqlite.pragma(`user_version = ${known.length}`);
    })();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
  return pending.map((m) => m.tag);
}
