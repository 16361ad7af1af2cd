/**
 * The running text pdf-lib stamps on every page once the final page count is known: the footer
 * (the pack's line on the left, "Page n of N" on the right) and, on the pages of an exempt part,
 * its marking at the top. It is wrapped as a pagination artifact, so the tagged structure the
 * browser wrote stays as it was and a screen reader does not read it page after page.
 */
import fontkit from '@pdf-lib/fontkit';
import {
  concatTransformationMatrix,
  type PDFDocument,
  type PDFFont,
  PDFName,
  PDFOperator,
  PDFOperatorNames,
  type PDFPage,
  popGraphicsState,
  pushGraphicsState,
  rgb,
} from 'pdf-lib';
import { boldFontBytes, regularFontBytes } from './fonts';

const MM = 72 / 25.4;
const SIDE = 18 * MM;
const FOOTER_SIZE = 8.5;
const FOOTER_BASELINE = 10 * MM;
const RULE_Y = 14 * MM;
const MARKING_SIZE = 9;
const MARKING_BASELINE_FROM_TOP = 11 * MM;
const GREY = rgb(0.33, 0.33, 0.33);

export interface StampFonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function embedStampFonts(doc: PDFDocument): Promise<StampFonts> {
  doc.registerFontkit(fontkit);
  // Named here, not with pdf-lib's random suffix, so the same pack gives the same bytes; the
  // six-letter tag marks them as subsets.
  const [regular, bold] = await Promise.all([
    doc.embedFont(regularFontBytes(), { subset: true, customName: 'HNBFTA+LiberationSans' }),
    doc.embedFont(boldFontBytes(), { subset: true, customName: 'HNBFTB+LiberationSans-Bold' }),
  ]);
  return { regular, bold };
}

/** Cuts text to fit a width, ending it with an ellipsis. */
function clip(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = text;
  while (cut.length > 1 && font.widthOfTextAtSize(`${cut}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

function artifact(page: PDFPage, subtype: 'Header' | 'Footer', draw: () => void): void {
  // The property list is written inline, as raw operand text (pdf-lib has no dict operand).
  page.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Artifact'), `<</Type /Pagination /Subtype /${subtype}>>`]));
  draw();
  page.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
}

/**
 * Draws in the page as it is shown: an appendix page may be rotated or have its crop box away
 * from the origin, and the footer still goes along its visible bottom edge.
 */
function shownFrame(page: PDFPage): { width: number; height: number; matrix: [number, number, number, number, number, number] } {
  const box = page.getCropBox();
  const x0 = box.x;
  const y0 = box.y;
  const x1 = box.x + box.width;
  const y1 = box.y + box.height;
  const angle = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  switch (angle) {
    case 90:
      return { width: box.height, height: box.width, matrix: [0, 1, -1, 0, x1, y0] };
    case 180:
      return { width: box.width, height: box.height, matrix: [-1, 0, 0, -1, x1, y1] };
    case 270:
      return { width: box.height, height: box.width, matrix: [0, -1, 1, 0, x0, y1] };
    default:
      return { width: box.width, height: box.height, matrix: [1, 0, 0, 1, x0, y0] };
  }
}

export function stampPage(page: PDFPage, fonts: StampFonts, footer: string, pageNumber: number, pageCount: number, marking: string | undefined): void {
  const { width, height, matrix } = shownFrame(page);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(...matrix));

  artifact(page, 'Footer', () => {
    const right = `Page ${pageNumber} of ${pageCount}`;
    const rightWidth = fonts.regular.widthOfTextAtSize(right, FOOTER_SIZE);
    page.drawLine({ start: { x: SIDE, y: RULE_Y }, end: { x: width - SIDE, y: RULE_Y }, thickness: 0.5, color: GREY });
    page.drawText(right, { x: width - SIDE - rightWidth, y: FOOTER_BASELINE, size: FOOTER_SIZE, font: fonts.regular, color: rgb(0, 0, 0) });
    const left = clip(footer, fonts.regular, FOOTER_SIZE, width - 2 * SIDE - rightWidth - 8 * MM);
    page.drawText(left, { x: SIDE, y: FOOTER_BASELINE, size: FOOTER_SIZE, font: fonts.regular, color: rgb(0, 0, 0) });
  });

  if (marking) {
    artifact(page, 'Header', () => {
      const text = clip(marking, fonts.bold, MARKING_SIZE, width - 2 * SIDE);
      const textWidth = fonts.bold.widthOfTextAtSize(text, MARKING_SIZE);
      const y = height - MARKING_BASELINE_FROM_TOP;
      page.drawText(text, { x: (width - textWidth) / 2, y, size: MARKING_SIZE, font: fonts.bold, color: rgb(0, 0, 0) });
      page.drawRectangle({
        x: (width - textWidth) / 2 - 2 * MM,
        y: y - 1.6 * MM,
        width: textWidth + 4 * MM,
        height: MARKING_SIZE + 1.6 * MM,
        borderWidth: 0.75,
        borderColor: rgb(0, 0, 0),
      });
    });
  }

  page.pushOperators(popGraphicsState());
}
