#!/usr/bin/env node
// `hnb`: runs the built command line (out/main/cli.js). Straight after `npm install` nothing is
// built yet: build once, then run.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'out', 'main', 'cli.js');

if (!existsSync(cli)) {
  process.stderr.write('hnb: building HNB Desk once (npm run build)...\n');
  const built = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0 || !existsSync(cli)) {
    process.stderr.write('hnb: the build failed; run npm run build to see why.\n');
    process.exit(1);
  }
}

// After `npm start` the SQLite binding is built for Electron; rebuild it for Node if so.
try {
  new (require('better-sqlite3'))(':memory:').close();
} catch {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-native.cjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

require(cli);
