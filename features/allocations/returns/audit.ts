import type { Db } from '../../../db/client';
import { type AuditTableDef, auditTable } from '../../../electron/server/audit/registry';
import { partnershipReturn, partnershipYear, returnCategory, returnMeasure, returnMeasureValue, returnSpend } from '../schema';
import { RETURN_PERIOD_LABELS, RETURN_STATUS_LABELS, type ReturnPeriod, type ReturnStatus } from '../words';
import { HEADINGS_REF, partnershipRef, returnRef } from './queries';

const nameOf = (db: Db, sql: string, id: unknown): string | null => (db.$client.prepare(sql).pluck().get(id) as string | undefined) ?? null;
const ofReturn = (row: Record<string, unknown>) => returnRef(Number(row.returnId));

/**
 * Returns carry no lock (a return can be corrected after the year has closed, as the clawback is
 * settled later): no scope. A return's figures show in its own history, each under its heading
 * (its writers give the heading's name as the `part`); a development plan in its partnership's.
 */
export const returnsAudit: AuditTableDef[] = [
  auditTable(returnCategory, { fields: { name: 'Spending category', sortOrder: 'Order' }, subject: () => HEADINGS_REF }),
  auditTable(returnMeasure, { fields: { name: 'Outcome measure', unit: 'Unit', sortOrder: 'Order' }, subject: () => HEADINGS_REF }),
  auditTable(partnershipReturn, {
    fields: {
      yearId: 'Year',
      partnershipId: 'Partnership',
      period: 'Period',
      status: 'Status',
      sentOn: 'Sent',
      receivedOn: 'Received',
      checkedOn: 'Checked',
      placesUsed: 'Places used',
      commentary: 'Commentary',
    },
    subject: (row) => returnRef(Number(row.id)),
    values: {
      partnershipId: (id, db) => nameOf(db, 'SELECT name FROM partnership WHERE id = ?', id),
      period: (v) => RETURN_PERIOD_LABELS[v as ReturnPeriod] ?? null,
      status: (v) => RETURN_STATUS_LABELS[v as ReturnStatus] ?? null,
    },
  }),
  auditTable(returnSpend, {
    fields: { returnId: 'Return', categoryId: 'Spending category', amountPence: 'Spend' },
    subject: ofReturn,
    values: { categoryId: (id, db) => nameOf(db, 'SELECT name FROM return_category WHERE id = ?', id) },
  }),
  auditTable(returnMeasureValue, {
    fields: { returnId: 'Return', measureId: 'Outcome measure', value: 'Figure' },
    subject: ofReturn,
    values: { measureId: (id, db) => nameOf(db, 'SELECT name FROM return_measure WHERE id = ?', id) },
  }),
  auditTable(partnershipYear, {
    fields: { yearId: 'Year', developmentPlanApprovedOn: 'Development plan approved', developmentPlanNote: 'Development plan note' },
    subject: (row) => partnershipRef(Number(row.partnershipId)),
    part: (row) => (row.yearId ? String(row.yearId) : null),
  }),
];
