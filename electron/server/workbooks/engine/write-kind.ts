/**
 * Writes a workbook kind: a Read me sheet, the hidden _meta sheet, a hidden _lists sheet for
 * validation, and the data sheet as a protected Excel table. Streams, so 100,000 rows cost
 * little more than exceljs's own streaming writer.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { ukDateTime } from '../../../shared/dates';
import type { MoneyFormat } from '../../../shared/money';
import type { KindScope } from '../../../shared/workbook-types';
import { A4_LANDSCAPE, FONT, HEADER_FILL, OVER_RED, THIN, TOTAL_FILL, UNDER_GREEN } from '../styles';
import { type FieldValue, percentText } from './cells';
import { fingerprint } from './fingerprint';
import { editableColumns, type ColumnDef, type KindData, type KindDef } from './kind';
import { META_SHEET, metaRows } from './meta';
import { SheetRows, type RowCell } from './row-xml';
import { TableWorkbookWriter, ZIP_OPTIONS } from './stream-table';
import { columnLetter } from '../column-letter';

export const TITLE_ROWS = 3;
export const HEADER_ROW = TITLE_ROWS + 1;
export const LISTS_SHEET = '_lists';
/** Rows between turns of the event loop, each a turn for the zip to deflate what has been written. */
const YIELD_EVERY = 500;

export interface ExportHeader {
  workspaceId: string;
  authority: string;
  exportedBy: string;
  exportedAt: Date;
  /** How negatives are shown, as the workspace's screens show them. */
  money: MoneyFormat;
}

const LOCKED_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEDEDED' } };
const INPUT_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFFFFF' } };
const BODY_FONT = { name: FONT, size: 10 };
const CELL_BORDER = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/**
 * One style object per column and state, shared by every cell: exceljs caches style ids by
 * object identity, which is what keeps 1.2 million styled cells fast.
 */
function columnStyles(c: ColumnDef, gbp: string): { body: Partial<ExcelJS.Style>; total: Partial<ExcelJS.Style> } {
  const money = c.type === 'money';
  const numeric = money || c.type === 'percent' || c.type === 'number';
  const format = NUMBER_FORMATS[c.type] ?? (money ? gbp : '@');
  const body: Partial<ExcelJS.Style> = {
    font: BODY_FONT,
    fill: c.editable ? INPUT_FILL : LOCKED_FILL,
    border: CELL_BORDER,
    // Text columns are formatted as Text, so a value starting "=" stays text even when edited.
    numFmt: format,
    alignment: { vertical: 'top', wrapText: Boolean(c.wrap), horizontal: numeric ? 'right' : 'left' },
    protection: { locked: !c.editable },
  };
  const total: Partial<ExcelJS.Style> = {
    font: { name: FONT, size: 10, bold: true },
    fill: TOTAL_FILL,
    border: { top: THIN, bottom: THIN },
    numFmt: numeric ? format : '@',
    alignment: { horizontal: numeric ? 'right' : 'left' },
    protection: { locked: true },
  };
  return { body, total };
}

/**
 * Formats by field type, money aside (it follows the workspace's negative style). A percentage
 * is written as a fraction under 0.00%, so Excel shows 3.50% and typing 3.5 into it gives 3.5%.
 * A number uses General: "#,##0.####" would show 12 as "12.".
 */
const NUMBER_FORMATS: Partial<Record<ColumnDef['type'], string>> = { int: '0', id: '0', percent: '0.00%', number: 'General', date: 'dd/mm/yyyy' };

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } },
  fill: HEADER_FILL,
  border: CELL_BORDER,
  alignment: { vertical: 'middle', wrapText: true },
  protection: { locked: true },
};

/** Serial 0 of Excel's 1900 date system, as every date from March 1900 on counts it. */
const EXCEL_DAY_ZERO = Date.UTC(1899, 11, 30);

function cellValue(c: ColumnDef, v: FieldValue | undefined): FieldValue {
  if (v === null || v === undefined) return null;
  if (c.type === 'money') return (v as number) / 100;
  if (c.type === 'percent') return (v as number) / 10_000;
  // A stored day (2026-01-15) as the serial number Excel shows, under dd/mm/yyyy, as 15/01/2026.
  if (c.type === 'date') return (Date.parse(`${String(v)}T00:00:00Z`) - EXCEL_DAY_ZERO) / 86_400_000;
  return v;
}

