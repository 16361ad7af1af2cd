/**
 * Compares a file's rows with the database, three ways when the file is ours: the fingerprint
 * of each row as exported tells whether the file changed it, the database changed it since, or
 * both (a conflict the user settles row by row).
 */
import type { ErrorIssue } from '../../../shared/errors';
import { formatPence } from '../../../shared/money';
import type { CellChange, PreviewCounts, PreviewRow } from '../../../shared/workbook-types';
import type { FieldValue } from './cells';
import { fingerprint } from './fingerprint';
import { cellIssue, type Interpreted } from './interpret';
import { editableColumns, type ColumnDef, type DbRow, type KindData, type KindDef, type RowValues } from './kind';

export interface DiffResult {
  rows: PreviewRow[];
  counts: PreviewCounts;
  errors: ErrorIssue[];
  /** Ready to apply, keyed by preview row key. */
  changes: Map<string, { id: number; fileRow: number; values: RowValues; current: RowValues }>;
  conflicts: Map<string, { id: number; fileRow: number; values: RowValues; current: RowValues }>;
  additions: Array<{ fileRow: number; values: RowValues }>;
  missing: DbRow[];
}

export function display(c: ColumnDef, v: FieldValue | undefined): string {
  if (v === null || v === undefined || v === '') return '(blank)';
  if (c.type === 'money') return formatPence(v as number, { pence: true });
  return String(v);
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined) => (a ?? '') === (b ?? '');

export function diffRows(
  def: KindDef,
  data: KindData,
  file: Interpreted,
  options: { sheet: string; idCol: number | null; keyCol: number; fingerprints: Map<number, string> | null },
): DiffResult {
  const errors: ErrorIssue[] = [];
  const byId = new Map(data.rows.map((r) => [r.id, r]));
  // Only a file without row ids (a foreign one) is matched on code: build that index on demand.
  let byCode: Map<string, DbRow> | undefined;
  const findByCode = (code: string) => {
    byCode ??= new Map(data.rows.map((r) => [String(r.values.code ?? '').toLowerCase(), r]));
    return byCode.get(code.toLowerCase());
  };
  const allEditable = editableColumns(def).filter((c) => !c.formula);
  const fields = file.fields;
  const fullFile = fields.length === allEditable.length;
  const rows: PreviewRow[] = [];
  const changes: DiffResult['changes'] = new Map();
  const conflicts: DiffResult['conflicts'] = new Map();
  const additions: DiffResult['additions'] = [];
  const seen = new Map<number, number>();
  let unchanged = 0;
  let unmatched = 0;

  for (const fr of file.rows) {
    let db: DbRow | undefined;
    if (fr.id !== null) {
      db = byId.get(fr.id);
      if (!db) {
        errors.push(cellIssue(options.sheet, options.idCol ?? 1, fr.fileRow, 'the row id must be a line this workbook was exported with', String(fr.id)));
        continue;
      }
    } else if (!options.fingerprints) {
      db = findByCode(String(fr.values.code ?? ''));
    }
    const code = String(fr.values.code ?? db?.values.code ?? '');
    const name = String(fr.values.name ?? db?.values.name ?? '');
    if (!db && fr.invalid) continue;
    if (!db) {
      const complete = def.canAdd && def.addRequires.every((f) => fr.values[f] !== undefined && fr.values[f] !== '' && fr.values[f] !== null);
      const cells: CellChange[] = fields.map((c) => ({ field: c.field, header: c.header, old: '', new: display(c, fr.values[c.field]) }));
      if (complete) {
        additions.push({ fileRow: fr.fileRow, values: fr.values });
        rows.push({ key: `new:${fr.fileRow}`, status: 'added', fileRow: fr.fileRow, code, name, cells });
      } else {
        unmatched++;
        const why = def.canAdd
          ? `a new line needs ${def.addRequires.join(', ')}`
          : 'no budget line in this workspace has this code; add the line in the budget first';
        rows.push({ key: `unmatched:${fr.fileRow}`, status: 'unmatched', fileRow: fr.fileRow, code, name, cells, note: why });
      }
      continue;
    }
    const dup = seen.get(db.id);
    if (dup !== undefined) {
      const col = fr.id !== null ? (options.idCol ?? 1) : options.keyCol;
      errors.push(
        cellIssue(options.sheet, col, fr.fileRow, `each line may appear once; it is already on row ${dup}`, fr.id !== null ? String(fr.id) : `"${code}"`),
      );
      continue;
    }
    seen.set(db.id, fr.fileRow);
    if (fr.invalid) continue;
    const changedFields = fields.filter((c) => !same(fr.values[c.field], db.values[c.field]));
    if (changedFields.length === 0) {
      unchanged++;
      continue;
    }
    const exported = options.fingerprints?.get(db.id);
    const key = String(db.id);
    const values: RowValues = {};
    for (const c of changedFields) values[c.field] = fr.values[c.field]!;
    const cells = changedFields.map((c) => ({ field: c.field, header: c.header, old: display(c, db.values[c.field]), new: display(c, fr.values[c.field]) }));
    const entry = { id: db.id, fileRow: fr.fileRow, values, current: db.values };
    if (exported !== undefined && fullFile) {
      const fileFp = fingerprint(allEditable.map((c) => fr.values[c.field] ?? null));
      if (fileFp === exported) {
        // The file kept what was exported; the database has moved on since. Keep the database.
        unchanged++;
        continue;
      }
      const dbFp = fingerprint(allEditable.map((c) => db.values[c.field] ?? null));
      if (dbFp !== exported) {
        conflicts.set(key, entry);
        rows.push({
          key,
          status: 'conflict',
          fileRow: fr.fileRow,
          code,
          name,
          cells,
          note: 'changed in the workspace since this file was exported, and changed in the file',
        });
        continue;
      }
    }
    changes.set(key, entry);
    rows.push({ key, status: 'changed', fileRow: fr.fileRow, code, name, cells });
  }

  // Missing: for our own file, exported rows not in it; for a foreign one, lines in scope not in it.
  const expected = options.fingerprints ? [...options.fingerprints.keys()].map((id) => byId.get(id)).filter((r): r is DbRow => Boolean(r)) : data.rows;
  const missing = expected.filter((r) => !seen.has(r.id));
  for (const m of missing) {
    rows.push({
      key: `missing:${m.id}`,
      status: 'missing',
      fileRow: null,
      code: String(m.values.code ?? ''),
      name: String(m.values.name ?? ''),
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
    },
    errors,
    changes,
    conflicts,
    additions,
    missing,
  };
}
