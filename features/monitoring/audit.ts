import { auditTable } from '../../electron/server/audit/registry';
import { lineRef } from '../lines/audit';
import { yearRef } from '../years/queries';
import { budget, forecast } from './schema';

const yearOf = (row: Record<string, unknown>) => yearRef(String(row.yearId));
const lineOf = (row: Record<string, unknown>) => lineRef(String(row.lineId));

export const monitoringAudit = [
  auditTable(budget, { fields: { originalPence: 'Original budget', revisedPence: 'Revised budget' }, scope: yearOf, subject: lineOf }),
  auditTable(forecast, {
    fields: { forecastPence: 'Forecast', actualPence: 'Actual to date', commentary: 'Commentary', reviewed: 'Reviewed, no change' },
    scope: yearOf,
    subject: lineOf,
    part: (row) => `P${String(row.period)}`,
  }),
];
