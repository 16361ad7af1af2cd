/**
 * The hidden `_meta` sheet: what a workbook is, where it came from, and each exported row's
 * fingerprint. Written as label/value pairs so a curious user can read it; fingerprints are
 * packed many to a cell to keep a 100,000-row export small. Anyone can unhide and edit it, so
 * on import it is checked like any other input (import-service.ts), and every problem names
 * its cell.
 */
import type { KindScope } from '../../../shared/workbook-types';
import type { RawValue } from './cells';

export const META_SHEET = '_meta';
export const META_MARK = 'HNB Desk workbook';
const PER_CELL = 1000;
/** Written before scopes were the kind's own: read as scope fields of the same names. */
const LEGACY_SCOPE_KEYS = ['year', 'period', 'holder', 'groupId'];

export interface WorkbookMeta {
  kind: string;
  schemaVersion: number;
  workspaceId: string;
  workspaceName: string;
  scope: KindScope;
  exportedAt: string;
  exportedBy: string;
  sheet: string;
  /** row id -> fingerprint of its editable values as exported */
  fingerprints: Map<number, string>;
  /**
   * A kind whose columns depend on the workspace (`columnsFor`): the editable columns written,
   * [field, heading] in the order the fingerprints hash them. A column added or removed since
   * the export is then told from one the user deleted, and the fingerprints still compare.
   */
  columns?: Array<[string, string]>;
}

/** A `_meta` read back: the values as found (the scope still to be checked by its kind) and the row each key sits on. */
export interface ParsedMeta extends Omit<WorkbookMeta, 'scope' | 'columns'> {
  scope: Record<string, unknown>;
  /** As written for a kind with `columnsFor`; null when the sheet has no column list. */
  columns: Array<[string, string]> | null;
  rowOf: Map<string, number>;
}

export function metaRows(m: WorkbookMeta): Array<[string, string | number]> {
  const rows: Array<[string, string | number]> = [
    ['format', META_MARK],
    ['note', 'HNB Desk reads this sheet to match rows when the workbook comes back. Please leave it as it is.'],
    ['kind', m.kind],
    ['schemaVersion', m.schemaVersion],
    ['workspaceId', m.workspaceId],
    ['workspaceName', m.workspaceName],
  ];
  for (const [k, v] of Object.entries(m.scope)) if (v !== undefined) rows.push([`scope.${k}`, v]);
  rows.push(['exportedAt', m.exportedAt], ['exportedBy', m.exportedBy], ['sheet', m.sheet]);
  if (m.columns) rows.push(['columns', JSON.stringify(m.columns)]);
  rows.push(['rowCount', m.fingerprints.size]);
  let chunk: string[] = [];
  for (const [id, fp] of m.fingerprints) {
    chunk.push(`${id}:${fp}`);
    if (chunk.length === PER_CELL) {
      rows.push(['fingerprints', chunk.join(';')]);
      chunk = [];
    }
  }
  if (chunk.length) rows.push(['fingerprints', chunk.join(';')]);
  return rows;
}

/** The problem with a `_meta` sheet, naming its cell; the caller says what to do about it. */
export interface MetaProblem {
  cell: string | null;
  problem: string;
}

/** Reads the pairs back, checking the sheet's own structure; the kind, scope and workspace are checked by the caller. */
export function parseMeta(rows: Array<{ row: number; cells: RawValue[] }>): ParsedMeta | MetaProblem {
  const single = new Map<string, RawValue>();
  const rowOf = new Map<string, number>();
  const fingerprints = new Map<number, string>();
  let fingerprintRow: number | null = null;
  for (const r of rows) {
    const key = r.cells[0];
    const value = r.cells[1] ?? null;
    if (typeof key !== 'string') continue;
    if (key === 'fingerprints') {
      fingerprintRow ??= r.row;
      const text = typeof value === 'string' ? value : '';
      for (const pair of text.split(';')) {
        const [id, fp] = pair.split(':');
        if (!id || !fp || !/^\d{1,15}$/.test(id)) return { cell: `B${r.row}`, problem: 'a row fingerprint is damaged' };
        if (fingerprints.has(Number(id))) return { cell: `B${r.row}`, problem: `row id ${id} is listed twice` };
        fingerprints.set(Number(id), fp);
      }
      continue;
    }
    if (rowOf.has(key)) return { cell: `A${r.row}`, problem: `"${key}" appears twice` };
    single.set(key, value);
    rowOf.set(key, r.row);
  }
  const at = (k: string) => (rowOf.has(k) ? `B${rowOf.get(k)}` : null);
  const text = (k: string) => {
    const v = single.get(k);
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
  };
  if (single.get('format') !== META_MARK) return { cell: at('format') ?? 'A1', problem: 'it is not a sheet HNB Desk wrote' };
  const kind = text('kind');
  if (!kind) return { cell: at('kind'), problem: 'it does not say what kind of workbook this is' };
  const version = single.get('schemaVersion');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return { cell: at('schemaVersion'), problem: 'its schema version is not a whole number' };
  const rowCount = single.get('rowCount');
  if (typeof rowCount !== 'number' || rowCount !== fingerprints.size) {
    return {
      cell: at('rowCount') ?? (fingerprintRow ? `B${fingerprintRow}` : null),
      problem: `it lists ${fingerprints.size} row fingerprints where it says it has ${String(rowCount ?? 'none')}`,
    };
  }
  let columns: Array<[string, string]> | null = null;
  if (rowOf.has('columns')) {
    columns = columnList(single.get('columns') ?? null);
    if (!columns) return { cell: at('columns'), problem: 'its list of the columns written is damaged' };
  }
  const scope: Record<string, unknown> = {};
  for (const [k, v] of single) if (k.startsWith('scope.') && v !== null && v !== '') scope[k.slice('scope.'.length)] = v;
  if (Object.keys(scope).length === 0) {
    for (const k of LEGACY_SCOPE_KEYS) {
      const v = single.get(k);
      if (v !== null && v !== undefined && v !== '') {
        scope[k] = v;
        rowOf.set(`scope.${k}`, rowOf.get(k)!);
      }
    }
  }
  return {
    kind,
    schemaVersion: version,
    workspaceId: text('workspaceId'),
    workspaceName: text('workspaceName'),
    scope,
    exportedAt: text('exportedAt'),
    exportedBy: text('exportedBy'),
    sheet: text('sheet'),
    fingerprints,
    columns,
    rowOf,
  };
}

/** The `columns` cell read back: a JSON list of [field, heading], each field once; null when it is not. */
function columnList(v: RawValue): Array<[string, string]> | null {
  if (typeof v !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(v);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const seen = new Set<string>();
  for (const pair of parsed) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string' || !pair[0] || seen.has(pair[0])) return null;
    seen.add(pair[0]);
  }
  return parsed as Array<[string, string]>;
}

export function isMetaProblem(m: ParsedMeta | MetaProblem): m is MetaProblem {
  return 'problem' in m;
}
