/**
 * Compares a file's rows, once matched to records (identity.ts), with the database, three ways
 * when the file is ours: the fingerprint of each row as exported tells whether the file changed
 * it, the database changed it since, or both (a conflict the user settles row by row). Also
 * notes what deserves a second look: a first negative figure on a row, a large move.
 */
import { ukDate } from '../../../shared/dates';
import type { ErrorIssue } from '../../../shared/errors';
import type { MoneyFormat } from '../../../shared/money';
import type { CellChange, PreviewCounts, PreviewRow } from '../../../shared/workbook-types';
import { type FieldValue, percentText } from './cells';
import { fingerprint } from './fingerprint';
import type { Matched } from './identity';
import { cellIssue, type Interpreted } from './interpret';
import { type ColumnDef, type DbRow, editableColumns, type KindData, type KindDef, type RowValues } from './kind';

export interface PlannedChange {
  id: number;
  fileRow: number;
  values: RowValues;
  current: RowValues;
}

export interface DiffResult {
  rows: PreviewRow[];
  counts: PreviewCounts;
  errors: ErrorIssue[];
  /** Ready to apply, keyed by preview row key. */
  changes: Map<string, PlannedChange>;
  conflicts: Map<string, PlannedChange>;
  additions: Array<{ fileRow: number; values: RowValues }>;
  missing: DbRow[];
  /** Rows whose money moved by more than the threshold. */
  largeMoves: number;
  /** Rows (changed or added) holding a percentage beyond its column's `confirmBeyond`. */
  extremes: number;
  /** Rows matched to nothing, out of all the file's data rows. */
  dataRows: number;
}

/** Made once: a formatter per call costs more than the rest of a changed row's preview. */
const NUMBER_TEXT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });

export function display(c: ColumnDef, v: FieldValue | undefined, money: MoneyFormat): string {
  if (v === null || v === undefined || v === '') return '(blank)';
  if (c.type === 'money') return money.format(v as number, { pence: true });
  if (c.type === 'percent') return percentText(v as number);
  if (c.type === 'number') return NUMBER_TEXT.format(v as number);
  if (c.type === 'date') return ukDate(String(v));
  return String(v);
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined) => (a ?? '') === (b ?? '');

export interface DiffOptions {
  sheet: string;
  idCol: number | null;
  keyCol: number;
  fingerprints: Map<number, string> | null;
  money: MoneyFormat;
  /** A money field moving by more than this share of its old value (0.5 = 50%) is a warning. */
  largeMoveShare: number;
  /**
   * The editable fields the file was written with, in the order its fingerprints hash them (a
   * kind with `columnsFor`); absent, the kind's editable columns now. When one of them is no
   * longer a column, the fingerprints cannot be worked out again and rows are compared two ways.
   */
  exportedFields?: string[] | null;
}

