/**
 * The pack's PDF. The browser lays the HTML out in chunks of parts, each a tagged PDF: first the
 * papers after the contents (their pages do not depend on it), then the front (cover, agenda,
 * contents) until the contents shows the pages the parts really start on. pdf-lib joins the
 * chunks into one tagged document (merge.ts), puts the PDF appendices in after their covers,
 * stamps the footer and markings, adds bookmarks and the metadata.
 *
 * Chunks keep a 200-page pack from being held in the browser at once, and mean a contents whose
 * numbers change is laid out again on its own rather than with every paper.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { AppError } from '../../../shared/errors';
import { insertAppendix, type LoadedAppendix, loadAppendix } from './appendices';
import { throwIfAborted } from './cancel';
import { namedDestinationPages } from './destinations';
import { chunkHtml, partAnchor } from './html';
import { joinDocument } from './merge';
import { setMetadata } from './metadata';
import { addOutline } from './outline';
import { embedStampFonts, stampPage } from './stamp';
import { normaliseStructureIds } from './structure-ids';
import type { PdfEngine, PdfInput, PdfOutput, PdfPart } from './types';

/** Layouts of the front at most, for the contents to show the pages the parts start on. */
export const MAX_PASSES = 3;
/** A layout of more pages than this has the engine let go of what it holds (PdfEngine.release). */
const RELEASE_AFTER_PAGES = 40;
/**
 * About this much HTML per chunk: some 25 pages of papers and tables. Smaller chunks hold less in
 * the browser and, since a tagged layout costs more than in proportion to its length, take no longer.
 */
export const CHUNK_CHARS = 100_000;

type Progress = (step: string, fraction: number) => void;

function checkInput(input: PdfInput): void {
  const issues: { field: string; rule: string; message: string }[] = [];
  if (input.parts.length === 0) issues.push({ field: 'parts', rule: 'not_empty', message: 'The pack has nothing in it: add at least one part.' });
  const seen = new Set<string>();
  for (const part of input.parts) {
    if (seen.has(part.id)) issues.push({ field: 'parts', rule: 'unique_id', message: `Two parts of the pack have the id “${part.id}”.` });
    seen.add(part.id);
  }
  if (input.contentsPartId !== undefined) {
    const contents = input.parts.find((p) => p.id === input.contentsPartId);
    if (contents?.kind !== 'html') {
      issues.push({ field: 'contentsPartId', rule: 'html_part', message: `The contents part “${input.contentsPartId}” is not an HTML part of the pack.` });
    }
  }
  if (issues.length > 0) throw AppError.invalid(issues);
}

