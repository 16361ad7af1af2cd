import { z } from 'zod';
import type { FileBytes } from '../../electron/shared/types';
import { channel, isoDate, pence, recordId, requiredText, signedPence, text, yearField } from '../../electron/shared/contract-kit';
import type {
  BuyInCount,
  DataColumnInfo,
  PartnershipInfo,
  ReturnCategoryInfo,
  ReturnInfo,
  ReturnMeasureInfo,
  ReturnsOverview,
  RunCompare,
  RunDetail,
  RunInfo,
  SchoolInfo,
  SchoolsOverview,
} from './types';
import {
  BUY_IN_STATUSES,
  MAX_DATA_VALUE,
  MAX_FACTORS,
  PARTNERSHIP_KINDS,
  PHASES,
  RETURN_FREQUENCIES,
  RETURN_STATUSES,
  SCHOOL_STATUSES,
  SCHOOL_TYPES,
} from './words';

const optionalDate = isoDate.nullable();
/** At most four decimal places: the formula works in ten-thousandths, exactly. */
const fourDp = (n: number) => Math.abs(n * 10_000 - Math.round(n * 10_000)) < 1e-6;
export const dataValue = z
  .number({ error: 'must be a number' })
  .finite({ error: 'must be a number' })
  .min(0, { error: 'must not be negative' })
  .max(MAX_DATA_VALUE, { error: 'is too large' })
  .refine(fourDp, { error: 'must have at most four decimal places' });
export const urnField = z
  .int({ error: 'must be a six-digit URN' })
  .min(100000, { error: 'must be a six-digit URN' })
  .max(999999, { error: 'must be a six-digit URN' });
/** Whole pounds, in pence: the formula's pot and the place rate. */
const wholePounds = pence.refine((p) => p % 100 === 0, { error: 'must be whole pounds' });
const columnKey = z
  .string({ error: 'must be text' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: 'must start with a letter and hold only letters, digits and _ (at most 40)' });

export const factorInput = z.strictObject({
  name: requiredText(80),
  weightBp: z
    .int({ error: 'must be a percentage to two decimal places' })
    .min(0, { error: 'must not be negative' })
    .max(10_000, { error: 'must not be above 100%' }),
  columns: z
    .array(
      z.strictObject({
        columnId: recordId,
        weight: z.number({ error: 'must be a number' }).finite().gt(0, { error: 'must be more than nought' }).max(1_000_000).refine(fourDp, {
          error: 'must have at most four decimal places',
        }),
      }),
    )
    .min(1, { error: 'must weigh at least one data column' })
    .max(50),
});
const runInputs = {
  formulaPotPence: wholePounds,
  placeRatePence: wholePounds,
  factors: z
    .array(factorInput)
    .min(1, { error: 'must have at least one factor' })
    .max(MAX_FACTORS, { error: `must have at most ${MAX_FACTORS} factors` }),
  /** Places per partnership; a partnership left out has none. */
  places: z
    .array(
      z.strictObject({
        partnershipId: recordId,
        places: z.int({ error: 'must be a whole number of places' }).min(0, { error: 'must not be negative' }).max(100_000),
      }),
    )
    .max(10_000),
  note: text(2000).optional(),
};

