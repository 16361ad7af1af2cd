import type { Db } from '../../../db/client';
import { isCalendarDate, ukLongDate } from '../../shared/dates';
import type { MoneyFormat } from '../../shared/money';
import type { AuditedEntity } from './registry';

/** Fields that identify a row rather than describe it: left out when a whole row is shown. */
const KEY_FIELDS = new Set(['id', 'yearId', 'lineId', 'period', 'versionId']);

/** A stored value as a person reads it: money in pounds, booleans as Yes and No, a reference by its name. */
export function valueText(field: string, value: unknown, money: MoneyFormat, entity?: { def?: AuditedEntity; db: Db }): string {
  if (value === null || value === undefined || value === '') return '(none)';
  const named = entity?.def?.values?.[field]?.(value, entity.db);
  if (named) return named;
  if (field.endsWith('Pence') && typeof value === 'number') return money.format(value, { pence: value % 100 !== 0 });
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  // Dates are stored as ISO calendar days; people read them as 19 December 2025.
  if (isCalendarDate(value)) return ukLongDate(value);
  return String(value);
}

/** A whole-row snapshot as the fields a person would read, keys left out. */
export function describedFields(row: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(row).filter(([k, v]) => !KEY_FIELDS.has(k) && v !== null && v !== '');
}
