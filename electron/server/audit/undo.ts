import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { auditEntry, changeSet, financialYear } from '../../../db/schema';
import { AppError } from '../../shared/errors';
import type { UndoState } from '../../shared/types';
import type { Workspace } from '../workspace';
import { AUDITED, isEntityName, type EntityName } from './entities';
import type { ChangeRecorder } from './recorder';

const TEXT_IDS = new Set<EntityName>(['workspace', 'financial_year']);
const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

function lastUndoable(ws: Workspace) {
  return ws.db
    .select()
    .from(changeSet)
    .where(and(eq(changeSet.kind, 'edit'), isNull(changeSet.revertedById), gt(changeSet.id, ws.sessionBaseline)))
    .orderBy(desc(changeSet.id))
    .limit(1)
    .get();
}

/** The closed years a change set touched: it cannot be undone or reverted while they stay closed. */
export function closedYearsOf(ws: Workspace, changeSetId: number): string[] {
  return ws.db
    .selectDistinct({ yearId: financialYear.id })
    .from(auditEntry)
    .innerJoin(financialYear, eq(financialYear.id, auditEntry.yearId))
    .where(and(eq(auditEntry.changeSetId, changeSetId), eq(financialYear.status, 'closed')))
    .all()
    .map((r) => r.yearId);
}

export function undoState(ws: Workspace): UndoState {
  const cs = lastUndoable(ws);
  if (!cs) return { canUndo: false, label: null, blockedBy: null };
  const closed = closedYearsOf(ws, cs.id);
  return closed.length
    ? { canUndo: false, label: cs.label, blockedBy: `${closed.join(', ')} ${closed.length > 1 ? 'are' : 'is'} closed` }
    : { canUndo: true, label: cs.label, blockedBy: null };
}

function conflict(label: string): AppError {
  return new AppError('INVALID_INPUT', `"${label}" cannot be undone: the same figures have been changed since, outside this window. Nothing was changed.`);
}

/**
 * Replays a change set's audit entries backwards. Each entry is checked against the row as it
 * stands, so an undo never overwrites a change it did not make.
 */
export function revertChangeSet(rec: ChangeRecorder, ws: Workspace, changeSetId: number, label: string): void {
  const entries = ws.db.select().from(auditEntry).where(eq(auditEntry.changeSetId, changeSetId)).orderBy(desc(auditEntry.id)).all();
  for (const e of entries) {
    if (!isEntityName(e.entity)) throw new Error(`audit entry ${e.id} names an unknown table ${e.entity}`);
    const table = AUDITED[e.entity] as typeof AUDITED.budget;
    const id = (TEXT_IDS.has(e.entity) ? e.entityId : Number(e.entityId)) as number;
    const current = rec.read(table, id) as Record<string, unknown> | undefined;
    const context = { yearId: e.yearId, lineId: e.lineId, period: e.period };
    if (e.op === 'insert') {
      if (!current) throw conflict(label);
      rec.delete(table, id, context);
    } else if (e.op === 'update') {
      if (!current || JSON.stringify(current[e.field] ?? null) !== e.newValue) throw conflict(label);
      rec.update(table, id, { [e.field]: parse(e.oldValue) }, context);
    } else {
      if (current) throw conflict(label);
      rec.insert(table, parse(e.oldValue) as typeof table.$inferInsert, context);
    }
  }
}

export function undoLast(ws: Workspace): UndoState & { undone: string } {
  const cs = lastUndoable(ws);
  if (!cs) throw new AppError('NOTHING_TO_UNDO', 'There is nothing to undo.');
  ws.write(
    'undo',
    `Undo: ${cs.label}`,
    (rec) => {
      revertChangeSet(rec, ws, cs.id, cs.label);
      ws.db.update(changeSet).set({ revertedById: rec.id }).where(eq(changeSet.id, cs.id)).run();
    },
    { revertsId: cs.id },
  );
  return { ...undoState(ws), undone: cs.label };
}
