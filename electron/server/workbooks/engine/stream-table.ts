/**
 * exceljs's streaming writer is the fast way to write 100,000 rows, but it cannot add an Excel
 * table. A table is three small parts (the table XML, a relationship from its sheet, a content
 * type), so this adds them around the writer. It leans on exceljs 4.4 internals, pinned in
 * package.json; the round-trip tests open the result with exceljs and LibreOffice.
 */
/// <reference path="./exceljs-internals.d.ts" />
import ExcelJS from 'exceljs';
import { columnLetter } from '../column-letter';
import ContentTypesXform from 'exceljs/lib/xlsx/xform/core/content-types-xform';
import StreamBuf from 'exceljs/lib/utils/stream-buf';

export interface StreamTable {
  name: string;
  /** Header row and first/last column numbers; rows run header+1 .. lastDataRow. */
  headerRow: number;
  firstCol: number;
  lastDataRow: number;
  columns: Array<{ name: string; totalsLabel?: string; totalsSum?: boolean }>;
  /** A totals row directly under the data. */
  totalsRow: boolean;
}

const PART_BUFFER = 1024 * 1024;
/** Deflate output in 1 MB pieces too, so a buffer is deflated in one job, not sixty-four. */
export const ZIP_OPTIONS = { zlib: { chunkSize: PART_BUFFER } };

const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function tableXml(id: number, t: StreamTable): string {
  const lastCol = columnLetter(t.firstCol + t.columns.length - 1);
  const first = columnLetter(t.firstCol);
  const end = t.lastDataRow + (t.totalsRow ? 1 : 0);
  const cols = t.columns
    .map((c, i) => {
      const totals = !t.totalsRow ? '' : c.totalsSum ? ' totalsRowFunction="sum"' : c.totalsLabel ? ` totalsRowLabel="${xml(c.totalsLabel)}"` : '';
      return `<tableColumn id="${i + 1}" name="${xml(c.name)}"${totals}/>`;
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${t.name}" displayName="${t.name}" ref="${first}${t.headerRow}:${lastCol}${end}"${t.totalsRow ? ' totalsRowCount="1"' : ''}>` +
    `<autoFilter ref="${first}${t.headerRow}:${lastCol}${t.lastDataRow}"/>` +
    `<tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    '<tableStyleInfo name="TableStyleLight9" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>' +
    '</table>'
  );
}

type Internal = {
  _openStream(path: string): NodeJS.WritableStream & { end(): void };
  _worksheets: unknown[];
  sharedStrings: unknown;
  commentRefs: unknown;
  media: unknown;
  zip: { append(data: string | StreamBuf, opts: { name: string }): void };
};
type SheetInternal = {
  _sheetRelsWriter: { addRelationship(rel: { Target: string; Type: string }): string };
  _writeCloseWorksheet(): void;
  _write(text: string): void;
};

export class TableWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  private tables: Array<{ target: string }> = [];

  /** Declares a table on a sheet; call before the sheet is committed. */
  addTable(sheet: ExcelJS.Worksheet, table: StreamTable): void {
    const id = this.tables.length + 1;
    const target = `table${id}.xml`;
    this.tables.push({ target });
    const internal = sheet as unknown as SheetInternal;
    const rId = internal._sheetRelsWriter.addRelationship({ Target: `../tables/${target}`, Type: TABLE_REL });
    const close = internal._writeCloseWorksheet.bind(internal);
    internal._writeCloseWorksheet = () => {
      internal._write(`<tableParts count="1"><tablePart r:id="${rId}"/></tableParts>`);
      close();
    };
    (this as unknown as Internal).zip.append(tableXml(id, table), { name: `xl/tables/${target}` });
  }

  /**
   * exceljs's part stream, with 1 MB buffers instead of 64 KB: the zip deflates each buffer
   * on a libuv thread, and one that size is enough work to keep that thread busy between
   * two turns of the event loop while the export makes rows (see ZIP_OPTIONS).
   */
  _openStream(path: string): StreamBuf {
    const stream = new StreamBuf({ bufSize: PART_BUFFER, batch: true });
    (this as unknown as Internal).zip.append(stream, { name: path });
    stream.on('finish', () => stream.emit('zipped'));
    return stream;
  }

  /** exceljs's own content types, plus the tables'. */
  override addContentTypes(): Promise<void> {
    const self = this as unknown as Internal;
    const model = {
      worksheets: self._worksheets.filter(Boolean),
      sharedStrings: self.sharedStrings,
      commentRefs: self.commentRefs,
      media: self.media,
      tables: this.tables,
    };
    self.zip.append(new ContentTypesXform().toXml(model), { name: '[Content_Types].xml' });
    return Promise.resolve();
  }
}
