/** Bookmarks: one top-level entry per part that asks for one, opening at the page it starts on. */
import { PDFHexString, type PDFDocument, PDFName, type PDFRef } from 'pdf-lib';

export interface Bookmark {
  title: string;
  /** 0-based page index. */
  pageIndex: number;
}

export function addOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const { context } = doc;
  const pages = doc.getPages();
  const rootRef = context.nextRef();
  const refs: PDFRef[] = bookmarks.map(() => context.nextRef());
  bookmarks.forEach((bookmark, i) => {
    const page = pages[bookmark.pageIndex];
    if (!page) throw new Error(`bookmark “${bookmark.title}” points past the last page`);
    const rotated = page.getRotation().angle % 180 !== 0;
    const { y, height } = page.getCropBox();
    // The top of the page at the reader's zoom; /Fit for a rotated page, whose top is a side.
    const dest = rotated ? [page.ref, 'Fit'] : [page.ref, 'XYZ', null, y + height, null];
    const item = context.obj({ Title: PDFHexString.fromText(bookmark.title), Parent: rootRef, Dest: dest });
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    context.assign(refs[i] as PDFRef, item);
  });
  context.assign(rootRef, context.obj({ Type: 'Outlines', First: refs[0] as PDFRef, Last: refs[refs.length - 1] as PDFRef, Count: refs.length }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
