import { and, desc, eq, inArray } from 'drizzle-orm';
import { auditEntry, changeSet } from '../../../db/schema';
import type { HistoryEntry } from '../../shared/types';
import type { Workspace } from '../workspace';
import { describedFields, fieldName, valueText } from './describe';

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/** A line's history, newest first, with inserted and deleted rows shown field by field. */
export function lineHistory(ws: Workspace, lineId: number, yearId?: string, limit = 500): HistoryEntry[] {
  const where = yearId ? and(eq(auditEntry.lineId, lineId), eq(auditEntry.yearId, yearId)) : eq(auditEntry.lineId, lineId);
  const entries = ws.db.select().from(auditEntry).where(where).orderBy(desc(auditEntry.id)).limit(limit).all();
  const sets = new Map(
    entries.length === 0
      ? []
      : ws.db
          .select()
          .from(changeSet)
          .where(inArray(changeSet.id, [...new Set(entries.map((e) => e.changeSetId))]))
          .all()
          .map((c) => [c.id, c]),
  );
  const out: HistoryEntry[] = [];
  for (const e of entries) {
    const cs = sets.get(e.changeSetId)!;
    const base = {
      id: e.id,
      at: cs.at,
      who: cs.who,
      changeSetId: cs.id,
      changeKind: cs.kind,
      changeLabel: cs.label,
      entity: e.entity,
      op: e.op,
      yearId: e.yearId,
      period: e.period,
      lineId: e.lineId,
      undone: cs.revertedById !== null,
    };
    if (e.op === 'update') {
      out.push({
        ...base,
        field: e.field,
        what: fieldName(e.entity, e.field, e.period),
        oldText: valueText(e.field, parse(e.oldValue)),
        newText: valueText(e.field, parse(e.newValue)),
      });
      continue;
    }
    const row = parse(e.op === 'insert' ? e.newValue : e.oldValue) as Record<string, unknown>;
    for (const [field, value] of describedFields(row)) {
      out.push({
        ...base,
        field,
        what: fieldName(e.entity, field, e.period),
        oldText: e.op === 'insert' ? '(none)' : valueText(field, value),
        newText: e.op === 'insert' ? valueText(field, value) : '(none)',
      });
    }
  }
  return out;
}
