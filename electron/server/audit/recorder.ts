import { eq, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../../db/client';
import { CHANGE_KINDS, changeSet, financialYear } from '../../../db/schema';
import { AppError } from '../../shared/errors';
import { entityOf, type AuditedTable, type EntityName } from './entities';
import { TableStatements } from './table-statements';

export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface AuditContext {
  yearId?: string | null;
  lineId?: number | null;
  period?: number | null;
}

type Row<T extends AuditedTable> = InferSelectModel<T>;
type NewRow<T extends AuditedTable> = InferInsertModel<T>;
type AnyRow = Record<string, unknown>;

function json(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

function contextOf(entity: EntityName, row: AnyRow, given?: AuditContext): Required<AuditContext> {
  const fromRow: Required<AuditContext> = {
    yearId: ((entity === 'financial_year' ? row.id : row.yearId) as string | undefined) ?? null,
    lineId: ((entity === 'budget_line' ? row.id : row.lineId) as number | undefined) ?? null,
    period: (row.period as number | undefined) ?? null,
  };
  return {
    yearId: given?.yearId !== undefined ? given.yearId : fromRow.yearId,
    lineId: given?.lineId !== undefined ? given.lineId : fromRow.lineId,
    period: given?.period !== undefined ? given.period : fromRow.period,
  };
}

export function closedYearError(yearId: string): AppError {
  return new AppError('CLOSED_YEAR', `${yearId} is closed, so its figures cannot change. Reopen the year, giving a reason, to change them.`, {
    issues: [{ field: 'year', rule: 'year must be open', message: `${yearId} is closed` }],
  });
}

const YEAR_FIELDS_OPEN_WHEN_CLOSED = new Set(['status', 'statusReason', 'closedAt', 'closedBy', 'openingBalancePence']);

/**
 * Writes rows and their audit entries together. Use only inside a transaction (see
 * `Workspace.write`): the change set is created on the first real change, so a call that
 * changes nothing leaves no trace. Rows in a closed year are refused here, in one place,
 * so no handler (nor an undo) can forget the rule.
 */
export class ChangeRecorder {
  private changeSetId: number | null = null;
  private insertAudit?: Statement;
  private readonly tables = new Map<AuditedTable, TableStatements>();
  private readonly closedYears: Set<string>;

  constructor(
    private readonly db: Db,
    private readonly meta: { who: string; at: string; kind: ChangeKind; label: string; revertsId?: number },
    private readonly options: { allowClosedYears?: boolean } = {},
  ) {
    this.closedYears = new Set(
      db
        .select({ id: financialYear.id })
        .from(financialYear)
        .where(eq(financialYear.status, 'closed'))
        .all()
        .map((r) => r.id),
    );
  }

  get id(): number | null {
    return this.changeSetId;
  }

  private ensureChangeSet(): number {
    if (this.changeSetId === null) {
      const row = this.db
        .insert(changeSet)
        .values({
          at: this.meta.at,
          who: this.meta.who,
          kind: this.meta.kind,
          label: this.meta.label,
          revertsId: this.meta.revertsId ?? null,
        })
        .returning({ id: changeSet.id })
        .get();
      this.changeSetId = row.id;
    }
    return this.changeSetId;
  }

  private guard(entity: EntityName, ctx: Required<AuditContext>, field?: string): void {
    if (this.options.allowClosedYears || !ctx.yearId) return;
    // A year's own status is how it is reopened, so that field stays writable. Its opening
    // balance moves to a year added before it (the position of every year is unchanged).
    if (entity === 'financial_year' && field && YEAR_FIELDS_OPEN_WHEN_CLOSED.has(field)) return;
    if (this.closedYears.has(ctx.yearId)) throw closedYearError(ctx.yearId);
  }

  private entry(
    entity: EntityName,
    entityId: string,
    op: 'insert' | 'update' | 'delete',
    field: string,
    oldValue: unknown,
    newValue: unknown,
    ctx: Required<AuditContext>,
  ): void {
    this.insertAudit ??= this.db.$client.prepare(
      'INSERT INTO audit_entry (change_set_id, entity, entity_id, op, field, old_value, new_value, year_id, line_id, period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertAudit.run(
      this.ensureChangeSet(),
      entity,
      entityId,
      op,
      field,
      op === 'insert' ? null : json(oldValue),
      op === 'delete' ? null : json(newValue),
      ctx.yearId,
      ctx.lineId,
      ctx.period,
    );
  }

  private statements(table: AuditedTable): TableStatements {
    let st = this.tables.get(table);
    if (!st) this.tables.set(table, (st = new TableStatements(this.db.$client, table)));
    return st;
  }

  read<T extends AuditedTable>(table: T, id: Row<T>['id']): Row<T> | undefined {
    return this.statements(table).read(id) as Row<T> | undefined;
  }

  insert<T extends AuditedTable>(table: T, values: NewRow<T>, context?: AuditContext): Row<T> {
    const entity = entityOf(table);
    this.guard(entity, contextOf(entity, values as AnyRow, context));
    const row = this.statements(table).insert(values as AnyRow) as Row<T>;
    this.entry(entity, String(row.id), 'insert', '*', null, row, contextOf(entity, row as AnyRow, context));
    return row;
  }

  /** Changes only the fields whose value differs; returns the row after the change. */
  update<T extends AuditedTable>(table: T, id: Row<T>['id'], changes: Partial<Row<T>>, context?: AuditContext): { row: Row<T>; changed: string[] } {
    const entity = entityOf(table);
    const before = this.read(table, id);
    if (!before) throw new AppError('NOT_FOUND', `No ${entity.replace('_', ' ')} with id ${String(id)}.`);
    const ctx = contextOf(entity, before as AnyRow, context);
    const diff: AnyRow = {};
    for (const [field, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const old = (before as AnyRow)[field];
      if (old === value) continue;
      this.guard(entity, ctx, field);
      diff[field] = value;
      this.entry(entity, String(id), 'update', field, old, value, ctx);
    }
    const changed = Object.keys(diff);
    if (changed.length === 0) return { row: before, changed };
    this.statements(table).update(id, diff);
    return { row: { ...before, ...diff } as Row<T>, changed };
  }

  delete<T extends AuditedTable>(table: T, id: Row<T>['id'], context?: AuditContext): Row<T> {
    const entity = entityOf(table);
    const before = this.read(table, id);
    if (!before) throw new AppError('NOT_FOUND', `No ${entity.replace('_', ' ')} with id ${String(id)}.`);
    const ctx = contextOf(entity, before as AnyRow, context);
    this.guard(entity, ctx);
    this.statements(table).delete(id);
    this.entry(entity, String(id), 'delete', '*', before, null, ctx);
    return before;
  }
}
