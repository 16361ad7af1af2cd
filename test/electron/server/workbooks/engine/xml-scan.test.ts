import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../../../electron/server/workbooks/engine/read-workbook';
import { sheetRows } from '../../../../../electron/server/workbooks/engine/sheet-rows';
import { readSharedStrings } from '../../../../../electron/server/workbooks/engine/shared-strings';
import { XlsxParts } from '../../../../../electron/server/workbooks/engine/xlsx-parts';
import { readXml, saxesXml, scanXml, type XmlHandler, type XmlInput } from '../../../../../electron/server/workbooks/engine/xml-scan';
import { handMadeXlsx, oneSheetParts, saveWorkbook, streamedWorkbook } from '../../../../support/workbooks';

/**
 * What a read hands over, as far as a reader can tell: each tag with the chunk it was handed
 * over in (rows are passed on chunk by chunk), and the text between two tags joined (when a
 * piece of text is handed over does not matter). Text outside the root is left out: saxes
 * passes its whitespace on, the scanner does not, and no reader looks at it.
 */
function recorder() {
  const events: unknown[] = [];
  let chunk = 0;
  let text = '';
  let depth = 0;
  const h: XmlHandler = {
    open: (name, attributes) => {
      if (text && depth) events.push(['text', text]);
      text = '';
      depth++;
      events.push([chunk, 'open', name, attributes.all()]);
    },
    close: (name) => {
      if (text) events.push(['text', text]);
      text = '';
      depth--;
      events.push([chunk, 'close', name]);
    },
    text: (t) => {
      text += t;
    },
  };
  return { events, h, next: () => chunk++ };
}

interface Outcome {
  events: unknown[];
  error: string | null;
}

async function through(read: (input: XmlInput, h: XmlHandler) => AsyncGenerator<void>, input: () => XmlInput): Promise<Outcome> {
  const r = recorder();
  try {
    for await (const _ of read(input(), r.h)) r.next();
    return { events: r.events, error: null };
  } catch (e) {
    return { events: r.events, error: (e as Error).message };
  }
}

/** readXml as a reader uses it: the events of the read that finished (the scanner's, or saxes's once it stopped). */
async function viaReadXml(input: () => XmlInput): Promise<Outcome & { scanned: boolean }> {
  let r = recorder();
  let scanned = true;
  try {
    for await (const _ of readXml(input, (attempt) => {
      r = recorder();
      scanned = attempt === 'scan';
      return r.h;
    }))
      r.next();
    return { events: r.events, error: null, scanned };
  } catch (e) {
    return { events: r.events, error: (e as Error).message, scanned };
  }
}

/** The text cut into chunks at the given places. */
function cut(xml: string, at: number[]): string[] {
  const out: string[] = [];
  let from = 0;
  for (const i of [...at, xml.length]) {
    if (i > from) out.push(xml.slice(from, i));
    from = Math.max(from, i);
  }
  return out;
}

/** readXml gives exactly what saxes gives, events and error alike; and whether the scanner did it. */
async function sameAsSaxes(chunks: string[]): Promise<boolean> {
  const saxes = await through(saxesXml, () => chunks);
  const ours = await viaReadXml(() => chunks);
  expect({ events: ours.events, error: ours.error }).toEqual(saxes);
  return ours.scanned;
}

/** Every way of cutting a short document in two, and in single characters. */
async function everyCut(xml: string): Promise<boolean[]> {
  const scanned: boolean[] = [];
  for (let i = 0; i <= xml.length; i++) scanned.push(await sameAsSaxes(cut(xml, [i])));
  scanned.push(
    await sameAsSaxes(
      cut(
        xml,
        [...xml].map((_, i) => i),
      ),
    ),
  );
  return scanned;
}

const PLAIN = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="urn:x" xmlns:r="urn:r"><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="3"><v>12.5</v></c><c r="C1"><f>A1&amp;"x"</f><v>a &lt;b&gt; &#233;&#x1F600; &quot;q&apos;</v></c></row></sheetData></worksheet>',
  "<?xml version='1.0'?><x:sst xmlns:x='urn:x' count='2'><x:si><x:t xml:space='preserve'> two  spaces </x:t></x:si><x:si><x:r><x:t>rich</x:t></x:r><x:rPh sb=\"0\"><x:t>ruby</x:t></x:rPh></x:si></x:sst>",
  '\uFEFF<?xml version = "1.0"?>\n<a b = "1"\n c=\'2\'><b/><c d="a > in a value"/>&apos;text > and ]] and ]>\r\nline\rend<d></d ></a>\n  ',
  '<a>no declaration, with a long text node that runs on and on past any chunk</a>',
];

