/**
 * The plan in the layout of the DfE's DSG deficit management plan summary: a column per year
 * (the base year as actual/forecast, then each plan year), funding by block, expenditure lines
 * grouped by provision type, the in-year and cumulative position unmitigated and then
 * mitigated, a savings log, and a sign-off block. Totals and positions are formulas that carry
 * their values, so the sheet recalculates in Excel and reads correctly where it does not.
 */
import ExcelJS from 'exceljs';
import { ukDate, ukLongDate } from '../../../electron/shared/dates';
import { type MoneyFormat, penceToPounds } from '../../../electron/shared/money';
import { columnLetter } from '../../../electron/server/workbooks/column-letter';
import { A4_LANDSCAPE, FONT, GROUP_FILL, HEADER_FILL, OVER_RED, THIN, TOTAL_FILL } from '../../../electron/server/workbooks/styles';
import type { PlanResult, PlanYearResult } from '../types';

/** The base year's column: actual or forecast, as the plan was started from it. */
export interface DfeBaseYear {
  year: string;
  /** "2025-26 forecast at P7 (October 2025)". */
  label: string;
  allocationPence: number;
  transfersPence: number;
  adjustmentsPence: number;
  /** Each plan line's spend in the base year, by line id. */
  lines: ReadonlyMap<number, number>;
  /** Activity lines: children or places in the base year, by line id. */
  counts?: ReadonlyMap<number, number>;
  safetyValvePence: number;
  otherContributionsPence: number;
  /** The base year's carried forward: the plan's opening cumulative position. */
  cumulativePence: number;
}

export interface DfePlanInput {
  authority: string;
  planName: string;
  preparedBy: string;
  preparedAt: Date;
  money: MoneyFormat;
  base: DfeBaseYear;
  unmitigated: PlanResult;
  mitigated: PlanResult | null;
  /** How each project is funded, as people read it ("High Needs Block"), by project id. */
  fundingSources?: ReadonlyMap<number, string>;
}

const NAVY = 'FF1F3864';
const WHITE = 'FFFFFFFF';
const GREY_TEXT = 'FF555555';
const CODE_WIDTH = 10;
const LABEL_WIDTH = 46;
const YEAR_WIDTH = 14;
const COUNT_FORMAT = '#,##0';
/** Code, label, then the base year and the plan years. */
const FIRST_YEAR_COL = 3;

type Style = 'line' | 'subtotal' | 'total' | 'position' | 'note';

/** A row's figure in each column (base year first): pence, or null for a blank cell. */
type Figures = Array<number | null>;

/**
 * A label's row height: Excel and LibreOffice do not always grow a wrapped row on open. About
 * 1.3 characters of 10-point Arial fit each unit of column width (1.15 in bold), less the indent.
 */
function rowHeight(label: string, indented: boolean, bold: boolean): number {
  const perLine = LABEL_WIDTH * (bold ? 1.15 : 1.3) - (indented ? 3 : 0);
  return Math.max(15, Math.ceil(label.length / perLine) * 12 + 3);
}

const fontOf = (style: Style, white = false): Partial<ExcelJS.Font> => ({
  name: FONT,
  size: 10,
  bold: style === 'subtotal' || style === 'total' || style === 'position',
  italic: style === 'note',
  color: { argb: white ? WHITE : style === 'note' ? GREY_TEXT : 'FF000000' },
});

/**
 * A sheet being written top to bottom, with the year columns and the house styles: one place
 * that knows where each figure goes, so the summary reads as a list of rows.
 */
