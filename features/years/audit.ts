import { auditTable } from '../../electron/server/audit/registry';
import { yearRef } from './queries';
import { allocation, allocationVersion, deficitContribution, financialYear } from './schema';

const yearOf = (row: Record<string, unknown>) => yearRef(String(row.yearId));

export const yearsAudit = [
  auditTable(financialYear, {
    // Status, reason and closing fields were the year's own before closing became a lock; old entries still name them.
    fields: {
      openingBalancePence: 'Opening balance',
      startDate: 'Starts',
      endDate: 'Ends',
      status: 'Year status',
      statusReason: 'Reason',
      closedAt: 'Closed at',
      closedBy: 'Closed by',
    },
    scope: (row) => yearRef(String(row.id)),
    // A year added before the earliest takes over its opening balance, so no later figure moves.
    writableWhenLocked: ['openingBalancePence'],
  }),
  auditTable(allocationVersion, { fields: { publishedOn: 'Published', label: 'Allocation version' }, scope: yearOf }),
  auditTable(allocation, {
    fields: {
      block: 'Block',
      allocationPence: 'Allocation',
      deductionsPence: 'Deductions (recoupment)',
      adjustmentsPence: 'Import/export adjustments',
      transfersPence: 'Block transfers',
    },
    scope: (row, db) => {
      const year = db.$client.prepare('SELECT year_id FROM allocation_version WHERE id = ?').pluck().get(row.versionId) as string | undefined;
      return year ? yearRef(year) : null;
    },
  }),
  auditTable(deficitContribution, { fields: { kind: 'Contribution', amountPence: 'Amount', note: 'Note' }, scope: yearOf }),
];
