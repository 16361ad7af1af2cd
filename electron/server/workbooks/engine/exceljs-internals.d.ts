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

/** Its XML tokeniser (saxes, events batched per chunk), used by sheet-rows.ts. */
declare module 'exceljs/lib/utils/parse-sax' {
  export default function parseSax(input: AsyncIterable<unknown> | Iterable<unknown>): AsyncIterable<unknown>;
}

/** Its readers of the workbook part and its relationships (see workbook-layout.ts). */
declare module 'exceljs/lib/xlsx/xform/book/workbook-xform' {
  export default class WorkbookXform {
    parseStream(input: Iterable<unknown> | AsyncIterable<unknown>): Promise<{ sheets?: Array<{ name: string; id: number; state?: string; rId: string }> } | undefined>;
    map: { workbookPr: { model?: { date1904?: boolean } } };
  }
}
declare module 'exceljs/lib/xlsx/xform/core/relationships-xform' {
  export default class RelationshipsXform {
    parseStream(input: Iterable<unknown> | AsyncIterable<unknown>): Promise<Array<{ Id: string; Type: string; Target: string; TargetMode?: string }> | undefined>;
  }
}

/** Its part stream (see stream-table.ts). */
declare module 'exceljs/lib/utils/stream-buf' {
  export default class StreamBuf {
    constructor(options: { bufSize: number; batch: boolean });
    on(event: string, listener: () => void): this;
    emit(event: string): boolean;
  }
}
