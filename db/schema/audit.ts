import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, check } from 'drizzle-orm/sqlite-core';

/**
 * edit: undoable user changes. status: closing or reopening a year, a deliberate act with a
 * reason, reversed only by the opposite act. undo, import, system, demo: as named.
 */
export const CHANGE_KINDS = ['edit', 'status', 'undo', 'import', 'system', 'demo'] as const;

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
  (t) => [check('change_set_kind', sql`${t.kind} IN ('edit', 'status', 'undo', 'import', 'system', 'demo')`)],
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
    /** Context, so a line's history can be read without decoding every entity. */
    yearId: text('year_id'),
    lineId: integer('line_id'),
    period: integer('period'),
  },
  (t) => [index('audit_entry_change_set').on(t.changeSetId), index('audit_entry_line').on(t.lineId), index('audit_entry_entity').on(t.entity, t.entityId)],
);
