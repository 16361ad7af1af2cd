/** The history of applied imports, and reverting the latest one. */
import { desc, eq, inArray, isNull } from 'drizzle-orm';
import { changeSet } from '../../../db/schema';
import { importBatch } from '../../../db/schema/imports';
import { AppError } from '../../shared/errors';
import type { ImportBatchInfo, KindScope } from '../../shared/workbook-types';
import { lockedScopesOf, reverse } from '../audit/undo';
import type { Workspace } from '../workspace';
import type { KindRegistry } from './kinds';

function latestRevertable(ws: Workspace): number | null {
  const r = ws.db
    .select({ id: importBatch.id })
    .from(importBatch)
    .innerJoin(changeSet, eq(changeSet.id, importBatch.changeSetId))
    .where(isNull(changeSet.revertedById))
    .orderBy(desc(importBatch.id))
    .limit(1)
    .get();
  return r?.id ?? null;
}

function scopeOf(text: string): KindScope {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null ? (v as KindScope) : {};
  } catch {
    return {};
  }
}

export function listBatches(ws: Workspace, kinds: KindRegistry, only?: number[]): ImportBatchInfo[] {
  const latest = latestRevertable(ws);
  const q = ws.db.select({ b: importBatch, cs: changeSet }).from(importBatch).innerJoin(changeSet, eq(changeSet.id, importBatch.changeSetId));
  const rows = (only ? q.where(inArray(importBatch.id, only)) : q).orderBy(desc(importBatch.id)).all();
  const undoIds = rows.map((r) => r.cs.revertedById).filter((x): x is number => x !== null);
  const undos = new Map((undoIds.length ? ws.db.select().from(changeSet).where(inArray(changeSet.id, undoIds)).all() : []).map((u) => [u.id, u]));
  return rows.map(({ b, cs }) => {
    const undo = cs.revertedById !== null ? undos.get(cs.revertedById) : undefined;
    const isLatest = b.id === latest;
    const locked = isLatest ? lockedScopesOf(ws, b.changeSetId) : [];
    return {
      id: b.id,
      changeSetId: b.changeSetId,
      kind: b.kind,
      kindTitle: kinds.has(b.kind) ? kinds.get(b.kind).title : b.kind,
      fileName: b.fileName,
      fileHash: b.fileHash,
      who: b.who,
      at: b.at,
      scope: scopeOf(b.scope),
      scopeLabel: b.scopeLabel,
      added: b.added,
      changed: b.changed,
      deleted: b.deleted,
      conflictsResolved: b.conflictsResolved,
      revertedAt: undo?.at ?? null,
      revertedBy: undo?.who ?? null,
      canRevert: isLatest && locked.length === 0,
      blockedBy: isLatest && locked.length ? locked.join('; ') : null,
    };
  });
}

export function batchInfo(ws: Workspace, kinds: KindRegistry, id: number): ImportBatchInfo {
  return listBatches(ws, kinds, [id])[0]!;
}

/** Replays the batch's change set backwards; refused if a later change touched the same figures. */
export function revertBatch(ws: Workspace, batchId: number): void {
  const b = ws.db.select().from(importBatch).where(eq(importBatch.id, batchId)).get();
  if (!b) throw new AppError('NOT_FOUND', `There is no import batch ${batchId}.`);
  const cs = ws.db.select().from(changeSet).where(eq(changeSet.id, b.changeSetId)).get()!;
  if (cs.revertedById !== null) throw new AppError('INVALID_INPUT', `The import of ${b.fileName} has already been reverted.`);
  if (latestRevertable(ws) !== batchId) {
    throw new AppError('INVALID_INPUT', `Only the latest import can be reverted; revert the imports after ${b.fileName} first.`);
  }
  reverse(ws, cs, `Revert import: ${b.fileName}`);
}
