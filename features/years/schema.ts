import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, check } from 'drizzle-orm/sqlite-core';

/** A financial year, April to March, keyed as "2024-25". */
export const financialYear = sqliteTable(
  'financial_year',
  {
    id: text('id').primaryKey(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    /** Only read for the earliest year: later years take the previous year's carried forward. */
    openingBalancePence: integer('opening_balance_pence'),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
    statusReason: text('status_reason'),
  },
  (t) => [
    check('financial_year_id_format', sql`${t.id} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'`),
    check('financial_year_status', sql`${t.status} IN ('open', 'closed')`),
  ],
);
