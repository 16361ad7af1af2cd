import { serverFeature } from '../../electron/server/feature';
import { ALLOCATION_BLOCKS } from './blocks';
import { ALLOCATION_KINDS } from './kinds';
import { ALLOCATION_LOCKS } from './locks';
import { returnsAudit } from './returns/audit';
import { returnHandlers } from './returns/handlers';
import { runsAudit } from './runs/audit';
import { runHandlers } from './runs/handlers';
import { schoolsAudit } from './schools/audit';
import { schoolHandlers } from './schools/handlers';

/**
 * Formula allocations to area partnerships and clusters: the schools and their data, who belongs
 * to which partnership and who buys in, allocation runs, and the partnerships' returns.
 */
export const allocationsServer = serverFeature({
  name: 'allocations',
  handlers: { ...schoolHandlers, ...runHandlers, ...returnHandlers },
  audit: [...schoolsAudit, ...runsAudit, ...returnsAudit],
  locks: ALLOCATION_LOCKS,
  kinds: ALLOCATION_KINDS,
  blocks: ALLOCATION_BLOCKS,
});