class YearSheet {
  readonly ws: ExcelJS.Worksheet;
  readonly years: number;
  readonly lastCol: number;
  constructor(
    wb: ExcelJS.Workbook,
    name: string,
    years: number,
    private readonly gbp: string,
    footer: string,
  ) {
    this.years = years;
    this.lastCol = FIRST_YEAR_COL + years - 1;
    this.ws = wb.addWorksheet(name, {
      properties: { tabColor: { argb: NAVY } },
      views: [{ showGridLines: false }],
      pageSetup: { ...A4_LANDSCAPE, horizontalCentered: true },
      headerFooter: { oddFooter: footer },
    });
    this.ws.columns = [{ width: CODE_WIDTH }, { width: LABEL_WIDTH }, ...Array.from({ length: years }, () => ({ width: YEAR_WIDTH }))];
  }

  letter(i: number): string {
    return columnLetter(FIRST_YEAR_COL + i);
  }

  text(value: string, font: Partial<ExcelJS.Font>, height?: number): ExcelJS.Row {
    const row = this.ws.addRow([value]);
    row.getCell(1).font = { name: FONT, ...font };
    if (height) row.height = height;
    return row;
  }

  blank(): void {
    this.ws.addRow([]);
  }

  /** A band naming a part of the table: "Unmitigated: …", "Funding", a provision type. */
  band(label: string, strong: boolean): ExcelJS.Row {
    const row = this.ws.addRow(['', label]);
    for (let c = 1; c <= this.lastCol; c++) {
      const cell = row.getCell(c);
      cell.fill = strong ? HEADER_FILL : GROUP_FILL;
      cell.font = { name: FONT, size: strong ? 11 : 10, bold: true, color: { argb: strong ? WHITE : NAVY } };
    }
    if (strong) row.height = 18;
    return row;
  }

  /**
   * A row of figures. `formula` (given a column's letter and index) makes each cell a formula
   * carrying its value; a null figure leaves the cell blank.
   */
  figures(
    code: string,
    label: string,
    values: Figures,
    style: Style,
    formula?: (col: string, i: number, row: number) => string | null,
    /** Counts rather than money: written as they are, in this format. */
    count?: string,
  ): ExcelJS.Row {
    const row = this.ws.addRow([code, label]);
    const strong = style === 'total';
    row.getCell(1).font = fontOf(style, strong);
    row.getCell(1).alignment = { vertical: 'top' };
    row.getCell(2).font = fontOf(style, strong);
    const indented = style === 'line' || style === 'note';
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', indent: indented ? 1 : 0 };
    row.height = rowHeight(label, indented, !indented);
    values.forEach((v, i) => {
      const cell = row.getCell(FIRST_YEAR_COL + i);
      const f = formula?.(this.letter(i), i, row.number) ?? null;
      const shown = v === null ? null : count ? v : penceToPounds(v);
      if (f !== null) cell.value = { formula: f, result: shown ?? 0 };
      else if (shown !== null) cell.value = shown;
      cell.numFmt = count ?? this.gbp;
      cell.font = fontOf(style, strong);
      cell.alignment = { horizontal: 'right', vertical: 'top' };
    });
    if (style !== 'line' && style !== 'note') {
      for (let c = 1; c <= this.lastCol; c++) {
        const cell = row.getCell(c);
        cell.fill = strong ? HEADER_FILL : TOTAL_FILL;
        cell.border = { top: THIN, bottom: THIN };
      }
    }
    return row;
  }

  /** Negative figures in red on these rows: deficits, in year and cumulative. */
  redWhenNegative(rows: number[]): void {
    for (const r of rows) {
      this.ws.addConditionalFormatting({
        ref: `${this.letter(0)}${r}:${this.letter(this.years - 1)}${r}`,
        rules: [{ type: 'cellIs', operator: 'lessThan', formulae: ['0'], priority: 1, style: { font: { color: { argb: OVER_RED } } } }],
      });
    }
  }

