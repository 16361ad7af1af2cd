import { serverFeature } from '../../electron/server/feature';
import { POSITION_BLOCKS } from './blocks';
import { positionHandlers } from './handlers';

/** The DSG position rolled year to year, and the forum's monitoring report that ends with it. */
export const positionServer = serverFeature({ name: 'position', handlers: positionHandlers, blocks: POSITION_BLOCKS });
