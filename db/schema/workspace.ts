import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** One row: the identity of this workspace file (one authority). */
export const workspace = sqliteTable('workspace', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});
