import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { base64Size } from '../../../../features/meetings/papers/appendix-file';
import { BEFORE_DEADLINE, docxBytes, encryptedXlsxBytes, file, makeMeeting, pdfBytes, xlsxBytes, zipBytes } from './fixture';

let t: TestServer;
let paperId: number;
let itemId: number;
beforeAll(async () => {
  t = await testServer({ now: BEFORE_DEADLINE });
  const m = await makeMeeting(t);
  itemId = m.item['High Needs monitoring']!;
  paperId = (await t.ok('savePaper', { itemId, header: {}, sections: {} })).id;
});
afterAll(() => t.close());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const storedFiles = () => t.sqlite.prepare('SELECT sha256, size FROM stored_file').all() as Array<{ sha256: string; size: number }>;

describe('addAppendix', () => {
  it('attaches a PDF with its page count, storing its bytes once by their SHA-256', async () => {
    const bytes = await pdfBytes(3);
    const p = await t.ok('addAppendix', { paperId, title: 'Placement costs', file: file('C:\\Users\\clerk\\Placement costs.pdf', bytes) });
    expect(p.appendices).toEqual([
      { id: expect.any(Number), title: 'Placement costs', fileName: 'Placement costs.pdf', format: 'pdf', sha256: sha(bytes), pages: 3, size: bytes.length },
    ]);
    const stored = t.sqlite.prepare('SELECT bytes FROM stored_file WHERE sha256 = ?').pluck().get(sha(bytes)) as Buffer;
    expect(Buffer.compare(stored, bytes)).toBe(0);
    // The same file again is a second appendix naming the same stored bytes.
    const count = storedFiles().length;
    const again = await t.ok('addAppendix', { paperId, title: 'Placement costs (copy)', file: file('copy.pdf', bytes) });
    expect(again.appendices.map((a) => a.sha256)).toEqual([sha(bytes), sha(bytes)]);
    expect(storedFiles().length).toBe(count);
  });

  it('attaches an Excel workbook, and decides by content, not by name', async () => {
    const x = await xlsxBytes();
    const p = await t.ok('addAppendix', { paperId, title: 'Top-up rates', file: file('rates.xlsx', x) });
    expect(p.appendices.at(-1)).toMatchObject({ title: 'Top-up rates', format: 'xlsx', pages: null, sha256: sha(x) });
    // A PDF whose name says .xlsx is a PDF.
    const pdf = await pdfBytes(1);
    const q = await t.ok('addAppendix', { paperId, title: 'Misnamed', file: file('misnamed.xlsx', pdf) });
    expect(q.appendices.at(-1)).toMatchObject({ format: 'pdf', pages: 1 });
  });

  it('refuses what is not a real, open PDF or workbook, naming the file and the rule, and stores nothing', async () => {
    const before = dumpTables(t.sqlite);
    const cases: Array<[string, Buffer, string, RegExp]> = [
      ['secret.pdf', await pdfBytes(2, { encrypt: true }), 'password protected', /^secret\.pdf is protected with a password or encrypted/],
      [
        'LibreOffice.pdf',
        readFileSync(join(__dirname, 'files', 'password-secret.pdf')),
        'password protected',
        /^LibreOffice\.pdf is protected with a password/,
      ],
      ['budget.xlsx', encryptedXlsxBytes(), 'password protected', /^budget\.xlsx is protected with a password/],
      [
        'data.xlsx',
        Buffer.from('School,Amount\nAcorn,1200\n'),
        'not pdf or xlsx',
        /^data\.xlsx is a text file \(such as a CSV\), not a PDF or an Excel workbook/,
      ],
      ['report.xlsx', await docxBytes(), 'not pdf or xlsx', /^report\.xlsx is a Word document/],
      ['broken.pdf', Buffer.from('%PDF-1.7\nthis is not really a pdf\n%%EOF'), 'damaged pdf', /^broken\.pdf (is damaged|has no pages)/],
      ['noise.pdf', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]), 'not pdf or xlsx', /^noise\.pdf is not a PDF or an Excel workbook/],
      ['archive.xlsx', await zipBytes(), 'not pdf or xlsx', /^archive\.xlsx is not a PDF or an Excel workbook \(\.xlsx\), whatever its name says/],
      ['cut.xlsx', (await xlsxBytes()).subarray(0, 2000), 'damaged workbook', /^cut\.xlsx is damaged or not a complete file/],
      ['empty.pdf', Buffer.alloc(0), 'empty file', /^empty\.pdf is empty/],
    ];
    for (const [name, bytes, rule, message] of cases) {
      const e = await t.refused('addAppendix', { paperId, title: 'x', file: file(name, bytes) });
      expect(e.code, name).toBe('INVALID_FILE');
      expect(e.message, name).toMatch(message);
      expect(e.details!.rule, name).toBe(rule);
      expect(e.details!.fileName, name).toBe(name);
    }
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('refuses a file over 25 MB before decoding it', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('a'), Buffer.from('ab'), Buffer.from('abc'), Buffer.alloc(1000, 7)]) {
      expect(base64Size(bytes.toString('base64'))).toBe(bytes.length);
    }
    const before = dumpTables(t.sqlite);
    const e = await t.refused('addAppendix', { paperId, title: 'Huge', file: { fileName: 'huge.pdf', base64: 'A'.repeat(36 * 1024 * 1024) } });
    expect(e.message).toBe(
      'huge.pdf is 27 MB; an appendix may be at most 25 MB. Reduce its size (in Acrobat, "Reduce file size"; in Excel, delete unused sheets) or split it into smaller appendices.',
    );
    expect(e.details!.rule).toBe('appendix size limit');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('refuses a paper that does not exist', async () => {
    expect((await t.refused('addAppendix', { paperId: 9999, title: 'x', file: file('a.pdf', await pdfBytes(1)) })).code).toBe('NOT_FOUND');
  });
});

describe('removeAppendix', () => {
  it('removes the appendix but keeps the stored bytes, which a published pack may still name', async () => {
    const p = (await t.ok('getPaper', { itemId }))!;
    const target = p.appendices[0]!;
    const files = storedFiles().length;
    const after = await t.ok('removeAppendix', { id: target.id });
    expect(after.appendices.map((a) => a.id)).not.toContain(target.id);
    expect(storedFiles().length).toBe(files);
    expect((await t.refused('removeAppendix', { id: target.id })).code).toBe('NOT_FOUND');
  });
});
