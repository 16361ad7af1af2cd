/**
 * Refuses untrusted spreadsheet files before any parser sees them.
 *
 * Parsers (exceljs via JSZip) trust the zip container: they inflate whatever it declares, follow any entry name and
 * load macros into memory. So every check here works on the raw bytes and the zip's own bookkeeping, without inflating
 * sheet data, and each refusal is one plain sentence a finance user can act on.
 */
import { win32 } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';

const MB = 1024 * 1024;
const GB = 1024 * MB;

export interface FileLimits {
  maxFileBytes: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
  maxEntries: number;
}

export const FILE_LIMITS: FileLimits = {
  maxFileBytes: 50 * MB,
  maxUncompressedBytes: 1 * GB,
  maxCompressionRatio: 200,
  maxEntries: 10_000,
};

/** Below this a high ratio is just a very repetitive sheet (a column of zeros compresses ~1000:1), not a threat. */
const RATIO_FLOOR_BYTES = 50 * MB;
/** [Content_Types].xml lists one line per part; 10,000 parts stay well under this. */
const MAX_CONTENT_TYPES_BYTES = 4 * MB;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_EXTRA = 0x0001;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Refuse = (rule: string, message: string) => never;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** Throws AppError('INVALID_FILE', sentence, { fileName, rule }); returns a summary when the file looks like a plain .xlsx. */
export function checkWorkbookFile(bytes: Uint8Array, fileName: string, limits: FileLimits = FILE_LIMITS): { entries: number; uncompressedBytes: number } {
  // win32.basename splits on both / and \, so a Windows path from the renderer still shows just the file's name.
  const name = win32.basename(fileName) || fileName;
  const refuse: Refuse = (rule, message) => {
    throw new AppError('INVALID_FILE', message, { fileName: name, rule });
  };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  checkSize(buf, name, limits, refuse);
  checkExtension(name, refuse);
  checkMagic(buf, name, refuse);

  const { entries, directoryOffset } = readCentralDirectory(buf, name, limits, refuse);
  const uncompressedBytes = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  // Declared sizes are all we can check without inflating everything. An entry that lies about its size is NOT
  // caught here; JSZip only compares lengths after it has inflated the entry, so that bound belongs to the parse step.
  if (
    uncompressedBytes > limits.maxUncompressedBytes ||
    (uncompressedBytes > RATIO_FLOOR_BYTES && uncompressedBytes / buf.length > limits.maxCompressionRatio)
  ) {
    refuse(
      'zip bomb',
      `${name} would expand to ${formatSize(uncompressedBytes)} when opened, far beyond its ${formatSize(buf.length, Math.ceil)} on disk; it looks damaged or malicious and was not opened.`,
    );
  }
  checkMacros(buf, entries, directoryOffset, name, refuse);
  // exceljs looks for the workbook at exactly this path, so a package without it (a renamed .docx or .pptx) cannot load.
  if (!entries.some((e) => e.name.toLowerCase() === 'xl/workbook.xml')) refuse('not xlsx', notXlsxSentence(name));
  return { entries: entries.length, uncompressedBytes };
}

/**
 * The zip's directory, for reading a workbook's parts straight from its bytes (xlsx-parts.ts).
 * Refuses as checkWorkbookFile does; call that first, for the file's other checks.
 */
export function zipDirectory(bytes: Uint8Array, fileName: string, limits: FileLimits = FILE_LIMITS): { entries: ZipEntry[]; directoryOffset: number } {
  const name = win32.basename(fileName) || fileName;
  const refuse: Refuse = (rule, message) => {
    throw new AppError('INVALID_FILE', message, { fileName: name, rule });
  };
  return readCentralDirectory(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name, limits, refuse);
}

function checkSize(buf: Buffer, name: string, limits: FileLimits, refuse: Refuse): void {
  if (buf.length === 0) {
    refuse('empty file', `${name} is empty (0 bytes). Check you chose the right file, or save it again in Excel and import the new copy.`);
  }
  checkFileSize(name, buf.length, limits);
}

/**
 * Refuses a file over the size limit by its size on disk, before it is read into memory:
 * the sentence gives its real size and the limit.
 */
export function checkFileSize(fileName: string, size: number, limits: FileLimits = FILE_LIMITS): void {
  if (size <= limits.maxFileBytes) return;
  const name = win32.basename(fileName) || fileName;
  // Round the file up and the limit down so a file just over the limit never reads as "50 MB; up to 50 MB".
  throw new AppError(
    'INVALID_FILE',
    `${name} is ${formatSize(size, Math.ceil)}; HNB Desk reads workbooks up to ${formatSize(limits.maxFileBytes, Math.floor)}. Delete unused sheets or rows, or split it into smaller workbooks, and import again.`,
    { fileName: name, rule: 'file size limit' },
  );
}

