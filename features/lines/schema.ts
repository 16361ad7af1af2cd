import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, check } from 'drizzle-orm/sqlite-core';

/** The DfE section 251 budget statement lines; data, because the DfE changes them. */
export const s251Line = sqliteTable('s251_line', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** Provision type: how the forum sees lines grouped, with subtotals. */
export const provisionGroup = sqliteTable('provision_group', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/** The authority's own budget lines (cost centres), each under an s251 line and a group. */
export const budgetLine = sqliteTable(
  'budget_line',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    s251Code: text('s251_code').references(() => s251Line.code, { onUpdate: 'cascade' }),
    groupId: integer('group_id')
      .notNull()
      .references(() => provisionGroup.id),
    sortOrder: integer('sort_order').notNull(),
    /** Budget holder responsible for the forecast; used to send each holder their lines. */
    holder: text('holder').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [check('budget_line_code_not_blank', sql`length(trim(${t.code})) > 0`)],
);
