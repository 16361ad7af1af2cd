/**
 * PDF appendices: read and checked before anything is laid out (an encrypted or broken file is
 * refused by its title), then their pages put in after their cover pages.
 */
import { PDFDict, type PDFDocument, PDFName, type PDFPage, PDFDocument as PdfDoc } from 'pdf-lib';
import { AppError } from '../../../shared/errors';
import { embedMissingFonts } from './appendix-fonts';
import type { PdfPart } from './types';

export interface LoadedAppendix {
  part: Extract<PdfPart, { kind: 'pdf' }>;
  doc: PDFDocument;
  pages: number;
}

function unreadable(title: string, why: string): AppError {
  return new AppError('INVALID_FILE', `The appendix “${title}” cannot go into the pack: ${why}`, {
    issues: [{ field: 'appendix', rule: 'readable_pdf', message: `“${title}”: ${why}` }],
  });
}

export async function loadAppendix(part: Extract<PdfPart, { kind: 'pdf' }>): Promise<LoadedAppendix> {
  const head = Buffer.from(part.bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw unreadable(part.title, 'the file is not a PDF. Attach the appendix as a PDF file.');
  let doc: PDFDocument;
  try {
    doc = await PdfDoc.load(part.bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    throw unreadable(part.title, 'the PDF is damaged and cannot be read. Save it again as a PDF and attach the new file.');
  }
  if (doc.isEncrypted) {
    throw unreadable(part.title, 'the PDF is encrypted (protected by a password or restrictions). Save a copy without protection and attach that.');
  }
  let pages: number;
  try {
    pages = doc.getPageCount();
  } catch {
    throw unreadable(part.title, 'the PDF is damaged and its pages cannot be read. Save it again as a PDF and attach the new file.');
  }
  if (pages === 0) throw unreadable(part.title, 'the PDF has no pages. Attach the finished document.');
  return { part, doc, pages };
}

/**
 * The appendix's own structure tags do not come across, and its pages' links into its parent tree
 * would point into ours: drop them, so its pages read as untagged content rather than wrong tags.
 */
function untag(page: PDFPage): void {
  page.node.delete(PDFName.of('StructParents'));
  const annots = page.node.Annots();
  if (!annots) return;
  for (let i = 0; i < annots.size(); i++) {
    const annot = annots.lookupMaybe(i, PDFDict);
    annot?.delete(PDFName.of('StructParent'));
  }
}

/** Puts the appendix's pages into `target` from page index `at` (0-based), in order. */
export async function insertAppendix(target: PDFDocument, appendix: LoadedAppendix, at: number): Promise<void> {
  let copied: PDFPage[];
  try {
    copied = await target.copyPages(appendix.doc, appendix.doc.getPageIndices());
  } catch {
    throw unreadable(appendix.part.title, 'some of its pages are damaged and cannot be copied. Save it again as a PDF and attach the new file.');
  }
  embedMissingFonts(target, copied);
  copied.forEach((page, i) => {
    untag(page);
    target.insertPage(at + i, page);
  });
}
