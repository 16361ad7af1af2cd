import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { wholeNumbers } from '../../db/schema/checks';
import { agreement } from '../recovery/schema';
import {
  BUY_IN_STATUSES,
  PARTNERSHIP_KINDS,
  PHASES,
  RETURN_FREQUENCIES,
  RETURN_PERIODS,
  RETURN_STATUSES,
  RUN_STATUSES,
  SCHOOL_STATUSES,
  SCHOOL_TYPES,
} from './words';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const yearGlob = (c: unknown) => sql`${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'`;
const dateGlob = (c: unknown) => sql`${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;
const optionalDate = (c: unknown) => sql`(${c} IS NULL OR ${dateGlob(c)})`;

// ---------------------------------------------------------------- schools and their data

/** A school or other setting, by its DfE unique reference number. */
export const school = sqliteTable(
  'school',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    urn: integer('urn').notNull(),
    name: text('name').notNull(),
    phase: text('phase', { enum: PHASES }).notNull(),
    type: text('type', { enum: SCHOOL_TYPES }).notNull(),
    trust: text('trust').notNull().default(''),
    status: text('status', { enum: SCHOOL_STATUSES }).notNull().default('open'),
  },
  (t) => [
    uniqueIndex('school_urn').on(t.urn),
    check('school_urn_range', sql`${t.urn} BETWEEN 100000 AND 999999`),
    check('school_phase', sql`${t.phase} IN (${inList(PHASES)})`),
    check('school_type', sql`${t.type} IN (${inList(SCHOOL_TYPES)})`),
    check('school_status', sql`${t.status} IN (${inList(SCHOOL_STATUSES)})`),
    check('school_whole', wholeNumbers(t.urn)),
  ],
);

/** A column of school data a formula can weigh: pupils, FSM, IDACI bands, or any the user adds. */
export const schoolDataColumn = sqliteTable(
  'school_data_column',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Short and stable ("fsm", "idaci_a"): the command line's and the workbook's name for it. */
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('school_data_column_key').on(t.key),
    uniqueIndex('school_data_column_name').on(t.name),
    check('school_data_column_key_form', sql`${t.key} GLOB '[a-z]*' AND ${t.key} NOT GLOB '*[^a-z0-9_]*'`),
    check('school_data_column_whole', wholeNumbers(t.sortOrder)),
  ],
);

/** One school's figure in one data column for one year (a census count, a band's pupils). */
export const schoolData = sqliteTable(
  'school_data',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id').notNull(),
    schoolId: integer('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    columnId: integer('column_id')
      .notNull()
      .references(() => schoolDataColumn.id, { onDelete: 'cascade' }),
    value: real('value').notNull(),
  },
  (t) => [
    uniqueIndex('school_data_year_school_column').on(t.yearId, t.schoolId, t.columnId),
    index('school_data_by_column').on(t.columnId),
    check('school_data_year', yearGlob(t.yearId)),
    check('school_data_value', sql`${t.value} >= 0 AND ${t.value} <= 1000000000`),
  ],
);

// ---------------------------------------------------------------- partnerships, membership, buy-in

/** An area inclusion partnership, a cluster of schools, or another group funded by formula. */
export const partnership = sqliteTable(
  'partnership',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    area: text('area').notNull().default(''),
    kind: text('kind', { enum: PARTNERSHIP_KINDS }).notNull(),
    /**
     * A cluster inside an area partnership: its schools count towards the parent in a formula
     * run, while buy-in is counted cluster by cluster. One level only.
     */
    parentId: integer('parent_id').references((): AnySQLiteColumn => partnership.id, { onDelete: 'restrict' }),
    leadSchoolId: integer('lead_school_id').references(() => school.id, { onDelete: 'set null' }),
    /**
     * The agreement that funds it: its underspend condition decides what is flagged for return.
     * Restricted, so an agreement is not deleted from under a partnership (a link cleared by the
     * database itself would not come back on undo).
     */
    agreementId: integer('agreement_id').references(() => agreement.id, { onDelete: 'restrict' }),
    returnFrequency: text('return_frequency', { enum: RETURN_FREQUENCIES }).notNull().default('termly'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('partnership_name').on(t.name),
    check('partnership_kind', sql`${t.kind} IN (${inList(PARTNERSHIP_KINDS)})`),
    check('partnership_not_own_parent', sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
    check('partnership_frequency', sql`${t.returnFrequency} IN (${inList(RETURN_FREQUENCIES)})`),
  ],
);

/** Which partnership a school belongs to in a year: at most one, and it may move the next year. */
export const partnershipMember = sqliteTable(
  'partnership_member',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id').notNull(),
    schoolId: integer('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnership.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('partnership_member_year_school').on(t.yearId, t.schoolId),
    index('partnership_member_partnership').on(t.partnershipId),
    check('partnership_member_year', yearGlob(t.yearId)),
  ],
);

/** A school governing body's decision on pooling its own money into its cluster for a year. */
export const schoolBuyIn = sqliteTable(
  'school_buy_in',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id').notNull(),
    schoolId: integer('school_id')
      .notNull()
      .references(() => school.id, { onDelete: 'cascade' }),
    status: text('status', { enum: BUY_IN_STATUSES }).notNull(),
    /** The date of the governing body's decision. */
    decidedOn: text('decided_on'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('school_buy_in_year_school').on(t.yearId, t.schoolId),
    check('school_buy_in_year', yearGlob(t.yearId)),
    check('school_buy_in_status', sql`${t.status} IN (${inList(BUY_IN_STATUSES)})`),
    check('school_buy_in_date', optionalDate(t.decidedOn)),
  ],
);

// ---------------------------------------------------------------- allocation runs

/**
 * A formula allocation for a year: a pot shared by weighted factors plus places × a rate. Its
 * inputs and the data it was worked on are kept with it, so an approved run (or one a published
 * pack shows) never moves; new data makes a new run.
 */
export const allocationRun = sqliteTable(
  'allocation_run',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id').notNull(),
    name: text('name').notNull(),
    /** The pot shared by the formula, whole pounds (the allocations are rounded to whole pounds). */
    formulaPotPence: integer('formula_pot_pence').notNull(),
    /** Place funding per place, whole pounds. */
    placeRatePence: integer('place_rate_pence').notNull(),
    status: text('status', { enum: RUN_STATUSES }).notNull().default('draft'),
    approvedOn: text('approved_on'),
    approvedNote: text('approved_note').notNull().default(''),
    copiedFromId: integer('copied_from_id'),
    /** When the run last read the school data (an ISO timestamp). */
    calculatedAt: text('calculated_at').notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('allocation_run_year_name').on(t.yearId, t.name),
    check('allocation_run_year', yearGlob(t.yearId)),
    check('allocation_run_pot', sql`${t.formulaPotPence} >= 0 AND ${t.formulaPotPence} % 100 = 0`),
    check('allocation_run_rate', sql`${t.placeRatePence} >= 0 AND ${t.placeRatePence} % 100 = 0`),
    check('allocation_run_status', sql`${t.status} IN (${inList(RUN_STATUSES)})`),
    check('allocation_run_approved', optionalDate(t.approvedOn)),
    check('allocation_run_whole', wholeNumbers(t.formulaPotPence, t.placeRatePence)),
  ],
);

/** A factor of a run: its weight (basis points; a run's add up to 10,000) and name. */
export const allocationFactor = sqliteTable(
  'allocation_factor',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => allocationRun.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    weightBp: integer('weight_bp').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    uniqueIndex('allocation_factor_run_name').on(t.runId, t.name),
    check('allocation_factor_weight', sql`${t.weightBp} BETWEEN 0 AND 10000`),
    check('allocation_factor_whole', wholeNumbers(t.weightBp, t.sortOrder)),
  ],
);

/** A data column inside a factor and its weight there (FSM × 1 + IDACI band A × 0.5 …). */
export const allocationFactorColumn = sqliteTable(
  'allocation_factor_column',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The run, kept beside the factor so the row's audit scope (the run's lock) is read from the row itself. */
    runId: integer('run_id')
      .notNull()
      .references(() => allocationRun.id, { onDelete: 'cascade' }),
    factorId: integer('factor_id')
      .notNull()
      .references(() => allocationFactor.id, { onDelete: 'cascade' }),
    columnId: integer('column_id')
      .notNull()
      .references(() => schoolDataColumn.id, { onDelete: 'restrict' }),
    weight: real('weight').notNull(),
  },
  (t) => [
    uniqueIndex('allocation_factor_column_factor_column').on(t.factorId, t.columnId),
    check('allocation_factor_column_weight', sql`${t.weight} > 0 AND ${t.weight} <= 1000000`),
  ],
);

/** A partnership in a run: its places, and how many of its schools the data came from. */
export const allocationRunPartnership = sqliteTable(
  'allocation_run_partnership',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => allocationRun.id, { onDelete: 'cascade' }),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnership.id, { onDelete: 'restrict' }),
    /** The name as the run was worked out: the tie rule's order, so a later rename never moves a pound in a locked run. */
    name: text('name').notNull(),
    places: integer('places').notNull().default(0),
    schools: integer('schools').notNull().default(0),
  },
  (t) => [
    uniqueIndex('allocation_run_partnership_run_partnership').on(t.runId, t.partnershipId),
    check('allocation_run_partnership_counts', sql`${t.places} >= 0 AND ${t.schools} >= 0`),
    check('allocation_run_partnership_whole', wholeNumbers(t.places, t.schools)),
  ],
);

/**
 * The data a run was worked on: per partnership and data column, the sum of its member schools'
 * figures in ten-thousandths (so the formula is exact integer arithmetic).
 */
export const allocationRunData = sqliteTable(
  'allocation_run_data',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id')
      .notNull()
      .references(() => allocationRun.id, { onDelete: 'cascade' }),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnership.id, { onDelete: 'restrict' }),
    columnId: integer('column_id')
      .notNull()
      .references(() => schoolDataColumn.id, { onDelete: 'restrict' }),
    totalE4: integer('total_e4').notNull(),
  },
  (t) => [
    uniqueIndex('allocation_run_data_run_partnership_column').on(t.runId, t.partnershipId, t.columnId),
    check('allocation_run_data_total', sql`${t.totalE4} >= 0`),
    check('allocation_run_data_whole', wholeNumbers(t.totalE4)),
  ],
);

// ---------------------------------------------------------------- returns

/** A heading partnerships report spend under (staffing, commissioned places, outreach …). */
export const returnCategory = sqliteTable(
  'return_category',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('return_category_name').on(t.name), check('return_category_whole', wholeNumbers(t.sortOrder))],
);

/** An outcome measure partnerships report (permanent exclusions, suspensions, attendance …). */
export const returnMeasure = sqliteTable(
  'return_measure',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** What the figure counts, for the heading ("pupils", "%"). */
    unit: text('unit').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('return_measure_name').on(t.name), check('return_measure_whole', wholeNumbers(t.sortOrder))],
);

/** A partnership's return for one period of a year. */
export const partnershipReturn = sqliteTable(
  'partnership_return',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id').notNull(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnership.id, { onDelete: 'cascade' }),
    period: text('period', { enum: RETURN_PERIODS }).notNull(),
    status: text('status', { enum: RETURN_STATUSES }).notNull().default('not_sent'),
    sentOn: text('sent_on'),
    receivedOn: text('received_on'),
    checkedOn: text('checked_on'),
    placesUsed: integer('places_used'),
    commentary: text('commentary').notNull().default(''),
  },
  (t) => [
    uniqueIndex('partnership_return_year_partnership_period').on(t.yearId, t.partnershipId, t.period),
    check('partnership_return_year', yearGlob(t.yearId)),
    check('partnership_return_period', sql`${t.period} IN (${inList(RETURN_PERIODS)})`),
    check('partnership_return_status', sql`${t.status} IN (${inList(RETURN_STATUSES)})`),
    check('partnership_return_dates', sql`${optionalDate(t.sentOn)} AND ${optionalDate(t.receivedOn)} AND ${optionalDate(t.checkedOn)}`),
    check('partnership_return_places', sql`${t.placesUsed} IS NULL OR ${t.placesUsed} >= 0`),
    check('partnership_return_whole', wholeNumbers(t.placesUsed)),
  ],
);

/** Spend a return reports under one category, in pence. */
export const returnSpend = sqliteTable(
  'return_spend',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id')
      .notNull()
      .references(() => partnershipReturn.id, { onDelete: 'cascade' }),
    categoryId: integer('category_id')
      .notNull()
      .references(() => returnCategory.id, { onDelete: 'restrict' }),
    amountPence: integer('amount_pence').notNull(),
  },
  (t) => [uniqueIndex('return_spend_return_category').on(t.returnId, t.categoryId), check('return_spend_whole', wholeNumbers(t.amountPence))],
);

/** A figure a return reports for one outcome measure. */
export const returnMeasureValue = sqliteTable(
  'return_measure_value',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    returnId: integer('return_id')
      .notNull()
      .references(() => partnershipReturn.id, { onDelete: 'cascade' }),
    measureId: integer('measure_id')
      .notNull()
      .references(() => returnMeasure.id, { onDelete: 'restrict' }),
    value: real('value').notNull(),
  },
  (t) => [uniqueIndex('return_measure_value_return_measure').on(t.returnId, t.measureId)],
);

/** A partnership's year: the approved development plan that keeps an underspend from being returned. */
export const partnershipYear = sqliteTable(
  'partnership_year',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    yearId: text('year_id').notNull(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnership.id, { onDelete: 'cascade' }),
    developmentPlanApprovedOn: text('development_plan_approved_on'),
    developmentPlanNote: text('development_plan_note').notNull().default(''),
  },
  (t) => [
    uniqueIndex('partnership_year_year_partnership').on(t.yearId, t.partnershipId),
    check('partnership_year_year', yearGlob(t.yearId)),
    check('partnership_year_plan', optionalDate(t.developmentPlanApprovedOn)),
  ],
);
