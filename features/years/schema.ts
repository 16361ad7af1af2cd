import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, check, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { wholeNumbers } from '../../db/schema/checks';

/** A financial year, April to March, keyed as "2024-25". Closing it is a lock (db/schema/locks.ts). */
export const financialYear = sqliteTable(
  'financial_year',
  {
    id: text('id').primaryKey(),
    startDate: text('start_date').notNull(),
    endDate: text('end_date').notNull(),
    /** Only read for the earliest year: later years take the previous year's carried forward. */
    openingBalancePence: integer('opening_balance_pence'),
  },
  (t) => [
    check('financial_year_id_format', sql`${t.id} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'`),
    check('financial_year_whole_pence', wholeNumbers(t.openingBalancePence)),
  ],
);

export const DSG_BLOCKS = ['schools', 'cssb', 'hnb', 'early_years'] as const;
export const CONTRIBUTION_KINDS = ['safety_valve', 'council', 'other'] as const;

/** The DfE republishes allocations during the year: each publication is kept with its date. */
export const allocationVersion = sqliteTable(
  'allocation_version',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id')
      .notNull()
      .references(() => financialYear.id, { onDelete: 'cascade' }),
    publishedOn: text('published_on').notNull(),
    label: text('label').notNull(),
  },
  (t) => [index('allocation_version_year').on(t.yearId, t.publishedOn)],
);

export const allocation = sqliteTable(
  'allocation',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => allocationVersion.id, { onDelete: 'cascade' }),
    block: text('block', { enum: DSG_BLOCKS }).notNull(),
    allocationPence: integer('allocation_pence').notNull().default(0),
    /** Recoupment: places the DfE funds directly in academies and colleges. */
    deductionsPence: integer('deductions_pence').notNull().default(0),
    /** Import/export adjustments for pupils crossing LA borders; either sign. */
    adjustmentsPence: integer('adjustments_pence').notNull().default(0),
    /** Block transfers: positive in, negative out. */
    transfersPence: integer('transfers_pence').notNull().default(0),
  },
  (t) => [
    uniqueIndex('allocation_version_block').on(t.versionId, t.block),
    check('allocation_block', sql`${t.block} IN ('schools', 'cssb', 'hnb', 'early_years')`),
    check('allocation_nonnegative', sql`${t.allocationPence} >= 0 AND ${t.deductionsPence} >= 0`),
    check('allocation_whole_pence', wholeNumbers(t.allocationPence, t.deductionsPence, t.adjustmentsPence, t.transfersPence)),
  ],
);

/** Money paid towards the cumulative deficit: Safety Valve instalments, council contributions. */
export const deficitContribution = sqliteTable(
  'deficit_contribution',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id')
      .notNull()
      .references(() => financialYear.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CONTRIBUTION_KINDS }).notNull(),
    amountPence: integer('amount_pence').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    index('deficit_contribution_year').on(t.yearId),
    check('deficit_contribution_kind', sql`${t.kind} IN ('safety_valve', 'council', 'other')`),
    check('deficit_contribution_positive', sql`${t.amountPence} >= 0`),
    check('deficit_contribution_whole_pence', wholeNumbers(t.amountPence)),
  ],
);
