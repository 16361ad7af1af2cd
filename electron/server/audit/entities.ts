import * as schema from '../../../db/schema';

/**
 * Tables whose rows are written through the change recorder, keyed by SQL table name (the
 * `entity` of an audit entry). Undo and import revert look tables up here, so nothing outside
 * this list can be touched by a replayed audit entry.
 */
export const AUDITED = {
  workspace: schema.workspace,
  financial_year: schema.financialYear,
  allocation_version: schema.allocationVersion,
  allocation: schema.allocation,
  deficit_contribution: schema.deficitContribution,
  budget_line: schema.budgetLine,
  budget: schema.budget,
  forecast: schema.forecast,
} as const;

export type EntityName = keyof typeof AUDITED;
export type AuditedTable = (typeof AUDITED)[EntityName];

export function entityOf(table: AuditedTable): EntityName {
  for (const [name, t] of Object.entries(AUDITED)) if (t === table) return name as EntityName;
  throw new Error('table is not audited');
}

export function isEntityName(name: string): name is EntityName {
  return Object.prototype.hasOwnProperty.call(AUDITED, name);
}
