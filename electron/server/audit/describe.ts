import { formatPence } from '../../shared/money';

const FIELD_NAMES: Record<string, Record<string, string>> = {
  budget: { originalPence: 'Original budget', revisedPence: 'Revised budget' },
  forecast: { forecastPence: 'Forecast', actualPence: 'Actual to date', commentary: 'Commentary' },
  budget_line: {
    code: 'Line code',
    name: 'Line name',
    s251Code: 's251 line',
    groupId: 'Provision group',
    sortOrder: 'Order',
    holder: 'Budget holder',
    active: 'In use',
  },
  financial_year: { status: 'Year status', statusReason: 'Reason', openingBalancePence: 'Opening balance' },
};

/** Fields that identify a row rather than describe it: left out when a whole row is shown. */
const KEY_FIELDS = new Set(['id', 'yearId', 'lineId', 'period', 'versionId']);

export function fieldName(entity: string, field: string, period: number | null): string {
  const base = FIELD_NAMES[entity]?.[field] ?? field;
  return entity === 'forecast' && period ? `${base} P${period}` : base;
}

export function valueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (field.endsWith('Pence') && typeof value === 'number') {
    return formatPence(value, { pence: value % 100 !== 0 });
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return String(value);
}

/** A whole-row snapshot as the fields a person would read, keys left out. */
export function describedFields(row: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(row).filter(([k, v]) => !KEY_FIELDS.has(k) && v !== null && v !== '');
}
