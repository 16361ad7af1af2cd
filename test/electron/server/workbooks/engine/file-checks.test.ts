import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FILE_LIMITS, checkWorkbookFile, type FileLimits } from '../../../../../electron/server/workbooks/engine/file-checks';
import { AppError } from '../../../../../electron/shared/errors';

const MB = 1024 * 1024;
const GB = 1024 * MB;

interface Part {
  name: string;
  data?: string | Buffer;
  store?: boolean;
  /** Written into both headers instead of the real uncompressed size. */
  declaredSize?: number;
  /** Saturate the sizes and put them in a ZIP64 extra field, as some streaming writers do. */
  zip64?: boolean;
  flags?: number;
  method?: number;
}

/** A real zip, byte for byte, so the checks run on the same structures a writer produces. */
function zip(parts: Part[], options: { comment?: Buffer; saturateEnd?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const raw = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data ?? `<x>${part.name}</x>`);
    const body = part.store ? raw : deflateRawSync(raw);
    const method = part.method ?? (part.store ? 0 : 8);
    const uncompressed = part.declaredSize ?? raw.length;
    const name = Buffer.from(part.name, 'utf8');
    let extra = Buffer.alloc(0);
    if (part.zip64) {
      extra = Buffer.alloc(20);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(uncompressed), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
    }
    const sizes = (b: Buffer, at: number) => {
      b.writeUInt32LE(part.zip64 ? 0xffffffff : body.length, at);
      b.writeUInt32LE(part.zip64 ? 0xffffffff : uncompressed, at + 4);
    };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(part.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(part.flags ?? 0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc32(raw), 14);
    sizes(local, 18);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(part.zip64 ? 45 : 20, 4);
    central.writeUInt16LE(part.zip64 ? 45 : 20, 6);
    central.writeUInt16LE(part.flags ?? 0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc32(raw), 16);
    sizes(central, 20);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);

    offset += local.length + name.length + extra.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = options.comment ?? Buffer.alloc(0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.saturateEnd ? 0xffff : parts.length, 8);
  end.writeUInt16LE(options.saturateEnd ? 0xffff : parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directory, end, comment]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;

/** The smallest package Excel (and exceljs) will open: one sheet named Budget with one number. */
function xlsxParts(): Part[] {
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Budget" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>`,
    },
  ];
}

const xlsx = (extra: Part[] = []) => zip([...xlsxParts(), ...extra]);

/** An OLE compound file: header sector, then one directory sector holding the given stream names. */
function cfb(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(0, 0x30); // first directory sector
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(directory, i * 128);
    directory.writeUInt16LE(utf16.length, i * 128 + 64);
    directory[i * 128 + 66] = i === 0 ? 5 : 2; // root storage, then streams
  });
  return Buffer.concat([header, directory, Buffer.alloc(512)]);
}

