#!/usr/bin/env node
// npm start: the Electron window with the default workspace. Where the Electron runtime
// cannot be obtained (an offline machine), say so in one sentence and serve the same app on
// 127.0.0.1 with a one-time token instead. npm run web does the latter on purpose.
const { spawnSync, spawn } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const wantWeb = process.argv.includes('--web');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const shell = process.platform === 'win32';

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell, ...options });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The Electron binary's path, downloading it once if it is missing; null when that fails. */
function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const binary = () => (existsSync(pathFile) ? join(pkg, 'dist', readFileSync(pathFile, 'utf8')) : null);
  if (binary() && existsSync(binary())) return binary();
  const r = spawnSync(process.execPath, [join(pkg, 'install.js')], { cwd: root, stdio: 'ignore', timeout: 180_000 });
  return r.status === 0 && binary() && existsSync(binary()) ? binary() : null;
}

function startWeb() {
  run(npx, ['electron-vite', 'build']);
  run(process.execPath, [join(__dirname, 'ensure-native.cjs')]);
  // The built host (out/main/web.js): plain JavaScript, no TypeScript compiled at start-up.
  const child = spawn(process.execPath, [join(root, 'out', 'main', 'web.js'), '--static', join(root, 'out', 'renderer'), ...passThrough()], {
    cwd: root,
    stdio: 'inherit',
  });
  forwardSignals(child);
}

/** Options after `--` (npm run web -- --db FILE) go to the web host. */
function passThrough() {
  const at = process.argv.indexOf('--db');
  return at >= 0 && process.argv[at + 1] ? ['--db', process.argv[at + 1]] : [];
}

/** Ctrl+C or a stop request reaches the child too, so no server is left holding its port. */
function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (wantWeb) {
  startWeb();
} else {
  const electron = electronBinary();
  if (!electron) {
    console.log(
      'The Electron runtime could not be downloaded on this machine, so HNB Desk will open in your browser instead, served only to this computer with a one-time link.',
    );
    startWeb();
  } else {
    run(npx, ['electron-vite', 'build']);
    // The data server runs inside Electron, so its SQLite binding must be built for Electron.
    run(npx, ['electron-builder', 'install-app-deps']);
    forwardSignals(spawn(electron, ['.'], { cwd: root, stdio: 'inherit' }));
  }
}