  header(labels: string[], first: string[]): number {
    const row = this.ws.addRow([...first, ...labels]);
    row.height = 30;
    row.eachCell((cell, col) => {
      cell.font = { name: FONT, size: 10, bold: true, color: { argb: WHITE } };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: col >= FIRST_YEAR_COL ? 'right' : 'left' };
    });
    return row.number;
  }

  finish(headerRow: number): void {
    this.ws.views = [
      {
        state: 'frozen',
        xSplit: 2,
        ySplit: headerRow,
        topLeftCell: `${this.letter(0)}${headerRow + 1}`,
        activeCell: `A${headerRow + 1}`,
        showGridLines: false,
      },
    ];
    this.ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
    this.ws.pageSetup.printTitlesColumn = 'A:B';
    this.ws.pageSetup.printArea = `A1:${columnLetter(this.lastCol)}${this.ws.lastRow!.number}`;
  }
}

/** The provision types in the order the lines first name them, each with its lines. */
function byGroup<L extends { groupName: string }>(lines: readonly L[]): Array<[string, L[]]> {
  const groups = new Map<string, L[]>();
  for (const l of lines) {
    const list = groups.get(l.groupName) ?? [];
    list.push(l);
    groups.set(l.groupName, list);
  }
  return [...groups];
}

const sumRange = (col: string, from: number, to: number) => (to < from ? '0' : `SUM(${col}${from}:${col}${to})`);

/** What a section's figures are: the base year column, then each plan year. */
interface Section {
  title: string;
  result: PlanResult;
  mitigated: boolean;
}

