/**
 * Appendices made by tools that do not embed their fonts (pdf-lib's standard fonts, older PDF
 * printers) name Helvetica, Arial, Times or Courier and leave the reader to supply them. Every
 * font in the pack must be embedded, so each such font gets the metric-compatible Liberation face
 * embedded in its place: same widths, same codes, the page's content untouched. Fonts with no
 * stand-in (Symbol, Zapf Dingbats, any other family, CID fonts) are left as they are.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, type PDFDocument, PDFName, PDFNumber, type PDFObject, type PDFPage, PDFRef, PDFStream } from 'pdf-lib';
import { fontBytes, type SubstituteFamily, substituteFile } from './fonts';

type Face = ReturnType<typeof fontkit.create>;

interface Substitute {
  family: SubstituteFamily;
  bold: boolean;
  italic: boolean;
}

/** The family a font name stands for, or undefined when Liberation has no face with its widths. */
export function substituteFor(baseFont: string): Substitute | undefined {
  const name = baseFont
    .replace(/^[A-Z]{6}\+/, '')
    .toLowerCase()
    .replace(/[\s_]/g, '');
  // Narrow, black and light cuts have other widths.
  if (/narrow|black|condensed|light/.test(name)) return undefined;
  const family: SubstituteFamily | undefined = /^(helvetica|arial)/.test(name)
    ? 'Sans'
    : /^times/.test(name)
      ? 'Serif'
      : /^courier/.test(name)
        ? 'Mono'
        : undefined;
  if (!family) return undefined;
  return { family, bold: /bold|,bd/.test(name), italic: /italic|oblique/.test(name) };
}

/** StandardEncoding (the standard Type 1 fonts' own) where it is not ASCII, by glyph name. */
const STANDARD: Record<number, string> = {
  39: 'quoteright',
  96: 'quoteleft',
  161: 'exclamdown',
  162: 'cent',
  163: 'sterling',
  164: 'fraction',
  165: 'yen',
  166: 'florin',
  167: 'section',
  168: 'currency',
  169: 'quotesingle',
  170: 'quotedblleft',
  171: 'guillemotleft',
  172: 'guilsinglleft',
  173: 'guilsinglright',
  174: 'fi',
  175: 'fl',
  177: 'endash',
  178: 'dagger',
  179: 'daggerdbl',
  180: 'periodcentered',
  182: 'paragraph',
  183: 'bullet',
  184: 'quotesinglbase',
  185: 'quotedblbase',
  186: 'quotedblright',
  187: 'guillemotright',
  188: 'ellipsis',
  189: 'perthousand',
  191: 'questiondown',
  193: 'grave',
  194: 'acute',
  195: 'circumflex',
  196: 'tilde',
  197: 'macron',
  198: 'breve',
  199: 'dotaccent',
  200: 'dieresis',
  202: 'ring',
  203: 'cedilla',
  205: 'hungarumlaut',
  206: 'ogonek',
  207: 'caron',
  208: 'emdash',
  225: 'AE',
  227: 'ordfeminine',
  232: 'Lslash',
  233: 'Oslash',
  234: 'OE',
  235: 'ordmasculine',
  241: 'ae',
  245: 'dotlessi',
  248: 'lslash',
  249: 'oslash',
  250: 'oe',
  251: 'germandbls',
};

const faces = new Map<string, { face: Face; byName: Map<string, number> }>();

function face(file: string): { face: Face; byName: Map<string, number> } {
  let loaded = faces.get(file);
  if (!loaded) {
    const f = fontkit.create(Buffer.from(fontBytes(file)));
    const byName = new Map<string, number>();
    for (let id = 0; id < f.numGlyphs; id++) {
      const name = (f.getGlyph(id) as unknown as { name?: string }).name;
      if (name && !byName.has(name)) byName.set(name, id);
    }
    loaded = { face: f, byName };
    faces.set(file, loaded);
  }
  return loaded;
}

type Glyphs = (code: number) => { name?: string; codePoint?: number };

/** WinAnsiEncoding from 128 to 159, where it is not Latin-1 (Node's windows-1252 decoder is Latin-1 there). */
const WIN_ANSI_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const winAnsiGlyphs: Glyphs = (code) => {
  if (code < 32) return {};
  if (code >= 128 && code < 160) return WIN_ANSI_HIGH[code - 128] ? { codePoint: WIN_ANSI_HIGH[code - 128] } : {};
  // PDF's WinAnsi has a hyphen at 173 where Latin-1 has a soft hyphen.
  return { codePoint: code === 173 ? 0x2d : code };
};