export function diffRows(def: KindDef, data: KindData, file: Interpreted, matched: Matched[], o: DiffOptions): DiffResult {
  const errors: ErrorIssue[] = [];
  const fields = file.fields;
  const allEditable = printedColumns(def, o.exportedFields);
  const fullFile = allEditable?.every((c) => fields.includes(c)) ?? false;
  const rows: PreviewRow[] = [];
  const changes: DiffResult['changes'] = new Map();
  const conflicts: DiffResult['conflicts'] = new Map();
  const additions: DiffResult['additions'] = [];
  const seen = new Map<number, number>();
  let unchanged = 0;
  let unmatched = 0;
  let warned = 0;
  let largeMoves = 0;
  let extremes = 0;
  const label = (m: Matched) => ({
    ref: String(m.row.values[def.keyField] ?? m.db?.values[def.keyField] ?? ''),
    label: String(m.row.values[def.labelField] ?? m.db?.values[def.labelField] ?? ''),
  });

  for (const m of matched) {
    const fr = m.row;
    const db = m.db;
    if (!db && fr.invalid) continue;
    if (!db) {
      const { ref, label: name } = label(m);
      const complete = def.canAdd && !m.elsewhere && def.addRequires.every((f) => fr.values[f] !== undefined && fr.values[f] !== '' && fr.values[f] !== null);
      const cells: CellChange[] = fields.map((c) => ({ field: c.field, header: c.header, old: '', new: display(c, fr.values[c.field], o.money) }));
      if (complete) {
        additions.push({ fileRow: fr.fileRow, values: fr.values });
        const asked = extremeWarnings(fields, fr.values);
        if (asked.length) {
          extremes++;
          warned++;
        }
        rows.push({ key: `new:${fr.fileRow}`, status: 'added', fileRow: fr.fileRow, ref, label: name, cells, ...(asked.length ? { warnings: asked } : {}) });
      } else {
        unmatched++;
        const why = m.elsewhere
          ? `this is ${m.elsewhere}, not one of this workbook's ${def.rowNoun}s`
          : def.canAdd
            ? `a new ${def.rowNoun} needs ${def.addRequires.join(', ')}`
            : `no ${def.rowNoun} in this workspace has this ${def.keyField === 'code' ? 'code' : 'key'}`;
        rows.push({ key: `unmatched:${fr.fileRow}`, status: 'unmatched', fileRow: fr.fileRow, ref, label: name, cells, note: why });
      }
      continue;
    }
    const dup = seen.get(db.id);
    if (dup !== undefined) {
      const col = fr.id !== null ? (o.idCol ?? 1) : o.keyCol;
      errors.push(
        cellIssue(
          o.sheet,
          col,
          fr.fileRow,
          `each ${def.rowNoun} may appear once; it is already on row ${dup}`,
          fr.id !== null ? String(fr.id) : `"${label(m).ref}"`,
        ),
      );
      continue;
    }
    seen.set(db.id, fr.fileRow);
    if (fr.invalid) continue;
    // A list only for a row that differs: nine rows in ten of a return usually do not.
    let changedFields: ColumnDef[] | null = null;
    for (const c of fields) {
      if (same(fr.values[c.field], db.values[c.field])) continue;
      changedFields ??= [];
      changedFields.push(c);
    }
    if (changedFields === null) {
      unchanged++;
      continue;
    }
    const { ref, label: name } = label(m);
    const exported = o.fingerprints?.get(db.id);
    const key = String(db.id);
    const values: RowValues = {};
    for (const c of changedFields) values[c.field] = fr.values[c.field]!;
    const cells = changedFields.map((c) => ({
      field: c.field,
      header: c.header,
      old: display(c, db.values[c.field], o.money),
      new: display(c, fr.values[c.field], o.money),
    }));
    const warnings = rowWarnings(changedFields, db, fr.values, data, o);
    if (warnings.large) largeMoves++;
    if (warnings.extreme) extremes++;
    const entry = { id: db.id, fileRow: fr.fileRow, values, current: db.values };
    if (exported !== undefined && fullFile && allEditable) {
      const fileFp = fingerprint(allEditable.map((c) => fr.values[c.field] ?? null));
      if (fileFp === exported) {
        // The file kept what was exported; the database has moved on since. Keep the database.
        unchanged++;
        continue;
      }
      const dbFp = fingerprint(allEditable.map((c) => db.values[c.field] ?? null));
      if (dbFp !== exported) {
        conflicts.set(key, entry);
        if (warnings.list.length) warned++;
        rows.push({
          key,
          status: 'conflict',
          fileRow: fr.fileRow,
          ref,
          label: name,
          cells,
          note: 'changed in the workspace since this file was exported, and changed in the file',
          ...(warnings.list.length ? { warnings: warnings.list } : {}),
        });
        continue;
      }
    }
    changes.set(key, entry);
    if (warnings.list.length) warned++;
    rows.push({ key, status: 'changed', fileRow: fr.fileRow, ref, label: name, cells, ...(warnings.list.length ? { warnings: warnings.list } : {}) });
  }

  // Missing: for our own file, exported rows not in it; for a foreign one, records in scope not in it.
  // The exported ids not seen, in the order exported, looked up only if there are any.
  let missing: DbRow[];
  if (o.fingerprints) {
    const unseen = [...o.fingerprints.keys()].filter((id) => !seen.has(id));
    const byId = unseen.length ? new Map(data.rows.map((r) => [r.id, r])) : null;
    missing = unseen.map((id) => byId!.get(id)).filter((r): r is DbRow => Boolean(r));
  } else missing = data.rows.filter((r) => !seen.has(r.id));
  for (const m of missing) {
    rows.push({
      key: `missing:${m.id}`,
      status: 'missing',
      fileRow: null,
      ref: String(m.values[def.keyField] ?? ''),
      label: String(m.values[def.labelField] ?? ''),
      cells: [],
      note: `not in the file; if you tick "remove rows missing from the file", ${def.deleteMeans}`,
    });
  }
  return {
    rows,
    counts: {
      added: additions.length,
      changed: changes.size,
      unchanged,
      missing: missing.length,
      conflicts: conflicts.size,
      unmatched,
      errors: 0,
      warnings: warned,
    },
    errors,
    changes,
    conflicts,
    additions,
    missing,
    largeMoves,
    extremes,
    dataRows: matched.length,
  };
}

