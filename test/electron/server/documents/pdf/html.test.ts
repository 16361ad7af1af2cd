/** The pack's one HTML document, before any browser sees it. */
import { describe, expect, it } from 'vitest';
import { fontAtUrl, fontFaceCss, fontFaceUrlCss } from '../../../../../electron/server/documents/pdf/fonts';
import { packHtml, partAnchor } from '../../../../../electron/server/documents/pdf/html';
import type { PdfInput } from '../../../../../electron/server/documents/pdf/types';

const base: PdfInput = { title: 'Pack <1>', lang: 'en-GB', createdAt: new Date(0), footer: 'f', css: '', parts: [] };

describe('partAnchor', () => {
  it('gives each part id its own anchor, of characters safe in an id, a URL fragment and a PDF name', () => {
    const ids = ['item-1', 'item 1', 'item/1', 'item.1', 'é', 'a.2f.b', 'a/b'];
    const anchors = ids.map(partAnchor);
    expect(new Set(anchors).size).toBe(ids.length);
    for (const anchor of anchors) expect(anchor).toMatch(/^hnb-part-[A-Za-z0-9_.-]+$/);
  });
});

describe('packHtml', () => {
  it('starts each part on a new page in its own section, landscape parts on the wide page', () => {
    const html = packHtml(
      {
        ...base,
        parts: [
          { kind: 'html', id: 'a', bookmark: null, html: '<p>A</p>' },
          { kind: 'html', id: 'b', bookmark: null, html: '<p>B</p>', landscape: true },
          { kind: 'pdf', id: 'c', bookmark: 'C', title: 'Appendix <C> & more', bytes: new Uint8Array() },
        ],
      },
      new Map([['c', 3]]),
    );
    expect(html).toContain('<section id="hnb-part-a" class="hnb-part"><p>A</p></section>');
    expect(html).toContain('<section id="hnb-part-b" class="hnb-part hnb-landscape"><p>B</p></section>');
    expect(html).toContain('<h2>Appendix &#60;C&#62; &#38; more</h2><p>This appendix follows on the next 3 pages.</p>');
    expect(html).toContain('@page wide { size: A4 landscape;');
    expect(html).toContain('<title>Pack &#60;1&#62;</title>');
    expect(html).toContain('<html lang="en-GB">');
    // Every part's anchor is linked, so the browser writes a named destination for it.
    for (const id of ['a', 'b', 'c']) expect(html).toContain(`<a href="#${partAnchor(id)}"></a>`);
  });

  it('makes head-only tags in a part into text, and keeps the CSS inside its style element', () => {
    const html = packHtml(
      {
        ...base,
        css: 'p { color: red } </style><script>alert(1)</script>',
        parts: [{ kind: 'html', id: 'a', bookmark: null, html: '<META http-equiv="refresh" content="0;url=http://x"><base href="http://x/"><p>ok</p>' }],
      },
      new Map(),
    );
    expect(html).not.toMatch(/<meta http-equiv/i);
    expect(html).toContain('&lt;META http-equiv');
    expect(html).toContain('&lt;base href');
    expect(html).not.toContain('</style><script>');
  });

  it('uses the contents html given for this layout in place of the contents part', () => {
    const html = packHtml(
      { ...base, contentsPartId: 'toc', parts: [{ kind: 'html', id: 'toc', bookmark: null, html: '<p>placeholder</p>' }] },
      new Map(),
      '<p>Page 7</p>',
    );
    expect(html).toContain('<p>Page 7</p>');
    expect(html).not.toContain('placeholder');
  });
});

describe('fonts', () => {
  it('embeds every face as a data URL, or names URLs an engine answers from memory and nothing else', () => {
    expect(fontFaceCss().match(/@font-face/g)).toHaveLength(4);
    expect(fontFaceCss()).toContain("font-family:'Liberation Sans'");
    const urls = [...fontFaceUrlCss().matchAll(/url\(([^)]+)\)/g)].map((m) => m[1] as string);
    expect(urls).toHaveLength(4);
    for (const url of urls) expect(fontAtUrl(url)?.length).toBeGreaterThan(100_000);
    expect(fontAtUrl('https://fonts.hnb-desk.invalid/../../etc/passwd')).toBeUndefined();
    expect(fontAtUrl('http://127.0.0.1/LiberationSans-Regular.ttf')).toBeUndefined();
  });
});
