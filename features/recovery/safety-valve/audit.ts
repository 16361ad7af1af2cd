import type { AuditTableDef } from '../../../electron/server/audit/registry';

/** The tables this area writes through the change recorder (filled in as the area is built). */
export const safetyValveAudit: AuditTableDef[] = [];
