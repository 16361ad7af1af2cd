/**
 * The big parts of a workbook (its sheets, its shared strings) read as XML events: element opened
 * with its attributes, element closed, text. saxes, exceljs's tokeniser, checks every character
 * of the XML one at a time, and at 100,000 rows that is most of the time a read takes. This
 * scanner reads the XML that spreadsheet programs write (elements, attributes, text and the five
 * named and numeric entities) a tag at a time, and checks what saxes checks of it: characters
 * XML allows, names, attribute syntax and duplicates, tags that close the element open, entities,
 * "]]>", nothing outside the one root element.
 *
 * It never decides a file is bad, and never reads anything it does not know. At anything else
 * (a comment, CDATA, a DOCTYPE, a non-ASCII name, an entity in an attribute value, an error of
 * any kind, the handler's own refusals included) it stops, and the part is read again from its
 * start through saxes, exactly as before: every refusal, and everything read from a file that
 * is not plain, comes from saxes. `readXml` runs the two and tells the reader when it starts over.
 */
/// <reference path="./exceljs-internals.d.ts" />
import { bufferToString } from 'exceljs/lib/utils/browser-buffer-decode';
import parseSax from 'exceljs/lib/utils/parse-sax';

export type XmlInput = AsyncIterable<unknown> | Iterable<unknown>;
/** A part's text from its start, as often as it is asked for: a read that falls back to saxes starts over. */
export type XmlSource = () => XmlInput;

/**
 * An element's attributes, looked up by name as written. Good only during the `open` call that
 * passes it: the scanner reuses it for the next element.
 */
export interface XmlAttributes {
  get(name: string): string | undefined;
  /** Every attribute, by name. */
  all(): Record<string, string>;
}

/** What a reader does with the events; saxes and the scanner call it alike. */
export interface XmlHandler {
  open(name: string, attributes: XmlAttributes): void;
  close(name: string): void;
  /** Text inside the root element, entities decoded; text outside it may or may not be passed. */
  text(text: string): void;
}

/** Which read a handler serves: the scanner's, or saxes's after the scanner stopped. */
export type XmlAttempt = 'scan' | 'saxes';

/**
 * Reads a part into handlers, yielding once each chunk of its text has been read (all of that
 * chunk's events handed over first), as exceljs's saxes reader does. `start` is asked for a
 * fresh handler for each read: once for the scanner, and again if it stops and saxes reads the
 * part from its start. What a handler passed on from the scanner's chunks is exactly what saxes
 * gives for them, so the caller can skip what it has already passed on.
 */
export async function* readXml(source: XmlSource, start: (attempt: XmlAttempt) => XmlHandler): AsyncGenerator<void> {
  try {
    for await (const _ of scanXml(source(), start('scan'))) yield;
    return;
  } catch {
    // Whatever stopped the scanner, saxes decides: the same events, the same errors.
  }
  yield* saxesXml(source(), start('saxes'));
}

/** The part read by saxes through exceljs, as the reader always did: an error of the XML is thrown before any event of its chunk. */
export async function* saxesXml(input: XmlInput, h: XmlHandler): AsyncGenerator<void> {
  // saxes's attributes are an object without a prototype: a name is there or it is not.
  let current: Record<string, string> = {};
  const attributes: XmlAttributes = { get: (name) => current[name], all: () => Object.assign(Object.create(null), current) };
  for await (const events of parseSax(input)) {
    for (const e of events) {
      if (e.eventType === 'text') h.text(e.value);
      else if (e.eventType === 'opentag') {
        current = e.value.attributes;
        h.open(e.value.name, attributes);
      } else h.close(e.value.name);
    }
    yield;
  }
}

/** The scanner does not know this XML (or it is bad): saxes reads it instead. */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain('not plain XML');

/**
 * Characters XML 1.0 does not allow: controls other than tab, newline and carriage return,
 * U+FFFE and U+FFFF. A surrogate must be half of a pair.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters XML forbids are what it looks for
const DISALLOWED = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const SURROGATE = /[\uD800-\uDFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The XML declaration as spreadsheet programs write it (version 1.0): a form saxes accepts. */
const DECLARATION =
  /^<\?xml[ \t\n\r]+version[ \t\n\r]*=[ \t\n\r]*(?:"1\.0"|'1\.0')(?:[ \t\n\r]+encoding[ \t\n\r]*=[ \t\n\r]*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:[ \t\n\r]+standalone[ \t\n\r]*=[ \t\n\r]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\n\r]*\?>/;

/** What is carried from one chunk to the next is a tag or a text; one this long is not plain. */
const MAX_CARRY = 1 << 20;

const LT = 60;
const GT = 62;
const SLASH = 47;
const EQ = 61;
const DQ = 34;
const SQ = 39;
const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const AMP = 38;
const CLOSE_BRACKET = 93;

const isSpace = (c: number) => c === SPACE || c === LF || c === TAB || c === CR;
/** An ASCII name's first character: a letter, _ or :. */
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
/** An ASCII name's other characters: also digits, - and . */
const isNameChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;

/** XML 1.0's Char production, for a character reference. */
const isXmlChar = (n: number) =>
  n === 0x9 || n === 0xa || n === 0xd || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

