/** Appendix PDFs for the tests: ordinary, rotated, encrypted and broken. */
import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFOperator, PDFOperatorNames, PDFString, StandardFonts } from 'pdf-lib';
import { regularFontBytes } from '../../../../../electron/server/documents/pdf/fonts';

/** A PDF whose pages say "<label> page i", with the font embedded (as any real appendix's would be). */
export async function appendixPdf(label: string, pages: number, options: { landscape?: boolean; rotate?: number } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(regularFontBytes(), { subset: true });
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage(options.landscape ? [842, 595] : [595, 842]);
    if (options.rotate) page.setRotation(degrees(options.rotate));
    page.drawText(`${label} page ${i}`, { x: 80, y: 300, size: 16, font });
  }
  return doc.save();
}

/**
 * An appendix encrypted the way a password-protected PDF is marked: an /Encrypt dictionary in
 * the trailer (standard security handler). Readers, poppler included, treat it as encrypted.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  const { context } = doc;
  const encrypt = context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFHexString.of('7a2c5a6d1f2e3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4'),
    U: PDFHexString.of('8b3d6b7e2f3f4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5'),
  });
  encrypt.set(PDFName.of('P'), PDFNumber.of(-44));
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = context.obj([PDFHexString.of('00112233445566778899aabbccddeeff'), PDFHexString.of('00112233445566778899aabbccddeeff')]);
  return doc.save({ useObjectStreams: false });
}

/** Starts like a PDF, then nothing a reader can use. */
export function brokenPdf(): Uint8Array {
  return new TextEncoder().encode(`%PDF-1.7\n${'garbage '.repeat(200)}\n%%EOF\n`);
}

/**
 * An appendix as pdf-lib and older PDF printers make them: Helvetica, Times and Courier named but
 * not embedded, Helvetica with WinAnsi codes (£, –, ’) and Times with none (StandardEncoding).
 */
export async function unembeddedFontsPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const timesBold = await doc.embedFont(StandardFonts.TimesRomanBold);
  const courier = await doc.embedFont(StandardFonts.CourierOblique);
  page.drawText('Helvetica line: £3,749,700 – the forecast’s overspend', { x: 60, y: 760, size: 14, font: helvetica });
  page.drawText('Times bold line: Schools Forum', { x: 60, y: 730, size: 14, font: timesBold });
  page.drawText('Courier oblique line: 12345', { x: 60, y: 700, size: 14, font: courier });
  // A Type 1 font with no /Encoding at all, as older printers write it: StandardEncoding.
  const bare = doc.context.register(doc.context.obj({ Type: 'Font', Subtype: 'Type1', BaseFont: 'Times-Roman' }));
  page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict).set(PDFName.of('Bare'), bare);
  page.pushOperators(
    PDFOperator.of(PDFOperatorNames.BeginText),
    PDFOperator.of(PDFOperatorNames.SetFontAndSize, [PDFName.of('Bare'), PDFNumber.of(14)]),
    PDFOperator.of(PDFOperatorNames.MoveText, [PDFNumber.of(60), PDFNumber.of(670)]),
    PDFOperator.of(PDFOperatorNames.ShowText, [PDFString.of("Times bare line: it's")]),
    PDFOperator.of(PDFOperatorNames.EndText),
  );
  return doc.save();
}