/** Writes one scenario's block of the summary; returns the rows others refer to. */
function writeSection(s: YearSheet, input: DfePlanInput, section: Section): { cumulative: number } {
  const { base } = input;
  const years = section.result.years;
  const all = <T>(baseValue: T, f: (y: PlanYearResult) => T): T[] => [baseValue, ...years.map(f)];
  s.band(section.title, true);

  s.band('Funding: High Needs Block', false);
  const alloc = s.figures(
    '',
    'HNB allocation (after deductions for places)',
    all(base.allocationPence, (y) => y.allocationPence),
    'line',
  );
  s.figures(
    '',
    'Block transfers (from the schools block; negative: out)',
    all(base.transfersPence, (y) => y.transfersPence),
    'line',
  );
  const adj = s.figures(
    '',
    'Import/export adjustments',
    all(base.adjustmentsPence, (y) => y.adjustmentsPence),
    'line',
  );
  const baseFunding = base.allocationPence + base.transfersPence + base.adjustmentsPence;
  const funding = s.figures(
    '',
    'Total HNB funding',
    all(baseFunding, (y) => y.fundingPence),
    'subtotal',
    (c) => sumRange(c, alloc.number, adj.number),
  );

  const lines = section.result.lines;
  const baseLines = lines.reduce((sum, l) => sum + (base.lines.get(l.lineId) ?? 0), 0);
  let expenditure: ExcelJS.Row;
  let baseExpenditure = baseLines;
  if (!section.mitigated) {
    s.band('Expenditure by provision type', false);
    const subtotals: number[] = [];
    for (const [group, members] of byGroup(lines)) {
      const lineRows: number[] = [];
      for (const l of members) {
        const basePence = base.lines.get(l.lineId) ?? 0;
        lineRows.push(s.figures(l.code, l.name, [basePence, ...l.years.map((y) => y.pence)], 'line').number);
        // An activity line shows what drives it: children or places, and the average cost of each.
        const baseCount = base.counts?.get(l.lineId);
        if (l.method === 'activity' && l.years.every((y) => y.count !== null)) {
          s.figures('', 'children or places', [baseCount ?? null, ...l.years.map((y) => y.count)], 'note', undefined, COUNT_FORMAT);
          const baseUnit = baseCount ? Math.round(basePence / baseCount) : null;
          s.figures('', 'average cost of each', [baseUnit, ...l.years.map((y) => y.unitCostPence)], 'note');
        }
      }
      const groupBase = members.reduce((sum, l) => sum + (base.lines.get(l.lineId) ?? 0), 0);
      const groupYears = years.map((_y, i) => members.reduce((sum, l) => sum + l.years[i]!.pence, 0));
      subtotals.push(s.figures('', `Total ${group}`, [groupBase, ...groupYears], 'subtotal', (c) => lineRows.map((r) => `${c}${r}`).join('+')).number);
    }
    expenditure = s.figures(
      '',
      'Total High Needs expenditure',
      all(baseLines, (y) => y.expenditurePence),
      'total',
      (c) => (subtotals.length ? subtotals.map((r) => `${c}${r}`).join('+') : '0'),
    );
  } else {
    s.band('Expenditure with the recovery plan', false);
    const unmit = s.figures(
      '',
      'Expenditure before the recovery plan',
      all(baseLines, (y) => y.linesPence),
      'line',
    );
    s.figures(
      '',
      'Add: costs of recovery projects funded from the HNB',
      all(0, (y) => y.projectCostsPence),
      'line',
    );
    const savings = s.figures(
      '',
      'Less: savings and cost avoidance',
      all(0, (y) => -y.savingsPence),
      'line',
    );
    baseExpenditure = baseLines;
    expenditure = s.figures(
      '',
      'Total High Needs expenditure with the recovery plan',
      all(baseExpenditure, (y) => y.expenditurePence),
      'total',
      (c) => sumRange(c, unmit.number, savings.number),
    );
  }

  s.blank();
  const inYear = s.figures(
    '',
    'In-year surplus / (deficit)',
    all(baseFunding - baseExpenditure, (y) => y.inYearPence),
    'position',
    (c) => `${c}${funding.number}-${c}${expenditure.number}`,
  );
  s.band('Contributions towards the deficit', false);
  const sv = s.figures(
    '',
    'Safety Valve instalments',
    all(base.safetyValvePence, (y) => y.safetyValvePence),
    'line',
  );
  const other = s.figures(
    '',
    'Council and other contributions',
    all(base.otherContributionsPence, (y) => y.otherContributionsPence),
    'line',
  );
  const cumulative = s.figures(
    '',
    'Cumulative DSG surplus / (deficit) at 31 March',
    all(base.cumulativePence, (y) => y.cumulativePence),
    'position',
    // The base year's balance is as the workspace gives it; each plan year carries it on.
    (c, i, row) => (i === 0 ? null : `${s.letter(i - 1)}${row}+${c}${inYear.number}+${c}${sv.number}+${c}${other.number}`),
  );
  s.redWhenNegative([inYear.number, cumulative.number]);
  const surplus = section.result.firstInYearSurplus;
  s
    .text(surplus ? `First year with an in-year surplus: ${surplus}.` : 'No plan year reaches an in-year surplus.', {
      size: 10,
      bold: true,
      color: { argb: NAVY },
    })
    .getCell(1).alignment = { indent: 0 };
  const sub = section.result.submitted;
  if (sub) {
    s.text(
      `Submitted ${ukLongDate(sub.on)}: ${sub.note}.${sub.matches ? '' : ' The figures have moved since (projects attached to it changed); the sheet shows them as they are now.'}`,
      { size: 9, italic: true, color: { argb: GREY_TEXT } },
    );
  }
  s.blank();
  return { cumulative: cumulative.number };
}