/** The front (up to and with the contents, when the contents is numbered) and the rest in chunks. */
function planChunks(input: PdfInput, chunkChars: number): { front: PdfPart[]; rest: PdfPart[][] } {
  const numbered = input.renderContents ? input.parts.findIndex((p) => p.id === input.contentsPartId) : -1;
  const front = input.parts.slice(0, numbered + 1);
  const rest: PdfPart[][] = [];
  let chunk: PdfPart[] = [];
  let size = 0;
  for (const part of input.parts.slice(numbered + 1)) {
    const weight = part.kind === 'html' ? part.html.length : 500;
    if (chunk.length > 0 && size + weight > chunkChars) {
      rest.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(part);
    size += weight;
  }
  if (chunk.length > 0) rest.push(chunk);
  return { front, rest };
}

/** Where a chunk's parts start; its PDF is joined to the others as soon as it is laid out. */
interface Laid {
  parts: PdfPart[];
  /** 0-based page in this chunk's PDF on which each of its parts starts. */
  starts: number[];
  /** Its pages as the browser laid them out. */
  laidPages: number;
  /** Its pages once its appendices are in. */
  pages: number;
}

async function layOutChunk(
  input: PdfInput,
  engine: PdfEngine,
  appendixPages: Map<string, number>,
  parts: PdfPart[],
  extra: { contentsHtml?: string; elsewhere?: string[] },
  signal: AbortSignal | undefined,
): Promise<Laid & { doc: PDFDocument }> {
  const bytes = await engine.render(chunkHtml(input, appendixPages, { parts, ...extra }), { signal });
  throwIfAborted(signal);
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const dests = namedDestinationPages(doc);
  const starts = parts.map((part) => {
    const page = dests.get(partAnchor(part.id));
    if (page === undefined) throw new AppError('INTERNAL', `The PDF could not be numbered: the browser did not mark where “${part.id}” starts.`);
    return page;
  });
  const appended = parts.reduce((n, part) => n + (part.kind === 'pdf' ? (appendixPages.get(part.id) ?? 0) : 0), 0);
  const laidPages = doc.getPageCount();
  return { doc, parts, starts, laidPages, pages: laidPages + appended };
}

/** 1-based page in the finished PDF on which each part starts, chunks and appendices counted. */
function startsOf(chunks: Laid[], appendixPages: Map<string, number>): Record<string, number> {
  const starts: Record<string, number> = {};
  let before = 0;
  for (const chunk of chunks) {
    let inserted = 0;
    chunk.parts.forEach((part, i) => {
      starts[part.id] = before + (chunk.starts[i] as number) + inserted + 1;
      if (part.kind === 'pdf') inserted += appendixPages.get(part.id) ?? 0;
    });
    before += chunk.pages;
  }
  return starts;
}

function sameStarts(a: Record<string, number>, b: Record<string, number>): boolean {
  return Object.keys(a).every((id) => a[id] === b[id]);
}

/**
 * Lays the pack out chunk by chunk and joins the chunks into one tagged PDF as they come, so
 * only one chunk's PDF is held beside the whole. Structure names are kept apart per chunk here
 * and renamed in order across the pack once joined.
 */
async function layOut(
  input: PdfInput,
  engine: PdfEngine,
  appendixPages: Map<string, number>,
  chunkChars: number,
  signal: AbortSignal | undefined,
  progress: Progress,
): Promise<{ doc: PDFDocument; chunks: Laid[] }> {
  const { front, rest } = planChunks(input, chunkChars);
  const chunks: Laid[] = [];
  let doc: PDFDocument | undefined;
  for (const [i, parts] of rest.entries()) {
    progress('Laying out the pages', 0.05 + (0.55 * i) / rest.length);
    const { doc: laid, ...chunk } = await layOutChunk(input, engine, appendixPages, parts, {}, signal);
    normaliseStructureIds(laid, `c${i + 1}-`);
    if (doc) joinDocument(doc, laid, 'end');
    else doc = laid;
    chunks.push(chunk);
  }
  const renumber = input.renderContents;
  if (front.length === 0 || !renumber) return { doc: doc as PDFDocument, chunks };

  const elsewhere = rest.flat().map((p) => p.id);
  // A first guess: a page for each part of the front.
  let shown = startsOf([{ parts: front, starts: front.map((_, i) => i), laidPages: front.length, pages: front.length }, ...chunks], appendixPages);
  for (let pass = 1; ; pass++) {
    progress('Putting the page numbers in the contents', 0.6 + 0.05 * pass);
    const { doc: laid, ...first } = await layOutChunk(input, engine, appendixPages, front, { contentsHtml: renumber(shown), elsewhere }, signal);
    const starts = startsOf([first, ...chunks], appendixPages);
    if (sameStarts(starts, shown)) {
      normaliseStructureIds(laid, 'c0-');
      if (doc) joinDocument(doc, laid, 'start');
      return { doc: doc ?? laid, chunks: [first, ...chunks] };
    }
    if (pass === MAX_PASSES) {
      throw new AppError(
        'INTERNAL',
        `The PDF could not be made: after ${MAX_PASSES} layouts the contents still did not match the pages. Shorten the contents (long titles) and try again.`,
      );
    }
    shown = starts;
  }
}

export async function buildPdf(
  input: PdfInput,
  engine: PdfEngine,
  options: {
    signal?: AbortSignal;
    onProgress?: (step: string, fraction: number) => void;
    /** How much HTML goes into one layout (CHUNK_CHARS); tests make it small to join many chunks. */
    chunkChars?: number;
  } = {},
): Promise<PdfOutput> {
  const { signal } = options;
  // Each step starts by checking for a cancel, then says what it is doing.
  const progress: Progress = (step, fraction) => {
    throwIfAborted(signal);
    options.onProgress?.(step, fraction);
  };
  checkInput(input);

  progress('Checking the appendices', 0);
  const appendices = new Map<string, LoadedAppendix>();
  for (const part of input.parts) {
    if (part.kind === 'pdf') appendices.set(part.id, await loadAppendix(part));
    throwIfAborted(signal);
  }
  const appendixPages = new Map([...appendices].map(([id, a]) => [id, a.pages]));

  const { doc, chunks } = await layOut(input, engine, appendixPages, options.chunkChars ?? CHUNK_CHARS, signal, progress);
  // The browser's part is done: what it holds of a long pack's layouts would only add to
  // pdf-lib's peak. A short pack's page is kept warm for the next build.
  if (doc.getPageCount() > RELEASE_AFTER_PAGES) await engine.release?.();
  const starts = startsOf(chunks, appendixPages);
  normaliseStructureIds(doc);
  const laidStarts: number[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    for (const start of chunk.starts) laidStarts.push(offset + start);
    offset += chunk.laidPages;
  }
  const laidCount = doc.getPageCount();

  progress('Adding the appendices', 0.8);
  let inserted = 0;
  for (const [i, part] of input.parts.entries()) {
    const appendix = appendices.get(part.id);
    if (part.kind !== 'pdf' || !appendix) continue;
    // After the cover's last page: the page before the next part, or the end.
    const coverEnd = laidStarts[i + 1] ?? laidCount;
    await insertAppendix(doc, appendix, coverEnd + inserted);
    inserted += appendix.pages;
    throwIfAborted(signal);
  }

  progress('Numbering the pages', 0.85);
  const pages = doc.getPages();
  const fonts = await embedStampFonts(doc);
  input.parts.forEach((part, i) => {
    const first = (starts[part.id] as number) - 1;
    const next = input.parts[i + 1];
    const end = next ? (starts[next.id] as number) - 1 : pages.length;
    for (let p = first; p < end; p++) stampPage(pages[p] as (typeof pages)[number], fonts, input.footer, p + 1, pages.length, part.marking);
  });

  progress('Adding bookmarks', 0.9);
  addOutline(
    doc,
    input.parts.flatMap((part) => (part.bookmark === null ? [] : [{ title: part.bookmark, pageIndex: (starts[part.id] as number) - 1 }])),
  );
  setMetadata(doc, input);

  progress('Saving the PDF', 0.95);
  const bytes = await doc.save({ useObjectStreams: true });
  progress('Done', 1);
  return { bytes, pages: pages.length, starts };
}
