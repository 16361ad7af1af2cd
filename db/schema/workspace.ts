import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** One row: the identity of this workspace file (one authority). */
export const workspace = sqliteTable('workspace', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  createdBy: text('created_by').notNull(),
});

/** The workspace's settings, one row each, the value as JSON: how figures are shown, thresholds. */
export const setting = sqliteTable(
  'setting',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    value: text('value').notNull(),
  },
  (t) => [uniqueIndex('setting_key').on(t.key), check('setting_value_json', sql`json_valid(${t.value})`)],
);
