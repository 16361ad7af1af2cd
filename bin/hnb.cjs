#!/usr/bin/env node
// Runs the TypeScript CLI straight from source, so `npx hnb` works right after `npm install`.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

// After `npm start` the SQLite binding is built for Electron; rebuild it for Node if so.
try {
  new (require('better-sqlite3'))(':memory:').close();
} catch {
  const r = spawnSync(process.execPath, [join(__dirname, '..', 'scripts', 'ensure-native.cjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

require('tsx/cjs/api').register();
const { runCli } = require('../electron/cli/main.ts');

runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`hnb: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
