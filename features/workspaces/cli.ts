import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { checkWorkspace } from '../../db/client';
import { cliCommands } from '../../electron/cli/command';
import { EXIT_FAILED, EXIT_OK } from '../../electron/cli/output';
import { AppError } from '../../electron/shared/errors';
import { type DemoPacks, publishDemoPacks } from '../../electron/server/demo/demo-packs';
import { isEmptyWorkspace, loadDemo } from '../../electron/server/demo/load-demo';
import { refuseIfNotWorkspace } from '../../db/client';

export const workspacesCli = cliCommands([
  {
    words: ['init'],
    usage: 'hnb init [--demo]',
    describe: 'create or upgrade the workspace (--demo: fill a new one with a demo authority)',
    options: { demo: 'boolean' },
    workspace: 'none',
    async run({ server, dbPath, options, json, io }) {
      mkdirSync(dirname(dbPath), { recursive: true });
      await server.openWorkspace(dbPath, true, { explicit: true });
      const ws = server.workspace!;
      let demo: string[] | null = null;
      let note = '';
      if (options.demo) {
        if (ws.info().isDemo) note = 'It already holds the demo authority; nothing was added.';
        else if (!isEmptyWorkspace(ws))
          throw new AppError('INVALID_INPUT', `${dbPath} already holds figures, so the demo was not added. Use --db with a new file for the demo.`);
        else demo = loadDemo(ws).years;
      }
      // The demo's published pack goes through the pack code, after the demo's own write.
      const packs: DemoPacks | null = demo ? await publishDemoPacks(server) : null;
      const info = ws.info();
      if (json) io.out(JSON.stringify({ workspace: info, demoYears: demo, demoPacks: packs?.published ?? null, demoNote: packs?.note ?? null }, null, 2));
      else {
        io.out(`Workspace ready: ${info.path}`);
        io.out(`  ${info.name}, schema ${info.schemaVersion}${info.backupPath ? `; the file was upgraded and a copy kept at ${info.backupPath}` : ''}`);
        if (demo) io.out(`  Demo data added for ${demo.join(', ')}. It is clearly marked as demo data.`);
        for (const p of packs?.published ?? [])
          io.out(`  Pack published for the demo forum meeting (id ${p.meetingId}): version ${p.version}, ${p.pages ?? '?'} pages.`);
        if (packs?.note) io.out(`  ${packs.note}`);
        if (note) io.out(`  ${note}`);
      }
      return EXIT_OK;
    },
  },
  {
    words: ['check'],
    usage: 'hnb check',
    describe: 'integrity check and migration status, read-only',
    workspace: 'none',
    async run({ dbPath, json, io }) {
      // Refuses a file that is not a workspace (or is empty) before SQLite touches it: nothing is written.
      refuseIfNotWorkspace(dbPath);
      let sqlite: Database.Database;
      try {
        sqlite = new Database(dbPath, { readonly: true, fileMustExist: true });
      } catch (e) {
        throw new AppError('NOT_FOUND', `Cannot open ${dbPath}: ${(e as Error).message}`, { path: dbPath });
      }
      try {
        const result = checkWorkspace(sqlite);
        if (json) io.out(JSON.stringify({ path: dbPath, ...result }, null, 2));
        else {
          io.out(`Integrity: ${result.integrity.join('; ')}`);
          io.out(`Foreign key problems: ${result.foreignKeyViolations}`);
          const m = result.migrations;
          io.out(`Schema: ${m.applied} of ${m.known} migrations applied (${m.state})`);
        }
        return result.ok && result.migrations.state === 'current' ? EXIT_OK : EXIT_FAILED;
      } catch (e) {
        throw new AppError('DAMAGED', `${dbPath} could not be checked: ${(e as Error).message}`, { path: dbPath });
      } finally {
        sqlite.close();
      }
    },
  },
]);
