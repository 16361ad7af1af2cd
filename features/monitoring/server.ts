import { serverFeature } from '../../electron/server/feature';
import { monitoringAudit } from './audit';
import { MONITORING_BLOCKS } from './blocks';
import { budgetHandlers } from './budget-handlers';
import { monitoringHandlers } from './handlers';
import { budgetKind } from './kinds/budget';
import { monitoringReturn } from './kinds/monitoring-return';

/** Budgets and monthly monitoring: each line's budget, and its forecast, actual and commentary per period. */
export const monitoringServer = serverFeature({
  name: 'monitoring',
  handlers: { ...budgetHandlers, ...monitoringHandlers },
  audit: monitoringAudit,
  kinds: [budgetKind, monitoringReturn],
  blocks: MONITORING_BLOCKS,
});
