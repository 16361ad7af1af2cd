import ExcelJS from 'exceljs';
import { ukDate, ukLongDate } from '../../electron/shared/dates';
import { type MoneyFormat, penceToPounds } from '../../electron/shared/money';
import { periodLongLabel } from '../../electron/shared/periods';
import type { MonitoringTotals, MonitoringView } from '../monitoring/types';
import type { PositionSummary } from './types';
import { columnLetter } from '../../electron/server/workbooks/column-letter';
import { A4_LANDSCAPE, FONT, GROUP_FILL, HEADER_FILL, OVER_RED, THIN, TOTAL_FILL, UNDER_GREEN } from '../../electron/server/workbooks/styles';

export interface ReportMeta {
  authority: string;
  exportedBy: string;
  exportedAt: Date;
  money: MoneyFormat;
}

/** Money columns, in order; each maps to a field of a row and of a totals object. */
const MONEY: Array<{ header: string; key: keyof MonitoringTotals; width: number; signed?: boolean }> = [
  { header: 'Revised budget', key: 'budgetPence', width: 16 },
  { header: 'Forecast outturn', key: 'forecastPence', width: 16 },
  { header: 'Variance', key: 'variancePence', width: 14, signed: true },
  { header: 'Previous forecast', key: 'previousPence', width: 16 },
  { header: 'Movement', key: 'movementPence', width: 14, signed: true },
  { header: 'Actual to date', key: 'actualPence', width: 16 },
];
const NAME_WIDTH = 46;
const COMMENT_WIDTH = 50;
const FIRST_MONEY_COL = 4; // A code, B line, C s251, then money
const COMMENT_COL = FIRST_MONEY_COL + MONEY.length;
const LAST_COL = COMMENT_COL;

/** Rows with wrapped text need a height: Excel and LibreOffice do not always grow them on open. */
function wrappedHeight(texts: Array<[string, number]>): number {
  const lines = Math.max(1, ...texts.map(([t, width]) => Math.ceil(t.length / (width * 1.1))));
  return Math.max(15, lines * 12 + 3);
}

/**
 * The High Needs monitoring table as a forum sees it: lines grouped by provision type with
 * subtotals, a total, then the DSG position. Subtotals are SUBTOTAL() formulas carrying their
 * values, so the sheet recalculates in Excel and still reads correctly where it is not.
 */
