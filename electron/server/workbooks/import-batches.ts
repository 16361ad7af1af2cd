/** The history of applied imports, and reverting the latest one. */
import { desc, eq, inArray, isNull } from 'drizzle-orm';
import { changeSet } from '../../../db/schema';
import { importBatch } from '../../../db/schema/imports';
import { AppError } from '../../shared/errors';
import type { ImportBatchInfo, KindName } from '../../shared/workbook-types';
import { closedYearsOf, revertChangeSet } from '../audit/undo';
import type { Workspace } from '../workspace';

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

export function listBatches(ws: Workspace, only?: number[]): ImportBatchInfo[] {
  const latest = latestRevertable(ws);
  const q = ws.db.select({ b: importBatch, cs: changeSet }).from(importBatch).innerJoin(changeSet, eq(changeSet.id, importBatch.changeSetId));
  const rows = (only ? q.where(inArray(importBatch.id, only)) : q).orderBy(desc(importBatch.id)).all();
  const undoIds = rows.map((r) => r.cs.revertedById).filter((x): x is number => x !== null);
  const undos = new Map((undoIds.length ? ws.db.select().from(changeSet).where(inArray(changeSet.id, undoIds)).all() : []).map((u) => [u.id, u]));
  return rows.map(({ b, cs }) => {
    const undo = cs.revertedById !== null ? undos.get(cs.revertedById) : undefined;
    const isLatest = b.id === latest;
    const closed = isLatest ? closedYearsOf(ws, b.changeSetId) : [];
    return {
      id: b.id,
      changeSetId: b.changeSetId,
      kind: b.kind as KindName,
      fileName: b.fileName,
      fileHash: b.fileHash,
      who: b.who,
      at: b.at,
      year: b.yearId,
      period: b.period,
      added: b.added,
      changed: b.changed,
      deleted: b.deleted,
      conflictsResolved: b.conflictsResolved,
      revertedAt: undo?.at ?? null,
      revertedBy: undo?.who ?? null,
      canRevert: isLatest && closed.length === 0,
      blockedBy: isLatest && closed.length ? `${closed.join(', ')} ${closed.length > 1 ? 'are' : 'is'} closed` : null,
    };
  });
}

export function batchInfo(ws: Workspace, id: number): ImportBatchInfo {
  return listBatches(ws, [id])[0]!;
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
  ws.write(
    'undo',
    `Revert import: ${b.fileName}`,
    (rec) => {
      revertChangeSet(rec, ws, cs.id, `Import of ${b.fileName}`);
      ws.db.update(changeSet).set({ revertedById: rec.id }).where(eq(changeSet.id, cs.id)).run();
    },
    { revertsId: cs.id },
  );
}
