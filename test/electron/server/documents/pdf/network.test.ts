/**
 * The page never reaches the network: every way HTML and CSS can ask for something (images, CSS
 * url(), @import, fonts, frames, preconnect, scripts, refresh) is tried against a local server
 * that counts every connection, by IP address and by name. And no script runs.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playwrightEngine } from '../../../../../electron/server/documents/pdf/browser';
import { buildPdf } from '../../../../../electron/server/documents/pdf/build-pdf';
import type { PdfEngine } from '../../../../../electron/server/documents/pdf/types';
import { fonts, pageTexts, pdfFile } from './poppler';

let server: Server;
let connections = 0;
const requested: string[] = [];
let engine: PdfEngine;

beforeAll(async () => {
  server = createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png' });
    res.end();
  });
  server.on('connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  engine = playwrightEngine();
});

afterAll(async () => {
  await engine?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the page fetches nothing', () => {
  it('asks the local server for nothing, by address or by name, and runs no script', async () => {
    const { port } = server.address() as AddressInfo;
    const ip = `http://127.0.0.1:${port}`;
    const named = `http://localhost:${port}`;
    const hostile = [
      `<img src="${ip}/x.png" alt="remote">`,
      `<img src="${named}/named.png" srcset="${ip}/srcset.png 2x" alt="remote">`,
      `<picture><source srcset="${ip}/picture.png"><img src="${ip}/picture-img.png" alt=""></picture>`,
      `<div style="background-image: url(${ip}/inline-bg.png)">inline background</div>`,
      `<link rel="stylesheet" href="${ip}/link.css">`,
      `<link rel="preconnect" href="${ip}"><link rel="dns-prefetch" href="${named}"><link rel="prefetch" href="${ip}/prefetch">`,
      `<link rel="preload" as="image" href="${ip}/preload.png">`,
      `<iframe src="${ip}/frame.html" title="remote"></iframe><object data="${ip}/object.pdf"></object><embed src="${ip}/embed.svg">`,
      `<video poster="${ip}/poster.png" src="${ip}/video.mp4"></video><audio src="${ip}/audio.mp3"></audio>`,
      `<svg width="10" height="10"><image href="${ip}/svg-image.png" width="10" height="10"/></svg>`,
      `<script src="${ip}/script.js"></script><script>document.write('SCRIPT RAN')</script>`,
      `<meta http-equiv="refresh" content="0;url=${ip}/refresh"><p>The hostile paper.</p>`,
    ].join('\n');
    const out = await buildPdf(
      {
        title: 'Hostile',
        lang: 'en-GB',
        createdAt: new Date('2026-12-01T00:00:00Z'),
        footer: 'Test',
        css: `@import url(${ip}/import.css); body { background-image: url(${ip}/css-bg.png) } @font-face { font-family: Remote; src: url(${ip}/font.ttf) } .remote { font-family: Remote }`,
        parts: [
          { kind: 'html', id: 'a', bookmark: 'A', html: `<p class="remote">Remote font text</p>${hostile}` },
          { kind: 'html', id: 'b', bookmark: 'B', html: `<p style="list-style-image: url(${ip}/list.png); cursor: url(${ip}/cursor.png), auto">More</p>` },
        ],
      },
      engine,
    );
    // Anything in flight would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requested).toEqual([]);
    expect(connections).toBe(0);

    const path = pdfFile(out.bytes);
    const text = pageTexts(path).join(' ');
    expect(text).toContain('The hostile paper.');
    expect(text).toContain('Remote font text');
    expect(text).not.toContain('SCRIPT RAN');
    // The remote font never came: the text fell back to the pack's own font.
    expect(fonts(path).every((f) => f.embedded && !/Remote/.test(f.name))).toBe(true);
  });

  it('the test server does count a request that reaches it', async () => {
    const { port } = server.address() as AddressInfo;
    const before = connections;
    await fetch(`http://127.0.0.1:${port}/probe`);
    expect(connections).toBe(before + 1);
    expect(requested.at(-1)).toBe('/probe');
    requested.length = 0;
    connections = before;
  });
});