function writeSummary(wb: ExcelJS.Workbook, input: DfePlanInput): void {
  const u = input.unmitigated;
  const years = u.years.map((y) => y.year);
  const footer = `&L${input.authority.replace(/&/g, '&&')}&C${input.planName.replace(/&/g, '&&')}: summary&RPage &P of &N`;
  const s = new YearSheet(wb, 'Summary', years.length + 1, input.money.excelWhole, footer);
  s.text(`${input.authority}: DSG deficit management plan`, { size: 14, bold: true, color: { argb: NAVY } }, 22);
  s.text(
    `${input.planName}. Unmitigated scenario "${u.scenario}"${input.mitigated ? `, mitigated scenario "${input.mitigated.scenario}"` : ''}. Base: ${input.base.label}.`,
    { size: 11 },
  );
  s.text(`Prepared ${ukDate(input.preparedAt)} by ${input.preparedBy} from HNB Desk. Pounds; a negative position is a deficit.`, {
    size: 9,
    italic: true,
    color: { argb: GREY_TEXT },
  });
  s.blank();
  const headerRow = s.header([`${input.base.year}\nactual/forecast`, ...years.map((y) => `${y}\nplan`)], ['Code', 'High Needs Block']);
  const unmitigated = writeSection(s, input, { title: `Without the recovery plan (unmitigated): ${u.scenario}`, result: u, mitigated: false });
  if (input.mitigated) {
    const m = input.mitigated;
    const mitigated = writeSection(s, input, { title: `With the recovery plan (mitigated): ${m.scenario}`, result: m, mitigated: true });
    const diff = s.figures(
      '',
      "Recovery plan's effect on the cumulative position",
      [0, ...m.years.map((y, i) => y.cumulativePence - u.years[i]!.cumulativePence)],
      'subtotal',
      (c) => `${c}${mitigated.cumulative}-${c}${unmitigated.cumulative}`,
    );
    s.redWhenNegative([diff.number]);
    s.blank();
  }
  writeSignOff(s, input);
  s.finish(headerRow);
}

/** Who prepared the plan, and the lines the Schools Forum and the section 151 officer sign. */
function writeSignOff(s: YearSheet, input: DfePlanInput): void {
  s.band('Sign-off', true);
  const row = (label: string, value: string) => {
    const r = s.ws.addRow(['', label, value]);
    r.height = 22;
    r.getCell(2).font = { name: FONT, size: 10, bold: true };
    r.getCell(2).alignment = { vertical: 'bottom' };
    s.ws.mergeCells(r.number, FIRST_YEAR_COL, r.number, Math.min(s.lastCol, FIRST_YEAR_COL + 3));
    const cell = r.getCell(FIRST_YEAR_COL);
    cell.font = { name: FONT, size: 10 };
    cell.alignment = { vertical: 'bottom', horizontal: 'left' };
    cell.border = { bottom: THIN };
  };
  row('Prepared by', input.preparedBy);
  row('Date prepared', ukDate(input.preparedAt));
  const sub = input.mitigated?.submitted ?? input.unmitigated.submitted;
  row('Presented to the Schools Forum on', '');
  row('Submitted', sub ? `${ukDate(sub.on)}: ${sub.note}` : '');
  row('Section 151 officer (name)', '');
  row('Signature', '');
  row('Date signed', '');
}

