/**
 * `hnb` as built JavaScript (out/main/cli.js): bin/hnb.cjs runs this, so the command line starts
 * without compiling TypeScript. Workbooks are read on the worker built beside it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setBuiltReadWorker } from '../server/workbooks/engine/read-off-thread';
import { runCli } from './main';

const worker = join(__dirname, 'read-worker.js');
if (existsSync(worker)) setBuiltReadWorker(worker);

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`hnb: ${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
