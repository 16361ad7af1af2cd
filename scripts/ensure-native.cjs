#!/usr/bin/env node
// better-sqlite3 is a native module built for one runtime at a time: `npm start` (Electron) and
// packaging rebuild it for Electron. Before tests and the CLI run under Node, make sure it
// loads in Node, rebuilding it from source if not (npm's nodedir setting finds the headers).
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

function loads() {
  const r = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: join(__dirname, '..'),
    encoding: 'utf8',
  });
  return r.status === 0;
}

if (!loads()) {
  console.log('better-sqlite3 is not built for this Node; rebuilding it from source (about a minute)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['rebuild', 'better-sqlite3'], { cwd: join(__dirname, '..'), stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0 || !loads()) {
    console.error('Could not build better-sqlite3 for Node. Check that a C++ toolchain and Node headers are installed.');
    process.exit(1);
  }
}
