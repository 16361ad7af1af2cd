/**
 * Locks on any entity: a closed year, a published pack, an approved allocation run. A feature
 * declares the kinds of lock it uses (the words for "closed"), and its audited tables declare
 * which record's lock covers each row; the change recorder then refuses a change under a lock,
 * in one place, so no handler (nor an undo) can forget the rule.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { lock } from '../../../db/schema/locks';
import { type EntityRef, entityRef, splitRef } from '../../shared/entity-ref';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { ChangeRecorder } from '../audit/recorder';

export interface LockKind {
  /** The entity locked, as its table is named. */
  entity: string;
  /** The sentence for a change refused under the lock, naming the record and how to unlock it. */
  refusal: (id: string) => string;
  /** Short, for "cannot be undone: 2024-25 is closed". */
  state: (id: string) => string;
  code?: ErrorCode;
}

export class LockRegistry {
  private readonly kinds = new Map<string, LockKind>();

  constructor(kinds: readonly LockKind[]) {
    for (const k of kinds) {
      if (this.kinds.has(k.entity)) throw new Error(`Two features define the lock on ${k.entity}`);
      this.kinds.set(k.entity, k);
    }
  }

  /** The error for a change refused under a lock. */
  refusal(ref: EntityRef): AppError {
    const { entity, id } = splitRef(ref);
    const kind = this.kinds.get(entity);
    const message = kind ? kind.refusal(id) : `${ref} is locked, so it cannot change.`;
    return new AppError(kind?.code ?? 'LOCKED', message, {
      issues: [{ field: entity, rule: 'must not be locked', message: kind?.state(id) ?? `${ref} is locked` }],
    });
  }

  /** "2024-25 is closed" */
  state(ref: EntityRef): string {
    const { entity, id } = splitRef(ref);
    return this.kinds.get(entity)?.state(id) ?? `${ref} is locked`;
  }
}

/** Every record locked now, as entity references. The lock table is small: read it whole. */
export function lockedRefs(db: Db): Set<EntityRef> {
  const rows = db.$client.prepare('SELECT entity, entity_id FROM lock WHERE locked = 1').raw().all() as Array<[string, string]>;
  return new Set(rows.map(([e, id]) => entityRef(e, id)));
}

export interface LockState {
  locked: boolean;
  reason: string;
  changedAt: string;
  changedBy: string;
}

/** Each record of an entity with a lock row, locked or since unlocked, by id. */
export function lockStates(db: Db, entity: string): Map<string, LockState> {
  return new Map(
    db
      .select()
      .from(lock)
      .where(eq(lock.entity, entity))
      .all()
      .map((l) => [l.entityId, { locked: l.locked, reason: l.reason, changedAt: l.changedAt, changedBy: l.changedBy }]),
  );
}

/**
 * Locks or unlocks a record, with the reason, through the recorder (so it is audited). Call in
 * a change set of kind 'status': it is a deliberate act, reversed only by the opposite act.
 */
export function setLock(rec: ChangeRecorder, db: Db, entity: string, id: string, locked: boolean, reason: string, by: { who: string; at: string }): void {
  const existing = db
    .select({ id: lock.id })
    .from(lock)
    .where(and(eq(lock.entity, entity), eq(lock.entityId, id)))
    .get();
  const values = { locked, reason, changedAt: by.at, changedBy: by.who };
  if (existing) rec.update(lock, existing.id, values, { subject: entityRef(entity, id) });
  else rec.insert(lock, { entity, entityId: id, ...values }, { subject: entityRef(entity, id) });
}
