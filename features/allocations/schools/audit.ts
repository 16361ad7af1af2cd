import type { AuditTableDef } from '../../../electron/server/audit/registry';

export const schoolsAudit: AuditTableDef[] = [];
