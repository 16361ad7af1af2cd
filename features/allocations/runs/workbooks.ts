/**
 * A run's two workbooks. The results workbook shows each partnership's allocation by factor and
 * by places, the factors, and the data the run was worked on. The inputs workbook holds what
 * makes a run (pot, rate, factors with their columns and weights, places per partnership), so a
 * run can be built from a terminal: `hnb export allocation-inputs`, edit, `hnb allocate --from`.
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../../db/client';
import { columnLetter } from '../../../electron/server/workbooks/column-letter';
import { checkWorkbookFile } from '../../../electron/server/workbooks/engine/file-checks';
import { A4_LANDSCAPE, FONT, HEADER_FILL, THIN, TOTAL_FILL } from '../../../electron/server/workbooks/styles';
import { ukDate, ukLongDate } from '../../../electron/shared/dates';
import { AppError, type ErrorIssue } from '../../../electron/shared/errors';
import type { MoneyFormat } from '../../../electron/shared/money';
import { partnership, schoolDataColumn } from '../schema';
import type { FactorInput, RunDetail } from '../types';
import { RUN_STATUS_LABELS } from '../words';
import { percentOfBp } from './formula';
import type { RunInputs } from './rules';

export interface WorkbookMeta {
  authority: string;
  exportedBy: string;
  exportedAt: Date;
  money: MoneyFormat;
}

const SHEETS = { run: 'Run', factors: 'Factors', places: 'Places', columns: 'Data columns' } as const;
/** The headings of the sheets read by position, as the export writes them. */
const HEADINGS = { [SHEETS.factors]: ['Factor', 'Weight', 'Data column', 'Column weight'], [SHEETS.places]: ['Partnership', 'Places'] } as const;
/** The contract's limits on a run's inputs (contract.ts), checked here so a refusal can name its cell. */
const LIMITS = { pounds: 1_000_000_000_000, note: 2000, factorName: 80, columnWeight: 1_000_000, places: 100_000 } as const;
const PERCENT = '0.00%';
/** A figure to at most four decimal places, without Excel's trailing point on a whole number. */
const numberFormat = (v: number) => (Number.isInteger(v) ? '#,##0' : '#,##0.0###');
const PRINT = { pageSetup: { ...A4_LANDSCAPE } };

