import type { AnyBlockKind } from '../../electron/server/documents/block-kind';
import { returnsPositionBlock } from './returns/blocks';
import { RUN_BLOCKS } from './runs/blocks';
import { buyInBlock } from './schools/blocks';

/** Live blocks a paper can hold: a run's table, two runs compared, buy-in by cluster, the returns' position. */
export const ALLOCATION_BLOCKS: readonly AnyBlockKind[] = [...RUN_BLOCKS, buyInBlock, returnsPositionBlock];