function writeSavingsLog(wb: ExcelJS.Workbook, input: DfePlanInput): void {
  const m = input.mitigated;
  const years = input.unmitigated.years.map((y) => y.year);
  const footer = `&L${input.authority.replace(/&/g, '&&')}&CSavings log: ${input.planName.replace(/&/g, '&&')}&RPage &P of &N`;
  // Columns: code, project (with its workstream and source beneath), each plan year, total.
  const s = new YearSheet(wb, 'Savings log', years.length + 1, input.money.excelWhole, footer);
  s.text(`${input.authority}: savings log`, { size: 14, bold: true, color: { argb: NAVY } }, 22);
  s
    .text(
      m
        ? `The recovery projects of the mitigated scenario "${m.scenario}", by workstream: savings and cost avoidance targeted and delivered, and what each costs. Only costs funded from the High Needs Block count in the plan.`
        : 'No mitigated scenario was included, so there are no recovery projects to log.',
      { size: 10 },
      m ? 28 : undefined,
    )
    .getCell(1).alignment = { wrapText: false };
  s.blank();
  const headerRow = s.header([...years, 'Total'], ['Code', 'Project']);
  const projects = m?.projects ?? [];
  const totalOf = (f: Figures) => f.reduce<number>((a, v) => a + (v ?? 0), 0);
  const measures = (p: PlanResult['projects'][number]) => {
    const target = p.years.map((y) => y.targetPence);
    const delivered = p.years.map((y) => y.deliveredPence);
    const cost = p.years.map((y) => y.costPence);
    return { target, delivered, cost };
  };
  const sumRows = (rows: number[]) => (c: string) => (rows.length ? rows.map((r) => `${c}${r}`).join('+') : '0');
  const totalCol = (i: number, row: number) => (i === years.length ? `SUM(${s.letter(0)}${row}:${s.letter(years.length - 1)}${row})` : null);
  const grand = { target: [] as number[], delivered: [] as number[], cost: [] as number[] };
  const grandFigures = { target: years.map(() => 0), delivered: years.map(() => 0), cost: years.map(() => 0) };
  for (const [workstream, members] of byGroup(projects.map((p) => ({ ...p, groupName: p.workstream })))) {
    s.band(workstream, false);
    const rows = { target: [] as number[], delivered: [] as number[], cost: [] as number[] };
    const wsFigures = { target: years.map(() => 0), delivered: years.map(() => 0), cost: years.map(() => 0) };
    for (const p of members) {
      const source = input.fundingSources?.get(p.projectId) ?? (p.hnbFunded ? 'High Needs Block' : 'Not the High Needs Block');
      const title = s.ws.addRow([p.code, `${p.name} (funded from: ${source})`]);
      title.getCell(1).font = { name: FONT, size: 10, bold: true };
      title.getCell(2).font = { name: FONT, size: 10, bold: true };
      title.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      title.getCell(1).alignment = { vertical: 'top' };
      title.height = rowHeight(`${p.name} (funded from: ${source})`, false, true);
      const f = measures(p);
      for (const key of ['target', 'delivered', 'cost'] as const) {
        const label =
          key === 'target'
            ? 'Saving or cost avoidance targeted'
            : key === 'delivered'
              ? 'Delivered'
              : p.hnbFunded
                ? 'Cost (HNB)'
                : 'Cost (not counted in the plan)';
        const values: Figures = f[key];
        const r = s.figures('', label, [...values, totalOf(values)], 'line', (_c, i, row) => totalCol(i, row));
        rows[key].push(r.number);
        values.forEach((v, i) => {
          wsFigures[key][i]! += v ?? 0;
        });
      }
    }
    for (const key of ['target', 'delivered', 'cost'] as const) {
      const label = key === 'target' ? `Total targeted: ${workstream}` : key === 'delivered' ? `Total delivered: ${workstream}` : `Total cost: ${workstream}`;
      const values = wsFigures[key];
      const r = s.figures('', label, [...values, totalOf(values)], 'subtotal', sumRows(rows[key]));
      grand[key].push(r.number);
      values.forEach((v, i) => {
        grandFigures[key][i]! += v;
      });
    }
  }
  s.blank();
  for (const key of ['target', 'delivered', 'cost'] as const) {
    const label =
      key === 'target' ? 'All projects: savings and cost avoidance targeted' : key === 'delivered' ? 'All projects: delivered' : 'All projects: cost';
    s.figures('', label, [...grandFigures[key], totalOf(grandFigures[key])], 'total', sumRows(grand[key]));
  }
  const hnbCost = years.map((_y, i) => projects.filter((p) => p.hnbFunded).reduce((a, p) => a + p.years[i]!.costPence, 0));
  s.figures('', 'Of which funded from the High Needs Block (counted in the plan)', [...hnbCost, totalOf(hnbCost)], 'note');
  s.finish(headerRow);
}

export async function writePlanWorkbook(input: DfePlanInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `HNB Desk (${input.preparedBy})`;
  wb.created = input.preparedAt;
  wb.title = `${input.authority}: DSG deficit management plan`;
  // exceljs does not write a result of 0, so Excel works every formula out as it opens.
  wb.calcProperties.fullCalcOnLoad = true;
  writeSummary(wb, input);
  writeSavingsLog(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
