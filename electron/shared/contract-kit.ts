/**
 * What every feature's contract slice is written with: the channel helper and the field rules,
 * each with a message a finance lead can act on. A slice is `{ name: channel(input).returns<R>() }`;
 * electron/shared/contract.ts joins the slices into the one contract.
 */
import { z } from 'zod';
import { isYearId } from './periods';

const MAX_PENCE = 1_000_000_000_000_00; // £1tn: far beyond any LA budget, well inside 2^53.

export const yearField = z
  .string({ error: 'must be a financial year such as 2024-25' })
  .refine(isYearId, { error: 'must be a financial year such as 2024-25 (April to March)' });

export const periodField = z
  .int({ error: 'must be a period number from 1 (April) to 12 (March)' })
  .min(1, { error: 'must be a period from P1 (April) to P12 (March)' })
  .max(12, { error: 'must be a period from P1 (April) to P12 (March)' });

/** Money in pence, either sign: income lines, credits, recharges and reversals are negative. */
export const signedPence = z
  .int({ error: 'must be a whole number of pence' })
  .min(-MAX_PENCE, { error: 'is too large' })
  .max(MAX_PENCE, { error: 'is too large' });

/** Money in pence that may not be negative (an allocation, a contribution). */
export const pence = z.int({ error: 'must be a whole number of pence' }).min(0, { error: 'must not be negative' }).max(MAX_PENCE, { error: 'is too large' });

export const recordId = z.int({ error: 'must be a record id' }).positive({ error: 'must be a record id' });
export const text = (max: number) => z.string({ error: 'must be text' }).max(max, { error: `must be at most ${max} characters` });
export const requiredText = (max: number) => text(max).trim().min(1, { error: 'must not be blank' });
export const isoDate = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });
export const empty = z.strictObject({});
/** A file's bytes, as the window sends them: a 50 MB workbook is about 67 MB of base64. */
export const fileBytes = z.strictObject({ fileName: requiredText(255), base64: z.string().max(200_000_000) });

export interface Channel<I extends z.ZodType, O, H extends boolean> {
  input: I;
  /** Handled by the host (Electron main or the web host), not the domain server. */
  host: H;
  /** Phantom: carries the result type only; never set. */
  readonly output?: { value: O };
}

export type AnyChannel = Channel<z.ZodType, unknown, boolean>;

export function channel<I extends z.ZodType>(input: I) {
  return {
    returns: <O>(): Channel<I, O, false> => ({ input, host: false }),
    hostReturns: <O>(): Channel<I, O, true> => ({ input, host: true }),
  };
}
