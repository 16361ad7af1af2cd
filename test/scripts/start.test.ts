import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/workspace';

const root = join(__dirname, '..', '..');
let child: ChildProcess | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  cleanup?.();
});

describe('npm start where Electron cannot be downloaded', () => {
  it('says so in one sentence and serves the app on loopback with a one-time token', async () => {
    const t = tempDir('hnb-start-');
    cleanup = t.cleanup;
    child = spawn(process.execPath, [join(root, 'scripts', 'start.cjs')], {
      cwd: root,
      // An unreachable mirror makes the download fail here and on any networked machine alike.
      env: { ...process.env, HNB_DATA_DIR: t.dir, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: join(t.dir, 'cache') },
    });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no link printed:\n${out}`)), 110_000);
      child!.stdout!.on('data', (d) => {
        out += d;
        const m = /(http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      child!.on('exit', (code) => reject(new Error(`exited ${code}:\n${out}`)));
    });
    expect(out).toContain(
      'The Electron runtime could not be downloaded on this machine, so HNB Desk will open in your browser instead, served only to this computer with a one-time link.',
    );
    const [base, token] = url.split('#token=') as [string, string];
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(base)).headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await fetch(`${base}api/getWorkspace`, { method: 'POST', body: '{}' })).status).toBe(401);
    const ok = await fetch(`${base}api/getWorkspace`, { method: 'POST', body: '{}', headers: { authorization: `Bearer ${token}` } });
    expect(await ok.json()).toMatchObject({ ok: true, value: { path: join(t.dir, 'workspace.hnbdesk') } });
  }, 120_000);
});
