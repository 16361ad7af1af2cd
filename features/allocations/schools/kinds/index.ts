import type { KindDef } from '../../../../electron/server/workbooks/engine/kind';
import { schoolDataKind } from './school-data';
import { schoolsKind } from './schools';

/** The schools area's workbooks: the schools with their partnership and buy-in, and their data. */
// biome-ignore lint/suspicious/noExplicitAny: each kind has its own scope type
export const SCHOOL_KINDS: ReadonlyArray<KindDef<any>> = [schoolsKind, schoolDataKind];
