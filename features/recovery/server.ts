import { serverFeature } from '../../electron/server/feature';
import { agreementsAudit } from './agreements/audit';
import { agreementHandlers } from './agreements/handlers';
import { RECOVERY_BLOCKS } from './blocks';
import { RECOVERY_KINDS } from './kinds';
import { RECOVERY_LOCKS } from './locks';
import { planAudit } from './plan/audit';
import { planExportHandlers } from './plan/export-handlers';
import { planHandlers } from './plan/handlers';
import { registerAudit } from './register/audit';
import { registerHandlers } from './register/handlers';
import { safetyValveAudit } from './safety-valve/audit';
import { safetyValveHandlers } from './safety-valve/handlers';

/**
 * The deficit management plan and its scenarios, the SEND recovery register, agreements and
 * contracts, and the Safety Valve: one feature, because the plan's mitigated scenarios are
 * built from the register's projects and the Safety Valve's instalments.
 */
export const recoveryServer = serverFeature({
  name: 'recovery',
  handlers: { ...planHandlers, ...planExportHandlers, ...registerHandlers, ...agreementHandlers, ...safetyValveHandlers },
  audit: [...planAudit, ...registerAudit, ...agreementsAudit, ...safetyValveAudit],
  locks: RECOVERY_LOCKS,
  kinds: RECOVERY_KINDS,
  blocks: RECOVERY_BLOCKS,
});