const SAVE_AS = 'Open it in Excel, save a copy as an Excel Workbook (.xlsx), and import that.';

/** What each other spreadsheet file is, and the sentence that refuses it. */
const OTHER_FORMATS: Record<string, [rule: string, sentence: (name: string) => string]> = {
  '.xlsm': ['macro workbook', (n) => `${n} is a macro-enabled workbook (.xlsm). Save a copy as an Excel Workbook (.xlsx) without macros and import that.`],
  '.xls': ['old xls format', (n) => `${n} is in the old Excel 97-2003 format (.xls). ${SAVE_AS}`],
  '.xlsb': ['binary workbook', (n) => `${n} is an Excel Binary Workbook (.xlsb). ${SAVE_AS}`],
  '.csv': ['csv file', (n) => `${n} is a CSV text file, not an Excel workbook. ${SAVE_AS}`],
  '.ods': ['ods format', (n) => `${n} is an OpenDocument spreadsheet (.ods), not an Excel workbook. ${SAVE_AS}`],
};

function checkExtension(name: string, refuse: Refuse): void {
  const ext = win32.extname(name).toLowerCase();
  if (ext === '.xlsx') return;
  const [rule, sentence] = OTHER_FORMATS[ext] ?? [
    'not xlsx',
    (n: string) => `${n} is not an Excel workbook (.xlsx); HNB Desk imports .xlsx files only. ${SAVE_AS}`,
  ];
  refuse(rule, sentence(name));
}

function checkMagic(buf: Buffer, name: string, refuse: Refuse): void {
  if (OLE_MAGIC.every((b, i) => buf[i] === b)) {
    // Excel saves a password-encrypted .xlsx inside an OLE compound file with these two streams. Scanning for their
    // UTF-16LE directory names instead of walking the sector chains is enough: either way the file is refused, the
    // scan only picks the more helpful sentence.
    const encrypted = ['EncryptedPackage', 'EncryptionInfo'].some((s) => buf.includes(Buffer.from(s, 'utf16le')));
    if (encrypted) {
      refuse(
        'password protected',
        `${name} is protected with a password. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and import again.`,
      );
    }
    refuse(
      'old xls format',
      `${name} is an old-format Excel file (.xls) renamed to .xlsx. Open it in Excel, save a copy as an Excel Workbook (.xlsx), and import that.`,
    );
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== LOCAL_HEADER) refuse('not xlsx', notXlsxSentence(name));
}

function readCentralDirectory(buf: Buffer, name: string, limits: FileLimits, refuse: Refuse): { entries: ZipEntry[]; directoryOffset: number } {
  const damaged = (rule: string) => refuse(rule, damagedSentence(name));

  // The end record sits last, followed only by its comment; requiring the comment to reach exactly the end of the
  // file stops a fake signature inside the comment from being taken for the real record.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END_OF_DIRECTORY && i + 22 + buf.readUInt16LE(i + 20) === buf.length) {
      end = i;
      break;
    }
  }
  if (end < 0) return damaged('damaged');

  const disk = buf.readUInt16LE(end + 4);
  const directoryDisk = buf.readUInt16LE(end + 6);
  const entriesOnDisk = buf.readUInt16LE(end + 8);
  const count = buf.readUInt16LE(end + 10);
  const directorySize = buf.readUInt32LE(end + 12);
  const directoryOffset = buf.readUInt32LE(end + 16);
  if (disk !== 0 || directoryDisk !== 0 || entriesOnDisk !== count) return damaged('damaged');
  // ZIP64 end records are refused rather than parsed: they only exist for archives over 4 GB or 65,535 entries, which
  // a file within maxFileBytes and maxEntries never needs, and Excel does not write them for such files. A second,
  // rarely exercised parsing path for something no genuine workbook uses is attack surface, not compatibility.
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    refuse(
      'zip64',
      `${name} is stored in a large-archive format (ZIP64) that Excel does not use for workbooks of this size. Open it in Excel, save a copy as an Excel Workbook (.xlsx), and import that.`,
    );
  }
  const directoryEnd = directoryOffset + directorySize;
  if (directoryEnd > end) return damaged('damaged');
  // Refuse on the declared count before walking it, so a huge directory costs nothing.
  if (count > limits.maxEntries) {
    refuse(
      'too many entries',
      `${name} is made of ${count.toLocaleString('en-GB')} internal parts, more than the ${limits.maxEntries.toLocaleString('en-GB')} HNB Desk accepts; it looks damaged or malicious and was not opened.`,
    );
  }

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directoryEnd || buf.readUInt32LE(p) !== CENTRAL_HEADER) return damaged('damaged');
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    let localOffset = buf.readUInt32LE(p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) return damaged('damaged');
    const entryName = buf.toString('utf8', p + 46, p + 46 + nameLength);

    // Entry-level ZIP64 fields are read rather than refused: some writers mark sizes 0xFFFFFFFF and put the real
    // values in this extra field even for small files, and the real value is what the bomb check must see.
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) {
      const zip64 = findExtra(buf, p + 46 + nameLength, extraLength, ZIP64_EXTRA);
      if (!zip64) return damaged('damaged');
      // The field holds only the saturated values, in this fixed order.
      let q = zip64.start;
      const read64 = (): number => {
        if (q + 8 > zip64.end) return damaged('damaged');
        const value = Number(buf.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (uncompressedSize === 0xffffffff) uncompressedSize = read64();
      if (compressedSize === 0xffffffff) compressedSize = read64();
      if (localOffset === 0xffffffff) localOffset = read64();
    }

    // Excel only writes stored or deflated, unencrypted entries; anything else the parser cannot read either.
    if ((flags & 1) !== 0 || (method !== 0 && method !== 8)) return damaged('unsupported zip feature');
    if (isUnsafeName(entryName)) return damaged('unsafe path');
    // Two entries with one name let different readers see different files; OPC part names ignore case.
    const key = entryName.toLowerCase();
    if (seen.has(key)) return damaged('duplicate entry');
    seen.add(key);
    if (localOffset + 30 + compressedSize > directoryOffset || buf.readUInt32LE(localOffset) !== LOCAL_HEADER) {
      return damaged('damaged');
    }
    entries.push({ name: entryName, method, compressedSize, uncompressedSize, localOffset });
    p = next;
  }
  return { entries, directoryOffset };
}

