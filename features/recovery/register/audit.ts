import type { Db } from '../../../db/client';
import { type AnyRow, type AuditTableDef, auditTable } from '../../../electron/server/audit/registry';
import { projectAgreement, projectKpi, projectMilestone, projectRag, projectYear, recoveryProject, workstream } from '../schema';
import { FUNDING_SOURCE_LABELS, type FundingSource, RAG_LABELS, type Rag, SAVING_KIND_LABELS, type SavingKind } from '../words';
import { projectRef, workstreamRef } from './refs';

const ofProject = (row: AnyRow) => projectRef(String(row.projectId));

const nameOf = (db: Db, sql: string, id: unknown): string | null => (db.$client.prepare(sql).pluck().get(id) as string | undefined) ?? null;

/** A project named as people know it, "P01 Panel redesign", in the rows that belong to it. */
const projectName = (id: unknown, db: Db) => nameOf(db, "SELECT code || ' ' || name FROM recovery_project WHERE id = ?", id);

/** The register's tables, each row shown in the history of the project (or workstream) it belongs to. */
export const registerAudit: AuditTableDef[] = [
  auditTable(workstream, {
    fields: { code: 'Workstream code', name: 'Workstream', lead: 'Lead', aim: 'Aim', sortOrder: 'Order' },
    subject: (row) => workstreamRef(String(row.id)),
  }),
  auditTable(recoveryProject, {
    fields: {
      code: 'Project code',
      name: 'Project',
      owner: 'Owner',
      aim: 'Aim',
      workstreamId: 'Workstream',
      fundingSource: 'Funding source',
      savingKind: 'Savings or cost avoidance',
      approvedBudgetPence: 'Approved budget',
      spendToDatePence: 'Spend to date',
      forecastPence: 'Forecast',
      boardBodyId: 'Overseeing board',
      sortOrder: 'Order',
    },
    subject: (row) => projectRef(String(row.id)),
    values: {
      workstreamId: (id, db) => nameOf(db, "SELECT code || ' ' || name FROM workstream WHERE id = ?", id),
      fundingSource: (v) => FUNDING_SOURCE_LABELS[v as FundingSource] ?? null,
      savingKind: (v) => SAVING_KIND_LABELS[v as SavingKind] ?? null,
      boardBodyId: (id, db) => nameOf(db, 'SELECT name FROM body WHERE id = ?', id),
    },
  }),
  auditTable(projectRag, {
    fields: { projectId: 'Project', rag: 'RAG', reason: 'RAG reason', asOf: 'RAG date' },
    subject: ofProject,
    values: { projectId: projectName, rag: (v) => RAG_LABELS[v as Rag] ?? null },
  }),
  auditTable(projectMilestone, {
    fields: { projectId: 'Project', title: 'Milestone', dueOn: 'Due', doneOn: 'Done', sortOrder: 'Order' },
    subject: ofProject,
    part: (row) => `(${String(row.title)})`,
    values: { projectId: projectName },
  }),
  auditTable(projectKpi, {
    fields: {
      projectId: 'Project',
      measure: 'KPI',
      baseline: 'Baseline',
      baselineOn: 'Baseline date',
      target: 'Target',
      targetOn: 'Target date',
      latest: 'Latest value',
      latestOn: 'Latest date',
      higherIsBetter: 'Higher is better',
      sortOrder: 'Order',
    },
    subject: ofProject,
    part: (row) => `(${String(row.measure)})`,
    values: { projectId: projectName },
  }),
  auditTable(projectYear, {
    fields: { projectId: 'Project', costPence: 'Cost', targetSavingPence: 'Target saving', deliveredSavingPence: 'Delivered saving' },
    subject: ofProject,
    part: (row) => String(row.yearId),
    values: { projectId: projectName },
  }),
  auditTable(projectAgreement, {
    fields: { projectId: 'Project', agreementId: 'Agreement' },
    subject: ofProject,
    values: {
      projectId: projectName,
      agreementId: (id, db) => nameOf(db, "SELECT reference || ' (' || counterparty || ')' FROM agreement WHERE id = ?", id),
    },
  }),
];
