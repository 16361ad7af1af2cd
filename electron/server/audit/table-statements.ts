/**
 * Row reads and writes by id as prepared statements, for the recorder. Drizzle builds and
 * parses its SQL afresh on every call, which is most of the cost when an import changes
 * 10,000 rows one by one; these statements are prepared once per table and field set.
 * Values cross with drizzle's own column mappings, so rows look exactly as drizzle returns them.
 */
import type { Database, Statement } from 'better-sqlite3';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

type AnyRow = Record<string, unknown>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export class TableStatements {
  private readonly name: string;
  private readonly fields: Array<[field: string, column: SQLiteColumn]>;
  private readonly byField: Map<string, SQLiteColumn>;
  private readonly allColumns: string;
  private selectById?: Statement;
  private deleteById?: Statement;
  private readonly updates = new Map<string, Statement>();
  private readonly inserts = new Map<string, Statement>();

  constructor(
    private readonly sqlite: Database,
    table: SQLiteTable,
  ) {
    this.name = quote(getTableName(table));
    this.fields = Object.entries(getTableColumns(table));
    this.byField = new Map(this.fields);
    this.allColumns = this.fields.map(([, c]) => quote(c.name)).join(', ');
  }

  private toDriver(field: string, value: unknown): unknown {
    const column = this.byField.get(field);
    if (!column) throw new Error(`${this.name} has no field ${field}`);
    return value === null ? null : column.mapToDriverValue(value);
  }

  private fromDriver(raw: unknown[] | undefined): AnyRow | undefined {
    if (!raw) return undefined;
    const row: AnyRow = {};
    for (let i = 0; i < this.fields.length; i++) {
      const [field, column] = this.fields[i]!;
      const v = raw[i];
      row[field] = v === null ? null : column.mapFromDriverValue(v);
    }
    return row;
  }

  read(id: unknown): AnyRow | undefined {
    this.selectById ??= this.sqlite.prepare(`SELECT ${this.allColumns} FROM ${this.name} WHERE "id" = ?`).raw();
    return this.fromDriver(this.selectById.get(id) as unknown[] | undefined);
  }

  /** Sets the given fields; the caller knows the row exists. */
  update(id: unknown, changes: AnyRow): void {
    const fields = Object.keys(changes);
    const key = fields.join('\u0000');
    let st = this.updates.get(key);
    if (!st) {
      const set = fields.map((f) => `${quote(this.byField.get(f)?.name ?? f)} = ?`).join(', ');
      st = this.sqlite.prepare(`UPDATE ${this.name} SET ${set} WHERE "id" = ?`);
      this.updates.set(key, st);
    }
    st.run(...fields.map((f) => this.toDriver(f, changes[f])), id);
  }

  /** Inserts the given fields (defaults fill the rest) and returns the stored row. */
  insert(values: AnyRow): AnyRow {
    const fields = Object.keys(values).filter((f) => values[f] !== undefined);
    const key = fields.join('\u0000');
    let st = this.inserts.get(key);
    if (!st) {
      const cols = fields.map((f) => quote(this.byField.get(f)?.name ?? f)).join(', ');
      const sql = fields.length
        ? `INSERT INTO ${this.name} (${cols}) VALUES (${fields.map(() => '?').join(', ')}) RETURNING ${this.allColumns}`
        : `INSERT INTO ${this.name} DEFAULT VALUES RETURNING ${this.allColumns}`;
      st = this.sqlite.prepare(sql).raw();
      this.inserts.set(key, st);
    }
    return this.fromDriver(st.get(...fields.map((f) => this.toDriver(f, values[f]))) as unknown[])!;
  }

  delete(id: unknown): void {
    this.deleteById ??= this.sqlite.prepare(`DELETE FROM ${this.name} WHERE "id" = ?`);
    this.deleteById.run(id);
  }
}
