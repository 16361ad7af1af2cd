/**
 * `npm run web`, and `npm start` where Electron cannot be had: the same app on loopback.
 * Args: --static DIR [--db FILE] [--port N]
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../app-paths';
import { DomainServer } from '../server';
import { setBuiltReadWorker } from '../workbooks/engine/read-off-thread';
import { startWebHost } from './web-host';

// Built as out/main/web.js, beside the workbook reader's worker.
const worker = join(__dirname, 'read-worker.js');
if (existsSync(worker)) setBuiltReadWorker(worker);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { static: { type: 'string' }, db: { type: 'string' }, port: { type: 'string' } },
  });
  const server = new DomainServer({ dataDir: defaultDataDir() });
  // A refused workspace must not stop the app: it opens on the Workspaces screen and says why.
  // --db is the user's own choice of file, made through the host (the command line): it may be made new.
  const info = await (values.db ? server.openWorkspace(values.db, true, { explicit: true }) : server.openDefault()).catch((e: Error) => {
    console.log(`The workspace could not be opened: ${e.message}`);
    return null;
  });
  const host = await startWebHost({ server, staticDir: values.static ?? 'out/renderer', port: values.port ? Number(values.port) : 0 });
  console.log(
    info ? `HNB Desk is serving ${info.name} (${info.path}) on this computer only.` : 'HNB Desk is serving on this computer only, with no workspace open.',
  );
  console.log(`Open this link in your browser (it carries this session's one-time token):\n\n  ${host.launchUrl}\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await host.close();
    server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`HNB Desk could not start: ${(e as Error).message}`);
  process.exit(1);
});