describe('the XML scanner', () => {
  it('gives saxes’s events for plain XML, however it is cut into chunks, and does not fall back', async () => {
    for (const xml of PLAIN) {
      const scanned = await everyCut(xml);
      // Only a document cut before its declaration is complete may make the scanner stop.
      expect(scanned.filter((s) => !s).length).toBeLessThanOrEqual(1);
    }
  });

  it('leaves to saxes what it does not know, and what is not XML; the events and the error are saxes’s', async () => {
    const cases = [
      '<a><!-- a comment --><b/></a>',
      '<a><![CDATA[x < y]]></a>',
      '<!DOCTYPE a><a/>',
      '<?xml version="1.0"?><?pi x?><a/>',
      '<?xml version="1.1"?><a>\u0085</a>',
      '<?xml version="1.0" encoding="UTF 8"?><a/>',
      ' <?xml version="1.0"?><a/>',
      '<a b="x &amp; y"/>',
      '<a b="x\ty"/>',
      '<a b="x<y"/>',
      '<a b="1" b="2"/>',
      '<a b="1"c="2"/>',
      '<a b=1/>',
      '<a b/>',
      '<a / >',
      '<a constructor="x" toString="y" __proto__="z"/>',
      '<é/>',
      '<a é="1"/>',
      '<a></b>',
      '<a></a ',
      '</a>',
      '<a/><b/>',
      '<a/>text',
      'text<a/>',
      '<a>&unknown;</a>',
      '<a>&#X41;</a>',
      '<a>&#0;&#xD800;</a>',
      '<a>&#1114112;</a>',
      '<a>AT&T</a>',
      '<a>x ]]> y</a>',
      '<a>\u0001</a>',
      '<a>\uFFFE</a>',
      '<a>\uD800x</a>',
      '<a>\uDC00</a>',
      '<a\u000B/>',
      '<a><b></a></b>',
      '<a>unclosed',
      '<a><b>',
      '',
      '   ',
      '\uFEFF\uFEFF<a/>',
      `<a ${Array.from({ length: 40 }, (_, i) => `x${i}="${i}"`).join(' ')}/>`,
    ];
    for (const xml of cases) await everyCut(xml);
  });

  it('matches saxes on thousands of damaged documents: whenever it finishes, saxes gives the same', async () => {
    // A seeded generator, so a failure can be replayed.
    let seed = 20261203;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pieces = [
      '<',
      '>',
      '/',
      '"',
      "'",
      '=',
      '&',
      ';',
      '&amp;',
      '&#x41;',
      '&#65;',
      ' ',
      '\n',
      '\r',
      '\t',
      'a',
      'é',
      ']]>',
      '<!--',
      '-->',
      '<?',
      '?>',
      '\u0001',
      '\uD83D',
      'c',
      'r="A1"',
      '<c>',
      '</c>',
      '<v>',
      '</v>',
    ];
    let scanned = 0;
    for (let n = 0; n < 3000; n++) {
      let xml = PLAIN[n % PLAIN.length]!;
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        const at = Math.floor(rand() * (xml.length + 1));
        const piece = pieces[Math.floor(rand() * pieces.length)]!;
        const op = rand();
        xml =
          op < 0.4
            ? xml.slice(0, at) + piece + xml.slice(at)
            : op < 0.7
              ? xml.slice(0, at) + xml.slice(at + 1 + Math.floor(rand() * 4))
              : xml.slice(0, at) + piece + xml.slice(at + 1);
      }
      const cuts = Array.from({ length: Math.floor(rand() * 4) }, () => Math.floor(rand() * xml.length)).sort((a, b) => a - b);
      if (await sameAsSaxes(cut(xml, cuts))) scanned++;
    }
    // Many of them are still plain XML, and those the scanner reads itself.
    expect(scanned).toBeGreaterThan(300);
  });

  it('reads the sheets and shared strings exceljs writes, streamed or not, without falling back', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Data');
    s.addRow(['Tom & Jerry <"x">', 1234.56, true, new Date(Date.UTC(2024, 3, 1)), { formula: 'B1*2', result: 2469.12 }]);
    s.addRow([{ richText: [{ text: 'bold ', font: { bold: true } }, { text: 'plain' }] }, -5]);
    const streamed = await streamedWorkbook((w) => {
      const sheet = w.addWorksheet('Streamed');
      for (let r = 0; r < 50; r++) sheet.addRow([`line ${r} & co`, r * 1.5, { formula: `B${r + 1}+1`, result: r * 1.5 + 1 }]).commit();
      sheet.commit();
    });
    for (const bytes of [await saveWorkbook(wb), streamed]) {
      const parts = new XlsxParts(bytes, 'x.xlsx');
      for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'].filter((p) => parts.has(p))) {
        const noop = { open() {}, close() {}, text() {} };
        await expect(
          (async () => {
            for await (const _ of scanXml(parts.stream(part, { invalid: false }), noop));
          })(),
        ).resolves.toBeUndefined();
        expect(await sameAsSaxes(await textOf(parts, part))).toBe(true);
      }
    }
  });
});

