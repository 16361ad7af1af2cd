/**
 * Turns a sheet's raw rows into a kind's typed rows through a column mapping, checking every
 * cell against its column's rule. Every problem is collected, never just the first.
 */
import type { ErrorIssue } from '../../../shared/errors';
import { columnLetter } from '../column-letter';
import { type CellRead, isBlank, type RawValue, readDate, readInt, readListValue, readMoney, readNumber, readPercent, readText, shown } from './cells';
import { type ColumnDef, ID_FIELD, type KindData, type KindDef, type RowValues } from './kind';
import type { RawRow } from './read-workbook';

export interface FileRow {
  fileRow: number;
  id: number | null;
  values: RowValues;
  /** A cell of this row broke a rule: it is reported as an error, never compared or applied. */
  invalid?: boolean;
}

export interface Interpreted {
  rows: FileRow[];
  errors: ErrorIssue[];
  notes: string[];
  /** Editable fields the file supplies: only these are compared and applied. */
  fields: ColumnDef[];
}

/** A row this many blank rows below the one before it is not part of the table: a stray cell. */
export const STRAY_GAP = 100;

export function cellIssue(sheet: string, col: number, row: number, rule: string, found: string): ErrorIssue {
  const cell = `${columnLetter(col)}${row}`;
  return { sheet, cell, rule, message: `${sheet}!${cell} — ${rule} — found ${found}` };
}

function readCell(c: ColumnDef, v: RawValue | undefined, data: KindData, date1904: boolean, ownFile: boolean): CellRead {
  switch (c.type) {
    case 'id':
      return readInt(v, { min: 1 });
    case 'money':
      return readMoney(v, { optional: c.optional, nonNegative: c.nonNegative });
    case 'int':
      return readInt(v);
    case 'percent':
      return readPercent(v, { optional: c.optional, nonNegative: c.nonNegative, minValue: c.minValue, maxValue: c.maxValue });
    case 'number':
      return readNumber(v, { optional: c.optional, nonNegative: c.nonNegative, minValue: c.minValue, maxValue: c.maxValue });
    case 'date':
      return readDate(v, { date1904, optional: !c.required });
    case 'list':
      return readListValue(v, data.lists[c.list!] ?? [], { required: c.required && ownFile, listName: `${c.header.toLowerCase()} values`, words: c.listWords });
    default:
      return readText(v, { required: c.required, maxLength: c.maxLength });
  }
}

export interface InterpretOptions {
  sheet: string;
  headerRow: number;
  /** field -> 1-based column */
  mapping: Record<string, number>;
  date1904: boolean;
  /** Our own workbook: our totals row is skipped; a foreign one skips subtotal rows. */
  ownFile: boolean;
  skipRow?: (cells: RawValue[]) => boolean;
  /** The last row of the table (our totals row): a value in a read column below it is a stray cell. */
  tableEnd?: number;
}

export function interpretRows(def: KindDef, data: KindData, raw: RawRow[], o: InterpretOptions): Interpreted {
  const idCol = o.mapping[ID_FIELD];
  const read = def.columns.filter((c) => o.mapping[c.field] !== undefined && (c.editable || c.key) && !c.formula);
  const fields = def.columns.filter((c) => c.editable && o.mapping[c.field] !== undefined && !c.formula);
  const keyCol = o.mapping[def.keyField];
  const errors: ErrorIssue[] = [];
  const notes: string[] = [];
  const rows: FileRow[] = [];
  let skipped = 0;
  let lastRow = o.headerRow;
  for (const r of raw) {
    if (r.row <= o.headerRow) continue;
    const cells = r.cells;
    const firstFilled = read.find((c) => !isBlank(cells[o.mapping[c.field]! - 1]));
    if (firstFilled === undefined) continue;
    const beyondTable = o.tableEnd !== undefined && r.row > o.tableEnd;
    if (beyondTable || r.row - lastRow > STRAY_GAP) {
      const c = firstFilled;
      const col = o.mapping[c.field]!;
      const where = beyondTable ? `below the table, which ends at row ${o.tableEnd}` : `${r.row - lastRow - 1} empty rows below the data above it`;
      errors.push(
        cellIssue(
          o.sheet,
          col,
          r.row,
          `a value far outside the data (${where}) is not read: delete it, or move it into the table, and import again`,
          shown(cells[col - 1]),
        ),
      );
      continue;
    }
    lastRow = r.row;
    if (o.skipRow?.(cells)) {
      skipped++;
      continue;
    }
    const values: RowValues = {};
    let id: number | null = null;
    let invalid = false;
    for (const c of read) {
      const col = o.mapping[c.field]!;
      const got = readCell(c, cells[col - 1], data, o.date1904, o.ownFile);
      if (!got.ok) {
        errors.push(
          cellIssue(
            o.sheet,
            col,
            r.row,
            c.type === 'id' ? `must be the row id HNB Desk wrote (leave column ${columnLetter(col)} alone)` : `${c.header} ${got.rule}`,
            got.found,
          ),
        );
        invalid = true;
        continue;
      }
      if (c.field === ID_FIELD && idCol !== undefined) id = got.value as number | null;
      else values[c.field] = got.value;
    }
    rows.push(invalid ? { fileRow: r.row, id, values, invalid } : { fileRow: r.row, id, values });
  }
  // Our own totals row is expected; only a foreign file's skipped rows are worth a note.
  if (skipped && !o.ownFile) notes.push(`${skipped} subtotal or total row${skipped === 1 ? ' was' : 's were'} skipped.`);
  for (const [fileRow, field, rule, found] of def.checkRows?.(rows, data) ?? []) {
    errors.push(cellIssue(o.sheet, o.mapping[field] ?? keyCol!, fileRow, rule, found));
  }
  return { rows, errors, notes, fields };
}
