/**
 * The shared-strings part: every distinct text of the workbook, which cells refer to by
 * number. Rich text is joined into plain text; phonetic guides (Japanese furigana) are not
 * part of the text. An empty string is null, as exceljs reads it.
 */
/// <reference path="./exceljs-internals.d.ts" />
import parseSax from 'exceljs/lib/utils/parse-sax';
import { localName, type SharedString } from './sheet-rows';

export async function readSharedStrings(xml: AsyncIterable<unknown> | Iterable<unknown>): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  let text: string | null = null;
  let inItem = false;
  let reading = false;
  let inPhonetic = false;
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
        strings.push(text === '' ? null : text);
        inItem = false;
      }
    }
  }
  return strings;
}