async function textOf(parts: XlsxParts, part: string): Promise<string[]> {
  const out: string[] = [];
  for await (const c of parts.stream(part, { invalid: false })) out.push(c);
  return out;
}

describe('a read that falls back to saxes part way', () => {
  const LIMITS = {
    maxRows: 1000,
    maxCols: 20,
    tooBig: () => new Error('too big'),
    damaged: (why: string) => new Error(why),
    invalidText: () => new Error('not UTF-8'),
  };
  const rows = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `<row r="${from + i}"><c r="A${from + i}"><v>${from + i}</v></c></row>`).join('');

  it('passes on every row once, in order, when the scanner stops after rows were passed on', async () => {
    const xml = `<?xml version="1.0"?><worksheet><sheetData>${rows(300)}<!-- a comment late in the sheet -->${rows(5, 301)}</sheetData></worksheet>`;
    // Chunks small enough that rows go out before the scanner meets the comment.
    const chunks = cut(
      xml,
      Array.from({ length: Math.ceil(xml.length / 97) }, (_, i) => i * 97),
    );
    const got: number[] = [];
    const batches: number[] = [];
    for await (const batch of sheetRows(chunks, () => null, { date1904: false }, LIMITS)) {
      batches.push(batch.length);
      for (const r of batch) got.push(r.row);
    }
    expect(got).toEqual(Array.from({ length: 305 }, (_, i) => i + 1));
    expect(batches.length).toBeGreaterThan(2);
  });

  it('refuses what saxes refuses, with its sentence, even after rows were passed on', async () => {
    const xml = `<?xml version="1.0"?><worksheet><sheetData>${rows(300)}<row r="301"><c r="A301"><v>1</v></c></rwo></sheetData></worksheet>`;
    const chunks = cut(
      xml,
      Array.from({ length: Math.ceil(xml.length / 97) }, (_, i) => i * 97),
    );
    const read = async () => {
      for await (const _ of sheetRows(chunks, () => null, { date1904: false }, LIMITS));
    };
    const saxes = await through(saxesXml, () => chunks);
    expect(saxes.error).toMatch(/closing tag/);
    await expect(read()).rejects.toThrow(saxes.error!);
  });

  it('reads shared strings with a comment in them as saxes does', async () => {
    const xml = '<?xml version="1.0"?><sst><si><t>one</t></si><!-- x --><si><t>two &amp; three</t></si><si><t></t></si></sst>';
    expect(await readSharedStrings(cut(xml, [20, 60]))).toEqual(['one', 'two & three', null]);
  });

  it('reads a workbook whose sheet holds what only saxes reads (a comment, CDATA), as before', async () => {
    const bytes = handMadeXlsx(
      oneSheetParts({
        sheetData:
          '<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[dropped, as exceljs drops it]]>kept</t></is></c><!-- note --><c r="B1"><v>2</v></c></row>',
        sharedStrings: ['unused'],
      }),
    );
    const raw = await readWorkbook(bytes, 'odd.xlsx');
    expect(raw.sheets[0]!.rows).toEqual([{ row: 1, cells: ['kept', 2] }]);
  });
});
