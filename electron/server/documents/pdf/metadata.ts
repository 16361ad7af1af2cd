/**
 * The document's metadata, all from the input (never the clock), in the info dictionary and the
 * XMP stream accessibility checkers read: title shown in the window's title bar, language,
 * author, subject, keywords, producer, dates.
 */
import { createHash } from 'node:crypto';
import { PDFHexString, type PDFDocument, PDFName } from 'pdf-lib';
import type { PdfInput } from './types';

export const PRODUCER = 'HNB Desk';

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function xmp(input: PdfInput): string {
  const when = input.createdAt.toISOString();
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(input.title)}</dc:title>`,
    input.author ? `<dc:creator><rdf:Seq><rdf:li>${xml(input.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    input.subject ? `<dc:description>${alt(input.subject)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xml(input.lang)}</rdf:li></rdf:Bag></dc:language>`,
    input.keywords?.length ? `<pdf:Keywords>${xml(input.keywords.join(', '))}</pdf:Keywords>` : '',
    `<pdf:Producer>${PRODUCER}</pdf:Producer>`,
    `<xmp:CreatorTool>${PRODUCER}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${when}</xmp:CreateDate><xmp:ModifyDate>${when}</xmp:ModifyDate><xmp:MetadataDate>${when}</xmp:MetadataDate>`,
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

export function setMetadata(doc: PDFDocument, input: PdfInput): void {
  doc.setTitle(input.title, { showInWindowTitleBar: true });
  doc.setLanguage(input.lang);
  if (input.author) doc.setAuthor(input.author);
  if (input.subject) doc.setSubject(input.subject);
  if (input.keywords?.length) doc.setKeywords(input.keywords);
  doc.setProducer(PRODUCER);
  doc.setCreator(PRODUCER);
  doc.setCreationDate(input.createdAt);
  doc.setModificationDate(input.createdAt);

  const { context } = doc;
  const stream = context.stream(new TextEncoder().encode(xmp(input)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), context.register(stream));

  // A file identifier from the input, not a random one: the same pack gives the same bytes.
  const id = createHash('sha256').update(`${input.title}\n${input.createdAt.toISOString()}\n${doc.getPageCount()}`).digest('hex').slice(0, 32);
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
