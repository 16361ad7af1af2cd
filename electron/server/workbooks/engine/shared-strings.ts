/**
 * The shared-strings part: every distinct text of the workbook, which cells refer to by
 * number. Rich text is joined into plain text; phonetic guides (Japanese furigana) are not
 * part of the text. An empty string is null, as exceljs reads it. Once the part has held
 * bytes that are not UTF-8 (`check`), a text that shows them (U+FFFD) is an 'invalid-text'
 * problem, which reaches every cell that refers to it.
 */
/// <reference path="./exceljs-internals.d.ts" />
import parseSax from 'exceljs/lib/utils/parse-sax';
import { checkedText, localName, type SharedString } from './sheet-rows';
import type { TextCheck } from './xlsx-parts';

/**
 * Reads the texts. `invalidText` is thrown when the part held bytes that are not UTF-8 and no
 * text shows them (they were in the markup).
 */
export async function readSharedStrings(
  xml: AsyncIterable<unknown> | Iterable<unknown>,
  check?: TextCheck,
  invalidText?: () => Error,
): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  let text: string | null = null;
  let inItem = false;
  let reading = false;
  let inPhonetic = false;
  let invalidShown = false;
  for await (const events of parseSax(xml)) {
    for (const e of events) {
      if (e.eventType === 'text') {
        if (reading && !inPhonetic) text = text === null ? e.value : text + e.value;
        continue;
      }
      const name = localName(e.value.name);
      if (e.eventType === 'opentag') {
        if (name === 'si') {
          inItem = true;
          text = null;
        } else if (name === 't' && inItem) reading = true;
        else if (name === 'rPh') inPhonetic = true;
      } else if (name === 't') reading = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        if (text === '' || text === null) strings.push(null);
        else if (check?.invalid) {
          const v = checkedText(text) as SharedString;
          if (typeof v === 'object') invalidShown = true;
          strings.push(v);
        } else strings.push(text);
        inItem = false;
      }
    }
  }
  if (check?.invalid && !invalidShown) throw invalidText ? invalidText() : new Error('the shared text holds bytes that are not UTF-8');
  return strings;
}
