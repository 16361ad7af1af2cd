import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, check } from 'drizzle-orm/sqlite-core';

/**
 * edit and import: changes a user can undo. status: locking or unlocking something (closing a
 * year), a deliberate act with a reason, reversed only by the opposite act. undo: reverses a
 * change set; redo: reverses an undo. system, demo: as named.
 */
export const CHANGE_KINDS = ['edit', 'status', 'undo', 'redo', 'import', 'system', 'demo'] as const;

/** One user action (an edit, a paste, an import): the unit that undo and revert work on. */
export const changeSet = sqliteTable(
  'change_set',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    who: text('who').notNull(),
    kind: text('kind', { enum: CHANGE_KINDS }).notNull(),
    label: text('label').notNull(),
    /** For an undo: the change set it reverted. */
    revertsId: integer('reverts_id'),
    /** Set on a change set once it has been undone. */
    revertedById: integer('reverted_by_id'),
  },
  (t) => [check('change_set_kind', sql`${t.kind} IN ('edit', 'status', 'undo', 'redo', 'import', 'system', 'demo')`)],
);

/**
 * One field changed, or one row inserted or deleted (field '*', value = the row as JSON).
 * Values are JSON so that pence, text and null all round-trip exactly.
 */
export const auditEntry = sqliteTable(
  'audit_entry',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    changeSetId: integer('change_set_id')
      .notNull()
      .references(() => changeSet.id),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
    /** The record whose lock covers this row ("financial_year:2024-25"): a change under a lock cannot be undone. */
    scope: text('scope'),
    /** The record whose history this entry belongs to ("budget_line:12"). */
    subject: text('subject'),
    /** Qualifies the field's name in the history ("P7" for a forecast). */
    part: text('part'),
  },
  (t) => [
    index('audit_entry_change_set').on(t.changeSetId),
    index('audit_entry_entity').on(t.entity, t.entityId),
    index('audit_entry_subject').on(t.subject, t.scope),
  ],
);
