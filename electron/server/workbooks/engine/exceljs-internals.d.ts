/** exceljs internals we import. Its content-types writer (see stream-table.ts). */
declare module 'exceljs/lib/xlsx/xform/core/content-types-xform' {
  export default class ContentTypesXform {
    toXml(model: unknown): string;
  }
}

/** Its XML escaping, so rows written by row-xml.ts escape exactly as exceljs does. */
declare module 'exceljs/lib/utils/utils' {
  const utils: { xmlEncode(text: string): string };
  export default utils;
}

/** Its XML tokeniser (saxes, events batched per chunk), used by the workbook reader. */
declare module 'exceljs/lib/utils/parse-sax' {
  export type SaxEvent =
    | { eventType: 'opentag'; value: { name: string; attributes: Record<string, string> } }
    | { eventType: 'closetag'; value: { name: string } }
    | { eventType: 'text'; value: string };
  export default function parseSax(input: AsyncIterable<unknown> | Iterable<unknown>): AsyncIterable<SaxEvent[]>;
}

/** How its tokeniser turns a chunk into text, so the scanner (xml-scan.ts) reads chunks exactly as it does. */
declare module 'exceljs/lib/utils/browser-buffer-decode' {
  export function bufferToString(chunk: unknown): string;
}

/** Its part stream (see stream-table.ts). */
declare module 'exceljs/lib/utils/stream-buf' {
  export default class StreamBuf {
    constructor(options: { bufSize: number; batch: boolean });
    on(event: string, listener: () => void): this;
    emit(event: string): boolean;
  }
}
