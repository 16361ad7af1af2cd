import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, check, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { financialYear } from '../years/schema';
import { budgetLine } from '../lines/schema';
import { wholeNumbers } from '../../db/schema/checks';

/** A line's budget for a year: original, and revised after virements. */
export const budget = sqliteTable(
  'budget',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id')
      .notNull()
      .references(() => financialYear.id, { onDelete: 'cascade' }),
    lineId: integer('line_id')
      .notNull()
      .references(() => budgetLine.id),
    originalPence: integer('original_pence').notNull().default(0),
    /** After virements. */
    revisedPence: integer('revised_pence').notNull().default(0),
  },
  (t) => [uniqueIndex('budget_year_line').on(t.yearId, t.lineId), check('budget_whole_pence', wholeNumbers(t.originalPence, t.revisedPence))],
);

/** One line's monthly return: forecast outturn, actual spend to date, commentary. */
export const forecast = sqliteTable(
  'forecast',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id')
      .notNull()
      .references(() => financialYear.id, { onDelete: 'cascade' }),
    period: integer('period').notNull(),
    lineId: integer('line_id')
      .notNull()
      .references(() => budgetLine.id),
    /** Null when only actuals or commentary were given: the earlier forecast still stands. */
    forecastPence: integer('forecast_pence'),
    actualPence: integer('actual_pence'),
    commentary: text('commentary'),
    /** "Reviewed, no change": the forecast standing from an earlier period is confirmed for this one. */
    reviewed: integer('reviewed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('forecast_year_period_line').on(t.yearId, t.period, t.lineId),
    index('forecast_line').on(t.lineId),
    // A line's history through a year, newest first: "the forecast standing at period P" is one
    // seek per line. Carrying forecast_pence makes that seek answer without touching the table.
    index('forecast_line_history').on(t.yearId, t.lineId, t.period, t.forecastPence),
    check('forecast_period_range', sql`${t.period} BETWEEN 1 AND 12`),
    // Forecasts and actuals may be negative (income lines, accrual reversals), but never fractions.
    check('forecast_whole_numbers', wholeNumbers(t.period, t.forecastPence, t.actualPence)),
  ],
);
