import { z } from 'zod';
import { channel, empty, recordId, requiredText, text } from '../../electron/shared/contract-kit';
import type { BudgetLineInfo, ProvisionGroupInfo, S251LineInfo } from './types';

export const linesContract = {
  listS251Lines: channel(empty).returns<S251LineInfo[]>(),
  listGroups: channel(empty).returns<ProvisionGroupInfo[]>(),
  listLines: channel(z.strictObject({ includeInactive: z.boolean().optional() })).returns<BudgetLineInfo[]>(),
  saveLine: channel(
    z.strictObject({
      id: recordId.optional(),
      code: requiredText(40),
      name: requiredText(200),
      s251Code: text(20).nullable(),
      groupId: recordId,
      sortOrder: z.int().min(0).optional(),
      holder: text(200),
      active: z.boolean(),
    }),
  ).returns<BudgetLineInfo>(),
};
