import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Whether a record is locked against change: a closed year, a published pack, an approved
 * allocation run. Any entity can be locked; the rows that belong to it (its scope, as each
 * audited table declares) are refused while it is. A lock that is lifted keeps its row, with
 * the reason it was lifted, so "why is this open again?" has an answer.
 */
export const lock = sqliteTable(
  'lock',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    locked: integer('locked', { mode: 'boolean' }).notNull(),
    reason: text('reason').notNull(),
    changedAt: text('changed_at').notNull(),
    changedBy: text('changed_by').notNull(),
  },
  (t) => [uniqueIndex('lock_entity').on(t.entity, t.entityId), check('lock_reason_not_blank', sql`length(trim(${t.reason})) > 0`)],
);