function writeReadMe(wb: TableWorkbookWriter, def: KindDef, data: KindData, head: ExportHeader): void {
  const ws = wb.addWorksheet('Read me', {
    properties: { tabColor: { argb: 'FF1F3864' } },
    views: [{ showGridLines: false }],
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const WIDTH = 90;
  ws.columns = [{ width: 3 }, { width: WIDTH }];
  const put = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = ws.addRow(['', text]);
    row.getCell(2).font = { name: FONT, ...font };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    const lines = Math.max(1, Math.ceil(text.length / (WIDTH * 1.05)));
    row.height = Math.max((font.size ?? 10) + 6, lines * ((font.size ?? 10) + 3) + 4);
    row.commit();
  };
  put(`${head.authority}: ${def.title}`, { size: 14, bold: true, color: { argb: 'FF1F3864' } });
  put(data.subtitle, { size: 11 });
  put(`Exported ${ukDateTime(head.exportedAt)} by ${head.exportedBy} from HNB Desk. ${data.rows.length} rows.`, {
    size: 9,
    italic: true,
    color: { argb: 'FF555555' },
  });
  put('', { size: 10 });
  put('How to fill it in', { size: 11, bold: true });
  def.instructions.forEach((t, i) => {
    put(`${i + 1}. ${t}`, { size: 10 });
  });
  put(
    `White cells on the "${def.sheetName}" sheet are for typing; grey cells are locked. The sheet is protected without a password (Review > Unprotect Sheet) only to stop accidents.`,
    { size: 10 },
  );
  put('When you have finished, save the file as an Excel Workbook (.xlsx) and send it back. HNB Desk shows every change before anything is applied.', {
    size: 10,
  });
  ws.commit();
}

function writeMeta(wb: TableWorkbookWriter, def: KindDef, data: KindData, scope: KindScope, head: ExportHeader): void {
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  const editable = editableColumns(def);
  const fingerprints = new Map<number, string>();
  for (const r of data.rows) fingerprints.set(r.id, fingerprint(editable.map((c) => r.values[c.field] ?? null)));
  const rows = metaRows({
    kind: def.kind,
    schemaVersion: def.schemaVersion,
    workspaceId: head.workspaceId,
    workspaceName: head.authority,
    scope,
    exportedAt: head.exportedAt.toISOString(),
    exportedBy: head.exportedBy,
    sheet: def.sheetName,
    fingerprints,
    // The columns of this scope as written, so a column added or removed before the file comes back is known for what it is.
    ...(def.columnsFor ? { columns: editable.map((c): [string, string] => [c.field, c.header]) } : {}),
  });
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
}

function writeLists(wb: TableWorkbookWriter, data: KindData): Map<string, string> {
  const refs = new Map<string, string>();
  const names = Object.keys(data.lists);
  if (names.length === 0) return refs;
  const ws = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const longest = Math.max(...names.map((n) => data.lists[n]!.length));
  ws.addRow(names).commit();
  for (let i = 0; i < longest; i++) ws.addRow(names.map((n) => data.lists[n]![i] ?? null)).commit();
  names.forEach((n, i) => {
    const col = columnLetter(i + 1);
    refs.set(n, `${LISTS_SHEET}!$${col}$2:$${col}$${Math.max(2, data.lists[n]!.length + 1)}`);
  });
  ws.commit();
  return refs;
}

/**
 * A percent or number column's range as Excel's own check, so a slip is stopped as it is typed;
 * the import reads every cell again whatever Excel allowed.
 */
function rangeValidation(c: ColumnDef): ExcelJS.DataValidation {
  const percent = c.type === 'percent';
  const scale = percent ? 10_000 : 1;
  const lo = c.minValue ?? (c.nonNegative ? 0 : -1e12);
  const hi = c.maxValue ?? 1e12;
  const text = (x: number) => (percent ? percentText(x) : x.toLocaleString('en-GB', { maximumFractionDigits: 4 }));
  const what = percent ? 'a percentage, such as 3.5%' : 'a number';
  const bounds =
    c.minValue !== undefined && c.maxValue !== undefined
      ? `, from ${text(lo)} to ${text(hi)}`
      : c.minValue !== undefined || c.nonNegative
        ? `, ${text(lo)} or more`
        : c.maxValue !== undefined
          ? `, at most ${text(hi)}`
          : '';
  return {
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [lo / scale, hi / scale],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: c.header,
    error: `${c.header} is ${what}${bounds}.`,
  };
}

/** Writes the workbook to `out` and resolves when the last byte is written. */
export async function writeKindWorkbook(out: Writable, def: KindDef, data: KindData, scope: KindScope, head: ExportHeader): Promise<void> {
  const wb = new TableWorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: ZIP_OPTIONS });
  wb.creator = `HNB Desk (${head.exportedBy})`;
  wb.created = head.exportedAt;
  writeReadMe(wb, def, data, head);
  writeMeta(wb, def, data, scope, head);
  const listRefs = writeLists(wb, data);

  const cols = def.columns;
  const colOf = new Map(cols.map((c, i) => [c.field, i + 1]));
  const letterOf = (field: string) => columnLetter(colOf.get(field)!);
  const lastCol = cols.length;
  const firstData = HEADER_ROW + 1;
  const lastData = HEADER_ROW + data.rows.length + def.spareRows;
  const totalRow = lastData + 1;
  const frozenCols = cols.findIndex((c) => c.field === def.labelField) + 1;

  const ws = wb.addWorksheet(def.sheetName, {
    properties: { tabColor: { argb: 'FF2E75B6' } },
    views: [
      { state: 'frozen', xSplit: frozenCols, ySplit: HEADER_ROW, topLeftCell: `${columnLetter(frozenCols + 1)}${firstData}`, activeCell: `B${firstData}` },
    ],
    pageSetup: {
      ...A4_LANDSCAPE,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      printArea: `B1:${columnLetter(lastCol)}${totalRow}`,
    },
    headerFooter: {
      oddFooter: `&L${head.authority.replace(/&/g, '&&')}&C${(data.footer ?? `${def.title}: ${data.subtitle}`).replace(/&/g, '&&')}&RPage &P of &N`,
    },
  });
  ws.columns = cols.map((c) => ({ width: c.width, hidden: c.type === 'id' }));

  const title = ws.addRow(['', `${head.authority}: ${def.title}`]);
  title.getCell(2).font = { name: FONT, bold: true, size: 14, color: { argb: 'FF1F3864' } };
  title.commit();
  const sub = ws.addRow(['', data.subtitle]);
  sub.getCell(2).font = { name: FONT, size: 11 };
  sub.commit();
  const hint = ws.addRow(['', def.hint ?? 'Type in the white cells; grey cells are locked. Amounts are pounds. Positive variance is an overspend.']);
  hint.getCell(2).font = { name: FONT, size: 9, italic: true, color: { argb: 'FF555555' } };
  hint.commit();

  const header = ws.addRow(cols.map((c) => c.header));
  header.height = 30;
  for (let i = 1; i <= lastCol; i++) header.getCell(i).style = HEADER_STYLE;
  header.commit();

  const styles = cols.map((c) => columnStyles(c, head.money.excel));
  const wrapped = cols.filter((c) => c.wrap);
  const formulaCols = cols.map((c) => c.formula);
  const body = new SheetRows(
    wb,
    ws,
    styles.map((s) => s.body),
  );
  const writeRow = (values: Record<string, FieldValue> | null, id: number | null) => {
    const rowNo = body.rowNumber;
    const cells: RowCell[] = new Array(lastCol);
    for (let i = 0; i < lastCol; i++) {
      const c = cols[i]!;
      const f = formulaCols[i];
      if (f) cells[i] = { formula: f(letterOf, rowNo), result: values ? (cellValue(c, values[c.field]) as number | null) : c.blankWhenEmpty ? null : 0 };
      else if (c.type === 'id') cells[i] = id;
      else cells[i] = values ? cellValue(c, values[c.field]) : null;
    }
    // Excel and LibreOffice do not always grow a wrapped row on open, so give it its height.
    let lines = 1;
    if (values) {
      for (const c of wrapped) {
        const text = values[c.field];
        if (typeof text === 'string' && text.length > c.width) lines = Math.max(lines, Math.ceil(text.length / (c.width * 1.1)));
      }
    }
    body.add(cells, lines > 1 ? lines * 12 + 3 : undefined);
  };
  for (let i = 0; i < data.rows.length; i++) {
    const r = data.rows[i]!;
    writeRow(r.values, r.id);
    // Let the zip deflate what is written (on a libuv thread) while the next rows are made,
    // rather than hold the whole sheet's XML until the loop ends.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  for (let i = 0; i < def.spareRows; i++) writeRow(null, null);
  body.end();

  const totals = ws.getRow(totalRow);
  const labelCol = colOf.get(def.keyField) ?? 2;
  cols.forEach((c, i) => {
    const cell = totals.getCell(i + 1);
    cell.style = styles[i]!.total;
    if (i + 1 === labelCol) cell.value = 'Total';
    else if (c.total) {
      const sum = data.rows.reduce((s, r) => s + ((r.values[c.field] as number | null) ?? 0), 0);
      cell.value = {
        formula: `SUBTOTAL(109,${columnLetter(i + 1)}${firstData}:${columnLetter(i + 1)}${lastData})`,
        result: c.type === 'money' ? sum / 100 : sum,
      } as ExcelJS.CellFormulaValue;
    }
  });
  totals.commit();

  const range = (c: ColumnDef) => `${letterOf(c.field)}${firstData}:${letterOf(c.field)}${Math.max(firstData, lastData)}`;
  for (const c of cols) {
    if (!c.editable) continue;
    const dv = (ws as unknown as { dataValidations: unknown }).dataValidations as { add(address: string, v: ExcelJS.DataValidation): void };
    if (c.list && listRefs.has(c.list)) {
      dv.add(range(c), {
        type: 'list',
        allowBlank: !c.required,
        formulae: [listRefs.get(c.list)!],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `Choose a ${c.header.toLowerCase()} from the list.`,
      });
    } else if (c.type === 'money') {
      // A number, so a date or text typed here is stopped in Excel, not only on import.
      dv.add(
        range(c),
        c.nonNegative
          ? {
              type: 'decimal',
              operator: 'greaterThanOrEqual',
              allowBlank: true,
              formulae: [0],
              showErrorMessage: true,
              errorStyle: 'stop',
              errorTitle: c.header,
              error: `${c.header} is an amount in pounds, zero or more.`,
            }
          : {
              type: 'decimal',
              operator: 'between',
              allowBlank: true,
              formulae: [-1e12, 1e12],
              showErrorMessage: true,
              errorStyle: 'stop',
              errorTitle: c.header,
              error: `${c.header} is an amount in pounds; a credit is negative, such as -1234.`,
            },
      );
    } else if (c.type === 'percent' || c.type === 'number') {
      dv.add(range(c), rangeValidation(c));
    } else if (c.type === 'text' && c.maxLength) {
      dv.add(range(c), {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        allowBlank: true,
        formulae: [c.maxLength],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `${c.header} can be at most ${c.maxLength} characters.`,
      });
    }
  }
  for (const c of cols) {
    if (!c.signed) continue;
    ws.addConditionalFormatting({
      ref: range(c),
      rules: [
        { type: 'cellIs', operator: 'greaterThan', formulae: ['0'], priority: 1, style: { font: { color: { argb: OVER_RED } } } },
        { type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 2, style: { font: { color: { argb: UNDER_GREEN } } } },
      ],
    });
  }

  wb.addTable(ws, {
    name: def.sheetName.replace(/[^A-Za-z0-9]/g, ''),
    headerRow: HEADER_ROW,
    firstCol: 1,
    lastDataRow: Math.max(firstData, lastData),
    totalsRow: true,
    columns: cols.map((c, i) => ({ name: c.header, totalsLabel: i + 1 === labelCol ? 'Total' : undefined, totalsSum: c.total })),
  });
  // No password: protection guards against slips, and nobody is asked for one to read or unlock.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
    insertRows: false,
    deleteRows: false,
    spinCount: 1000,
  });
  ws.commit();
  await wb.commit();
}
