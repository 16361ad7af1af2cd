/**
 * The PDF engine end to end, in the real browser (/usr/bin/chromium or HNB_BROWSER) and read back
 * with poppler: one pack with a contents, a PDF appendix, a landscape part in the middle, an
 * exempt part with its own (rotated) appendix, built once and checked from every side. Each part
 * after the contents is laid out on its own and the chunks joined, as a long pack's are.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playwrightEngine } from '../../../../../electron/server/documents/pdf/browser';
import { buildPdf } from '../../../../../electron/server/documents/pdf/build-pdf';
import { partAnchor } from '../../../../../electron/server/documents/pdf/html';
import type { PdfEngine, PdfInput, PdfOutput, PdfPart } from '../../../../../electron/server/documents/pdf/types';
import { substituteFor } from '../../../../../electron/server/documents/pdf/appendix-fonts';
import { appendixPdf, unembeddedFontsPdf } from './fixtures';
import { fonts, infoField, pageSizes, pageTexts, pdfFile, pdfinfo } from './poppler';

const MARKING = 'NOT FOR PUBLICATION – Schedule 12A paragraph 3';
const FOOTER = 'Schools Forum · 10 December 2026';

const paragraphs = (label: string, n: number) =>
  Array.from({ length: n }, (_, i) => `<p>${label} paragraph ${i + 1}: the high needs block is forecast to overspend by £3,749,700 at period 7.</p>`).join('');

const wideTable = `<table><thead><tr><th>Line</th>${Array.from({ length: 13 }, (_, i) => `<th>P${i + 1}</th>`).join('')}</tr></thead><tbody>${Array.from(
  { length: 12 },
  (_, r) => `<tr><td>Line ${r + 1}</td>${Array.from({ length: 13 }, (_, i) => `<td>£${(120_000 + r * 1000 + i).toLocaleString('en-GB')}</td>`).join('')}</tr>`,
).join('')}</tbody></table>`;

/** What each part's first page must show, to check `starts` against the text. */
const HEADINGS: Record<string, string> = {
  cover: 'Schools Forum meeting pack',
  contents: 'Contents',
  item1: 'Minutes of the last meeting',
  app1: 'Appendix 1A: action log',
  item2: 'High needs monitoring at period 7',
  item3: 'Contract award for specialist places',
  app3: 'Appendix 3A: tender scores',
  item4: 'Date of the next meeting',
};

async function packInput(): Promise<PdfInput> {
  const parts: PdfPart[] = [
    { kind: 'html', id: 'cover', bookmark: 'Cover', html: `<h1>${HEADINGS.cover}</h1><p>Thursday 10 December 2026 at 2pm</p>` },
    { kind: 'html', id: 'contents', bookmark: 'Contents', html: '' },
    { kind: 'html', id: 'item1', bookmark: '1 Minutes', html: `<h1>${HEADINGS.item1}</h1>${paragraphs('Minutes', 70)}` },
    { kind: 'pdf', id: 'app1', bookmark: 'Appendix 1A', title: HEADINGS.app1 as string, bytes: await appendixPdf('Action log', 2) },
    { kind: 'html', id: 'item2', bookmark: '2 Monitoring', html: `<h1>${HEADINGS.item2}</h1>${wideTable}`, landscape: true },
    { kind: 'html', id: 'item3', bookmark: '3 Contract award', html: `<h1>${HEADINGS.item3}</h1>${paragraphs('Contract', 50)}`, marking: MARKING },
    {
      kind: 'pdf',
      id: 'app3',
      bookmark: 'Appendix 3A',
      title: HEADINGS.app3 as string,
      bytes: await appendixPdf('Tender scores', 2, { rotate: 90 }),
      marking: MARKING,
    },
    { kind: 'html', id: 'item4', bookmark: null, html: `<h1>${HEADINGS.item4}</h1><p>11 February 2027.</p>` },
  ];
  const listed = parts.filter((p) => p.id !== 'contents' && p.id !== 'cover');
  return {
    title: 'Schools Forum, 10 December 2026: meeting pack',
    subject: 'Agenda, papers and appendices',
    author: 'Clerk to the Schools Forum',
    keywords: ['Schools Forum', 'High Needs'],
    lang: 'en-GB',
    createdAt: new Date('2026-12-01T09:30:00Z'),
    footer: FOOTER,
    css: 'table { border-collapse: collapse; font-size: 8pt } th, td { border: 1px solid #999; padding: 2pt }',
    parts,
    contentsPartId: 'contents',
    renderContents: (starts) =>
      `<h1>Contents</h1>${listed.map((p) => `<p class="entry"><a href="#${partAnchor(p.id)}">${HEADINGS[p.id]}</a> ..... page ${starts[p.id]}</p>`).join('')}`,
  };
}