export async function writeMonitoringReport(view: MonitoringView, position: PositionSummary, meta: ReportMeta): Promise<Buffer> {
  const GBP = meta.money.excelWhole;
  const wb = new ExcelJS.Workbook();
  wb.creator = `HNB Desk (${meta.exportedBy})`;
  wb.created = meta.exportedAt;
  const ws = wb.addWorksheet('High Needs monitoring', {
    properties: { outlineLevelRow: 1, tabColor: { argb: 'FF1F3864' } },
    pageSetup: {
      ...A4_LANDSCAPE,
      horizontalCentered: true,
    },
    headerFooter: {
      oddFooter: `&L${meta.authority.replace(/&/g, '&&')}&CPage &P of &N&RHigh Needs monitoring ${view.year} P${view.period}`,
    },
  });
  ws.columns = [{ width: 9 }, { width: NAME_WIDTH }, { width: 8 }, ...MONEY.map((m) => ({ width: m.width })), { width: COMMENT_WIDTH }];

  const title = ws.addRow([`${meta.authority}: High Needs Block budget monitoring`]);
  title.font = { name: FONT, bold: true, size: 14, color: { argb: 'FF1F3864' } };
  ws.addRow([`${view.year}, ${periodLongLabel(view.year, view.period)}${view.status === 'closed' ? ': outturn (year closed)' : ''}`]).font = {
    name: FONT,
    size: 11,
  };
  ws.addRow([`Prepared ${ukDate(meta.exportedAt)} by ${meta.exportedBy}. Positive variance is an overspend.`]).font = {
    name: FONT,
    size: 9,
    italic: true,
    color: { argb: 'FF555555' },
  };
  ws.addRow([]);

  const header = ws.addRow(['Code', 'Budget line', 's251', ...MONEY.map((m) => m.header), 'Commentary']);
  const headerRow = header.number;
  header.height = 30;
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    const money = Number(cell.col) >= FIRST_MONEY_COL && Number(cell.col) < COMMENT_COL;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: money ? 'right' : 'left', indent: Number(cell.col) === COMMENT_COL ? 1 : 0 };
  });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: headerRow, topLeftCell: `C${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;

  const styleMoney = (row: ExcelJS.Row) =>
    MONEY.forEach((_m, i) => {
      row.getCell(FIRST_MONEY_COL + i).numFmt = GBP;
    });
  const totalsRow = (label: string, t: MonitoringTotals, from: number, to: number, fill: typeof TOTAL_FILL) => {
    const row = ws.addRow([]);
    row.getCell(2).value = label;
    MONEY.forEach((m, i) => {
      const col = columnLetter(FIRST_MONEY_COL + i);
      row.getCell(FIRST_MONEY_COL + i).value = { formula: `SUBTOTAL(9,${col}${from}:${col}${to})`, result: penceToPounds(t[m.key]) };
    });
    styleMoney(row);
    row.font = { name: FONT, size: 10, bold: true };
    for (let c = 1; c <= LAST_COL; c++) {
      row.getCell(c).fill = fill;
      row.getCell(c).border = { top: THIN, bottom: THIN };
    }
    return row;
  };

  const firstDataRow = headerRow + 1;
  for (const group of view.groups) {
    const g = ws.addRow([group.name]);
    g.font = { name: FONT, size: 10, bold: true, color: { argb: 'FF1F3864' } };
    for (let c = 1; c <= LAST_COL; c++) g.getCell(c).fill = GROUP_FILL;
    const from = g.number + 1;
    for (const r of view.rows.filter((x) => x.groupId === group.groupId)) {
      const row = ws.addRow([
        r.code,
        r.name,
        r.s251Code ?? '',
        ...MONEY.map((m) => (m.key === 'actualPence' && r.actualPence === null ? null : penceToPounds((r as unknown as MonitoringTotals)[m.key]))),
        r.commentary,
      ]);
      row.outlineLevel = 1;
      row.font = { name: FONT, size: 10 };
      row.alignment = { vertical: 'top' };
      row.getCell(COMMENT_COL).alignment = { wrapText: true, vertical: 'top', indent: 1 };
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      row.height = wrappedHeight([
        [r.name, NAME_WIDTH],
        [r.commentary, COMMENT_WIDTH],
      ]);
      styleMoney(row);
    }
    totalsRow(`Total ${group.name}`, group, from, ws.lastRow!.number, TOTAL_FILL);
  }
  const lastBeforeTotal = ws.lastRow!.number;
  const grand = totalsRow('Total High Needs expenditure', view.total, firstDataRow, lastBeforeTotal, HEADER_FILL);
  grand.font = { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
  // Overspend red, underspend green, on lines and subtotals; the white-on-navy total stays white.
  MONEY.forEach((m, i) => {
    if (!m.signed) return;
    const col = columnLetter(FIRST_MONEY_COL + i);
    ws.addConditionalFormatting({
      ref: `${col}${firstDataRow}:${col}${lastBeforeTotal}`,
      rules: [
        { type: 'cellIs', operator: 'greaterThan', formulae: ['0'], priority: 1, style: { font: { color: { argb: OVER_RED } } } },
        { type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 2, style: { font: { color: { argb: UNDER_GREEN } } } },
      ],
    });
  });

  ws.addRow([]);
  const p = position;
  const heading = ws.addRow(['', 'DSG position (High Needs)']);
  heading.font = { name: FONT, bold: true, size: 12, color: { argb: 'FF1F3864' } };
  const lines: Array<[string, number]> = [
    [
      `Net High Needs funding${p.allocationVersion ? ` (${p.allocationVersion.label}, ${ukLongDate(p.allocationVersion.publishedOn)})` : ''}`,
      p.netFundingPence,
    ],
    ['Forecast High Needs expenditure', p.forecastPence],
    ['In-year surplus / (deficit)', p.inYearPence],
    ['DSG balance brought forward', p.broughtForwardPence],
    ['Contributions towards the deficit', p.contributionsPence],
    ['DSG balance carried forward', p.carriedForwardPence],
  ];
  for (const [label, value] of lines) {
    const row = ws.addRow(['', label, '', penceToPounds(value)]);
    row.getCell(FIRST_MONEY_COL).numFmt = GBP;
    row.font = { name: FONT, size: 10, bold: label.startsWith('DSG balance carried') };
    if (value < 0) row.getCell(FIRST_MONEY_COL).font = { name: FONT, size: 10, bold: label.startsWith('DSG balance carried'), color: { argb: OVER_RED } };
  }
  if (p.deficitPercentOfDsg !== null) {
    const row = ws.addRow(['', 'Cumulative deficit as a share of total DSG', '', p.deficitPercentOfDsg / 100]);
    row.getCell(FIRST_MONEY_COL).numFmt = '0.0%';
    row.font = { name: FONT, size: 10 };
  }
  ws.pageSetup.printArea = `A1:${columnLetter(LAST_COL)}${ws.lastRow!.number}`;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