/** An entity's text, as saxes decodes it (`&#x` in lower case only); anything else is not plain. */
function entity(name: string): string {
  switch (name) {
    case 'amp':
      return '&';
    case 'lt':
      return '<';
    case 'gt':
      return '>';
    case 'quot':
      return '"';
    case 'apos':
      return "'";
  }
  let n = Number.NaN;
  if (/^#x[0-9a-fA-F]+$/.test(name)) n = Number.parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) n = Number.parseInt(name.slice(1), 10);
  if (!isXmlChar(n)) throw NOT_PLAIN;
  return String.fromCodePoint(n);
}

/** Text inside the root, as saxes hands it over: entities decoded, CR LF and a lone CR read as LF. */
function decodeText(raw: string): string {
  // Most text is a number or a short string: one pass tells it needs nothing done.
  let plain = true;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === AMP || c === CR || c === CLOSE_BRACKET) {
      plain = false;
      break;
    }
  }
  if (plain) return raw;
  if (raw.indexOf(']]>') >= 0) throw NOT_PLAIN;
  if (raw.indexOf('&') < 0 && raw.indexOf('\r') < 0) return raw;
  let out = '';
  let at = 0;
  for (;;) {
    const amp = raw.indexOf('&', at);
    const piece = raw.slice(at, amp < 0 ? raw.length : amp);
    out += piece.indexOf('\r') < 0 ? piece : piece.replace(/\r\n?/g, '\n');
    if (amp < 0) return out;
    const semi = raw.indexOf(';', amp + 1);
    if (semi < 0) throw NOT_PLAIN;
    out += entity(raw.slice(amp + 1, semi));
    at = semi + 1;
  }
}

function isAllSpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

/** The scanner alone: throws at anything it does not know; yields after each chunk. */
export async function* scanXml(input: XmlInput, h: XmlHandler): AsyncGenerator<void> {
  const scanner = new Scanner(h);
  for await (const chunk of input as AsyncIterable<unknown>) {
    scanner.feed(bufferToString(chunk));
    yield;
  }
  scanner.end();
}

/** Attributes past this many on one element are not plain (a duplicate is looked for among them all). */
const MAX_ATTRIBUTES = 32;

/**
 * The attributes of the element being handed over, as places in the text: nothing is copied
 * out of it until a reader asks for a value.
 */
class Attributes implements XmlAttributes {
  s = '';
  count = 0;
  /** For attribute k: name start, name end, value start, value end. */
  readonly at = new Int32Array(MAX_ATTRIBUTES * 4);

  get(name: string): string | undefined {
    const { at, s } = this;
    for (let k = 0, p = 0; k < this.count; k++, p += 4) {
      if (at[p + 1]! - at[p]! === name.length && s.startsWith(name, at[p]!)) return s.slice(at[p + 2]!, at[p + 3]!);
    }
    return undefined;
  }

  all(): Record<string, string> {
    const out: Record<string, string> = Object.create(null);
    for (let p = 0; p < this.count * 4; p += 4) out[this.s.slice(this.at[p]!, this.at[p + 1]!)] = this.s.slice(this.at[p + 2]!, this.at[p + 3]!);
    return out;
  }

  /** Adds one; false when the element already has an attribute of that name. */
  add(nameAt: number, nameEnd: number, valueAt: number, valueEnd: number): boolean {
    const { at, s } = this;
    const length = nameEnd - nameAt;
    for (let k = 0, p = 0; k < this.count; k++, p += 4) {
      if (at[p + 1]! - at[p]! !== length) continue;
      let same = true;
      for (let x = 0; x < length; x++) {
        if (s.charCodeAt(at[p]! + x) !== s.charCodeAt(nameAt + x)) {
          same = false;
          break;
        }
      }
      if (same) return false;
    }
    const p = this.count * 4;
    at[p] = nameAt;
    at[p + 1] = nameEnd;
    at[p + 2] = valueAt;
    at[p + 3] = valueEnd;
    this.count++;
    return true;
  }
}

/** Element names seen so far, reused rather than cut out of the text again (a sheet has a dozen). */
const MAX_NAMES = 64;

/**
 * One part's scan, a chunk at a time. A tag, and the text before it, are handed over once the
 * whole tag has come: an unfinished one waits, with that text, for the next chunk.
 */
class Scanner {
  /** The elements open, innermost last. */
  private readonly open: string[] = [];
  /** The text from where the last chunk stopped: an unfinished tag, and the text before it. */
  private carry = '';
  private begun = false;
  private sawRoot = false;
  private readonly attributes = new Attributes();
  /** Names seen, by length and first character (length * 65536 + code). */
  private readonly names = new Map<number, string[]>();
  private nameCount = 0;

  constructor(private readonly h: XmlHandler) {}

  /** The element name at s[from, to), as a string seen before when it is one. */
  private nameAt(s: string, from: number, to: number): string {
    const key = (to - from) * 65536 + s.charCodeAt(from);
    const seen = this.names.get(key);
    if (seen) for (const name of seen) if (s.startsWith(name, from)) return name;
    const name = s.slice(from, to);
    if (this.nameCount < MAX_NAMES) {
      this.nameCount++;
      if (seen) seen.push(name);
      else this.names.set(key, [name]);
    }
    return name;
  }

