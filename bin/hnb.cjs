#!/usr/bin/env node
// Runs the TypeScript CLI straight from source, so `npx hnb` works right after `npm install`.
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
