/**
 * The shared-strings part: every distinct text of the workbook, which cells refer to by
 * number. Rich text is joined into plain text; phonetic guides (Japanese furigana) are not
 * part of the text. An empty string is null, as exceljs reads it. Once the part has held
 * bytes that are not UTF-8 (`check`), a text that shows them (U+FFFD) is an 'invalid-text'
 * problem, which reaches every cell that refers to it.
 */
import { checkedText, localName, type SharedString } from './sheet-rows';
import type { TextCheck } from './xlsx-parts';
import { readXml, type XmlHandler, type XmlSource } from './xml-scan';

/** One read of the part (xml-scan.ts may start over). */
class StringsReader implements XmlHandler {
  readonly strings: SharedString[] = [];
  invalidShown = false;
  private current: string | null = null;
  private inItem = false;
  private reading = false;
  private inPhonetic = false;

  constructor(private readonly check?: TextCheck) {}

  text(text: string): void {
    if (this.reading && !this.inPhonetic) this.current = this.current === null ? text : this.current + text;
  }

  open(tag: string): void {
    const name = localName(tag);
    if (name === 'si') {
      this.inItem = true;
      this.current = null;
    } else if (name === 't' && this.inItem) this.reading = true;
    else if (name === 'rPh') this.inPhonetic = true;
  }

  close(tag: string): void {
    const name = localName(tag);
    if (name === 't') this.reading = false;
    else if (name === 'rPh') this.inPhonetic = false;
    else if (name === 'si') {
      const text = this.current;
      if (text === '' || text === null) this.strings.push(null);
      else if (this.check?.invalid) {
        const v = checkedText(text) as SharedString;
        if (typeof v === 'object') this.invalidShown = true;
        this.strings.push(v);
      } else this.strings.push(text);
      this.inItem = false;
    }
  }
}

/**
 * Reads the texts. `xml` gives the part's text from its start each time it is called (an array
 * is read again). `invalidText` is thrown when the part held bytes that are not UTF-8 and no
 * text shows them (they were in the markup).
 */
export async function readSharedStrings(xml: XmlSource | readonly unknown[], check?: TextCheck, invalidText?: () => Error): Promise<SharedString[]> {
  const source: XmlSource = typeof xml === 'function' ? xml : () => xml;
  let reader = new StringsReader(check);
  for await (const _ of readXml(source, () => (reader = new StringsReader(check)))) {
    // The strings are all read before any is used.
  }
  if (check?.invalid && !reader.invalidShown) throw invalidText ? invalidText() : new Error('the shared text holds bytes that are not UTF-8');
  return reader.strings;
}
