import type { AuditTableDef } from '../../../electron/server/audit/registry';
import { auditTable } from '../../../electron/server/audit/registry';
import type { Db } from '../../../db/client';
import { allocationFactor, allocationFactorColumn, allocationRun, allocationRunData, allocationRunPartnership } from '../schema';
import { runRef } from './queries';

/**
 * Every row a run owns sits under the run's lock, so an approved run (or one a published pack
 * shows) refuses every change here: screens, the command line, imports and undo alike.
 */
const ofRun = (row: Record<string, unknown>) => runRef(Number(row.runId));

const nameOf = (db: Db, sql: string, id: unknown): string | null => (db.$client.prepare(sql).pluck().get(id) as string | undefined) ?? null;
const partnershipName = (id: unknown, db: Db) => nameOf(db, 'SELECT name FROM partnership WHERE id = ?', id);
const columnName = (id: unknown, db: Db) => nameOf(db, 'SELECT name FROM school_data_column WHERE id = ?', id);

export const runsAudit: AuditTableDef[] = [
  auditTable(allocationRun, {
    fields: {
      yearId: 'Year',
      name: 'Run name',
      formulaPotPence: 'Formula pot',
      placeRatePence: 'Rate per place',
      status: 'Status',
      approvedOn: 'Approved on',
      approvedNote: 'Approval note',
      copiedFromId: 'Copied from',
      calculatedAt: 'Worked out at',
      note: 'Note',
    },
    scope: (row) => runRef(Number(row.id)),
    subject: (row) => runRef(Number(row.id)),
    values: { copiedFromId: (id, db) => nameOf(db, "SELECT name || ' (' || year_id || ')' FROM allocation_run WHERE id = ?", id) },
  }),
  auditTable(allocationFactor, {
    fields: { name: 'Factor name', weightBp: 'Factor weight', sortOrder: 'Order' },
    scope: ofRun,
    subject: ofRun,
    part: (row) => (row.name === undefined ? null : String(row.name)),
  }),
  auditTable(allocationFactorColumn, {
    fields: { factorId: 'Factor', columnId: 'Data column', weight: 'Column weight' },
    scope: ofRun,
    subject: ofRun,
    values: {
      factorId: (id, db) => nameOf(db, 'SELECT name FROM allocation_factor WHERE id = ?', id),
      columnId: columnName,
    },
  }),
  auditTable(allocationRunPartnership, {
    fields: { partnershipId: 'Partnership', places: 'Places', schools: 'Schools counted' },
    scope: ofRun,
    subject: ofRun,
    values: { partnershipId: partnershipName },
  }),
  auditTable(allocationRunData, {
    fields: { partnershipId: 'Partnership', columnId: 'Data column', totalE4: 'Data total (ten-thousandths)' },
    scope: ofRun,
    subject: ofRun,
    values: { partnershipId: partnershipName, columnId: columnName },
  }),
];
