/**
 * Where each part starts in the browser's PDF, read from the named destinations it writes for
 * link targets (html.ts links every part's anchor): the page the part's section begins on.
 */
import { PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFString } from 'pdf-lib';

function destPage(doc: PDFDocument, value: PDFObject | undefined): PDFRef | undefined {
  const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
  const array = resolved instanceof PDFDict ? resolved.lookup(PDFName.of('D')) : resolved;
  if (!(array instanceof PDFArray)) return undefined;
  const page = array.get(0);
  return page instanceof PDFRef ? page : undefined;
}

/** Name tree leaves (PDF 1.2 /Names /Dests), depth-first. */
function walkNameTree(doc: PDFDocument, node: PDFDict, found: Map<string, PDFRef>, depth = 0): void {
  if (depth > 32) return;
  const names = node.lookup(PDFName.of('Names'));
  if (names instanceof PDFArray) {
    for (let i = 0; i + 1 < names.size(); i += 2) {
      const key = names.lookup(i);
      const page = destPage(doc, names.get(i + 1));
      if (page && (key instanceof PDFString || key instanceof PDFHexString)) found.set(key.decodeText(), page);
    }
  }
  const kids = node.lookup(PDFName.of('Kids'));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = kids.lookup(i);
      if (kid instanceof PDFDict) walkNameTree(doc, kid, found, depth + 1);
    }
  }
}

/** Every named destination's 0-based page index. */
export function namedDestinationPages(doc: PDFDocument): Map<string, number> {
  const byRef = new Map<string, PDFRef>();
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) {
    for (const [name, value] of dests.entries()) {
      const page = destPage(doc, value);
      if (page) byRef.set(name.decodeText(), page);
    }
  }
  const names = doc.catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined;
  if (tree instanceof PDFDict) walkNameTree(doc, tree, byRef);

  const index = new Map<string, number>();
  for (const [i, page] of doc.getPages().entries()) index.set(page.ref.toString(), i);
  const pages = new Map<string, number>();
  for (const [name, ref] of byRef) {
    const i = index.get(ref.toString());
    if (i !== undefined) pages.set(name, i);
  }
  return pages;
}
