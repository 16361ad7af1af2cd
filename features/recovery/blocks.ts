import type { AnyBlockKind } from '../../electron/server/documents/block-kind';

/** Live blocks a paper can hold: the plan, a scenario comparison, the register, agreements needing a decision. */
export const RECOVERY_BLOCKS: readonly AnyBlockKind[] = [];