const pounds = (pence: number) => pence / 100;
const safeName = (s: string) => s.replace(/[\\/:*?"<>|]+/g, ' ').trim();

/** A header row tall enough for its longest heading, wrapped in its column's width. */
function styleHeader(row: ExcelJS.Row, textColumns: readonly number[], widths: number[] = []): void {
  let lines = 2;
  row.eachCell((cell, col) => {
    const width = widths[col - 1] ?? 14;
    lines = Math.max(lines, Math.ceil(String(cell.value ?? '').length / Math.max(6, width - 2)));
  });
  row.height = lines * 13 + 4;
  row.eachCell((cell, col) => {
    cell.font = { name: FONT, size: 10, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: textColumns.includes(col) ? 'left' : 'right' };
    cell.border = { bottom: THIN };
  });
}

function titleRows(ws: ExcelJS.Worksheet, lines: string[]): void {
  lines.forEach((text, i) => {
    const row = ws.addRow([text]);
    row.font =
      i === 0 ? { name: FONT, bold: true, size: 14, color: { argb: 'FF1F3864' } } : { name: FONT, size: 9, italic: i > 1, color: { argb: 'FF555555' } };
  });
  ws.addRow([]);
}

/** The results: one row per partnership, totals that add up to the pot, the factors and the data worked on. */
export async function writeResultsWorkbook(
  d: RunDetail,
  data: Array<{ partnership: string; values: Record<string, number> }>,
  meta: WorkbookMeta,
): Promise<Buffer> {
  const GBP = meta.money.excel;
  const GBP_WHOLE = meta.money.excelWhole;
  const wb = new ExcelJS.Workbook();
  wb.creator = `HNB Desk (${meta.exportedBy})`;
  wb.created = meta.exportedAt;

  const sheet = wb.addWorksheet('Allocation', {
    pageSetup: { ...A4_LANDSCAPE },
    headerFooter: { oddFooter: `&L${meta.authority.replace(/&/g, '&&')}&CPage &P of &N&R${safeName(d.name).replace(/&/g, '&&')} ${d.year}` },
  });
  const status = d.status === 'approved' && d.approvedOn ? `Approved ${ukLongDate(d.approvedOn)}` : RUN_STATUS_LABELS[d.status];
  titleRows(sheet, [
    `${meta.authority}: formula allocations ${d.year}`,
    `${d.name}. ${status}${d.locked ? ' (locked)' : ''}. Worked out on the school data of ${ukLongDate(d.calculatedAt.slice(0, 10))}. Exported ${ukDate(meta.exportedAt)} by ${meta.exportedBy}.`,
    `Formula pot ${meta.money.format(d.formulaPotPence)}; ${meta.money.format(d.placeRatePence)} a place.`,
  ]);
  const factorHeaders = d.factors.map((f) => `${f.name} (${percentOfBp(f.weightBp)}), exact`);
  const headers = ['Partnership', 'Schools', ...factorHeaders, 'Formula total (exact)', 'Formula total', 'Places', 'Place funding', 'Allocation'];
  const widths = headers.map((_h, i) => (i === 0 ? 34 : i === 1 ? 9 : 16));
  const header = sheet.addRow(headers);
  styleHeader(header, [1], widths);
  const first = header.number + 1;
  for (const a of d.allocations) {
    sheet.addRow([
      a.partnership,
      a.schools,
      ...d.factors.map((f) => pounds(a.byFactor[f.name] ?? 0)),
      pounds(a.exactFormulaPence),
      pounds(a.formulaPence),
      a.places,
      pounds(a.placesPence),
      pounds(a.totalPence),
    ]);
  }
  const last = sheet.lastRow!.number;
  // Totals are formulas carrying their values: they recalculate in Excel and read correctly elsewhere.
  const sumOf = (col: number, value: number) => ({ formula: `SUM(${columnLetter(col)}${first}:${columnLetter(col)}${last})`, result: value });
  const nF = d.factors.length;
  const total = sheet.addRow([
    'Total',
    sumOf(
      2,
      d.allocations.reduce((s, a) => s + a.schools, 0),
    ),
    ...d.factors.map((f, i) => sumOf(3 + i, pounds(d.allocations.reduce((s, a) => s + (a.byFactor[f.name] ?? 0), 0)))),
    sumOf(3 + nF, pounds(d.allocations.reduce((s, a) => s + a.exactFormulaPence, 0))),
    sumOf(4 + nF, pounds(d.formulaTotalPence)),
    sumOf(
      5 + nF,
      d.allocations.reduce((s, a) => s + a.places, 0),
    ),
    sumOf(6 + nF, pounds(d.placesTotalPence)),
    sumOf(7 + nF, pounds(d.totalPence)),
  ]);
  total.eachCell((c) => {
    c.font = { name: FONT, size: 10, bold: true };
    c.fill = TOTAL_FILL;
    c.border = { top: THIN };
  });
  for (let r = first; r <= total.number; r++) {
    const row = sheet.getRow(r);
    if (r < total.number) row.font = { name: FONT, size: 10 };
    for (let c = 3; c <= 3 + nF; c++) row.getCell(c).numFmt = GBP;
    for (const c of [4 + nF, 6 + nF, 7 + nF]) row.getCell(c).numFmt = GBP_WHOLE;
  }
  sheet.addRow([]);
  const note = sheet.addRow([`How the rounding works: ${d.roundingNote}`]);
  note.font = { name: FONT, size: 9, italic: true };
  note.alignment = { wrapText: true, vertical: 'top' };
  note.height = 60;
  sheet.mergeCells(note.number, 1, note.number, headers.length);
  sheet.columns = widths.map((width) => ({ width }));
  sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 1 }];

  const factors = wb.addWorksheet('Factors', PRINT);
  titleRows(factors, [`${d.name} (${d.year}): factors`]);
  styleHeader(factors.addRow(['Factor', 'Weight', 'Share of the pot', 'Data column', 'Column weight']), [1, 4]);
  for (const f of d.factors) {
    f.columns.forEach((c, i) => {
      const row = factors.addRow([
        i === 0 ? f.name : '',
        i === 0 ? f.weightBp / 10_000 : null,
        i === 0 ? pounds(f.potPence) : null,
        `${c.name} (${c.key})`,
        c.weight,
      ]);
      row.font = { name: FONT, size: 10 };
      row.getCell(2).numFmt = PERCENT;
      row.getCell(3).numFmt = GBP;
      row.getCell(5).numFmt = numberFormat(c.weight);
      row.getCell(4).alignment = { indent: 1 };
    });
  }
  factors.columns = [{ width: 34 }, { width: 10 }, { width: 18 }, { width: 34 }, { width: 14 }];

  const dataSheet = wb.addWorksheet('Data worked on', PRINT);
  const keys = [...new Map(d.factors.flatMap((f) => f.columns.map((c) => [c.key, c.name] as const))).entries()];
  titleRows(dataSheet, [
    `${d.name} (${d.year}): the data the run was worked on`,
    "Each figure is the sum of the partnership's open member schools' figures (a cluster's schools count in its area partnership).",
  ]);
  styleHeader(dataSheet.addRow(['Partnership', ...keys.map(([, name]) => name)]), [1], [34, ...keys.map(() => 16)]);
  for (const p of data) {
    const values = keys.map(([key]) => p.values[key] ?? 0);
    const row = dataSheet.addRow([p.partnership, ...values]);
    row.font = { name: FONT, size: 10 };
    values.forEach((v, i) => {
      row.getCell(i + 2).numFmt = numberFormat(v);
    });
  }
  dataSheet.columns = [{ width: 34 }, ...keys.map(() => ({ width: 16 }))];

  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const resultsFileName = (d: { name: string; year: string }) => `Allocation ${d.year} ${safeName(d.name)}.xlsx`;
export const inputsFileName = (d: { name: string; year: string }) => `Allocation inputs ${d.year} ${safeName(d.name)}.xlsx`;

/**
 * The inputs of a run, to edit and read back with `hnb allocate --from`: the pot and rate, the
 * factors (one row per data column, named by its key), and places for every top-level partnership.
 */
export async function writeInputsWorkbook(
  d: RunDetail,
  partnerships: Array<{ name: string; places: number }>,
  columns: Array<{ key: string; name: string }>,
  meta: WorkbookMeta,
): Promise<Buffer> {
  const GBP_WHOLE = meta.money.excelWhole;
  const wb = new ExcelJS.Workbook();
  wb.creator = `HNB Desk (${meta.exportedBy})`;
  wb.created = meta.exportedAt;

  const run = wb.addWorksheet(SHEETS.run, PRINT);
  titleRows(run, [
    `${meta.authority}: inputs of an allocation run`,
    `Exported ${ukDate(meta.exportedAt)} by ${meta.exportedBy} from "${d.name}" (${d.year}). Change the figures, then: hnb allocate --year YEAR --name NAME --from this file.`,
  ]);
  const rows: Array<[string, string | number, string?]> = [
    ['Run', d.name],
    ['Year', d.year],
    ['Formula pot', pounds(d.formulaPotPence), GBP_WHOLE],
    ['Rate per place', pounds(d.placeRatePence), GBP_WHOLE],
    ['Note', d.note],
  ];
  for (const [label, value, fmt] of rows) {
    const row = run.addRow([label, value]);
    row.getCell(1).font = { name: FONT, size: 10, bold: true };
    row.getCell(2).font = { name: FONT, size: 10 };
    if (fmt) row.getCell(2).numFmt = fmt;
    else row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
  run.columns = [{ width: 18 }, { width: 80 }];

  const factors = wb.addWorksheet(SHEETS.factors, PRINT);
  styleHeader(factors.addRow([...HEADINGS[SHEETS.factors]]), [1, 3]);
  for (const f of d.factors) {
    for (const c of f.columns) {
      const row = factors.addRow([f.name, f.weightBp / 10_000, c.key, c.weight]);
      row.font = { name: FONT, size: 10 };
      row.getCell(2).numFmt = PERCENT;
      row.getCell(4).numFmt = numberFormat(c.weight);
      row.getCell(3).alignment = { indent: 1 };
    }
  }
  const note = factors.addRow([]);
  note.getCell(1).value = 'One row per data column of a factor; repeat the factor name and its weight on each. The weights must add up to 100%.';
  note.getCell(1).font = { name: FONT, size: 9, italic: true };
  factors.columns = [{ width: 34 }, { width: 10 }, { width: 24 }, { width: 14 }];
  factors.views = [{ state: 'frozen', ySplit: 1 }];

  const places = wb.addWorksheet(SHEETS.places, PRINT);
  styleHeader(places.addRow([...HEADINGS[SHEETS.places]]), [1]);
  for (const p of partnerships) places.addRow([p.name, p.places]).font = { name: FONT, size: 10 };
  places.columns = [{ width: 40 }, { width: 10 }];
  places.views = [{ state: 'frozen', ySplit: 1 }];

  const cols = wb.addWorksheet(SHEETS.columns, PRINT);
  styleHeader(cols.addRow(['Key', 'Name']), [1, 2]);
  for (const c of columns) cols.addRow([c.key, c.name]).font = { name: FONT, size: 10 };
  cols.columns = [{ width: 24 }, { width: 40 }];

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's value as text or a number; formulas give their result; a date or TRUE as the cell shows it (so it is refused as text). */
function cellValue(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return ukDate(v.toISOString().slice(0, 10));
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'object' && 'result' in v) {
    const r = (v as { result?: unknown }).result;
    return typeof r === 'number' || typeof r === 'string' ? r : null;
  }
  if (typeof v === 'object' && 'richText' in v)
    return (
      (v as { richText: Array<{ text: string }> }).richText
        .map((t) => t.text)
        .join('')
        .trim() || null
    );
  return String(v);
}

/**
 * Reads an inputs workbook into a run's inputs, refusing (with nothing written) anything that
 * does not read: a missing sheet, a data column or partnership not in the workspace, a weight
 * that is not a percentage, places that are not a whole number. Each problem names its cell;
 * all are listed at once.
 */
export async function readInputsWorkbook(db: Db, bytes: Uint8Array, fileName: string): Promise<RunInputs> {
  checkWorkbookFile(bytes, fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('INVALID_FILE', `${fileName} could not be read as a workbook. Export the inputs again with hnb export allocation-inputs.`, { fileName });
  }
  const issues: ErrorIssue[] = [];
  const problem = (sheet: string, cell: string, rule: string, message: string) => issues.push({ sheet, cell, rule, message: `${sheet}!${cell}: ${message}` });
  const sheetOf = (name: string) => {
    const s = wb.getWorksheet(name);
    if (!s) issues.push({ sheet: name, rule: 'sheet must exist', message: `The sheet "${name}" is missing.` });
    return s;
  };
  const runSheet = sheetOf(SHEETS.run);
  const factorSheet = sheetOf(SHEETS.factors);
  const placeSheet = sheetOf(SHEETS.places);
  if (issues.length) throw refusal(fileName, issues);

  // Columns are read by position: a column moved (Weight swapped with Column weight) would put a figure in the wrong place.
  for (const [name, sheet] of [
    [SHEETS.factors, factorSheet!],
    [SHEETS.places, placeSheet!],
  ] as const) {
    const want = HEADINGS[name];
    for (const [i, heading] of want.entries()) {
      const got = cellValue(sheet.getRow(1).getCell(i + 1));
      if (typeof got === 'string' && got.toLowerCase() === heading.toLowerCase()) continue;
      const at = `${columnLetter(i + 1)}1`;
      problem(
        name,
        at,
        'headings must be kept',
        `the columns must be headed ${want.join(', ')} in that order (${at} is ${got === null ? 'blank' : `"${got}"`}).`,
      );
      break;
    }
  }
  if (issues.length) throw refusal(fileName, issues);

  // The Run sheet: labels in column A, values in B.
  const labelled = new Map<string, { value: string | number | null; cell: string }>();
  runSheet!.eachRow((row, r) => {
    const label = cellValue(row.getCell(1));
    if (typeof label !== 'string') return;
    // Two rows labelled "Formula pot": either could be the one meant.
    const first = labelled.get(label.toLowerCase());
    if (first) return void problem(SHEETS.run, `A${r}`, 'each label once', `"${label}" is given on row ${first.cell.slice(1)} too: give it once.`);
    labelled.set(label.toLowerCase(), { value: cellValue(row.getCell(2)), cell: `B${r}` });
  });
  const wholePounds = (label: string): number => {
    const at = labelled.get(label.toLowerCase());
    if (!at) {
      issues.push({ sheet: SHEETS.run, rule: 'must be given', message: `${SHEETS.run}: there is no row labelled "${label}".` });
      return 0;
    }
    const v = at.value;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || Math.abs(v - Math.round(v)) > 1e-9) {
      problem(
        SHEETS.run,
        at.cell,
        'must be whole pounds',
        `the ${label.toLowerCase()} must be a whole number of pounds, not negative (it is ${v ?? 'blank'}).`,
      );
      return 0;
    }
    if (v > LIMITS.pounds) {
      problem(SHEETS.run, at.cell, 'at most £1tn', `the ${label.toLowerCase()} must be at most £1,000,000,000,000 (it is ${v}).`);
      return 0;
    }
    return Math.round(v) * 100;
  };
  const formulaPotPence = wholePounds('Formula pot');
  const placeRatePence = wholePounds('Rate per place');
  const noteAt = labelled.get('note');
  const note = noteAt?.value === null || noteAt?.value === undefined ? '' : String(noteAt.value);
  if (note.length > LIMITS.note) {
    problem(
      SHEETS.run,
      noteAt!.cell,
      `at most ${LIMITS.note} characters`,
      `the note must be at most 2,000 characters (it is ${note.length.toLocaleString('en-GB')}).`,
    );
  }

  // Factors: one row per data column, named by its key (or its name). A key wins over a name: a
  // column the user named "fsm" must not take the place of the column whose key is fsm.
  const columns = db.select({ id: schoolDataColumn.id, key: schoolDataColumn.key, name: schoolDataColumn.name }).from(schoolDataColumn).all();
  const byKey = new Map(columns.map((c) => [c.key.toLowerCase(), c.id] as const));
  const byName = new Map(columns.map((c) => [c.name.toLowerCase(), c.id] as const));
  const factors: FactorInput[] = [];
  const factorAt = new Map<string, { factor: FactorInput; cell: string; columnRows: Map<number, number> }>();
  let weightsRead = true;
  let firstRow = 0;
  let lastRow = 0;
  factorSheet!.eachRow((row, r) => {
    if (r === 1) return;
    const name = cellValue(row.getCell(1));
    const weight = cellValue(row.getCell(2));
    const column = cellValue(row.getCell(3));
    const colWeight = cellValue(row.getCell(4));
    if (name === null && weight === null && column === null && colWeight === null) return;
    // The note under the table is one long sentence in column A alone.
    if (weight === null && column === null && colWeight === null) return;
    if (typeof name !== 'string') return void problem(SHEETS.factors, `A${r}`, 'must be given', 'give the factor a name.');
    firstRow ||= r;
    lastRow = r;
    if (name.length > LIMITS.factorName) {
      problem(
        SHEETS.factors,
        `A${r}`,
        `at most ${LIMITS.factorName} characters`,
        `a factor's name must be at most ${LIMITS.factorName} characters (it is ${name.length}).`,
      );
    }
    let bp = 0;
    if (typeof weight !== 'number' || weight < 0 || weight > 1 || Math.abs(weight * 10_000 - Math.round(weight * 10_000)) > 1e-6) {
      weightsRead = false;
      problem(
        SHEETS.factors,
        `B${r}`,
        'must be a percentage',
        `the weight of "${name}" must be a percentage from 0% to 100% to two decimal places (it is ${weight ?? 'blank'}).`,
      );
    } else bp = Math.round(weight * 10_000);
    const columnId = typeof column === 'string' ? (byKey.get(column.toLowerCase()) ?? byName.get(column.toLowerCase())) : undefined;
    if (columnId === undefined) {
      problem(
        SHEETS.factors,
        `C${r}`,
        'data column must exist',
        `there is no data column "${column ?? ''}" in this workspace (the "${SHEETS.columns}" sheet lists them).`,
      );
    }
    if (typeof colWeight !== 'number' || !(colWeight > 0) || Math.abs(colWeight * 10_000 - Math.round(colWeight * 10_000)) > 1e-6) {
      problem(
        SHEETS.factors,
        `D${r}`,
        'must be more than nought',
        `the column weight must be a number more than nought, to at most four decimal places (it is ${colWeight ?? 'blank'}).`,
      );
    } else if (colWeight > LIMITS.columnWeight) {
      problem(SHEETS.factors, `D${r}`, 'at most 1,000,000', `the column weight must be at most 1,000,000 (it is ${colWeight}).`);
    }
    const key = name.toLowerCase();
    let entry = factorAt.get(key);
    if (!entry) {
      entry = { factor: { name, weightBp: bp, columns: [] }, cell: `B${r}`, columnRows: new Map() };
      factorAt.set(key, entry);
      factors.push(entry.factor);
    } else if (entry.factor.weightBp !== bp) {
      problem(
        SHEETS.factors,
        `B${r}`,
        'must match the factor',
        `"${name}" is given ${percentOfBp(bp)} here but ${percentOfBp(entry.factor.weightBp)} in ${entry.cell}: give a factor one weight.`,
      );
    }
    if (columnId === undefined) return;
    // A row copied twice would weigh its column twice over.
    const first = entry.columnRows.get(columnId);
    if (first !== undefined) {
      return void problem(
        SHEETS.factors,
        `C${r}`,
        'a factor weighs each data column once',
        `"${entry.factor.name}" already weighs the data column ${String(column)} on row ${first}: list each column of a factor once.`,
      );
    }
    entry.columnRows.set(columnId, r);
    if (typeof colWeight === 'number') entry.factor.columns.push({ columnId, weight: colWeight });
  });
  if (factors.length === 0 && issues.length === 0) {
    issues.push({ sheet: SHEETS.factors, rule: 'must have a factor', message: `${SHEETS.factors}: the sheet has no factors.` });
  }
  const sum = factors.reduce((s, f) => s + f.weightBp, 0);
  if (weightsRead && factors.length > 0 && sum !== 10_000) {
    problem(
      SHEETS.factors,
      `B${firstRow}:B${lastRow}`,
      'the weights must add up to 100%',
      `the factor weights add up to ${percentOfBp(sum)}, not 100%: ${factors.map((f) => `${f.name} ${percentOfBp(f.weightBp)}`).join(', ')}.`,
    );
  }

  // Places, by partnership name: only a top-level partnership, once.
  const parts = db.select({ id: partnership.id, name: partnership.name, parentId: partnership.parentId }).from(partnership).all();
  const byPartnership = new Map(parts.map((p) => [p.name.toLowerCase(), p] as const));
  const nameOf = new Map(parts.map((p) => [p.id, p.name] as const));
  const placeRows = new Map<number, number>();
  const places: RunInputs['places'] = [];
  placeSheet!.eachRow((row, r) => {
    if (r === 1) return;
    const name = cellValue(row.getCell(1));
    const n = cellValue(row.getCell(2));
    if (name === null && n === null) return;
    const p = typeof name === 'string' ? byPartnership.get(name.toLowerCase()) : undefined;
    if (p === undefined)
      return void problem(SHEETS.places, `A${r}`, 'partnership must exist', `there is no partnership called "${name ?? ''}" in this workspace.`);
    const first = placeRows.get(p.id);
    if (first !== undefined)
      return void problem(SHEETS.places, `A${r}`, 'each partnership once', `${p.name} is given places on row ${first} too: list each partnership once.`);
    placeRows.set(p.id, r);
    if (n === null || n === 0) return;
    if (p.parentId !== null) {
      const parent = nameOf.get(p.parentId) ?? 'its area partnership';
      return void problem(
        SHEETS.places,
        `A${r}`,
        'must be a top-level partnership',
        `${p.name} is a cluster inside ${parent}, whose allocation it shares: give the places to ${parent}.`,
      );
    }
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > LIMITS.places) {
      return void problem(
        SHEETS.places,
        `B${r}`,
        'must be a whole number from 0 to 100,000',
        `${p.name}'s places must be a whole number from 0 to 100,000 (it is ${n}).`,
      );
    }
    places.push({ partnershipId: p.id, places: n });
  });

  if (issues.length) throw refusal(fileName, issues);
  return { formulaPotPence, placeRatePence, factors, places, note };
}

function refusal(fileName: string, issues: ErrorIssue[]): AppError {
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return new AppError('INVALID_INPUT', `${fileName} cannot be read as a run's inputs: ${issues[0]!.message.replace(/\.$/, '')}${more}. Nothing was changed.`, {
    issues,
    fileName,
  });
}
