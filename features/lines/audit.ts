import { entityRef } from '../../electron/shared/entity-ref';
import { auditTable } from '../../electron/server/audit/registry';
import { budgetLine } from './schema';

export const LINE_ENTITY = 'budget_line';
export const lineRef = (lineId: number | string) => entityRef(LINE_ENTITY, lineId);

export const linesAudit = [
  auditTable(budgetLine, {
    fields: {
      code: 'Line code',
      name: 'Line name',
      s251Code: 's251 line',
      groupId: 'Provision group',
      sortOrder: 'Order',
      holder: 'Budget holder',
      active: 'In use',
    },
    subject: (row) => lineRef(String(row.id)),
    values: {
      groupId: (id, db) => (db.$client.prepare('SELECT name FROM provision_group WHERE id = ?').pluck().get(id) as string | undefined) ?? null,
    },
  }),
];
