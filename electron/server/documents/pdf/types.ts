/**
 * The PDF engine's shapes: print-styled HTML in, one numbered, tagged, bookmarked A4 PDF out.
 * The pack (features/meetings/pack) builds a PdfInput; buildPdf lays it out with a PdfEngine (a
 * Chromium-family browser) and finishes it with pdf-lib (appendices, footer, outline, metadata).
 */

/** Something that turns one HTML document into PDF bytes: headless Chromium or Edge, or Electron. */
export interface PdfEngine {
  readonly name: string;
  /**
   * A4 by default; CSS `@page` sizes and margins win (named pages give landscape pages in the same
   * file). The PDF must be tagged; the browser must fetch nothing (the HTML is complete, fonts as
   * data: URLs) and must write a named destination for each element a link targets.
   */
  render(html: string, options: { landscapeDefault?: boolean; signal?: AbortSignal }): Promise<Uint8Array>;
  /**
   * Optional: lets go of what the layouts just done hold (a long pack's pages, hundreds of MB in
   * the browser) while keeping the browser up. buildPdf calls it once a long pack is laid out.
   */
  release?(): Promise<void>;
  close(): Promise<void>;
}

export type PdfPart =
  | { kind: 'html'; id: string; bookmark: string | null; html: string; landscape?: boolean; marking?: string }
  | { kind: 'pdf'; id: string; bookmark: string; title: string; bytes: Uint8Array; marking?: string };

export interface PdfInput {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** The document's language, e.g. 'en-GB'. */
  lang: string;
  /** Creation and modification dates in the metadata: the same input gives the same metadata. */
  createdAt: Date;
  /** Left of every page's footer, e.g. "Schools Forum · 10 December 2026". */
  footer: string;
  /** The pack's print CSS. The engine supplies the page set-up and the embedded fonts. */
  css: string;
  /** In order. */
  parts: PdfPart[];
  /** Re-rendered once page numbers are known: returns the html of the part with id contentsPartId. */
  contentsPartId?: string;
  renderContents?: (starts: Record<string, number>) => string;
}

export interface PdfOutput {
  bytes: Uint8Array;
  pages: number;
  /** 1-based page on which each part starts (a PDF appendix starts on its cover page). */
  starts: Record<string, number>;
}
