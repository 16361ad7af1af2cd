import type { Statement } from 'better-sqlite3';
import type { InferInsertModel, InferSelectModel } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { type CHANGE_KINDS, changeSet } from '../../../db/schema';
import type { EntityRef } from '../../shared/entity-ref';
import { AppError } from '../../shared/errors';
import type { LockRegistry } from '../locks/locks';
import { lockedRefs } from '../locks/locks';
import { databaseRuleError, referencesToRow, stillReferredTo, type WriteSource } from './constraint-errors';
import type { AnyRow, AuditableTable, AuditedEntity, AuditRegistry } from './registry';
import { TableStatements } from './table-statements';

export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Overrides what a row's registration would say: for a row whose scope is known to the caller. */
export interface AuditContext {
  scope?: EntityRef | null;
  subject?: EntityRef | null;
  part?: string | null;
}

type Row<T extends AuditableTable> = InferSelectModel<T>;
type NewRow<T extends AuditableTable> = InferInsertModel<T>;
type Context = Required<AuditContext>;

function json(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

/**
 * Writes rows and their audit entries together. Use only inside a transaction (see
 * `Workspace.write`): the change set is created on the first real change, so a call that
 * changes nothing leaves no trace. A row whose scope is locked (a closed year) is refused here,
 * in one place, so no handler (nor an undo) can forget the rule.
 */
export class ChangeRecorder {
  private changeSetId: number | null = null;
  private insertAudit?: Statement;
  private readonly tables = new Map<AuditableTable, TableStatements>();
  private readonly locked: Set<EntityRef>;
  /** Where the rows being written come from ("Monitoring return!12"), for a database rule's message. */
  source: WriteSource | null = null;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditRegistry,
    private readonly locks: LockRegistry,
    private readonly meta: { who: string; at: string; kind: ChangeKind; label: string; revertsId?: number },
    private readonly options: { ignoreLocks?: boolean } = {},
  ) {
    this.locked = lockedRefs(db);
  }

  get id(): number | null {
    return this.changeSetId;
  }

  private ensureChangeSet(): number {
    if (this.changeSetId === null) {
      const row = this.db
        .insert(changeSet)
        .values({ at: this.meta.at, who: this.meta.who, kind: this.meta.kind, label: this.meta.label, revertsId: this.meta.revertsId ?? null })
        .returning({ id: changeSet.id })
        .get();
      this.changeSetId = row.id;
    }
    return this.changeSetId;
  }

  private contextOf(e: AuditedEntity, row: AnyRow, given?: AuditContext): Context {
    return {
      scope: given?.scope !== undefined ? given.scope : (e.scope?.(row, this.db) ?? null),
      subject: given?.subject !== undefined ? given.subject : (e.subject?.(row) ?? null),
      part: given?.part !== undefined ? given.part : (e.part?.(row) ?? null),
    };
  }

  private guard(e: AuditedEntity, ctx: Context, field?: string): void {
    if (this.options.ignoreLocks || !ctx.scope || !this.locked.has(ctx.scope)) return;
    if (field && e.writableWhenLocked?.includes(field)) return;
    throw this.locks.refusal(ctx.scope);
  }

  private entry(
    e: AuditedEntity,
    entityId: string,
    op: 'insert' | 'update' | 'delete',
    field: string,
    oldValue: unknown,
    newValue: unknown,
    ctx: Context,
  ): void {
    this.insertAudit ??= this.db.$client.prepare(
      'INSERT INTO audit_entry (change_set_id, entity, entity_id, op, field, old_value, new_value, scope, subject, part) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertAudit.run(
      this.ensureChangeSet(),
      e.entity,
      entityId,
      op,
      field,
      op === 'insert' ? null : json(oldValue),
      op === 'delete' ? null : json(newValue),
      ctx.scope,
      ctx.subject,
      ctx.part,
    );
  }

  private statements(table: AuditableTable): TableStatements {
    let st = this.tables.get(table);
    if (!st) {
      st = new TableStatements(this.db.$client, table);
      this.tables.set(table, st);
    }
    return st;
  }

  /** Runs a write, turning a broken database rule into a sentence that names where the row came from. */
  private guarded<R>(e: AuditedEntity, write: () => R): R {
    try {
      return write();
    } catch (err) {
      throw databaseRuleError(err, e.entity, this.source) ?? err;
    }
  }

  read<T extends AuditableTable>(table: T, id: Row<T>['id']): Row<T> | undefined {
    return this.statements(table).read(id) as Row<T> | undefined;
  }

  insert<T extends AuditableTable>(table: T, values: NewRow<T>, context?: AuditContext): Row<T> {
    const e = this.audit.of(table);
    this.guard(e, this.contextOf(e, values as AnyRow, context));
    const row = this.guarded(e, () => this.statements(table).insert(values as AnyRow)) as Row<T>;
    this.entry(e, String(row.id), 'insert', '*', null, row, this.contextOf(e, row as AnyRow, context));
    return row;
  }

  /** Changes only the fields whose value differs; returns the row after the change. */
  update<T extends AuditableTable>(table: T, id: Row<T>['id'], changes: Partial<Row<T>>, context?: AuditContext): { row: Row<T>; changed: string[] } {
    const e = this.audit.of(table);
    const before = this.read(table, id);
    if (!before) throw new AppError('NOT_FOUND', `No ${e.entity.replace(/_/g, ' ')} with id ${String(id)}.`);
    const ctx = this.contextOf(e, before as AnyRow, context);
    const diff: AnyRow = {};
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const old = (before as AnyRow)[field];
      if (old === value) continue;
      this.guard(e, ctx, field);
      diff[field] = value;
    }
    const changed = Object.keys(diff);
    if (changed.length === 0) return { row: before, changed };
    this.guarded(e, () => this.statements(table).update(id, diff));
    for (const field of changed) this.entry(e, String(id), 'update', field, (before as AnyRow)[field], diff[field], ctx);
    return { row: { ...before, ...diff } as Row<T>, changed };
  }

  delete<T extends AuditableTable>(table: T, id: Row<T>['id'], context?: AuditContext): Row<T> {
    const e = this.audit.of(table);
    const before = this.read(table, id);
    if (!before) throw new AppError('NOT_FOUND', `No ${e.entity.replace(/_/g, ' ')} with id ${String(id)}.`);
    const ctx = this.contextOf(e, before as AnyRow, context);
    this.guard(e, ctx);
    try {
      this.statements(table).delete(id);
    } catch (err) {
      // A reference that restricts: say what still uses the row rather than "refers to a record that does not exist".
      const uses = /FOREIGN KEY/.test(String((err as Error)?.message)) ? referencesToRow(this.db.$client, e.entity, id) : null;
      if (uses) throw stillReferredTo(e.entity, uses);
      throw databaseRuleError(err, e.entity, this.source) ?? err;
    }
    this.entry(e, String(id), 'delete', '*', before, null, ctx);
    return before;
  }
}