export const allocationsContract = {
  // Schools and their data
  listSchools: channel(z.strictObject({ year: yearField })).returns<SchoolsOverview>(),
  saveSchool: channel(
    z.strictObject({
      id: recordId.optional(),
      urn: urnField,
      name: requiredText(200),
      phase: z.enum(PHASES, { error: 'must be a phase of education' }),
      type: z.enum(SCHOOL_TYPES, { error: 'must be maintained, academy, special, PRU or AP' }),
      trust: text(200).default(''),
      status: z.enum(SCHOOL_STATUSES, { error: 'must be open or closed' }).default('open'),
    }),
  ).returns<SchoolInfo>(),
  deleteSchool: channel(z.strictObject({ id: recordId })).returns<{ deleted: true }>(),
  listDataColumns: channel(z.strictObject({})).returns<DataColumnInfo[]>(),
  saveDataColumn: channel(
    z.strictObject({
      id: recordId.optional(),
      key: columnKey,
      name: requiredText(80),
      description: text(500).default(''),
      sortOrder: z.int().min(0).max(10_000).optional(),
    }),
  ).returns<DataColumnInfo>(),
  deleteDataColumn: channel(z.strictObject({ id: recordId })).returns<{ deleted: true }>(),
  /** One school's figures for a year, by column id; null clears a figure. */
  setSchoolData: channel(z.strictObject({ year: yearField, schoolId: recordId, values: z.record(z.string().regex(/^\d+$/), dataValue.nullable()) })).returns<
    SchoolsOverview['schools'][number]
  >(),

  // Partnerships, membership and buy-in
  listPartnerships: channel(z.strictObject({ year: yearField.optional() })).returns<PartnershipInfo[]>(),
  savePartnership: channel(
    z.strictObject({
      id: recordId.optional(),
      name: requiredText(120),
      area: text(120).default(''),
      kind: z.enum(PARTNERSHIP_KINDS, { error: 'must be an area inclusion partnership, a cluster or other' }),
      parentId: recordId.nullable().default(null),
      leadSchoolId: recordId.nullable().default(null),
      agreementId: recordId.nullable().default(null),
      returnFrequency: z.enum(RETURN_FREQUENCIES, { error: 'must be termly or annual' }).default('termly'),
      note: text(2000).default(''),
    }),
  ).returns<PartnershipInfo>(),
  deletePartnership: channel(z.strictObject({ id: recordId })).returns<{ deleted: true }>(),
  /**
   * Puts a school in a partnership for a year (null: in none). A school already in another
   * partnership that year is refused, naming both, unless `move` says to move it.
   */
  setMembership: channel(
    z.strictObject({ year: yearField, schoolId: recordId, partnershipId: recordId.nullable(), move: z.boolean().default(false) }),
  ).returns<{ saved: true }>(),
  /** Copies one year's membership (and, if asked, its school data) to another year that has none. */
  copyMembership: channel(z.strictObject({ fromYear: yearField, toYear: yearField, withData: z.boolean().default(false) })).returns<{ schools: number }>(),
  setBuyIn: channel(
    z.strictObject({
      year: yearField,
      schoolId: recordId,
      status: z.enum(BUY_IN_STATUSES, { error: 'must be bought in, yet to decide or leaving' }).nullable(),
      decidedOn: optionalDate.default(null),
      note: text(2000).default(''),
    }),
  ).returns<{ saved: true }>(),
  buyInByCluster: channel(z.strictObject({ year: yearField })).returns<BuyInCount[]>(),

  // Allocation runs
  listRuns: channel(z.strictObject({ year: yearField.optional() })).returns<RunInfo[]>(),
  getRun: channel(z.strictObject({ runId: recordId })).returns<RunDetail>(),
  createRun: channel(z.strictObject({ year: yearField, name: requiredText(120), ...runInputs })).returns<RunDetail>(),
  /** Changes a draft run's inputs and works it out again on today's data. */
  updateRun: channel(z.strictObject({ runId: recordId, name: requiredText(120).optional(), ...runInputs })).returns<RunDetail>(),
  /** Works a draft run out again on today's school data and membership. */
  recalculateRun: channel(z.strictObject({ runId: recordId })).returns<RunDetail>(),
  /** A new draft run with the same inputs, on today's data (the way to change a locked run). */
  copyRun: channel(z.strictObject({ runId: recordId, name: requiredText(120), year: yearField.optional() })).returns<RunDetail>(),
  approveRun: channel(z.strictObject({ runId: recordId, approvedOn: isoDate, note: text(2000).default('') })).returns<RunDetail>(),
  deleteRun: channel(z.strictObject({ runId: recordId })).returns<{ deleted: true }>(),
  /**
   * b against a, partnership by partnership; without `b`, `a` against the previous year's run
   * (returned with last year's run as `a` and the given run as `b`, so the difference reads as the change).
   */
  compareRuns: channel(z.strictObject({ a: recordId, b: recordId.optional() })).returns<RunCompare>(),
  /** The run's results as a workbook: allocations by factor and places, the factors, the data it was worked on. */
  buildAllocationWorkbook: channel(z.strictObject({ runId: recordId })).returns<FileBytes>(),
  /** The run's inputs as a workbook (pot, rate, factors, places), to edit and read back with `hnb allocate --from`. */
  buildRunInputsWorkbook: channel(z.strictObject({ runId: recordId })).returns<FileBytes>(),

  // Returns
  listReturns: channel(z.strictObject({ year: yearField })).returns<ReturnsOverview>(),
  /** Makes the year's returns (one per period of each partnership with an allocation) that do not yet exist. */
  setUpReturns: channel(z.strictObject({ year: yearField, partnershipId: recordId.optional() })).returns<ReturnsOverview>(),
  /** Changes only the figures given (null clears one); figures that change in a return not sent or sent mark it received today. */
  saveReturn: channel(
    z.strictObject({
      returnId: recordId,
      spend: z.record(z.string().regex(/^\d+$/), signedPence.nullable()).optional(),
      placesUsed: z.int({ error: 'must be a whole number of places' }).min(0, { error: 'must not be negative' }).max(100_000).nullable().optional(),
      measures: z.record(z.string().regex(/^\d+$/), z.number({ error: 'must be a number' }).finite().min(-1e9).max(1e9).nullable()).optional(),
      commentary: text(10_000).optional(),
    }),
  ).returns<ReturnInfo>(),
  setReturnStatus: channel(
    z.strictObject({
      returnId: recordId,
      status: z.enum(RETURN_STATUSES, { error: 'must be not sent, sent, received or checked' }),
      on: optionalDate.default(null),
    }),
  ).returns<ReturnInfo>(),
  setDevelopmentPlan: channel(
    z.strictObject({ year: yearField, partnershipId: recordId, approvedOn: optionalDate, note: text(2000).default('') }),
  ).returns<ReturnsOverview>(),
  listReturnHeadings: channel(z.strictObject({})).returns<{ categories: ReturnCategoryInfo[]; measures: ReturnMeasureInfo[] }>(),
  saveReturnCategory: channel(
    z.strictObject({ id: recordId.optional(), name: requiredText(80), sortOrder: z.int().min(0).max(10_000).optional() }),
  ).returns<ReturnCategoryInfo>(),
  deleteReturnCategory: channel(z.strictObject({ id: recordId })).returns<{ deleted: true }>(),
  saveReturnMeasure: channel(
    z.strictObject({ id: recordId.optional(), name: requiredText(80), unit: text(20).default(''), sortOrder: z.int().min(0).max(10_000).optional() }),
  ).returns<ReturnMeasureInfo>(),
  deleteReturnMeasure: channel(z.strictObject({ id: recordId })).returns<{ deleted: true }>(),
};
