import type { AnyBlockKind } from '../../electron/server/documents/block-kind';

/** Live blocks a paper can hold: a run's table, two runs compared, buy-in by cluster, the returns' position. */
export const ALLOCATION_BLOCKS: readonly AnyBlockKind[] = [];
