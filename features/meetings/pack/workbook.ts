/**
 * The pack's workbook: a cover, a contents sheet linking to every sheet, and one sheet per table
 * in the papers with the same figures (pence shown as pounds in the workspace's money format),
 * each set up to print on A4. Written fresh every time, in the house look of the forum's
 * monitoring report.
 */
import ExcelJS from 'exceljs';
import type { BlockTable } from '../../../electron/server/documents/block-kind';
import { columnLetter } from '../../../electron/server/workbooks/column-letter';
import { FONT, GROUP_FILL, HEADER_FILL, THIN, TOTAL_FILL } from '../../../electron/server/workbooks/styles';
import { ukDate } from '../../../electron/shared/dates';
import { moneyFormat, penceToPounds } from '../../../electron/shared/money';
import { authoredTables } from './authored-tables';
import type { ComposedPack } from './compose';
import { exemptWords } from './compose';
import { footerText } from './html';
import { meetingDay, meetingTime } from './naming';

const NAVY = 'FF1F3864';
const RED = 'FFB10E1C';
const MUTED = 'FF555555';
const MARGINS = { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
const RESERVED = new Set(['cover', 'contents', 'history']);

export interface WorkbookVersion {
  version: number;
  publishedAt: string;
  publishedBy: string;
  reason: string;
}

/** Excel's header and footer codes start with &, so a literal & is doubled. */
const hf = (text: string) => text.replace(/&/g, '&&');

/** A sheet name Excel accepts: no []:*?/\, no leading or trailing apostrophe, at most 31 characters, unique. */
export function sheetNamer(): (wanted: string) => string {
  const used = new Set<string>(RESERVED);
  return (wanted) => {
    const clean =
      wanted
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^'+|'+$/g, '')
        .trim() || 'Table';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${shorten(clean, 31 - suffix.length)}${suffix}`;
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  };
}

/** Cut at a word where one is near the limit, so "5 High Needs monitoring, 2026-27 at P7" reads "5 High Needs monitoring, 2026-27". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf(','));
  return (space >= max * 0.6 ? cut.slice(0, space) : text.slice(0, max)).replace(/[\s,;:–'-]+$/, '');
}

/** Rows with wrapped text need a height: Excel and LibreOffice do not always grow them on open. */
function wrappedHeight(texts: Array<[string, number]>): number {
  const lines = Math.max(1, ...texts.map(([t, width]) => Math.ceil(t.length / (width * 1.1))));
  return Math.max(15, lines * 12.5 + 3);
}

/** HYPERLINK() to a cell in the same workbook: followed by Excel and LibreOffice alike, unlike a stored internal link. */
function sheetLink(sheet: string, text: string): ExcelJS.CellFormulaValue {
  const target = `#'${sheet.replace(/'/g, "''")}'!A1`;
  return { formula: `HYPERLINK("${target.replace(/"/g, '""')}","${text.replace(/"/g, '""')}")`, result: text, date1904: false };
}

function textWidth(values: Array<string | number | null>, min: number, max: number): number {
  const longest = Math.max(0, ...values.map((v) => (v === null ? 0 : String(v).length)));
  return Math.min(max, Math.max(min, longest + 2));
}

interface SheetPlan {
  name: string;
  item: string;
  paper: string;
  table: BlockTable;
  landscape: boolean;
  marking: string | null;
}

/**
 * `attachments`: the workbook appendices as the pack's folder names them, listed on the contents
 * sheet so a reader can find them.
 */
export async function writePackWorkbook(
  pack: ComposedPack,
  options: { createdAt: Date; version?: WorkbookVersion; attachments?: Array<{ item: string; title: string; fileName: string }> },
): Promise<Buffer> {
  const s = pack.snapshot;
  const money = moneyFormat(s.negativeStyle);
  const footer = footerText(pack);
  const wb = new ExcelJS.Workbook();
  wb.creator = s.authority;
  wb.title = `${s.body.name} ${s.supplementary ? 'supplementary pack' : 'pack'}`;
  wb.created = options.createdAt;
  wb.modified = options.createdAt;

  const name = sheetNamer();
  const plans: SheetPlan[] = [];
  for (const ci of pack.items) {
    if (!ci.paper) continue;
    // The live blocks' tables, then those typed into the text: an exempt paper left out of the public pack has neither.
    for (const table of [...ci.paper.tables, ...(ci.item.paper ? authoredTables(ci.item.paper) : [])]) {
      plans.push({
        name: name(`${ci.item.number} ${table.title}`),
        item: ci.item.number,
        paper: ci.item.title,
        table,
        landscape: ci.paper.wide || table.columns.length > 5,
        marking: ci.marking,
      });
    }
  }
  const xlsxAppendices = options.attachments ?? [];
  writeCover(wb, pack, options.version, footer);
  writeContents(wb, plans, xlsxAppendices, footer);
  for (const plan of plans) writeTableSheet(wb, plan, money, footer);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function portrait(
  footer: string,
  sheet: string,
): Partial<ExcelJS.WorksheetProperties> & { pageSetup: Partial<ExcelJS.PageSetup>; headerFooter: Partial<ExcelJS.HeaderFooter> } {
  return {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: MARGINS },
    headerFooter: { oddFooter: `&L${hf(footer)}&CPage &P of &N&R${hf(sheet)}` },
  };
}

function writeCover(wb: ExcelJS.Workbook, pack: ComposedPack, version: WorkbookVersion | undefined, footer: string): void {
  const s = pack.snapshot;
  const ws = wb.addWorksheet('Cover', { ...portrait(footer, 'Cover'), properties: { tabColor: { argb: NAVY } }, views: [{ showGridLines: false }] });
  ws.columns = [{ width: 22 }, { width: 72 }];
  const line = (text: string, font: Partial<ExcelJS.Font>) => {
    const row = ws.addRow([text]);
    row.font = { name: FONT, ...font };
    ws.mergeCells(row.number, 1, row.number, 2);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    return row;
  };
  line(s.authority, { size: 11, color: { argb: MUTED } });
  line(s.body.name, { size: 20, bold: true, color: { argb: NAVY } }).height = 30;
  line(s.supplementary ? 'Supplementary agenda and papers: tables' : 'Agenda and papers: tables', { size: 13, color: { argb: NAVY } }).height = 20;
  ws.addRow([]);
  const fact = (label: string, value: string) => {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { name: FONT, size: 11, bold: true, color: { argb: NAVY } };
    row.getCell(2).font = { name: FONT, size: 11 };
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { vertical: 'top' };
  };
  fact('Date', meetingDay(s.meeting.startsAt));
  fact('Time', meetingTime(s.meeting.startsAt));
  if (s.meeting.venue) fact('Venue', s.meeting.venue);
  if (s.meeting.onlineLink) fact('Online', s.meeting.onlineLink);
  fact('Pack', pack.variant === 'public' ? 'Public pack' : 'Full pack');
  if (version) {
    fact('Version', `Version ${version.version}, published ${ukDate(version.publishedAt)} by ${version.publishedBy}`);
    if (version.reason) fact('Reason', version.reason);
  }
  if (s.clerk.name) fact('Clerk', s.clerk.name);
  if (s.clerk.email) fact('Email', s.clerk.email);
  if (s.clerk.phone) fact('Telephone', s.clerk.phone);
  ws.addRow([]);
  line('Each table in the papers is on its own sheet, with the same figures as the printed pack. Money is in pounds.', { size: 10 });
  if (pack.variant === 'public') {
    const withheld = pack.items.filter((ci) => ci.withheld);
    if (withheld.length > 0) {
      line(
        `Tables from papers exempt from publication (Schedule 12A to the Local Government Act 1972) are not included: ${withheld
          .map((ci) => `item ${ci.item.number} (${exemptWords(ci.item.exemptParagraph).replace('Exempt – ', '')})`)
          .join(', ')}.`,
        { size: 10 },
      ).height = 28;
    }
  } else if (pack.items.some((ci) => ci.marking)) {
    line('Sheets from exempt papers are marked NOT FOR PUBLICATION. Do not share them beyond the meeting.', { size: 10, bold: true, color: { argb: RED } });
  }
  ws.pageSetup.printArea = `A1:B${ws.lastRow!.number}`;
}

function writeContents(
  wb: ExcelJS.Workbook,
  plans: SheetPlan[],
  xlsxAppendices: Array<{ item: string; title: string; fileName: string }>,
  footer: string,
): void {
  const setup = portrait(footer, 'Contents');
  const ws = wb.addWorksheet('Contents', {
    ...setup,
    pageSetup: { ...setup.pageSetup, orientation: 'landscape' },
    views: [{ state: 'frozen', ySplit: 3, showGridLines: false }],
  });
  ws.columns = [{ width: 7 }, { width: 42 }, { width: 48 }, { width: 34 }];
  ws.addRow(['Contents']).font = { name: FONT, size: 14, bold: true, color: { argb: NAVY } };
  ws.addRow([plans.length === 0 ? 'The papers hold no tables.' : 'Select a sheet name to go to it.']).font = {
    name: FONT,
    size: 9,
    italic: true,
    color: { argb: MUTED },
  };
  const header = ws.addRow(['Item', 'Paper', 'Table', 'Sheet']);
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle' };
  });
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  for (const p of plans) {
    const row = ws.addRow([p.item, p.paper, p.table.title, null]);
    row.getCell(4).value = sheetLink(p.name, p.name);
    row.font = { name: FONT, size: 10 };
    row.getCell(4).font = { name: FONT, size: 10, underline: true, color: { argb: 'FF0563C1' } };
    row.alignment = { vertical: 'top', wrapText: true };
    row.height = wrappedHeight([
      [p.paper, 42],
      [p.table.title, 48],
    ]);
    for (let c = 1; c <= 4; c++) row.getCell(c).border = { bottom: THIN };
  }
  if (xlsxAppendices.length > 0) {
    ws.addRow([]);
    ws.addRow(['Workbook appendices, in the same folder as this workbook']).font = { name: FONT, size: 11, bold: true, color: { argb: NAVY } };
    for (const a of xlsxAppendices) {
      const row = ws.addRow([a.item, a.title, a.fileName]);
      row.font = { name: FONT, size: 10 };
    }
  }
  ws.pageSetup.printArea = `A1:D${ws.lastRow!.number}`;
}

