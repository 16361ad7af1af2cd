/**
 * Which record each row of a returned workbook is. Our own workbooks carry a hidden row id in
 * column A, but the sheet's protection has no password: rows can be sorted over the visible
 * columns only, pasted in from another return, or have their ids cleared or typed over. A row
 * whose id and visible key (line code) disagree is never written to the id's record. Either every
 * row can be matched by its key instead (each key valid and used once), and the preview says so,
 * or every such row is refused by name.
 */
import type { ErrorIssue } from '../../../shared/errors';
import { columnLetter } from '../column-letter';
import type { FileRow } from './interpret';
import type { DbRow, KindData, KindDef } from './kind';

/** Line codes are matched as people read them: case and surrounding spaces do not count. */
export const normKey = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim().toLowerCase());

export interface Matched {
  row: FileRow;
  /** The record the row is, or null for a row the database does not hold (new, or unmatched). */
  db: DbRow | null;
  /** Why a row with no record is not new: it belongs elsewhere (another holder's line, a retired one). */
  elsewhere?: string;
}

export interface Identity {
  matched: Matched[];
  matchedBy: 'id' | 'key';
  errors: ErrorIssue[];
  /** Set when the ids could not be trusted and rows were matched by key: what was wrong, for the preview. */
  fallbackNote: string | null;
}

interface Where {
  sheet: string;
  idCol: number | null;
  keyCol: number;
}

interface Problem {
  row: FileRow;
  what: string;
  found: string;
}

function byKeyOf(data: KindData, def: KindDef): Map<string, DbRow> {
  const m = new Map<string, DbRow>();
  for (const r of data.rows) m.set(normKey(r.values[def.keyField]), r);
  return m;
}

/** A file HNB Desk did not write: rows are matched on their key alone. */
export function matchByKey(def: KindDef, data: KindData, rows: FileRow[]): Matched[] {
  const byKey = byKeyOf(data, def);
  return rows.map((row) => {
    const k = normKey(row.values[def.keyField]);
    const db = byKey.get(k) ?? null;
    return db ? { row, db } : { row, db: null, elsewhere: data.keysElsewhere?.get(k) };
  });
}

/**
 * One of our own files: rows are matched on their hidden id, checked against their key. Where
 * they disagree, rows are matched on key when every row's key is valid and unique, else refused.
 */
