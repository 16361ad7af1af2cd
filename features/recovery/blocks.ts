import type { AnyBlockKind } from '../../electron/server/documents/block-kind';
import { agreementDecisionsBlock } from './agreements/blocks';
import { PLAN_BLOCKS } from './plan/blocks';
import { registerBlock } from './register/blocks';

/** Live blocks a paper can hold: the plan, a scenario comparison, the register, agreements needing a decision. */
export const RECOVERY_BLOCKS: readonly AnyBlockKind[] = [...PLAN_BLOCKS, registerBlock, agreementDecisionsBlock];