const macRoman = new TextDecoder('macintosh');

const macRomanGlyphs: Glyphs = (code) => (code < 32 ? {} : { codePoint: macRoman.decode(new Uint8Array([code])).codePointAt(0) });

const standardGlyphs: Glyphs = (code) => {
  const name = STANDARD[code];
  if (name) return { name };
  return code >= 32 && code < 127 ? { codePoint: code } : {};
};

function baseGlyphs(name: PDFObject | undefined, isType1: boolean): Glyphs {
  const base = name instanceof PDFName ? name.asString() : undefined;
  if (base === '/WinAnsiEncoding') return winAnsiGlyphs;
  if (base === '/MacRomanEncoding') return macRomanGlyphs;
  if (base === '/StandardEncoding') return standardGlyphs;
  return isType1 ? standardGlyphs : winAnsiGlyphs;
}

/** What each code shows under the font's encoding, differences included. */
function glyphsOf(font: PDFDict, isType1: boolean): Glyphs {
  const encoding = font.lookup(PDFName.of('Encoding'));
  if (!(encoding instanceof PDFDict)) return baseGlyphs(encoding, isType1);
  const base = baseGlyphs(encoding.lookup(PDFName.of('BaseEncoding')), isType1);
  const differences = new Map<number, string>();
  const list = encoding.lookup(PDFName.of('Differences'));
  if (list instanceof PDFArray) {
    let code = 0;
    for (const item of list.asArray()) {
      if (item instanceof PDFNumber) code = item.asNumber();
      else if (item instanceof PDFName) differences.set(code++, item.decodeText());
    }
  }
  return (code) => {
    const name = differences.get(code);
    return name ? { name } : base(code);
  };
}

function advance(loaded: { face: Face; byName: Map<string, number> }, glyph: { name?: string; codePoint?: number }): number | undefined {
  const { face: f, byName } = loaded;
  let id = glyph.name === undefined ? undefined : byName.get(glyph.name);
  if (id === undefined && glyph.name && /^uni[0-9A-F]{4}$/.test(glyph.name)) id = f.glyphForCodePoint(Number.parseInt(glyph.name.slice(3), 16)).id;
  if (id === undefined && glyph.codePoint !== undefined && f.hasGlyphForCodePoint(glyph.codePoint)) id = f.glyphForCodePoint(glyph.codePoint).id;
  return id === undefined ? undefined : Math.round((f.getGlyph(id).advanceWidth * 1000) / f.unitsPerEm);
}

function isEmbedded(font: PDFDict): boolean {
  const descriptor = font.lookup(PDFName.of('FontDescriptor'));
  return descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key)));
}

/** Embeds each face once per document, however many fonts it stands in for. */
const fontFiles = new WeakMap<PDFDocument, Map<string, PDFRef>>();

function fontFile(doc: PDFDocument, file: string): PDFRef {
  let files = fontFiles.get(doc);
  if (!files) {
    files = new Map();
    fontFiles.set(doc, files);
  }
  let ref = files.get(file);
  if (!ref) {
    const bytes = fontBytes(file);
    ref = doc.context.register(doc.context.flateStream(bytes, { Length1: bytes.length }));
    files.set(file, ref);
  }
  return ref;
}

