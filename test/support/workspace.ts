import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { loadDemo } from '../../electron/server/demo/load-demo';
import { DomainServer } from '../../electron/server/server';
import type { ChannelName, ChannelOutput } from '../../electron/shared/contract';
import type { Envelope, ErrorInfo } from '../../electron/shared/errors';

export function tempDir(prefix = 'hnb-test-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestServer {
  dir: string;
  server: DomainServer;
  sqlite: Database.Database;
  /** Calls a channel and returns its value, failing the test if it was refused. */
  ok<K extends ChannelName>(channel: K, input: unknown): Promise<ChannelOutput<K>>;
  /** Calls a channel and returns its error, failing the test if it succeeded. */
  refused(channel: ChannelName | string, input: unknown): Promise<ErrorInfo>;
  close(): void;
}

export async function testServer(options: { demo?: boolean; now?: () => Date } = {}): Promise<TestServer> {
  const { dir, cleanup } = tempDir();
  const server = new DomainServer({ dataDir: dir, user: 'test.user', now: options.now, logError: () => undefined });
  await server.openDefault();
  if (options.demo) loadDemo(server.workspace!);
  return {
    dir,
    server,
    get sqlite() {
      return server.workspace!.opened.sqlite;
    },
    async ok(channel, input) {
      const r = (await server.call(channel, input)) as Envelope<never>;
      if (!r.ok) throw new Error(`${channel} refused: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    async refused(channel, input) {
      const r = await server.call(channel, input);
      if (r.ok) throw new Error(`${channel} should have been refused but returned ${JSON.stringify(r.value).slice(0, 200)}`);
      return r.error;
    },
    close() {
      server.close();
      cleanup();
    },
  };
}

/** Every row of every table: equal before and after means nothing in the database changed. */
export function dumpTables(sqlite: Database.Database): Record<string, unknown[]> {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, sqlite.prepare(`SELECT * FROM "${t.name}" ORDER BY rowid`).all()]));
}