  feed(chunk: string): void {
    const s = this.carry + chunk;
    if (DISALLOWED.test(s) || (SURROGATE.test(s) && LONE_SURROGATE.test(s))) throw NOT_PLAIN;
    let i = 0;
    if (!this.begun) {
      const at = this.prolog(s);
      if (at < 0) {
        this.carry = s;
        return;
      }
      i = at;
      this.begun = true;
    }
    i = this.tags(s, i);
    const carry = s.slice(i);
    if (carry.length > MAX_CARRY) throw NOT_PLAIN;
    // After the root, only whitespace.
    if (this.open.length === 0 && this.sawRoot && !isAllSpace(carry, 0, carry.length)) throw NOT_PLAIN;
    this.carry = carry;
  }

  end(): void {
    if (!isAllSpace(this.carry, 0, this.carry.length)) throw NOT_PLAIN;
  }

  /**
   * Where the document proper starts, past a byte order mark (saxes skips one) and an XML
   * declaration, which may come first and nowhere else; -1 until enough has come to tell.
   */
  private prolog(s: string): number {
    const i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
    // Nothing yet, or a lone "<" that may begin a declaration: wait (saxes hands nothing over either).
    if (s.length - i < 2) return -1;
    if (!s.startsWith('<?', i)) return i;
    const end = s.indexOf('?>', i);
    if (end < 0 && s.length < 4096) return -1;
    const m = end < 0 ? null : DECLARATION.exec(s.slice(i, end + 2));
    if (!m) throw NOT_PLAIN;
    return i + m[0].length;
  }

  /** Hands over every whole tag of `s` from `i` (and the text before each); returns where the rest starts. */
  private tags(s: string, i: number): number {
    const h = this.h;
    const open = this.open;
    const n = s.length;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return i;
      let j = lt + 1;
      if (j >= n) return i;
      let c = s.charCodeAt(j);
      if (c === SLASH) {
        j++;
        const nameAt = j;
        if (j >= n) return i;
        if (!isNameStart(s.charCodeAt(j))) throw NOT_PLAIN;
        j++;
        while (j < n && isNameChar(s.charCodeAt(j))) j++;
        const nameEnd = j;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) return i;
        if (s.charCodeAt(j) !== GT) throw NOT_PLAIN;
        const name = open[open.length - 1];
        if (name === undefined || name.length !== nameEnd - nameAt || !s.startsWith(name, nameAt)) throw NOT_PLAIN;
        if (lt > i) h.text(decodeText(s.slice(i, lt)));
        open.pop();
        h.close(name);
        i = j + 1;
        continue;
      }
      // <! (comments, CDATA, DOCTYPE) and <? (instructions) are not plain.
      if (!isNameStart(c)) throw NOT_PLAIN;
      const nameAt = j;
      j++;
      while (j < n && isNameChar(s.charCodeAt(j))) j++;
      if (j >= n) return i;
      const name = this.nameAt(s, nameAt, j);
      const attributes = this.attributes;
      attributes.s = s;
      attributes.count = 0;
      let selfClosing = false;
      for (;;) {
        const before = j;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) return i;
        c = s.charCodeAt(j);
        if (c === GT) break;
        if (c === SLASH) {
          if (j + 1 >= n) return i;
          if (s.charCodeAt(j + 1) !== GT) throw NOT_PLAIN;
          j++;
          selfClosing = true;
          break;
        }
        // An attribute: after whitespace, name, optional whitespace, =, optional whitespace, a quoted value.
        if (j === before || !isNameStart(c)) throw NOT_PLAIN;
        const attrAt = j;
        j++;
        while (j < n && isNameChar(s.charCodeAt(j))) j++;
        const attrEnd = j;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) return i;
        if (s.charCodeAt(j) !== EQ) throw NOT_PLAIN;
        j++;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) return i;
        const q = s.charCodeAt(j);
        if (q !== DQ && q !== SQ) throw NOT_PLAIN;
        const close = s.indexOf(q === DQ ? '"' : "'", j + 1);
        if (close < 0) return i;
        // Entities and whitespace saxes would rewrite, and <, which it refuses: not plain.
        for (let k = j + 1; k < close; k++) {
          const v = s.charCodeAt(k);
          if (v === AMP || v === LT || v === TAB || v === LF || v === CR) throw NOT_PLAIN;
        }
        if (attributes.count === MAX_ATTRIBUTES || !attributes.add(attrAt, attrEnd, j + 1, close)) throw NOT_PLAIN;
        j = close + 1;
      }
      // One root element: a second one is an error.
      if (open.length === 0 && this.sawRoot) throw NOT_PLAIN;
      if (lt > i) {
        if (open.length) h.text(decodeText(s.slice(i, lt)));
        else if (!isAllSpace(s, i, lt)) throw NOT_PLAIN;
      }
      this.sawRoot = true;
      h.open(name, attributes);
      if (selfClosing) h.close(name);
      else open.push(name);
      i = j + 1;
    }
  }
}
