/**
 * One HTML document for the whole pack, so the browser lays out and tags it in one go: each part
 * in its own section starting a new page, a PDF appendix as a one-page cover (its pages are put
 * in after it), landscape parts on the named page `wide`.
 *
 * What the pack's CSS can rely on:
 * - `@page` is A4 portrait with margins that leave room for the marking (top) and the footer
 *   (bottom), both stamped afterwards; `@page wide` is A4 landscape with the same margins.
 * - any element with class `hnb-landscape` (a wide table, say) goes on landscape pages of its own;
 *   a part with `landscape: true` is such an element as a whole.
 * - the body font is Liberation Sans, embedded; the pack's CSS should not name another.
 */
import { FONT_FAMILY, fontFaceCss } from './fonts';
import type { PdfInput, PdfPart } from './types';

/** Page margins in millimetres: room above for a marking, below for the footer. */
export const MARGIN_MM = { top: 20, right: 18, bottom: 20, left: 18 } as const;

const PAGE_CSS = `
@page { size: A4 portrait; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm; }
@page wide { size: A4 landscape; margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm; }
html { font-family: '${FONT_FAMILY}', sans-serif; font-size: 11pt; line-height: 1.35; color: #000; }
body { margin: 0; }
.hnb-part { display: block; min-height: 1px; }
.hnb-part + .hnb-part { break-before: page; }
.hnb-landscape { page: wide; }
.hnb-appendix-cover h2 { font-size: 20pt; margin: 30mm 0 6mm; }
.hnb-appendix-cover p { font-size: 12pt; }
`;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A part's HTML cannot turn into head markup: a `<meta http-equiv="refresh">` would navigate the
 * page away mid-layout (to a request that is refused, leaving an error page), and `<base>` would
 * change what links resolve against. Such tags are made text, wherever they appear.
 */
function safeHtml(html: string): string {
  return html.replace(/<(meta|base)(?=[\s/>])/gi, '&lt;$1');
}

/** The pack's CSS cannot close its own style element and start markup. */
function safeCss(css: string): string {
  return css.replace(/<\/(style)/gi, '<\\/$1');
}

/**
 * The id of the section holding a part: a named destination in the PDF, read back to find the
 * page it starts on. The contents may link to it (`<a href="#${partAnchor(id)}">`), so a
 * reader clicking a contents line goes to the paper.
 */
export function partAnchor(partId: string): string {
  return `hnb-part-${partId.replace(/[^A-Za-z0-9_-]/g, (c) => `.${c.codePointAt(0)?.toString(16)}.`)}`;
}

/** The pack's parts laid out together: all of them, or one chunk (see build-pdf.ts). */
export interface Chunk {
  parts: PdfPart[];
  /** Replaces the contents part's html in this layout. */
  contentsHtml?: string;
  /**
   * Parts laid out in other chunks: each gets an empty, untagged target here, so the browser
   * keeps this chunk's links to it (it drops links to ids it cannot find); joining the chunks
   * then points them at the real page.
   */
  elsewhere?: string[];
}

/** The HTML of a chunk. `appendixPages` gives each PDF part's page count for its cover. */
export function chunkHtml(input: PdfInput, appendixPages: Map<string, number>, chunk: Chunk): string {
  // Chromium writes a named destination only for an element some link points at; links in a
  // hidden block add no tag and nothing on the page.
  const links = chunk.parts.map((part) => `<a href="#${partAnchor(part.id)}"></a>`).join('');
  const stubs = (chunk.elsewhere ?? []).map((id) => `<div id="${partAnchor(id)}" style="height:1px"></div>`).join('');
  const sections = chunk.parts.map((part) => {
    if (part.kind === 'pdf') {
      const n = appendixPages.get(part.id) ?? 0;
      return `<section id="${partAnchor(part.id)}" class="hnb-part hnb-appendix-cover"><h2>${escapeHtml(part.title)}</h2><p>This appendix follows on the next ${n === 1 ? 'page' : `${n} pages`}.</p></section>`;
    }
    const html = part.id === input.contentsPartId && chunk.contentsHtml !== undefined ? chunk.contentsHtml : part.html;
    return `<section id="${partAnchor(part.id)}" class="hnb-part${part.landscape ? ' hnb-landscape' : ''}">${safeHtml(html)}</section>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(input.lang)}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${fontFaceCss()}</style>`,
    `<style>${PAGE_CSS}</style>`,
    `<style>${safeCss(input.css)}</style>`,
    '</head><body>',
    `<div style="display:none">${links}</div>`,
    stubs ? `<div aria-hidden="true" style="position:absolute;top:0;left:0;width:1px;height:1px;overflow:hidden">${stubs}</div>` : '',
    ...sections,
    '</body></html>',
  ].join('\n');
}

/** The whole pack as one document. */
export function packHtml(input: PdfInput, appendixPages: Map<string, number>, contentsHtml?: string): string {
  return chunkHtml(input, appendixPages, { parts: input.parts, contentsHtml });
}
