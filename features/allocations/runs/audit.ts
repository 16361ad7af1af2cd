import type { AuditTableDef } from '../../../electron/server/audit/registry';

export const runsAudit: AuditTableDef[] = [];