function refusal(bytes: Uint8Array, fileName: string, limits?: FileLimits): AppError {
  try {
    checkWorkbookFile(bytes, fileName, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error(`${fileName} was accepted`);
}

/** Asserts the refusal's code, rule and that its message opens with the file's name; returns the message. */
function expectRefused(bytes: Uint8Array, fileName: string, rule: string, limits?: FileLimits): string {
  const error = refusal(bytes, fileName, limits);
  expect(error.code).toBe('INVALID_FILE');
  expect(error.details).toEqual({ fileName, rule });
  expect(error.message.startsWith(`${fileName} `)).toBe(true);
  return error.message;
}

describe('checkWorkbookFile accepts', () => {
  it('a minimal xlsx package, which exceljs can also open', async () => {
    const bytes = xlsx();
    const raw = xlsxParts().reduce((sum, p) => sum + Buffer.byteLength(p.data as string), 0);
    expect(checkWorkbookFile(bytes, 'Budget.xlsx')).toEqual({ entries: 5, uncompressedBytes: raw });

    // Proves the test's zip writer builds real packages, so the refusals below are about the rule, not the helper.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(workbook.getWorksheet('Budget')?.getCell('A1').value).toBe(42);
  });

  it('a workbook written by exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('High Needs');
    sheet.addRow(['Code', 'Line', 'Budget']);
    sheet.addRow(['HN1', 'Top-up funding', 125000.5]);
    sheet.getCell('C3').value = { formula: 'SUM(C2:C2)', result: 125000.5 };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const summary = checkWorkbookFile(bytes, 'Monitoring Q1.xlsx');
    expect(summary.entries).toBeGreaterThan(5);
    expect(summary.uncompressedBytes).toBeGreaterThan(bytes.length);
  });

  it('an upper-case extension, a zip comment holding a fake end record, and ZIP64 size fields', () => {
    const fake = Buffer.alloc(40, 0x20);
    fake.writeUInt32LE(0x06054b50, 4);
    fake.writeUInt16LE(1, 14); // a decoy record claiming one entry at offset 0 of size 0
    const bytes = zip(
      xlsxParts().map((p) => ({ ...p, zip64: p.name.startsWith('xl/') })),
      { comment: fake },
    );
    expect(checkWorkbookFile(bytes, 'BUDGET.XLSX').entries).toBe(5);
  });

  it('a file exactly at the size limit, and highly repetitive data under the 50 MB ratio floor', () => {
    const bytes = xlsx();
    expect(() => checkWorkbookFile(bytes, 'Budget.xlsx', { ...FILE_LIMITS, maxFileBytes: bytes.length })).not.toThrow();
    // 40 MB of zeros deflates ~1000:1, yet stays under the floor where a ratio means anything.
    const zeros = xlsx([{ name: 'xl/worksheets/sheet2.xml', data: Buffer.alloc(40 * MB) }]);
    expect(checkWorkbookFile(zeros, 'Zeros.xlsx').uncompressedBytes).toBeGreaterThan(40 * MB);
  });

  it('a Uint8Array that is a window into a larger buffer', () => {
    const bytes = xlsx();
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    expect(checkWorkbookFile(padded.subarray(8, 8 + bytes.length), 'Budget.xlsx').entries).toBe(5);
  });
});

describe('checkWorkbookFile refuses by size', () => {
  it('an empty file', () => {
    const message = expectRefused(new Uint8Array(0), 'Empty.xlsx', 'empty file');
    expect(message).toContain('is empty');
  });

  it('a file over the default 50 MB, saying both sizes in MB', () => {
    const message = expectRefused(new Uint8Array(63 * MB), 'Big.xlsx', 'file size limit');
    expect(message).toContain('Big.xlsx is 63 MB; HNB Desk reads workbooks up to 50 MB.');
  });

  it('a file one byte over a custom limit, without calling it equal to the limit', () => {
    const message = expectRefused(new Uint8Array(MB + 1), 'Big.xlsx', 'file size limit', { ...FILE_LIMITS, maxFileBytes: MB });
    expect(message).toContain('is 1.1 MB; HNB Desk reads workbooks up to 1 MB.');
  });

  it('size before extension: an oversized .xls is refused for its size', () => {
    expectRefused(new Uint8Array(MB + 1), 'Old.xls', 'file size limit', { ...FILE_LIMITS, maxFileBytes: MB });
  });
});

describe('checkWorkbookFile refuses by extension, even with valid xlsx bytes', () => {
  it.each([
    ['Budget.xls', 'old xls format', 'old Excel 97-2003 format (.xls)'],
    ['Budget.xlsm', 'macro workbook', 'is a macro-enabled workbook (.xlsm). Save a copy as an Excel Workbook (.xlsx) without macros and import that.'],
    ['Budget.XLSM', 'macro workbook', 'macro-enabled workbook (.xlsm)'],
    ['Budget.xlsb', 'binary workbook', 'Excel Binary Workbook (.xlsb)'],
    ['Budget.csv', 'csv file', 'CSV text file'],
    ['Budget.ods', 'ods format', 'OpenDocument spreadsheet (.ods)'],
    ['Budget.txt', 'not xlsx', 'imports .xlsx files only'],
    ['Budget', 'not xlsx', 'imports .xlsx files only'],
    ['Budget.xlsx.exe', 'not xlsx', 'imports .xlsx files only'],
  ])('%s', (fileName, rule, phrase) => {
    const message = expectRefused(xlsx(), fileName, rule);
    expect(message).toContain(phrase);
    expect(message).toContain('Excel Workbook (.xlsx)');
  });

  it('names only the file, not the folder it came from', () => {
    const error = refusal(xlsx(), 'C:\\Users\\ann\\Desktop\\Budget.xlsm');
    expect(error.details).toEqual({ fileName: 'Budget.xlsm', rule: 'macro workbook' });
    expect(error.message.startsWith('Budget.xlsm is a macro-enabled workbook')).toBe(true);
  });
});

describe('checkWorkbookFile refuses by content', () => {
  it('a password-protected workbook (OLE file with EncryptionInfo and EncryptedPackage)', () => {
    const message = expectRefused(cfb(['EncryptionInfo', 'EncryptedPackage']), 'Locked.xlsx', 'password protected');
    expect(message).toContain('protected with a password');
    expect(message).toContain('File > Info > Protect Workbook > Encrypt with Password');
  });

  it('an OLE file with only EncryptedPackage is still password protected', () => {
    expectRefused(cfb(['EncryptedPackage']), 'Locked.xlsx', 'password protected');
  });

  it('an old .xls renamed to .xlsx', () => {
    const message = expectRefused(cfb(['Workbook', '\u0005SummaryInformation']), 'Renamed.xlsx', 'old xls format');
    expect(message).toContain('old-format Excel file (.xls)');
  });

  it('random bytes and a PDF', () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    expect(expectRefused(random, 'Noise.xlsx', 'not xlsx')).toContain('is not an Excel workbook');
    expectRefused(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'Statement.xlsx', 'not xlsx');
    expectRefused(Buffer.from('PK'), 'Short.xlsx', 'not xlsx');
  });

  it('a truncated zip', () => {
    const bytes = xlsx();
    for (const length of [bytes.length - 1, Math.floor(bytes.length / 2), 4]) {
      const message = expectRefused(bytes.subarray(0, length), 'Cut.xlsx', 'damaged');
      expect(message).toContain('is damaged or not a complete workbook');
    }
  });

  it('a central directory that points outside the file or at the wrong records', () => {
    const bytes = xlsx();
    const end = bytes.length - 22;
    const offBy = Buffer.from(bytes);
    offBy.writeUInt32LE(bytes.readUInt32LE(end + 16) + 1, end + 16);
    expectRefused(offBy, 'Bad.xlsx', 'damaged');
    const fewer = Buffer.from(bytes);
    fewer.writeUInt16LE(4, end + 8);
    expectRefused(fewer, 'Bad.xlsx', 'damaged');
    const overlong = Buffer.from(bytes);
    overlong.writeUInt32LE(bytes.readUInt32LE(end + 12) + 100, end + 12);
    expectRefused(overlong, 'Bad.xlsx', 'damaged');
    // Point xl/workbook.xml (third record) one byte into the file, where there is no local header.
    const directory = bytes.readUInt32LE(end + 16);
    let record = directory;
    for (let i = 0; i < 2; i++) record += 46 + bytes.readUInt16LE(record + 28) + bytes.readUInt16LE(record + 30);
    expect(bytes.toString('utf8', record + 46, record + 46 + bytes.readUInt16LE(record + 28))).toBe('xl/workbook.xml');
    const wrongLocal = Buffer.from(bytes);
    wrongLocal.writeUInt32LE(1, record + 42);
    expectRefused(wrongLocal, 'Bad.xlsx', 'damaged');
  });

  it('a zip bomb: 60 MB of zeros in a file of about 60 KB', () => {
    const bytes = xlsx([{ name: 'xl/worksheets/sheet2.xml', data: Buffer.alloc(60 * MB) }]);
    expect(bytes.length).toBeLessThan(200 * 1024);
    const message = expectRefused(bytes, 'Bomb.xlsx', 'zip bomb');
    expect(message).toContain('Bomb.xlsx would expand to 60 MB when opened, far beyond its');
    expect(message).toContain('it looks damaged or malicious and was not opened.');
  });

  it('a declared size over the uncompressed limit, in plain and ZIP64 fields', () => {
    const plain = xlsx([{ name: 'xl/worksheets/sheet2.xml', declaredSize: 2 * GB }]);
    expect(expectRefused(plain, 'Bomb.xlsx', 'zip bomb')).toContain('would expand to 2 GB');
    const zip64 = xlsx([{ name: 'xl/worksheets/sheet2.xml', declaredSize: 5 * GB, zip64: true }]);
    expect(expectRefused(zip64, 'Bomb.xlsx', 'zip bomb')).toContain('would expand to 5 GB');
    expectRefused(xlsx(), 'Budget.xlsx', 'zip bomb', { ...FILE_LIMITS, maxUncompressedBytes: 1000 });
  });

  it('too many entries, but not exactly the limit', () => {
    const parts = xlsxParts().length;
    expect(checkWorkbookFile(xlsx(), 'Budget.xlsx', { ...FILE_LIMITS, maxEntries: parts }).entries).toBe(parts);
    const message = expectRefused(xlsx(), 'Budget.xlsx', 'too many entries', { ...FILE_LIMITS, maxEntries: parts - 1 });
    expect(message).toContain(`made of ${parts} internal parts, more than the ${parts - 1}`);
    const many = xlsx(Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/media/p${i}.xml`, store: true, data: '' })));
    expect(expectRefused(many, 'Parts.xlsx', 'too many entries')).toContain('10,006 internal parts, more than the 10,000');
  });

  it('a macro workbook saved with an .xlsx name', () => {
    const vba = xlsx([{ name: 'xl/vbaProject.bin', data: Buffer.from([0xcc, 0x61, 0xff]) }]);
    const message = expectRefused(vba, 'Macro.xlsx', 'macro workbook');
    expect(message).toContain('contains macros');
    expectRefused(xlsx([{ name: 'xl/macrosheets/sheet1.xml' }]), 'Macro.xlsx', 'macro workbook');

    const macroType = xlsxParts().map((p) =>
      p.name === '[Content_Types].xml' ? { ...p, data: CONTENT_TYPES.replace('sheet.main+xml', 'sheet.macroEnabled.main+xml') } : p,
    );
    expectRefused(zip(macroType), 'Macro.xlsx', 'macro workbook');
    expectRefused(zip(macroType.map((p) => ({ ...p, store: true }))), 'Macro.xlsx', 'macro workbook');
  });

  it('a zip that is not a workbook, such as a renamed .docx', () => {
    const docx = zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: '_rels/.rels', data: '<Relationships/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    const message = expectRefused(docx, 'Letter.xlsx', 'not xlsx');
    expect(message).toContain('is not an Excel workbook, although its name ends in .xlsx');
    expectRefused(zip([]), 'Empty zip.xlsx', 'not xlsx');
  });

  it.each(['../evil.xml', 'xl/../../evil.xml', 'xl\\..\\..\\evil.xml', '/etc/passwd', '\\Windows\\evil.dll', 'C:/evil.xml', 'xl/a\0.xml'])(
    'an entry named %j',
    (name) => {
      const message = expectRefused(xlsx([{ name }]), 'Slip.xlsx', 'unsafe path');
      expect(message).toContain('is damaged or not a complete workbook');
    },
  );

  it('an entry name with dots that are not a parent folder is fine', () => {
    expect(checkWorkbookFile(xlsx([{ name: 'xl/media/v1..2.xml' }]), 'Budget.xlsx').entries).toBe(6);
  });

  it('two entries with the same name, even differing in case', () => {
    expectRefused(xlsx([{ name: 'xl/workbook.xml' }]), 'Twice.xlsx', 'duplicate entry');
    expectRefused(xlsx([{ name: 'XL/Workbook.xml' }]), 'Twice.xlsx', 'duplicate entry');
  });

  it('a ZIP64 end record, which no workbook under 50 MB needs', () => {
    const message = expectRefused(zip(xlsxParts(), { saturateEnd: true }), 'Large.xlsx', 'zip64');
    expect(message).toContain('(ZIP64)');
  });

  it('encrypted zip entries and compression methods Excel does not write', () => {
    expectRefused(xlsx([{ name: 'xl/secret.xml', flags: 0x0801 }]), 'Odd.xlsx', 'unsupported zip feature');
    expectRefused(xlsx([{ name: 'xl/bzip.xml', method: 12 }]), 'Odd.xlsx', 'unsupported zip feature');
  });
});
