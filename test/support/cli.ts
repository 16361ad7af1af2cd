import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../electron/cli/main';
import { dumpTables } from './workspace';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `hnb` in-process with its data folder (and working folder) set to `dir`. */
export async function runHnb(dir: string, argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`) }, { env: { HNB_DATA_DIR: dir }, cwd: dir, user: 'cli.user' });
  return { code, out, err };
}

/** Every table of the default workspace in `dir`, read-only. */
export function workspaceSnapshot(dir: string): Record<string, unknown[]> {
  const db = new Database(join(dir, 'workspace.hnbdesk'), { readonly: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
}