let engine: PdfEngine;
let input: PdfInput;
let out: PdfOutput;
let path: string;
let texts: string[];
const steps: [string, number][] = [];

beforeAll(async () => {
  engine = playwrightEngine();
  input = await packInput();
  // Every part after the contents laid out on its own, so the joining of chunks is tried hardest.
  out = await buildPdf(input, engine, { chunkChars: 1, onProgress: (step, fraction) => steps.push([step, fraction]) });
  path = pdfFile(out.bytes);
  texts = pageTexts(path);
});

afterAll(async () => {
  await engine?.close();
});

describe('buildPdf: the pack read back', () => {
  it('has the page count pdfinfo reads, and every page says "Page n of N" beside the footer line', () => {
    expect(Number(infoField(pdfinfo(path), 'Pages'))).toBe(out.pages);
    expect(texts).toHaveLength(out.pages);
    texts.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${out.pages}`);
      expect(text, `page ${i + 1}`).toContain(FOOTER);
    });
  });

  it('starts each part on the page `starts` names, appendix pages counted', () => {
    // cover 1, contents 2, minutes 3-5, appendix 1A cover 6 + 2 pages, monitoring (landscape), ...
    expect(out.starts.cover).toBe(1);
    expect(out.starts.contents).toBe(2);
    expect(out.starts.app1).toBeGreaterThan(out.starts.item1 as number);
    expect(out.starts.item2).toBe((out.starts.app1 as number) + 3);
    for (const [id, heading] of Object.entries(HEADINGS)) {
      const start = out.starts[id] as number;
      expect(texts[start - 1], `${id} on page ${start}`).toContain(heading);
      // ...and not on the page before (the part really starts there), the contents aside.
      if (start > 1 && start - 1 !== out.starts.contents) expect(texts[start - 2], `${id} not before page ${start}`).not.toContain(heading);
    }
  });

  it('puts the appendix pages straight after their cover, in order', () => {
    const app1 = out.starts.app1 as number;
    expect(texts[app1]).toContain('Action log page 1');
    expect(texts[app1 + 1]).toContain('Action log page 2');
    const app3 = out.starts.app3 as number;
    expect(texts[app3]).toContain('Tender scores page 1');
    expect(texts[app3 + 1]).toContain('Tender scores page 2');
  });

  it('shows in the contents the page each entry is on', () => {
    const contents = texts[(out.starts.contents as number) - 1] as string;
    const listed = Object.values(HEADINGS).slice(2);
    for (const title of listed) {
      const page = Number(new RegExp(`${title} \\.+ page (\\d+)`).exec(contents)?.[1]);
      expect(page, title).toBeGreaterThan(2);
      expect(texts[page - 1], `${title} on page ${page}`).toContain(title);
    }
  });

  it('lays the landscape part on landscape A4 pages and the rest on portrait A4', () => {
    const sizes = pageSizes(path, out.pages);
    const landscape = new Set<number>();
    for (let p = out.starts.item2 as number; p < (out.starts.item3 as number); p++) landscape.add(p);
    sizes.forEach(([w, h], i) => {
      const page = i + 1;
      if (page > (out.starts.app3 as number)) return; // the rotated appendix pages: checked below
      const [long, short] = [Math.max(w, h), Math.min(w, h)];
      expect(Math.round(long), `page ${page}`).toBe(842);
      expect(Math.round(short), `page ${page}`).toBe(595);
      expect(w > h, `page ${page} landscape?`).toBe(landscape.has(page));
    });
    expect(landscape.size).toBeGreaterThan(0);
  });

  it('marks every page of the exempt part and its appendix, and no other page', () => {
    const first = out.starts.item3 as number;
    const last = (out.starts.item4 as number) - 1;
    texts.forEach((text, i) => {
      const page = i + 1;
      expect(text.includes(MARKING), `page ${page}`).toBe(page >= first && page <= last);
    });
    // The marking sits at the top of the page, above the paper's heading.
    expect(texts[first - 1]?.indexOf(MARKING)).toBeLessThan(texts[first - 1]?.indexOf(HEADINGS.item3 as string) as number);
  });

  it('is tagged, and the stamped footer and marking stay out of the structure', () => {
    expect(infoField(pdfinfo(path), 'Tagged')).toBe('yes');
    const structure = pdfinfo(path, ['-struct-text']);
    expect(structure).toContain(HEADINGS.item3);
    expect(structure).toContain(HEADINGS.app1); // the appendix cover is tagged content
    expect(structure).not.toContain('Page 1 of');
    expect(structure).not.toContain('NOT FOR PUBLICATION');
  });

  it('ties every page’s marked content to structure on that page (the parent tree survives the joining of chunks)', async () => {
    const doc = await PDFDocument.load(out.bytes, { updateMetadata: false });
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const nums = root.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
    const tree = new Map<number, unknown>();
    for (let i = 0; i < nums.size(); i += 2) tree.set((nums.lookup(i) as PDFNumber).asNumber(), nums.lookup(i + 1));
    const keys = new Set<number>();
    let tagged = 0;
    for (const page of doc.getPages()) {
      const key = page.node.get(PDFName.of('StructParents'));
      if (!(key instanceof PDFNumber)) continue; // appendix pages: untagged
      tagged++;
      expect(keys.has(key.asNumber()), `key ${key.asNumber()} used once`).toBe(false);
      keys.add(key.asNumber());
      const elements = tree.get(key.asNumber());
      expect(elements).toBeInstanceOf(PDFArray);
      for (const element of (elements as PDFArray).asArray()) {
        const dict = doc.context.lookup(element as PDFRef, PDFDict);
        expect(dict.get(PDFName.of('Pg'))?.toString()).toBe(page.ref.toString());
      }
    }
    expect(tagged).toBe(out.pages - 4);
    expect((root.lookup(PDFName.of('ParentTreeNextKey')) as PDFNumber).asNumber()).toBeGreaterThan(Math.max(...keys));
    // One Document element holds every chunk's structure.
    const document = root.lookup(PDFName.of('K'));
    const top = document instanceof PDFArray ? document.asArray() : [document];
    expect(top).toHaveLength(1);
  });

  it('embeds every font', () => {
    const list = fonts(path);
    expect(list.length).toBeGreaterThan(0);
    for (const font of list) expect(font.embedded, font.name).toBe(true);
    expect(list.some((f) => f.name.includes('LiberationSans'))).toBe(true);
  });

  it('carries the metadata from the input, the title shown in the window title bar', async () => {
    const info = pdfinfo(path);
    expect(infoField(info, 'Title')).toBe(input.title);
    expect(infoField(info, 'Author')).toBe(input.author);
    expect(infoField(info, 'Subject')).toBe(input.subject);
    expect(infoField(info, 'Producer')).toBe('HNB Desk');
    expect(infoField(info, 'Creator')).toBe('HNB Desk');
    expect(infoField(info, 'Metadata Stream')).toBe('yes');
    expect(infoField(info, 'CreationDate')).toMatch(/Dec\s+1 09:30:00 2026 UTC/);
    expect(infoField(info, 'ModDate')).toMatch(/Dec\s+1 09:30:00 2026 UTC/);
    const doc = await PDFDocument.load(out.bytes, { updateMetadata: false });
    const lang = doc.catalog.lookup(PDFName.of('Lang'));
    expect(lang instanceof PDFString || lang instanceof PDFHexString ? lang.decodeText() : undefined).toBe('en-GB');
    const prefs = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
  });

  it('has a bookmark for each part that asks for one, opening on its first page', async () => {
    const doc = await PDFDocument.load(out.bytes, { updateMetadata: false });
    const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const found: [string, number][] = [];
    let ref = outlines.get(PDFName.of('First'));
    while (ref instanceof PDFRef) {
      const item = doc.context.lookup(ref, PDFDict);
      const title = item.lookup(PDFName.of('Title'));
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      found.push([(title as PDFHexString).decodeText(), pageIndex.get((dest.get(0) as PDFRef).toString()) as number]);
      ref = item.get(PDFName.of('Next'));
    }
    const expected = input.parts.flatMap((p) => (p.bookmark === null ? [] : [[p.bookmark, out.starts[p.id]] as [string, number]]));
    expect(found).toEqual(expected);
    expect(doc.catalog.lookup(PDFName.of('PageMode'))?.toString()).toBe('/UseOutlines');
  });

  it('links each contents line to the page its part starts on, across the joined chunks', async () => {
    const doc = await PDFDocument.load(out.bytes, { updateMetadata: false });
    const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    const annots =
      doc
        .getPage((out.starts.contents as number) - 1)
        .node.Annots()
        ?.asArray() ?? [];
    const targets = annots.map((a) => {
      const name = doc.context.lookup(a as PDFRef, PDFDict).get(PDFName.of('Dest')) as PDFName;
      const dest = dests.lookup(name, PDFArray);
      return [name.decodeText(), pageIndex.get((dest.get(0) as PDFRef).toString())];
    });
    const listed = input.parts.filter((p) => p.id !== 'cover' && p.id !== 'contents');
    expect(targets).toEqual(listed.map((p) => [partAnchor(p.id), out.starts[p.id]]));
  });

  it('reports its steps in order, ending at 1', () => {
    const fractions = steps.map(([, f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(steps[0]?.[0]).toBe('Checking the appendices');
    expect(steps.at(-1)).toEqual(['Done', 1]);
  });

  it('gives the same bytes for the same input, laid out again by a page that has laid out others', async () => {
    const again = await buildPdf(input, engine, { chunkChars: 1 });
    expect(Buffer.from(again.bytes).equals(Buffer.from(out.bytes))).toBe(true);
  });
});

describe('appendix fonts', () => {
  it('embeds Liberation in place of Helvetica, Times and Courier an appendix names but does not embed, the text unchanged', async () => {
    const appendix = await unembeddedFontsPdf();
    expect(fonts(pdfFile(appendix)).filter((f) => !f.embedded)).toHaveLength(4);
    const built = await buildPdf(
      {
        ...input,
        contentsPartId: undefined,
        renderContents: undefined,
        parts: [{ kind: 'pdf', id: 'a', bookmark: 'A', title: 'Old printer', bytes: appendix }],
      },
      engine,
    );
    const file = pdfFile(built.bytes);
    const list = fonts(file);
    expect(list.filter((f) => !f.embedded)).toEqual([]);
    expect(list.map((f) => f.name)).toEqual(expect.arrayContaining(['LiberationSans', 'LiberationSerif-Bold', 'LiberationMono-Italic', 'LiberationSerif']));
    const page = pageTexts(file)[1];
    expect(page).toContain('Helvetica line: £3,749,700 – the forecast’s overspend');
    expect(page).toContain('Times bold line: Schools Forum');
    expect(page).toContain('Courier oblique line: 12345');
    expect(page).toContain('Times bare line: it’s');
  });

  it('stands in only for the families Liberation has the widths of', () => {
    expect(substituteFor('Helvetica-BoldOblique')).toEqual({ family: 'Sans', bold: true, italic: true });
    expect(substituteFor('ABCDEF+Arial,Bold')).toEqual({ family: 'Sans', bold: true, italic: false });
    expect(substituteFor('ArialMT')).toEqual({ family: 'Sans', bold: false, italic: false });
    expect(substituteFor('TimesNewRomanPS-ItalicMT')).toEqual({ family: 'Serif', bold: false, italic: true });
    expect(substituteFor('Courier')).toEqual({ family: 'Mono', bold: false, italic: false });
    expect(substituteFor('Arial Narrow')).toBeUndefined();
    expect(substituteFor('Symbol')).toBeUndefined();
    expect(substituteFor('Calibri')).toBeUndefined();
  });
});
