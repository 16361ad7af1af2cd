/**
 * The hidden `_meta` sheet: what a workbook is, where it came from, and each exported row's
 * fingerprint. Written as label/value pairs so a curious user can read it; fingerprints are
 * packed many to a cell to keep a 100,000-row export small.
 */
import type { KindName, KindScope } from '../../../shared/workbook-types';
import type { RawValue } from './cells';

export const META_SHEET = '_meta';
export const META_MARK = 'HNB Desk workbook';
const PER_CELL = 1000;

export interface WorkbookMeta {
  kind: KindName;
  schemaVersion: number;
  workspaceId: string;
  workspaceName: string;
  scope: KindScope;
  exportedAt: string;
  exportedBy: string;
  sheet: string;
  /** line id -> fingerprint of its editable values as exported */
  fingerprints: Map<number, string>;
}

export function metaRows(m: WorkbookMeta): Array<[string, string | number]> {
  const rows: Array<[string, string | number]> = [
    ['format', META_MARK],
    ['note', 'HNB Desk reads this sheet to match rows when the workbook comes back. Please leave it as it is.'],
    ['kind', m.kind],
    ['schemaVersion', m.schemaVersion],
    ['workspaceId', m.workspaceId],
    ['workspaceName', m.workspaceName],
    ['year', m.scope.year],
    ['period', m.scope.period ?? ''],
    ['holder', m.scope.holder ?? ''],
    ['groupId', m.scope.groupId ?? ''],
    ['exportedAt', m.exportedAt],
    ['exportedBy', m.exportedBy],
    ['sheet', m.sheet],
    ['rowCount', m.fingerprints.size],
  ];
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

/** Reads the pairs back; null when the sheet is not ours or is damaged beyond use. */
export function parseMeta(rows: Array<{ cells: RawValue[] }>): WorkbookMeta | string {
  const single = new Map<string, string>();
  const fingerprints = new Map<number, string>();
  for (const r of rows) {
    const key = r.cells[0];
    const value = r.cells[1];
    if (typeof key !== 'string') continue;
    const text = value === null || value === undefined || typeof value === 'object' ? '' : String(value);
    if (key === 'fingerprints') {
      for (const pair of text.split(';')) {
        const [id, fp] = pair.split(':');
        if (id && fp && /^\d+$/.test(id)) fingerprints.set(Number(id), fp);
      }
    } else single.set(key, text);
  }
  if (single.get('format') !== META_MARK) return 'its _meta sheet is not one HNB Desk wrote';
  const kind = single.get('kind');
  if (kind !== 'budget' && kind !== 'monitoring') return `its _meta sheet names an unknown kind "${kind ?? ''}"`;
  const num = (k: string) => (single.get(k) ? Number(single.get(k)) : undefined);
  const schemaVersion = num('schemaVersion');
  if (!schemaVersion || !Number.isInteger(schemaVersion)) return 'its _meta sheet has no schema version';
  const rowCount = num('rowCount');
  if (rowCount !== fingerprints.size) return `its _meta sheet lists ${fingerprints.size} row fingerprints where it should have ${rowCount ?? 0}`;
  return {
    kind,
    schemaVersion,
    workspaceId: single.get('workspaceId') ?? '',
    workspaceName: single.get('workspaceName') ?? '',
    scope: {
      year: single.get('year') ?? '',
      period: num('period'),
      holder: single.get('holder') || undefined,
      groupId: num('groupId'),
    },
    exportedAt: single.get('exportedAt') ?? '',
    exportedBy: single.get('exportedBy') ?? '',
    sheet: single.get('sheet') ?? '',
    fingerprints,
  };
}
