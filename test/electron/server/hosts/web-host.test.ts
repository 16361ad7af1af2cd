import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY, startWebHost, type WebHost } from '../../../../electron/server/hosts/web-host';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/shared/csp';
import { testServer, type TestServer } from '../../../support/workspace';

let t: TestServer;
let host: WebHost;

/** Raw HTTP, so the Host header and paths go out exactly as written. */
function raw(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let data = '';
      res.on('data', (c) => (data += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: data }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const call = (channel: string, input: unknown, token = host.token, extra: Record<string, string> = {}) =>
  raw('POST', `/api/${channel}`, { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra }, JSON.stringify(input));

beforeAll(async () => {
  t = await testServer({ demo: true });
  const stat = join(t.dir, 'static');
  mkdirSync(join(stat, 'assets'), { recursive: true });
  writeFileSync(join(stat, 'index.html'), '<!doctype html><title>HNB Desk</title>');
  writeFileSync(join(stat, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir, 'secret.txt'), 'do not serve');
  host = await startWebHost({ server: t.server, staticDir: stat });
});
afterAll(async () => {
  await host.close();
  t.close();
});

describe('the loopback web host', () => {
  it('listens on 127.0.0.1 only, on a random port, and puts the token in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.port).toBeGreaterThan(0);
    expect(host.launchUrl).toBe(`${host.url}#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers a call that carries the token', async () => {
    const r = await call('getSummary', { year: '2024-25' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { year: '2024-25', period: 12 } });
  });

  it.each([
    ['no token', undefined],
    ['a wrong token', 'x'.repeat(32)],
    ['an empty token', ''],
  ])('refuses a call with %s', async (_what, token) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    const r = await raw('POST', '/api/getSummary', headers, '{"year":"2024-25"}');
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error.code).toBe('UNAUTHORIZED');
  });

  it('refuses a request naming another host (DNS rebinding) or another origin', async () => {
    expect((await raw('GET', '/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await call('getSummary', { year: '2024-25' }, host.token, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call('getSummary', { year: '2024-25' }, host.token, { origin: host.url.slice(0, -1) })).status).toBe(200);
  });

  it('keeps the dialogs for the desktop app and refuses GET on the API', async () => {
    expect(JSON.parse((await call('chooseWorkspace', { mode: 'open' })).body).error.code).toBe('NOT_AVAILABLE');
    expect((await raw('GET', '/api/getSummary')).status).toBe(405);
    expect(JSON.parse((await raw('POST', '/api/getSummary', { authorization: `Bearer ${host.token}` }, '{not json')).body).error.code).toBe('INVALID_INPUT');
  });

  it('never reads a file from a path the page sends, only bytes the user chose', async () => {
    const r = JSON.parse((await call('importFile', { source: { path: join(t.dir, 'secret.txt') } })).body);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const bytes = JSON.parse((await call('importFile', { source: { fileName: 'x.xlsx', base64: Buffer.from('not a workbook').toString('base64') } })).body);
    expect(bytes).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
  });

  it('opens only a workspace from the recent list, never creates one at a path the page names, and says the same whether the path exists or not', async () => {
    const made = join(t.dir, 'made-up.hnbdesk');
    const existing = join(t.dir, 'secret.txt');
    const a = JSON.parse((await call('openWorkspace', { path: made })).body);
    const b = JSON.parse((await call('openWorkspace', { path: existing })).body);
    expect(a).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(b.error).toEqual(a.error);
    expect(existsSync(made)).toBe(false);
    expect(JSON.parse((await call('openWorkspace', { path: made, create: true })).body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(existsSync(made)).toBe(false);
    // A new workspace is named, not placed: it is made in the app's own folder whatever the name says.
    const created = JSON.parse((await call('createWorkspace', { name: '../../Elsewhere/Evil' })).body);
    expect(created.ok).toBe(true);
    expect(created.value.path.startsWith(t.dir)).toBe(true);
    expect(readdirSync(t.dir)).toContain('Elsewhere Evil.hnbdesk');
    // Back to the workspace the other tests use, from the recent list.
    expect(JSON.parse((await call('openWorkspace', { path: t.server.defaultWorkspacePath })).body).ok).toBe(true);
  });

  it('answers an oversized body with a sentence and status 413, not a reset connection', async () => {
    const body = JSON.stringify({ source: { fileName: 'huge.xlsx', base64: 'A'.repeat(MAX_BODY + 1024) } });
    const r = await call('importFile', JSON.parse(body));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_FILE', message: expect.stringMatching(/^What was sent is 81 MB; HNB Desk takes at most 80 MB/) },
    });
    expect((await call('getSummary', { year: '2024-25' })).status).toBe(200);
  }, 30_000);

  it('reads at most two imports at once, and says so to a third', async () => {
    // Two imports whose bodies are still arriving hold both places.
    const slow = [0, 1].map(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: host.port,
              method: 'POST',
              path: '/api/importFile',
              headers: { host: `127.0.0.1:${host.port}`, authorization: `Bearer ${host.token}`, 'content-type': 'application/json' },
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('error', reject);
          req.write('{"source":');
          setTimeout(() => req.end('{"fileName":"a.xlsx","base64":""}}'), 600);
        }),
    );
    await new Promise((ok) => setTimeout(ok, 200));
    const third = await call('importFile', { source: { fileName: 'b.xlsx', base64: '' } });
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body).error.message).toMatch(/already working on other imports/);
    expect(await Promise.all(slow)).toEqual([200, 200]);
    // Once they are done, imports are taken again.
    expect((await call('importFile', { source: { fileName: 'c.xlsx', base64: '' } })).status).toBe(200);
  });

  it('answers a malformed address with 400 and keeps serving', async () => {
    expect((await raw('GET', '/%')).status).toBe(400);
    expect((await raw('POST', '/api/%E0%A4%A', { authorization: `Bearer ${host.token}` }, '{}')).status).toBe(200);
    expect(JSON.parse((await raw('POST', '/api/%E0%A4%A', { authorization: `Bearer ${host.token}` }, '{}')).body).ok).toBe(false);
    expect((await call('getSummary', { year: '2024-25' })).status).toBe(200);
  });

  it('serves the app with the CSP and never a file outside its folder', async () => {
    const index = await raw('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('GET', '/assets/app.js')).headers['content-type']).toMatch(/javascript/);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..\\secret.txt']) {
      const r = await raw('GET', path);
      expect(r.body, path).not.toContain('do not serve');
    }
  });
});