/** The embedded stand-in for a font dictionary, or undefined to leave it as it is. */
function replacement(doc: PDFDocument, font: PDFDict): PDFDict | undefined {
  const subtype = font.lookup(PDFName.of('Subtype'));
  const isType1 = subtype === PDFName.of('Type1') || subtype === PDFName.of('MMType1');
  if (!(isType1 || subtype === PDFName.of('TrueType')) || isEmbedded(font)) return undefined;
  const baseFont = font.lookup(PDFName.of('BaseFont'));
  const substitute = baseFont instanceof PDFName ? substituteFor(baseFont.decodeText()) : undefined;
  if (!substitute) return undefined;
  const file = substituteFile(substitute.family, substitute.bold, substitute.italic);
  const loaded = face(file);
  const f = loaded.face;
  const scale = (n: number) => Math.round((n * 1000) / f.unitsPerEm);

  // The widths the page was laid out with stay; the standard fonts have none written, so they
  // come from the stand-in, whose widths are the same.
  let firstChar = font.lookup(PDFName.of('FirstChar'));
  let lastChar = font.lookup(PDFName.of('LastChar'));
  let widths = font.lookup(PDFName.of('Widths'));
  if (!(widths instanceof PDFArray && firstChar instanceof PDFNumber && lastChar instanceof PDFNumber)) {
    const glyphs = glyphsOf(font, isType1);
    const missing = scale(f.getGlyph(0).advanceWidth);
    firstChar = PDFNumber.of(0);
    lastChar = PDFNumber.of(255);
    widths = doc.context.obj(Array.from({ length: 256 }, (_, code) => advance(loaded, glyphs(code)) ?? missing));
  }

  // Without an encoding, a standard Type 1 font means StandardEncoding: said in so many words,
  // since a TrueType font without one would be read through its own character map.
  let encoding = font.get(PDFName.of('Encoding'));
  if (!encoding && isType1) {
    const differences: (number | PDFName)[] = [];
    for (const [code, name] of Object.entries(STANDARD)) differences.push(Number(code), PDFName.of(name));
    encoding = doc.context.obj({ Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: differences });
  }

  const flags = 32 + (substitute.italic ? 64 : 0) + (substitute.family === 'Serif' ? 2 : 0) + (substitute.family === 'Mono' ? 1 : 0);
  const descriptor = doc.context.obj({
    Type: 'FontDescriptor',
    FontName: f.postscriptName,
    Flags: flags,
    FontBBox: [scale(f.bbox.minX), scale(f.bbox.minY), scale(f.bbox.maxX), scale(f.bbox.maxY)],
    ItalicAngle: f.italicAngle,
    Ascent: scale(f.ascent),
    Descent: scale(f.descent),
    CapHeight: scale(f.capHeight),
    StemV: substitute.bold ? 140 : 80,
    FontFile2: fontFile(doc, file),
  });
  const dict = doc.context.obj({
    Type: 'Font',
    Subtype: 'TrueType',
    BaseFont: f.postscriptName,
    FirstChar: firstChar,
    LastChar: lastChar,
    Widths: widths,
    FontDescriptor: doc.context.register(descriptor),
  });
  if (encoding) dict.set(PDFName.of('Encoding'), encoding);
  const toUnicode = font.get(PDFName.of('ToUnicode'));
  if (toUnicode) dict.set(PDFName.of('ToUnicode'), toUnicode);
  return dict;
}

function fixResources(doc: PDFDocument, resources: PDFObject | undefined, seen: Set<PDFObject>): void {
  const dict = resources instanceof PDFRef ? doc.context.lookup(resources) : resources;
  if (!(dict instanceof PDFDict) || seen.has(dict)) return;
  seen.add(dict);
  const fonts = dict.lookup(PDFName.of('Font'));
  if (fonts instanceof PDFDict) {
    for (const [key, value] of fonts.entries()) {
      if (seen.has(value)) continue;
      seen.add(value);
      const font = value instanceof PDFRef ? doc.context.lookup(value) : value;
      const fixed = font instanceof PDFDict ? replacement(doc, font) : undefined;
      if (!fixed) continue;
      if (value instanceof PDFRef) doc.context.assign(value, fixed);
      else fonts.set(key, fixed);
    }
  }
  const xobjects = dict.lookup(PDFName.of('XObject'));
  if (xobjects instanceof PDFDict) {
    for (const value of xobjects.values()) {
      const stream = value instanceof PDFRef ? doc.context.lookup(value) : value;
      if (stream instanceof PDFStream && stream.dict.lookup(PDFName.of('Subtype')) === PDFName.of('Form'))
        fixResources(doc, stream.dict.get(PDFName.of('Resources')), seen);
    }
  }
}

/** Embeds stand-ins for the unembedded standard fonts a page (its forms and annotations too) uses. */
export function embedMissingFonts(doc: PDFDocument, pages: PDFPage[]): void {
  const seen = new Set<PDFObject>();
  for (const page of pages) {
    fixResources(doc, page.node.get(PDFName.of('Resources')), seen);
    const annots = page.node.Annots();
    for (const annot of annots?.asArray() ?? []) {
      const a = annot instanceof PDFRef ? doc.context.lookup(annot) : annot;
      const appearances = a instanceof PDFDict ? a.lookup(PDFName.of('AP')) : undefined;
      if (!(appearances instanceof PDFDict)) continue;
      for (const state of appearances.values()) {
        const resolved = state instanceof PDFRef ? doc.context.lookup(state) : state;
        const streams =
          resolved instanceof PDFStream
            ? [resolved]
            : resolved instanceof PDFDict
              ? resolved.values().map((v) => (v instanceof PDFRef ? doc.context.lookup(v) : v))
              : [];
        for (const stream of streams) if (stream instanceof PDFStream) fixResources(doc, stream.dict.get(PDFName.of('Resources')), seen);
      }
    }
  }
}
