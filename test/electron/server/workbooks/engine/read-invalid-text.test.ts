import { describe, expect, it } from 'vitest';
import { readDate, readMoney, readText, type RawValue } from '../../../../../electron/server/workbooks/engine/cells';
import { readWorkbookOffThread } from '../../../../../electron/server/workbooks/engine/read-off-thread';
import { readWorkbook, type RawWorkbook } from '../../../../../electron/server/workbooks/engine/read-workbook';
import { XlsxParts } from '../../../../../electron/server/workbooks/engine/xlsx-parts';
import { AppError } from '../../../../../electron/shared/errors';
import { handMadeXlsx, oneSheetParts } from '../../../../support/workbooks';

/** Text as UTF-8, with {XX} written as the raw byte 0xXX (so bytes that are not UTF-8 can be put in). */
function bytesOf(text: string): Buffer {
  const pieces: Buffer[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{([0-9A-F]{2})\}/g)) {
    pieces.push(Buffer.from(text.slice(at, m.index), 'utf8'), Buffer.from([Number.parseInt(m[1]!, 16)]));
    at = m.index + m[0].length;
  }
  pieces.push(Buffer.from(text.slice(at), 'utf8'));
  return Buffer.concat(pieces);
}

/** oneSheetParts with {XX} bytes put into its parts. */
function xlsxWithBytes(o: Parameters<typeof oneSheetParts>[0], deflate = false): Buffer {
  const parts = Object.fromEntries(Object.entries(oneSheetParts(o)).map(([name, text]) => [name, bytesOf(text)]));
  return handMadeXlsx(parts, { deflate });
}

const invalid = (text: string): RawValue => ({ problem: 'invalid-text', text });

async function bothWays(bytes: Buffer, name: string): Promise<RawWorkbook> {
  const here = await readWorkbook(bytes, name);
  const there = await readWorkbookOffThread(Buffer.from(bytes), name);
  expect(there).toEqual(here);
  return here;
}

async function refusals(bytes: Buffer, name: string): Promise<AppError[]> {
  const out: AppError[] = [];
  for (const read of [() => readWorkbook(bytes, name), () => readWorkbookOffThread(Buffer.from(bytes), name)]) {
    const e = await read().then(
      () => null,
      (x: unknown) => x,
    );
    expect(e, name).toBeInstanceOf(AppError);
    out.push(e as AppError);
  }
  return out;
}

const REFUSED = { ok: false, rule: 'must be valid text: the file holds bytes that are not UTF-8 here' };

