import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { contract } from '../../shared/contract';
import { namesAPath } from '../../shared/import-source';
import { AppError, type Envelope } from '../../shared/errors';
import type { DomainServer } from '../server';

// A 50 MB workbook is about 67 MB as base64 in JSON.
export const MAX_BODY = 80 * 1024 * 1024;
/** Imports in progress at once: each holds its file and two reading threads. */
const MAX_IMPORTS = 2;
const IMPORT_CHANNELS = new Set(['importFile', 'mapImport', 'previewMapped', 'applyImport']);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker (the pack preview), loaded as a module worker: needs a script type under nosniff.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebHost {
  url: string;
  /** The URL to open: carries the token in the fragment, which is never sent to the server. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export interface WebHostOptions {
  server: DomainServer;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function sendEnvelope(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  send(res, status, JSON.stringify(envelope));
}

function tooLarge(size: number): AppError {
  const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
  return new AppError(
    'INVALID_FILE',
    `What was sent is ${size > MAX_BODY * 2 ? `over ${mb(MAX_BODY * 2)}` : mb(size)}; HNB Desk takes at most ${mb(MAX_BODY)} in one go (a workbook of about 50 MB). Delete unused sheets or rows, or split it into smaller workbooks, and import again.`,
    { rule: 'file size limit' },
  );
}

/**
 * The request body, or a clear refusal when it is over the limit. The rest of an oversized body
 * is read and dropped (up to twice the limit), so the browser gets the answer instead of a reset
 * connection; a body past that is cut off.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      else if (size > MAX_BODY * 2) {
        reject(tooLarge(Math.max(size, declared)));
        req.destroy();
      }
    });
    req.on('end', () => (size > MAX_BODY ? reject(tooLarge(Math.max(size, declared))) : resolveBody(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from((header ?? '').replace(/^Bearer /, ''));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/**
 * Serves the renderer and the domain server on 127.0.0.1 only, for `npm run web`, the
 * offline fallback of `npm start`, and the end-to-end tests. Every API call must carry the
 * per-run token; requests naming another host (DNS rebinding) or origin are refused.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.staticDir);
  let port = 0;
  let importing = 0;

  const http = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 400, 'Bad request', 'text/plain');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, 'Forbidden host', 'text/plain');
    const origin = req.headers.origin;
    if (origin && !allowedHosts.some((h) => origin === `http://${h}`)) return send(res, 403, 'Forbidden origin', 'text/plain');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain');
      if (!tokenMatches(req.headers.authorization, token)) {
        return sendEnvelope(res, 401, {
          ok: false,
          error: { code: 'UNAUTHORIZED', message: 'This session has expired. Reopen the link printed by npm start.' },
        });
      }
      const channel = (() => {
        try {
          return decodeURIComponent(url.pathname.slice('/api/'.length));
        } catch {
          return '';
        }
      })();
      const isImport = IMPORT_CHANNELS.has(channel);
      if (isImport && importing >= MAX_IMPORTS) {
        req.resume();
        return sendEnvelope(res, 429, {
          ok: false,
          error: { code: 'FILE_BUSY', message: 'HNB Desk is already working on other imports. Wait for them to finish, then try again.' },
        });
      }
      if (isImport) importing++;
      try {
        const raw = await readBody(req);
        let input: unknown;
        try {
          input = raw ? JSON.parse(raw) : {};
        } catch {
          throw new AppError('INVALID_INPUT', 'The request body is not JSON.');
        }
        const def = (contract as Record<string, { host: boolean }>)[channel];
        if (def?.host) {
          // No native dialogs in a browser: the renderer falls back to its own.
          throw new AppError('NOT_AVAILABLE', `"${channel}" needs the desktop app.`);
        }
        if (namesAPath(channel, input)) throw new AppError('UNAUTHORIZED', 'Choose the file to import in the window; a path cannot be sent.');
        return sendEnvelope(res, 200, await options.server.call(channel, input));
      } catch (e) {
        const info = e instanceof AppError ? e.toInfo() : { code: 'INTERNAL' as const, message: String((e as Error)?.message ?? e) };
        if (!res.headersSent) return sendEnvelope(res, info.details?.rule === 'file size limit' ? 413 : 200, { ok: false, error: info });
      } finally {
        if (isImport) importing--;
      }
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    let file = resolve(root, rel || 'index.html');
    if (file !== root && !file.startsWith(root + sep)) return send(res, 404, 'Not found', 'text/plain');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return send(res, 500, 'The app has not been built. Run npm run build.', 'text/plain');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cross-origin-opener-policy': 'same-origin',
      'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(options.port ?? 0, '127.0.0.1', () => ok());
  });
  port = (http.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((ok) => {
        http.closeAllConnections();
        http.close(() => ok());
      }),
  };
}