function findExtra(buf: Buffer, start: number, length: number, id: number): { start: number; end: number } | undefined {
  for (let p = start; p + 4 <= start + length; ) {
    const size = buf.readUInt16LE(p + 2);
    if (buf.readUInt16LE(p) === id) return p + 4 + size <= start + length ? { start: p + 4, end: p + 4 + size } : undefined;
    p += 4 + size;
  }
  return undefined;
}

/** Names a careless extractor would write outside its folder (zip slip), or that no genuine writer produces. */
function isUnsafeName(name: string): boolean {
  return name.length === 0 || name.includes('\0') || /^[\\/]/.test(name) || /^[a-z]:/i.test(name) || name.split(/[\\/]/).includes('..');
}

function checkMacros(buf: Buffer, entries: ZipEntry[], directoryOffset: number, name: string, refuse: Refuse): void {
  const macroSentence = `${name} contains macros, which HNB Desk does not open. In Excel, save a copy as an Excel Workbook (.xlsx), which removes the macros, and import that.`;
  // VBA projects and Excel 4.0 macro sheets are the two ways a workbook carries code.
  const macroPart = entries.some((e) => {
    const lower = e.name.toLowerCase();
    return lower.endsWith('vbaproject.bin') || lower.startsWith('xl/macrosheets/');
  });
  if (macroPart) refuse('macro workbook', macroSentence);

  // The content types also reveal a macro-enabled workbook whose code parts were renamed.
  const types = entries.find((e) => e.name.toLowerCase() === '[content_types].xml');
  if (!types) return;
  const xml = readEntry(buf, types, directoryOffset, () => refuse('damaged', damagedSentence(name))).toString('utf8');
  if (/macroEnabled|vbaProject|macrosheet/i.test(xml)) refuse('macro workbook', macroSentence);
}

function readEntry(buf: Buffer, entry: ZipEntry, directoryOffset: number, damaged: () => never): Buffer {
  const at = entry.localOffset;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (start + entry.compressedSize > directoryOffset || entry.uncompressedSize > MAX_CONTENT_TYPES_BYTES) return damaged();
  if (entry.method === 0) return data;
  try {
    // The output cap holds even if the declared size lies.
    return inflateRawSync(data, { maxOutputLength: MAX_CONTENT_TYPES_BYTES });
  } catch {
    return damaged();
  }
}

function notXlsxSentence(name: string): string {
  return `${name} is not an Excel workbook, although its name ends in .xlsx; it may be a different kind of file that was renamed. Check you chose the right file, or open it in Excel and save it as an Excel Workbook (.xlsx).`;
}

function damagedSentence(name: string): string {
  return `${name} is damaged or not a complete workbook. Open it in Excel, save a copy as an Excel Workbook (.xlsx), and import that.`;
}

/** Sizes for people: GB from 1 GB up, otherwise MB with a decimal or two when small. */
function formatSize(bytes: number, round: (x: number) => number = Math.round): string {
  if (bytes >= GB) return `${round((bytes / GB) * 10) / 10} GB`;
  const mb = bytes / MB;
  const step = mb >= 10 ? 1 : mb >= 1 ? 10 : 100;
  return `${round(mb * step) / step} MB`;
}
