import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/**
 * SQLite keeps whatever it is given in an INTEGER column, 7.5 included: this is the rule that
 * money (whole pence) and periods are whole numbers, held by the database itself, so no bug
 * above it can store half a penny or period 7.5. Nullable columns may also be NULL.
 */
export function wholeNumbers(...columns: SQLiteColumn[]): SQL {
  const parts = columns.map((c) => (c.notNull ? sql`typeof(${c}) = 'integer'` : sql`(${c} IS NULL OR typeof(${c}) = 'integer')`));
  return sql.join(parts, sql` AND `);
}
