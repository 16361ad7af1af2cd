/**
 * What an attached file really is, decided from its bytes rather than its name: a PDF that
 * loads and is not encrypted (its pages go into the pack), or an .xlsx that is a real workbook
 * package (it goes into the pack's folder). Anything else is refused in a sentence that names
 * the file and the rule, before a byte is stored.
 */
import { win32 } from 'node:path';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { AppError } from '../../../electron/shared/errors';
import { zipDirectory } from '../../../electron/server/workbooks/engine/file-checks';

export const MAX_APPENDIX_BYTES = 25 * 1024 * 1024;

export interface AppendixFile {
  fileName: string;
  bytes: Buffer;
  format: 'pdf' | 'xlsx';
  pages: number | null;
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function refuse(name: string, rule: string, message: string): never {
  throw new AppError('INVALID_FILE', message, { fileName: name, rule, issues: [{ field: 'file', rule, message }] });
}

/** "3.4 MB" */
function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.ceil(mb) : Math.ceil(mb * 10) / 10} MB`;
}

/** The decoded size of base64 text, without decoding it: a file over the limit is refused before it is held twice. */
export function base64Size(base64: string): number {
  const trimmed = base64.replace(/\s+/g, '');
  const padding = trimmed.endsWith('==') ? 2 : trimmed.endsWith('=') ? 1 : 0;
  return Math.floor((trimmed.length * 3) / 4) - padding;
}

export function checkAppendixSize(fileName: string, size: number): void {
  const name = win32.basename(fileName) || fileName;
  if (size === 0) refuse(name, 'empty file', `${name} is empty (0 bytes). Check you chose the right file.`);
  if (size > MAX_APPENDIX_BYTES) {
    refuse(
      name,
      'appendix size limit',
      `${name} is ${megabytes(size)}; an appendix may be at most ${MAX_APPENDIX_BYTES / (1024 * 1024)} MB. Reduce its size (in Acrobat, "Reduce file size"; in Excel, delete unused sheets) or split it into smaller appendices.`,
    );
  }
}

const passwordSentence = (name: string) =>
  `${name} is protected with a password or encrypted, so its pages cannot be added to the pack. Save an unprotected copy (for example, print it to PDF) and attach that.`;

async function checkPdf(name: string, bytes: Buffer): Promise<number> {
  let doc: PDFDocument;
  try {
    // Loaded with encryption ignored, then asked: pdf-lib's own EncryptedPDFError is not an instance of its class once compiled.
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch {
    // An encrypted file whose object streams cannot be parsed still names its security handler in the trailer.
    if (bytes.includes('/Encrypt')) refuse(name, 'password protected', passwordSentence(name));
    refuse(name, 'damaged pdf', `${name} is damaged or not a complete PDF, so it cannot go into the pack. Open it, save a fresh copy as PDF, and attach that.`);
  }
  if (doc.isEncrypted) refuse(name, 'password protected', passwordSentence(name));
  let pages = 0;
  try {
    pages = doc.getPageCount();
  } catch {
    pages = 0;
  }
  if (pages < 1)
    refuse(name, 'damaged pdf', `${name} has no pages that can be read, so it cannot go into the pack. Open it, save a fresh copy as PDF, and attach that.`);
  return pages;
}

function checkXlsx(name: string, bytes: Buffer): void {
  let names: string[];
  try {
    names = zipDirectory(bytes, name).entries.map((e) => e.name.toLowerCase());
  } catch {
    refuse(
      name,
      'damaged workbook',
      `${name} is damaged or not a complete file, so it cannot be attached. Open it in Excel, save a copy as an Excel Workbook (.xlsx), and attach that.`,
    );
  }
  if (names.includes('word/document.xml')) {
    refuse(name, 'not pdf or xlsx', `${name} is a Word document. Appendices must be PDF files or Excel workbooks (.xlsx): save it as PDF and attach that.`);
  }
  if (names.includes('ppt/presentation.xml')) {
    refuse(
      name,
      'not pdf or xlsx',
      `${name} is a PowerPoint presentation. Appendices must be PDF files or Excel workbooks (.xlsx): save it as PDF and attach that.`,
    );
  }
  if (!names.includes('[content_types].xml') || !names.includes('xl/workbook.xml')) {
    refuse(
      name,
      'not pdf or xlsx',
      `${name} is not a PDF or an Excel workbook (.xlsx), whatever its name says. Appendices must be PDF files or .xlsx workbooks.`,
    );
  }
  if (names.some((n) => n.endsWith('vbaproject.bin') || n.startsWith('xl/macrosheets/'))) {
    refuse(
      name,
      'macro workbook',
      `${name} contains macros, which are not sent out with a pack. In Excel, save a copy as an Excel Workbook (.xlsx), which removes them, and attach that.`,
    );
  }
}

/** Looks like text (a CSV, a web page saved as .xlsx): no NUL bytes and valid UTF-8 at the start. */
function looksLikeText(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, Math.max(0, head.length - 3)));
    return true;
  } catch {
    return false;
  }
}

/** Checks a file to attach; throws AppError('INVALID_FILE') naming it and the rule broken. */
export async function inspectAppendix(fileName: string, bytes: Buffer): Promise<AppendixFile> {
  const name = win32.basename(fileName) || fileName;
  checkAppendixSize(name, bytes.length);
  // A PDF may carry a few bytes before its header; readers look within the first 1,024.
  if (bytes.subarray(0, 1024).includes('%PDF-')) return { fileName: name, bytes, format: 'pdf', pages: await checkPdf(name, bytes) };
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    checkXlsx(name, bytes);
    return { fileName: name, bytes, format: 'xlsx', pages: null };
  }
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    // Office saves a password-protected .xlsx or .docx inside a compound file holding these streams.
    if (['EncryptedPackage', 'EncryptionInfo'].some((s) => bytes.includes(Buffer.from(s, 'utf16le')))) {
      refuse(
        name,
        'password protected',
        `${name} is protected with a password, so it cannot be sent out with the pack. Open it, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and attach it again.`,
      );
    }
    refuse(name, 'old office format', `${name} is an old-format Office file (.xls or .doc). Save it as PDF, or as an Excel Workbook (.xlsx), and attach that.`);
  }
  if (looksLikeText(bytes)) {
    refuse(
      name,
      'not pdf or xlsx',
      `${name} is a text file (such as a CSV), not a PDF or an Excel workbook. Open it in Excel, save it as an Excel Workbook (.xlsx), and attach that.`,
    );
  }
  return refuse(
    name,
    'not pdf or xlsx',
    `${name} is not a PDF or an Excel workbook (.xlsx), whatever its name says. Appendices must be PDF files or .xlsx workbooks.`,
  );
}
