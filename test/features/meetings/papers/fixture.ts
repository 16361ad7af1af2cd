/** Bodies, meetings and items for paper tests, made through the same calls the screens use. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { RichDoc, RichNode } from '../../../../electron/shared/rich-doc';
import type { TestServer } from '../../../support/workspace';

/** 20 November 2026: the meeting on 10 December's papers are due by 2 December (five clear working days). */
export const BEFORE_DEADLINE = () => new Date('2026-11-20T10:00:00Z');
/** 4 December 2026: after that deadline. */
export const AFTER_DEADLINE = () => new Date('2026-12-04T10:00:00Z');

export interface MeetingFixture {
  bodyId: number;
  meetingId: number;
  /** Agenda item ids by title. */
  item: Record<string, number>;
}

export async function makeMeeting(
  t: TestServer,
  options: { body?: string; kind?: 'schools_forum' | 'programme_board'; startsAt?: string; items?: string[]; bodyId?: number } = {},
): Promise<MeetingFixture> {
  const bodyId =
    options.bodyId ??
    (
      await t.ok('saveBody', {
        name: options.body ?? 'Test Schools Forum',
        kind: options.kind ?? 'schools_forum',
        quorumKind: 'fraction',
        quorumNumerator: 2,
        quorumDenominator: 5,
        papersDeadlineDays: 5,
      })
    ).id;
  let detail = await t.ok('saveMeeting', { bodyId, startsAt: options.startsAt ?? '2026-12-10T14:00', venue: 'Civic Centre' });
  for (const title of options.items ?? ['High Needs monitoring', 'DSG position']) {
    detail = await t.ok('saveAgendaItem', { meetingId: detail.meeting.id, title, purpose: 'information', votingConstituency: 'none', exempt: false });
  }
  return { bodyId, meetingId: detail.meeting.id, item: Object.fromEntries(detail.items.map((i) => [i.title, i.id])) };
}

export const doc = (...content: RichNode[]): RichDoc => ({ type: 'doc', content });
export const para = (...content: RichNode[]): RichNode => ({ type: 'paragraph', content });
export const text = (s: string): RichNode => ({ type: 'text', text: s });
export const block = (kind: string, settings: Record<string, unknown>, id?: string): RichNode => ({
  type: 'liveBlock',
  attrs: { kind, settings, ...(id ? { id } : {}) },
});
export const figure = (settings: Record<string, unknown>, id?: string): RichNode => ({
  type: 'liveFigure',
  attrs: { kind: 'figure', settings, ...(id ? { id } : {}) },
});

export async function pdfBytes(pages = 3, options: { encrypt?: boolean } = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]).drawText(`Appendix page ${i + 1}`, { x: 50, y: 780, size: 14, font });
  if (options.encrypt) {
    // pdf-lib cannot encrypt, but a standard security handler in the trailer is what every reader goes by.
    pdf.context.trailerInfo.Encrypt = pdf.context.register(pdf.context.obj({ Filter: 'Standard', V: 1, R: 2, P: -44, O: 'x'.repeat(32), U: 'y'.repeat(32) }));
  }
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

export async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Top-ups').addRow(['School', 'Amount']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function docxBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** An ordinary zip archive, renamed. */
export async function zipBytes(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('notes.txt', 'minutes of the working group');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** What Office writes for a password-protected workbook: a compound file holding the encrypted package. */
export function encryptedXlsxBytes(): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(2048)]);
}

export const file = (fileName: string, bytes: Buffer) => ({ fileName, base64: bytes.toString('base64') });
