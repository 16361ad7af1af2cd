/**
 * The shared-strings part: every distinct text of the workbook, which cells refer to by
 * number. Rich text is joined into plain text; phonetic guides (Japanese furigana) are not
 * part of the text. An empty string is null, as exceljs reads it.
 */
/// <reference path="./exceljs-internals.d.ts" />
import parseSax from 'exceljs/lib/utils/parse-sax';
import { localName, type SharedString } from './sheet-rows';

type SaxEvent = { eventType: 'opentag' | 'closetag' | 'text'; value: { name: string } | string };

export async function readSharedStrings(xml: AsyncIterable<unknown> | Iterable<unknown>): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  let text: string | null = null;
  let inItem = false;
  let reading = false;
  let inPhonetic = false;
  for await (const events of parseSax(xml) as AsyncIterable<SaxEvent[]>) {
    for (const { eventType, value } of events) {
      if (eventType === 'text') {
        if (reading && !inPhonetic) text = text === null ? (value as string) : text + (value as string);
        continue;
      }
      const name = localName((value as { name: string }).name);
      if (eventType === 'opentag') {
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
