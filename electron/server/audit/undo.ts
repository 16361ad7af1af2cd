/**
 * Undo and redo of whole change sets (an edit, a paste, an import), newest first. Undo reverses
 * the latest change made in this session that is still in force; redo makes again what the last
 * undo reversed, for as long as nothing new has been changed since.
 */
import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { auditEntry, changeSet } from '../../../db/schema';
import { AppError } from '../../shared/errors';
import type { UndoState } from '../../../features/history/types';
import { lockedRefs } from '../locks/locks';
import type { Workspace } from '../workspace';
import type { ChangeRecorder } from './recorder';

type ChangeSetRow = typeof changeSet.$inferSelect;

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

function lastUndoable(ws: Workspace): ChangeSetRow | undefined {
  return ws.db
    .select()
    .from(changeSet)
    .where(and(inArray(changeSet.kind, ['edit', 'import']), isNull(changeSet.revertedById), gt(changeSet.id, ws.sessionBaseline)))
    .orderBy(desc(changeSet.id))
    .limit(1)
    .get();
}

/** The undo that redo would reverse: the newest undo not yet redone, with nothing but undos and redos after it. */
function lastRedoable(ws: Workspace): ChangeSetRow | undefined {
  const recent = ws.db.select().from(changeSet).where(gt(changeSet.id, ws.sessionBaseline)).orderBy(desc(changeSet.id)).limit(500).all();
  for (const cs of recent) {
    if (cs.kind === 'redo') continue;
    if (cs.kind !== 'undo') return undefined;
    if (cs.revertedById === null) return cs;
  }
  return undefined;
}

/** The locked records a change set touched, described ("2024-25 is closed"): it cannot be reversed while they stay locked. */
export function lockedScopesOf(ws: Workspace, changeSetId: number): string[] {
  const locked = lockedRefs(ws.db);
  if (locked.size === 0) return [];
  const scopes = ws.db.$client
    .prepare('SELECT DISTINCT scope FROM audit_entry WHERE change_set_id = ? AND scope IS NOT NULL')
    .pluck()
    .all(changeSetId) as string[];
  return scopes.filter((s) => locked.has(s)).map((s) => ws.locks.state(s));
}

function labelOf(ws: Workspace, id: number | null): string | null {
  if (id === null) return null;
  return ws.db.select({ label: changeSet.label }).from(changeSet).where(eq(changeSet.id, id)).get()?.label ?? null;
}

export function undoState(ws: Workspace): UndoState {
  const cs = lastUndoable(ws);
  const redo = lastRedoable(ws);
  const blocked = cs ? lockedScopesOf(ws, cs.id) : [];
  return {
    canUndo: !!cs && blocked.length === 0,
    label: cs?.label ?? null,
    blockedBy: blocked.length ? blocked.join('; ') : null,
    canRedo: !!redo,
    redoLabel: redo ? labelOf(ws, redo.revertsId) : null,
  };
}

function conflict(label: string, verb: string): AppError {
  return new AppError('INVALID_INPUT', `"${label}" cannot be ${verb}: the same figures have been changed since, outside this window. Nothing was changed.`);
}

/**
 * Replays a change set's audit entries backwards. Each entry is checked against the row as it
 * stands, so reversing never overwrites a change it did not make.
 */
export function revertChangeSet(rec: ChangeRecorder, ws: Workspace, changeSetId: number, label: string, verb = 'undone'): void {
  const entries = ws.db.select().from(auditEntry).where(eq(auditEntry.changeSetId, changeSetId)).orderBy(desc(auditEntry.id)).all();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const entity = ws.audit.named(e.entity);
    if (!entity) throw new Error(`audit entry ${e.id} names an unknown table ${e.entity}`);
    const table = entity.table;
    const id = entity.textId ? e.entityId : Number(e.entityId);
    const current = rec.read(table, id) as Record<string, unknown> | undefined;
    const context = { scope: e.scope, subject: e.subject, part: e.part };
    if (e.op === 'insert') {
      if (!current) throw conflict(label, verb);
      rec.delete(table, id, context);
    } else if (e.op === 'update') {
      // The fields one update changed together go back together: a rule across fields (a received
      // instalment has an amount, a due one none) holds before and after, never field by field.
      const old: Record<string, unknown> = {};
      for (let j = i; j < entries.length; j++) {
        const f = entries[j]!;
        if (f.op !== 'update' || f.entity !== e.entity || f.entityId !== e.entityId || f.field in old) break;
        if (!current || JSON.stringify(current[f.field] ?? null) !== f.newValue) throw conflict(label, verb);
        old[f.field] = parse(f.oldValue);
        i = j;
      }
      rec.update(table, id, old, context);
    } else {
      if (current) throw conflict(label, verb);
      rec.insert(table, parse(e.oldValue) as Record<string, unknown>, context);
    }
  }
}

/** Reverses a change set as one new change set of kind 'undo', and marks it reversed. */
export function reverse(ws: Workspace, target: ChangeSetRow, label: string): void {
  ws.write(
    'undo',
    label,
    (rec) => {
      revertChangeSet(rec, ws, target.id, target.label);
      ws.db.update(changeSet).set({ revertedById: rec.id }).where(eq(changeSet.id, target.id)).run();
    },
    { revertsId: target.id },
  );
}

export function undoLast(ws: Workspace): UndoState & { undone: string } {
  const cs = lastUndoable(ws);
  if (!cs) throw new AppError('NOTHING_TO_UNDO', 'There is nothing to undo.');
  reverse(ws, cs, `Undo: ${cs.label}`);
  return { ...undoState(ws), undone: cs.label };
}

export function redoLast(ws: Workspace): UndoState & { redone: string } {
  const undo = lastRedoable(ws);
  if (!undo) throw new AppError('NOTHING_TO_REDO', 'There is nothing to redo.');
  const original = undo.revertsId;
  const label = labelOf(ws, original) ?? undo.label;
  ws.write(
    'redo',
    `Redo: ${label}`,
    (rec) => {
      revertChangeSet(rec, ws, undo.id, label, 'redone');
      ws.db.update(changeSet).set({ revertedById: rec.id }).where(eq(changeSet.id, undo.id)).run();
      // The original change is in force again: it is what the next undo reverses.
      if (original !== null) ws.db.update(changeSet).set({ revertedById: null }).where(eq(changeSet.id, original)).run();
    },
    { revertsId: undo.id },
  );
  return { ...undoState(ws), redone: label };
}