export function matchOwnRows(def: KindDef, data: KindData, rows: FileRow[], where: Where): Identity {
  const byId = new Map(data.rows.map((r) => [r.id, r]));
  // By key only when a row needs it: a file whose ids all hold never does.
  let keys: Map<string, DbRow> | undefined;
  const byKey = () => (keys ??= byKeyOf(data, def));
  const keyEditable = def.columns.find((c) => c.field === def.keyField)?.editable ?? false;
  const keyHeader = def.columns.find((c) => c.field === def.keyField)?.header ?? def.keyField;
  const noun = def.rowNoun;
  const problems: Problem[] = [];
  const matched: Matched[] = [];
  for (const row of rows) {
    const key = row.values[def.keyField];
    if (row.id !== null) {
      // The usual row, its key as exported: the same once normalised too, without normalising.
      const db = byId.get(row.id);
      if (db !== undefined && typeof key === 'string' && key === String(db.values[def.keyField] ?? '')) {
        matched.push({ row, db });
        continue;
      }
    }
    const k = normKey(key);
    if (row.id !== null) {
      const db = byId.get(row.id);
      if (!db) {
        problems.push({
          row,
          what: `the hidden row id is not one of the ${noun}s this workbook was exported with`,
          found: `id ${row.id}${k ? ` on a row that says ${String(key)}` : ''}`,
        });
        continue;
      }
      const dbKey = String(db.values[def.keyField] ?? '');
      const renamed = keyEditable && k !== '' && !byKey().has(k) && !data.keysElsewhere?.has(k);
      if (k === normKey(dbKey) || renamed || (k === '' && row.invalid)) {
        matched.push({ row, db });
        continue;
      }
      problems.push({
        row,
        what:
          k === ''
            ? `the row's ${keyHeader.toLowerCase()} has been cleared, and its hidden id belongs to ${noun} ${dbKey}`
            : `the row says ${String(key)}, but its hidden id belongs to ${noun} ${dbKey}`,
        found: `id ${row.id}`,
      });
      continue;
    }
    if (k === '') {
      matched.push({ row, db: null });
      continue;
    }
    const db = byKey().get(k);
    if (db) {
      problems.push({ row, what: `the row says ${String(key)}, a ${noun} of this workbook, but its hidden row id has been cleared`, found: 'a blank id' });
      continue;
    }
    const elsewhere = data.keysElsewhere?.get(k);
    if (elsewhere) {
      problems.push({
        row,
        what: `the row says ${String(key)}, which is ${elsewhere}: it was not exported in this workbook (pasted from another return?)`,
        found: 'a blank id',
      });
      continue;
    }
    matched.push({ row, db: null });
  }
  if (problems.length === 0) return { matched, matchedBy: 'id', errors: [], fallbackNote: null };

  // Can every row be matched by its key instead? Each must name a record of this workbook (or,
  // where rows can be added, be a new key with no id), and no key may appear twice.
  const seen = new Set<string>();
  const byKeyMatched: Matched[] = [];
  let eligible = true;
  for (const row of rows) {
    const k = normKey(row.values[def.keyField]);
    if (k === '' || seen.has(k)) {
      eligible = false;
      break;
    }
    seen.add(k);
    const db = byKey().get(k);
    if (db) byKeyMatched.push({ row, db });
    else if (def.canAdd && row.id === null && !data.keysElsewhere?.has(k)) byKeyMatched.push({ row, db: null });
    else {
      eligible = false;
      break;
    }
  }
  const cellOf = (p: Problem) => `${where.sheet}!${columnLetter(where.idCol ?? where.keyCol)}${p.row.fileRow}`;
  const example = problems[0]!;
  if (eligible) {
    return {
      matched: byKeyMatched,
      matchedBy: 'key',
      errors: [],
      fallbackNote: `The hidden row ids in column ${columnLetter(where.idCol ?? 1)} did not agree with the ${keyHeader.toLowerCase()}s on ${problems.length} row${problems.length === 1 ? '' : 's'} (${cellOf(example)}: ${example.what}), as happens when rows are sorted or pasted without column ${columnLetter(where.idCol ?? 1)}. Every row's ${keyHeader.toLowerCase()} is valid and used once, so rows have been matched by ${keyHeader.toLowerCase()} instead. Check the changes below before applying.`,
    };
  }
  const rule = `the row's hidden id and its ${keyHeader.toLowerCase()} must agree (rows moved without column ${columnLetter(where.idCol ?? 1)}?)`;
  const errors: ErrorIssue[] = problems.map((p) => ({
    sheet: where.sheet,
    cell: `${columnLetter(where.idCol ?? where.keyCol)}${p.row.fileRow}`,
    rule,
    message: `${cellOf(p)} — ${p.what} — found ${p.found}`,
  }));
  errors.unshift({
    sheet: where.sheet,
    rule,
    message: `${problems.length} row${problems.length === 1 ? ' has' : 's have'} a hidden id that does not match ${problems.length === 1 ? 'its' : 'their'} ${keyHeader.toLowerCase()}, so HNB Desk cannot tell which ${noun} ${problems.length === 1 ? 'it belongs' : 'they belong'} to, and the ${keyHeader.toLowerCase()}s cannot be used instead (${!seen.size ? 'some are blank' : 'some are blank, repeated or unknown'}). This happens when rows are sorted or pasted over the visible columns only. Export the workbook again and copy your figures in, or undo the sort in Excel and sort including column ${columnLetter(where.idCol ?? 1)}.`,
  });
  return { matched: [], matchedBy: 'id', errors, fallbackNote: null };
}
