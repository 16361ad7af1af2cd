import type { KindDef } from '../../electron/server/workbooks/engine/kind';
import { partnershipReturnKind } from './returns/kinds/partnership-return';
import { SCHOOL_KINDS } from './schools/kinds';

/** The feature's round-trip workbook kinds, one line each (each area's kinds). */
// biome-ignore lint/suspicious/noExplicitAny: each kind has its own scope type
export const ALLOCATION_KINDS: ReadonlyArray<KindDef<any>> = [partnershipReturnKind, ...SCHOOL_KINDS];
