import { z } from 'zod';
import { channel, empty, isoDate, pence, recordId, requiredText, signedPence, text, yearField } from '../../electron/shared/contract-kit';
import type { AllocationView, ContributionInfo, YearInfo } from './types';

export const yearsContract = {
  listYears: channel(empty).returns<YearInfo[]>(),
  createYear: channel(
    z.strictObject({
      year: yearField,
      openingBalancePence: signedPence.optional(),
      /** Copy the budget lines' revised budgets from this year as the new original budgets. */
      copyBudgetsFrom: yearField.optional(),
    }),
  ).returns<YearInfo>(),
  /** Closing locks the year's figures; reopening needs a reason too, kept in the audit trail. */
  setYearStatus: channel(z.strictObject({ year: yearField, status: z.enum(['open', 'closed']), reason: requiredText(500) })).returns<YearInfo>(),
  setOpeningBalance: channel(z.strictObject({ year: yearField, openingBalancePence: signedPence })).returns<YearInfo>(),

  getAllocations: channel(z.strictObject({ year: yearField })).returns<AllocationView>(),
  saveAllocation: channel(
    z.strictObject({
      year: yearField,
      block: z.enum(['schools', 'cssb', 'hnb', 'early_years']),
      allocationPence: pence,
      deductionsPence: pence,
      adjustmentsPence: signedPence,
      transfersPence: signedPence,
    }),
  ).returns<AllocationView>(),
  addAllocationVersion: channel(z.strictObject({ year: yearField, publishedOn: isoDate, label: requiredText(200) })).returns<AllocationView>(),
  listContributions: channel(z.strictObject({ year: yearField })).returns<ContributionInfo[]>(),
  saveContribution: channel(
    z.strictObject({
      id: recordId.optional(),
      year: yearField,
      kind: z.enum(['safety_valve', 'council', 'other']),
      amountPence: pence,
      note: text(500),
    }),
  ).returns<ContributionInfo>(),
  deleteContribution: channel(z.strictObject({ id: recordId })).returns<{ deleted: number }>(),
};
