import type { GroupHeader } from '../../../features/lines/types';

/** Rows as the grid shows them: a heading per provision group, its lines, then its subtotal. */
export type DisplayRow<R, T> =
  | { kind: 'group'; rowId: string; name: string }
  | ({ kind: 'line'; rowId: string } & R)
  | ({ kind: 'subtotal'; rowId: string; name: string } & T)
  | ({ kind: 'total'; rowId: string; name: string } & T);

export function displayRows<R extends { lineId: number; groupId: number }, T>(rows: R[], groups: Array<GroupHeader & T>): Array<DisplayRow<R, T>> {
  const out: Array<DisplayRow<R, T>> = [];
  for (const g of groups) {
    out.push({ kind: 'group', rowId: `g${g.groupId}`, name: g.name });
    for (const r of rows) if (r.groupId === g.groupId) out.push({ kind: 'line', rowId: `l${r.lineId}`, ...r });
    out.push({ kind: 'subtotal', rowId: `s${g.groupId}`, ...g, name: `Total ${g.name}` });
  }
  return out;
}

export function totalRow<T>(total: T, name: string): DisplayRow<never, T> {
  return { kind: 'total', rowId: 'total', name, ...total };
}

/** A grouped view from the server as the grid's rows and its pinned total row. */
export function gridRows<R extends { lineId: number; groupId: number }, T>(
  data: { rows: R[]; groups: Array<GroupHeader & T>; total: T } | null,
): { rows: Array<DisplayRow<R, T>>; total: Array<DisplayRow<R, T>> } {
  if (!data) return { rows: [], total: [] };
  return { rows: displayRows(data.rows, data.groups), total: [totalRow(data.total, 'Total High Needs')] };
}