function writeTableSheet(wb: ExcelJS.Workbook, plan: SheetPlan, money: ReturnType<typeof moneyFormat>, footer: string): void {
  const { table } = plan;
  const cols = table.columns.length;
  const last = columnLetter(Math.max(cols, 1));
  const ws = wb.addWorksheet(plan.name, {
    pageSetup: { paperSize: 9, orientation: plan.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: MARGINS },
    headerFooter: {
      oddHeader: plan.marking ? `&C&"${FONT},Bold"&K${RED.slice(2)}${hf(plan.marking)}` : undefined,
      oddFooter: `&L${hf(footer)}&CPage &P of &N&R${hf(plan.name)}`,
    },
  });
  const widths = table.columns.map((c, i) =>
    c.kind === 'text'
      ? { width: textWidth([c.header, ...table.rows.filter((r) => !r.style).map((r) => r.cells[i] ?? null)], 8, 45) }
      : { width: Math.max(12, Math.min(18, c.header.length + 2)) },
  );
  ws.columns = widths;
  if (plan.marking) {
    ws.addRow([plan.marking]).font = { name: FONT, size: 11, bold: true, color: { argb: RED } };
  }
  ws.addRow([table.title]).font = { name: FONT, size: 13, bold: true, color: { argb: NAVY } };
  ws.addRow([`Item ${plan.item}: ${plan.paper}`]).font = { name: FONT, size: 10, color: { argb: MUTED } };
  ws.addRow([]);
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.height = 30;
  header.eachCell((cell, col) => {
    const kind = table.columns[col - 1]?.kind ?? 'text';
    cell.font = { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: kind === 'text' ? 'left' : 'right', indent: kind === 'text' && col > 1 ? 1 : 0 };
  });
  ws.views = [{ state: 'frozen', ySplit: header.number, showGridLines: false }];
  ws.pageSetup.printTitlesRow = `${header.number}:${header.number}`;

  for (const r of table.rows) {
    const values = r.cells.map((v, i) => {
      const kind = table.columns[i]?.kind ?? 'text';
      if (v === null || v === '') return null;
      if (typeof v === 'number' && kind === 'money') return penceToPounds(v);
      return v;
    });
    const row = ws.addRow(values);
    const group = r.style === 'group';
    // A group's heading runs across the table, as in the printed pack.
    if (group && cols > 1) ws.mergeCells(row.number, 1, row.number, cols);
    else {
      row.height = wrappedHeight(
        table.columns.flatMap((c, i) => (c.kind === 'text' && typeof values[i] === 'string' ? [[values[i], widths[i]!.width] as [string, number]] : [])),
      );
    }
    const bold = r.style === 'group' || r.style === 'subtotal' || r.style === 'total';
    table.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.font = { name: FONT, size: 10, bold, color: r.style === 'total' ? { argb: 'FFFFFFFF' } : r.style === 'group' ? { argb: NAVY } : undefined };
      if (c.kind === 'money') cell.numFmt = money.excelWhole;
      else if (c.kind === 'percent') cell.numFmt = '0.0%';
      else if (c.kind === 'number') cell.numFmt = c.decimals ? `#,##0.${'0'.repeat(c.decimals)}` : '#,##0';
      cell.alignment = group ? { vertical: 'middle' } : c.kind === 'text' ? { wrapText: true, vertical: 'top', indent: i > 0 ? 1 : 0 } : { vertical: 'top' };
      if (r.style === 'group') cell.fill = GROUP_FILL;
      else if (r.style === 'subtotal') cell.fill = TOTAL_FILL;
      else if (r.style === 'total') cell.fill = HEADER_FILL;
      cell.border = r.style ? { top: THIN, bottom: THIN } : { bottom: { style: 'hair', color: { argb: 'FFD0D7E2' } } };
    });
  }
  if (table.note) {
    ws.addRow([]);
    const note = ws.addRow([table.note]);
    note.font = { name: FONT, size: 9, italic: true, color: { argb: MUTED } };
    if (cols > 1) ws.mergeCells(note.number, 1, note.number, cols);
    note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    note.height = Math.max(15, Math.ceil(table.note.length / 110) * 12 + 3);
  }
  ws.pageSetup.printArea = `A1:${last}${ws.lastRow!.number}`;
}
