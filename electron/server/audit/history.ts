import { and, desc, eq, inArray } from 'drizzle-orm';
import { auditEntry, changeSet } from '../../../db/schema';
import type { HistoryEntry } from '../../../features/history/types';
import type { EntityRef } from '../../shared/entity-ref';
import type { Workspace } from '../workspace';
import { describedFields, valueText } from './describe';

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/** A record's history (optionally within one scope, such as a year), newest first, inserted and deleted rows shown field by field. */
export function history(ws: Workspace, subject: EntityRef, scope?: EntityRef, limit = 500): HistoryEntry[] {
  const where = scope ? and(eq(auditEntry.subject, subject), eq(auditEntry.scope, scope)) : eq(auditEntry.subject, subject);
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
  const money = ws.money();
  const out: HistoryEntry[] = [];
  for (const e of entries) {
    const cs = sets.get(e.changeSetId)!;
    const names = { def: ws.audit.named(e.entity), db: ws.db };
    const base = {
      id: e.id,
      at: cs.at,
      who: cs.who,
      changeSetId: cs.id,
      changeKind: cs.kind,
      changeLabel: cs.label,
      entity: e.entity,
      op: e.op,
      scope: e.scope,
      subject: e.subject,
      undone: cs.revertedById !== null,
    };
    if (e.op === 'update') {
      out.push({
        ...base,
        field: e.field,
        what: ws.audit.fieldName(e.entity, e.field, e.part),
        oldText: valueText(e.field, parse(e.oldValue), money, names),
        newText: valueText(e.field, parse(e.newValue), money, names),
      });
      continue;
    }
    const row = parse(e.op === 'insert' ? e.newValue : e.oldValue) as Record<string, unknown>;
    for (const [field, value] of describedFields(row)) {
      out.push({
        ...base,
        field,
        what: ws.audit.fieldName(e.entity, field, e.part),
        oldText: e.op === 'insert' ? '(none)' : valueText(field, value, money, names),
        newText: e.op === 'insert' ? valueText(field, value, money, names) : '(none)',
      });
    }
  }
  return out;
}
