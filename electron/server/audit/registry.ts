/**
 * The tables whose rows are written through the change recorder, as each feature declares them
 * (its audit.ts): how a row's lock scope, history subject and field names are found. Undo and
 * import revert look tables up here, so nothing outside this list can be touched by a replayed
 * audit entry.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/client';
import type { EntityRef } from '../../shared/entity-ref';

/** A drizzle table with an `id` primary key. */
// biome-ignore lint/suspicious/noExplicitAny: drizzle's table types are generic over their whole column map
export type AuditableTable = SQLiteTableWithColumns<any> & { id: SQLiteColumn };
export type AnyRow = Record<string, unknown>;

export interface AuditTableDef {
  table: AuditableTable;
  /** Names people read in the history, by field. */
  fields?: Record<string, string>;
  /** The record whose lock covers the row (a year): while it is locked, the row cannot change. */
  scope?: (row: AnyRow, db: Db) => EntityRef | null;
  /** The record whose history shows the row (a budget line). */
  subject?: (row: AnyRow) => EntityRef | null;
  /** Qualifies a field's name in the history: "Forecast" becomes "Forecast P7". */
  part?: (row: AnyRow) => string | null;
  /** Fields that may still change while the row's scope is locked. */
  writableWhenLocked?: readonly string[];
  /** How a field's stored value reads in the history, where the bare value would not (a group's id as its name). */
  values?: Record<string, (value: unknown, db: Db) => string | null>;
}

export interface AuditedEntity extends AuditTableDef {
  entity: string;
  /** The id column holds text ("2024-25"), not a number. */
  textId: boolean;
}

export function auditTable<T extends AuditableTable>(table: T, def: Omit<AuditTableDef, 'table'> = {}): AuditTableDef {
  return { table, ...def };
}

export class AuditRegistry {
  private readonly byTable = new Map<AuditableTable, AuditedEntity>();
  private readonly byName = new Map<string, AuditedEntity>();

  constructor(defs: readonly AuditTableDef[]) {
    for (const def of defs) {
      const entity = getTableName(def.table);
      if (this.byName.has(entity)) throw new Error(`The table ${entity} is registered for audit twice`);
      const id = getTableColumns(def.table).id as SQLiteColumn | undefined;
      if (!id) throw new Error(`The table ${entity} has no id column, so it cannot be audited`);
      const entry: AuditedEntity = { ...def, entity, textId: id.dataType === 'string' };
      this.byTable.set(def.table, entry);
      this.byName.set(entity, entry);
    }
  }

  of(table: AuditableTable): AuditedEntity {
    const e = this.byTable.get(table);
    if (!e) throw new Error(`The table ${getTableName(table)} is not registered for audit`);
    return e;
  }

  named(entity: string): AuditedEntity | undefined {
    return this.byName.get(entity);
  }

  get entities(): AuditedEntity[] {
    return [...this.byName.values()];
  }

  /** The history's name for a field: "Forecast P7". */
  fieldName(entity: string, field: string, part: string | null): string {
    const base = this.byName.get(entity)?.fields?.[field] ?? field;
    return part ? `${base} ${part}` : base;
  }
}