describe('text that is not UTF-8', () => {
  it('in a shared string reaches every cell that refers to it as a problem, on either thread', async () => {
    for (const deflate of [false, true]) {
      const raw = await bothWays(
        xlsxWithBytes(
          {
            sharedStrings: ['Code', 'Zo{EB} Smith', 'fine £ – ’'],
            sheetData:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
              '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>12</v></c></row>',
          },
          deflate,
        ),
        'shared.xlsx',
      );
      expect(raw.sheets[0]!.rows, `deflated: ${deflate}`).toEqual([
        { row: 1, cells: ['Code', invalid('Zo\uFFFD Smith'), 'fine £ – ’'] },
        { row: 2, cells: [invalid('Zo\uFFFD Smith'), 12] },
      ]);
      expect(readText(raw.sheets[0]!.rows[1]!.cells[0])).toEqual({ ...REFUSED, found: '"Zo\uFFFD Smith"' });
    }
  });

  it('in an inline string or a formula’s text result is a problem in that cell only', async () => {
    const raw = await bothWays(
      xlsxWithBytes({
        sheetData:
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Caf{E9}</t></is></c><c r="B1" t="inlineStr"><is><t>Café</t></is></c>' +
          '<c r="C1" t="str"><f>A1&amp;"x"</f><v>Caf{E9}x</v></c><c r="D1"><v>3</v></c></row>',
      }),
      'inline.xlsx',
    );
    expect(raw.sheets[0]!.rows).toEqual([{ row: 1, cells: [invalid('Caf\uFFFD'), 'Café', invalid('Caf\uFFFDx'), 3] }]);
  });

  it('keeps the text before and after the bad bytes whole, where the part is cut into chunks', async () => {
    // A stored part is read 64 KB at a time: put a three-byte character across the first cut
    // and the bad byte just after it, so the decoder must go back for the character's start.
    const head = '<row r="1"><c r="A1" t="inlineStr"><is><t>';
    const prefix = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${head}`;
    const filler = 'x'.repeat(65536 - Buffer.byteLength(prefix) - 1);
    const text = `${filler}–a{FF}b ${'é'.repeat(40000)}`;
    const bytes = xlsxWithBytes({ sheetData: `${head}${text}</t></is></c><c r="B1" t="inlineStr"><is><t>after</t></is></c></row>` });
    const sheetPart = new XlsxParts(bytes, 'cut.xlsx').bytes('xl/worksheets/sheet1.xml');
    expect(sheetPart.subarray(65535, 65538)).toEqual(Buffer.from('–'));
    const raw = await bothWays(bytes, 'cut.xlsx');
    expect(raw.sheets[0]!.rows).toEqual([{ row: 1, cells: [invalid(`${filler}–a\uFFFDb ${'é'.repeat(40000)}`), 'after'] }]);
  });

  it('is no reason to refuse a file where U+FFFD is really there (written as valid UTF-8)', async () => {
    const raw = await bothWays(
      xlsxWithBytes({
        sharedStrings: ['a\uFFFDb'],
        sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>c\uFFFDd</t></is></c></row>',
      }),
      'real.xlsx',
    );
    expect(raw.sheets[0]!.rows).toEqual([{ row: 1, cells: ['a\uFFFDb', 'c\uFFFDd'] }]);
  });

  it('that no cell shows (bad bytes in the markup) refuses the file, naming the sheet or the shared text', async () => {
    const cases: Array<[string, Parameters<typeof oneSheetParts>[0], string]> = [
      [
        'markup.xlsx',
        { sheetName: 'Monitoring return', sheetData: '<row r="1" spans="1:2{FF}"><c r="A1"><v>1</v></c></row>' },
        'markup.xlsx contains bytes that are not valid text (UTF-8) on the sheet "Monitoring return". Open it in Excel, save it, and try again.',
      ],
      [
        'formula.xlsx',
        // The formula text is not a value: its saved result is.
        { sheetData: '<row r="1"><c r="A1"><f>SUM(B1{FF})</f><v>1</v></c></row>' },
        'formula.xlsx contains bytes that are not valid text (UTF-8) on the sheet "Data". Open it in Excel, save it, and try again.',
      ],
      [
        'element.xlsx',
        { sheetData: '<row r="1"><c{FF} r="A1"><v>1</v></c{FF}></row>' },
        'element.xlsx contains bytes that are not valid text (UTF-8) on the sheet "Data". Open it in Excel, save it, and try again.',
      ],
      [
        'phonetic.xlsx',
        { sharedStrings: '<sst><si><t>ok</t><rPh sb="0" eb="1"><t>{FF}</t></rPh></si></sst>', sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
        'phonetic.xlsx contains bytes that are not valid text (UTF-8) in its shared text. Open it in Excel, save it, and try again.',
      ],
      [
        'sheet-name.xlsx',
        { sheetName: 'Budget {FF}', sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        'sheet-name.xlsx contains bytes that are not valid text (UTF-8) in its list of sheets. Open it in Excel, save it, and try again.',
      ],
    ];
    for (const [name, parts, message] of cases) {
      for (const e of await refusals(xlsxWithBytes(parts), name)) {
        expect([e.code, e.message, e.details], name).toEqual(['INVALID_FILE', message, { fileName: name, rule: 'valid text (UTF-8)' }]);
      }
    }
    // A sheet part that ends inside a character, after its last element.
    const parts: Record<string, Buffer | string> = oneSheetParts({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' });
    parts['xl/worksheets/sheet1.xml'] = Buffer.concat([Buffer.from(parts['xl/worksheets/sheet1.xml'] as string), Buffer.from([0xe2, 0x80])]);
    for (const e of await refusals(handMadeXlsx(parts), 'cut-short.xlsx')) {
      expect(e.message).toBe('cut-short.xlsx contains bytes that are not valid text (UTF-8) on the sheet "Data". Open it in Excel, save it, and try again.');
    }
  });

  it('is refused by every field read, showing where the bad bytes were', () => {
    const v = invalid('Zo\uFFFD');
    for (const read of [readText(v), readMoney(v), readMoney(v, { optional: true }), readDate(v, { date1904: false })]) {
      expect(read).toEqual({ ...REFUSED, found: '"Zo\uFFFD"' });
    }
  });
});