/** The columns a row's fingerprint hashes, in order; null when one of them is no longer a column of the kind. */
function printedColumns(def: KindDef, exportedFields: string[] | null | undefined): ColumnDef[] | null {
  const editable = editableColumns(def).filter((c) => !c.formula);
  if (!exportedFields) return editable;
  const byField = new Map(editable.map((c) => [c.field, c]));
  const out: ColumnDef[] = [];
  for (const f of exportedFields) {
    const c = byField.get(f);
    if (!c) return null;
    out.push(c);
  }
  return out;
}

/** Percentages beyond the range their column asks about: allowed, once confirmed. */
function extremeWarnings(fields: ColumnDef[], file: RowValues): string[] {
  const list: string[] = [];
  for (const c of fields) {
    const v = file[c.field];
    if (c.type !== 'percent' || c.confirmBeyond === undefined || typeof v !== 'number' || Math.abs(v) <= c.confirmBeyond) continue;
    list.push(`${c.header} is ${percentText(v)}, beyond ±${percentText(c.confirmBeyond)}: is that meant, or a slip?`);
  }
  return list;
}

/** What is worth a second look in a row's changes: a first negative figure, a move beyond the threshold, an extreme percentage. */
function rowWarnings(changed: ColumnDef[], db: DbRow, file: RowValues, data: KindData, o: DiffOptions): { list: string[]; large: boolean; extreme: boolean } {
  const list = extremeWarnings(changed, file);
  const extreme = list.length > 0;
  let large = false;
  for (const c of changed) {
    if (c.type !== 'money') continue;
    const now = file[c.field];
    const was = db.values[c.field];
    if (typeof now !== 'number') continue;
    if (c.warnFirstNegative && now < 0 && !(typeof was === 'number' && was < 0) && !data.negativesSeen?.has(`${db.id}:${c.field}`)) {
      list.push(
        `${c.header} is negative (${o.money.format(now, { pence: true })}), and this row has never had a negative ${c.header.toLowerCase()}: a credit, or a sign typed by mistake?`,
      );
    }
    if (c.flagLargeMoves && typeof was === 'number' && was !== 0 && Math.abs(now - was) > Math.abs(was) * o.largeMoveShare) {
      large = true;
      const pct = Math.round((Math.abs(now - was) / Math.abs(was)) * 100);
      list.push(
        `${c.header} moves by ${pct}% (${o.money.format(was)} to ${o.money.format(now)}), more than the ${Math.round(o.largeMoveShare * 100)}% that is flagged.`,
      );
    }
  }
  return { list, large, extreme };
}
