import { type AuditTableDef, auditTable } from '../../../electron/server/audit/registry';
import { svAgreement, svCondition, svInstalment, svMonitoring } from '../schema';
import { svRef } from './queries';

/**
 * The Safety Valve's tables, each shown in its agreement's history. A monitoring row names only
 * its condition, so its writers give the agreement (context `subject`); undo replays what was
 * recorded. No lock covers them: the contribution a received instalment becomes sits under its
 * year's lock, which the change recorder enforces as that row is written.
 */
export const safetyValveAudit: AuditTableDef[] = [
  auditTable(svAgreement, {
    fields: {
      name: 'Name',
      kind: 'Kind',
      counterparty: 'Counterparty',
      signedOn: 'Signed',
      totalPence: 'Total (revenue)',
      capitalPence: 'Capital',
      note: 'Note',
    },
    subject: (row) => svRef(Number(row.id)),
  }),
  auditTable(svInstalment, {
    fields: {
      yearId: 'Year',
      expectedPence: 'Expected',
      status: 'Status',
      receivedPence: 'Received',
      receivedOn: 'Received on',
      contributionId: 'Contribution in the DSG position',
      note: 'Note',
    },
    subject: (row) => svRef(Number(row.agreementId)),
    part: (row) => (row.yearId ? String(row.yearId) : null),
  }),
  auditTable(svCondition, {
    fields: { number: 'Condition number', text: 'Condition', target: 'Target' },
    subject: (row) => svRef(Number(row.agreementId)),
    part: (row) => (row.number ? `condition ${String(row.number)}` : null),
  }),
  auditTable(svMonitoring, {
    fields: { yearId: 'Year', quarter: 'Quarter', rag: 'RAG', narrative: 'Narrative', figures: 'Figures' },
    // Its writers also name the condition (context `part`).
    part: (row) => (row.yearId && row.quarter ? `${String(row.yearId)} Q${String(row.quarter)}` : null),
  }),
];
