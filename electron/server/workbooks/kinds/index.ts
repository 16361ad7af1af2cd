import { AppError } from '../../../shared/errors';
import type { KindName } from '../../../shared/workbook-types';
import type { KindDef } from '../engine/kind';
import { budgetKind } from '../../../../features/lines/kinds/budget';
import { monitoringReturn } from '../../../../features/monitoring/kinds/monitoring-return';

/** Every workbook kind HNB Desk reads and writes. A new kind is one more entry here. */
export const KINDS: Record<KindName, KindDef> = {
  budget: budgetKind,
  monitoring: monitoringReturn,
};

export function kindDef(name: string): KindDef {
  const def = (KINDS as Record<string, KindDef>)[name];
  if (!def) throw new AppError('INVALID_INPUT', `There is no workbook kind "${name}". Known kinds: ${Object.keys(KINDS).join(', ')}.`);
  return def;
}
