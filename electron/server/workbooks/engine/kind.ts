/**
 * A workbook kind is data, not code: its columns, key, scope, rules and formats drive the
 * writer, the reader, the validation, the diff and the apply. A feature adds a kind by
 * declaring one (its kinds/ folder) and listing it in its server.ts; nothing here names one.
 */
import type { z } from 'zod';
import type { EntityRef } from '../../../shared/entity-ref';
import type { FieldType, KindInfo, KindScope, ScopeFieldInfo } from '../../../shared/workbook-types';
import type { WriteSource } from '../../audit/constraint-errors';
import type { ChangeRecorder } from '../../audit/recorder';
import type { Workspace } from '../../workspace';
import type { FieldValue } from './cells';
import { normaliseHeader } from './header-detect';

export interface ColumnDef {
  field: string;
  header: string;
  type: FieldType;
  width: number;
  /** Unlocked for typing in the sheet, and read back on import. */
  editable: boolean;
  /** The natural key a foreign workbook is matched on (the hidden id column is always a key). */
  key?: boolean;
  required?: boolean;
  maxLength?: number;
  /** Money, or a number, that may not be negative. */
  nonNegative?: boolean;
  /** Money, a percentage or a number that may be left blank (an actual not yet known). */
  optional?: boolean;
  /** Name of a list in KindData.lists: validation in the sheet and on import. */
  list?: string;
  /**
   * A list column: other words a foreign workbook uses for the list's values, by their lower-case
   * text (the DfE's "community school" for "Maintained"), read as the value they stand for.
   */
  listWords?: Record<string, string>;
  /** A formula per row, built from other columns' letters; its value is computed, never read. */
  formula?: (col: (field: string) => string, row: number) => string;
  /** A formula column whose formula gives "" on an empty row: the spare rows carry no value rather than 0. */
  blankWhenEmpty?: boolean;
  /** Summed in the totals row. */
  total?: boolean;
  /** Red when positive (overspend), green when negative. */
  signed?: boolean;
  wrap?: boolean;
  /** Other header texts a foreign workbook may use for this field. */
  aliases?: string[];
  /** A move of more than the workspace's threshold (50%) in this money field is flagged before apply. */
  flagLargeMoves?: boolean;
  /** A first negative figure in this money field, where the row has never had one, is a warning. */
  warnFirstNegative?: boolean;
  /**
   * Percent and number columns: the least and greatest value read, in the stored unit (basis
   * points for a percentage: -10000 is -100%). Outside them the cell is refused.
   */
  minValue?: number;
  maxValue?: number;
  /**
   * Percent columns: a value beyond ± this many basis points is allowed but asked about before
   * apply (growth past 25% is more often a slip than a plan).
   */
  confirmBeyond?: number;
}

export type RowValues = Record<string, FieldValue>;

/** One row as the database holds it now, in the kind's terms. */
export interface DbRow {
  id: number;
  values: RowValues;
}

export interface KindData {
  /** Rows in scope, in the order a person reads them. */
  rows: DbRow[];
  /** Validation lists by name. */
  lists: Record<string, string[]>;
  /** Under the title: what the sheet covers ("2026-27, P7 October 2026, holder: J Smith"). */
  subtitle: string;
  /** The printed footer's middle, when "title: subtitle" is too long for the page. */
  footer?: string;
  /** "id:field" for each row and money field that has ever held a negative figure. */
  negativesSeen?: Set<string>;
  /**
   * Every row of the kind outside this scope that a file could name by its key (another holder's
   * lines, retired ones): a row carrying one is from another return, not a new record.
   */
  keysElsewhere?: Map<string, string>;
}

export interface ApplyPlan {
  added: Array<{ fileRow: number; values: RowValues }>;
  /** Only the fields that change, with the row as it stands. */
  changed: Array<{ id: number; fileRow: number; values: RowValues; current: RowValues }>;
  deleted: Array<{ id: number; current: RowValues }>;
  /** Where a file row is, for the recorder to name it if the database refuses the row (set rec.source before writing it). */
  sourceOf: (fileRow: number) => WriteSource;
}

export interface ScopeDef<S extends KindScope> {
  /** What an export or a foreign import must be told, and how to ask for it. */
  fields: ScopeFieldInfo[];
  /** The scope's shape and ranges: checks a call's scope, the command line's and a workbook's `_meta` alike. */
  schema: z.ZodType<S>;
  /** That the records it names exist (the year): throws an AppError saying which does not. */
  check(ws: Workspace, scope: S): void;
  /** As people say it: "2026-27, P7 (October 2026); budget holder J Smith". */
  label(ws: Workspace, scope: S): string;
  /** The records whose locks cover the scope (its year): while one is locked, nothing is imported into it. */
  locks(scope: S): EntityRef[];
}

// biome-ignore lint/suspicious/noExplicitAny: a kind's scope type is its own
export interface KindDef<S extends KindScope = any> {
  kind: string;
  title: string;
  sheetName: string;
  /** Bump when the columns change; an older export is still read by header text. */
  schemaVersion: number;
  scope: ScopeDef<S>;
  /** The natural key (a line code) and the field that names a row to a person (the line's name). */
  keyField: string;
  labelField: string;
  /** What a row is, for messages: "line". */
  rowNoun: string;
  /** Rows the database does not hold become new records (budget lines), or are listed as unmatched. */
  canAdd: boolean;
  /** Fields a new row must have before it can be added. */
  addRequires: string[];
  /** Blank unlocked rows left inside the table for additions (the sheet is protected). */
  spareRows: number;
  /** The fixed columns: every column of a kind without `columnsFor`, and the ones a listing of kinds shows. */
  columns: ColumnDef[];
  /**
   * The full column list for a scope, where some columns are the workspace's own (one per data
   * column the user keeps): the export, the import, the fingerprints and the mapping of a
   * foreign file all use it. Each header must differ from the others once normalised.
   */
  columnsFor?: (ws: Workspace, scope: S) => ColumnDef[];
  instructions: string[];
  /** The line under the sheet's subtitle; by default, about white and grey cells, pounds and variance. */
  hint?: string;
  /** `ws`, where given, lets a scope kept by id (a partnership) be named in the file name. */
  fileName: (scope: S, ws?: Workspace) => string;
  load: (ws: Workspace, scope: S) => KindData;
  /** Rules across rows and fields (unique codes); returns problems as [fileRow, field, rule, found]. */
  checkRows?: (
    rows: Array<{ fileRow: number; id: number | null; values: RowValues /** A cell of the row broke its rule (already reported). */; invalid?: boolean }>,
    data: KindData,
  ) => Array<[number, string, string, string]>;
  apply: (rec: ChangeRecorder, ws: Workspace, scope: S, plan: ApplyPlan, data: KindData) => void;
  /** How a deleted row is described in the preview ("line retired", "return cleared"). */
  deleteMeans: string;
}

export const ID_FIELD = 'id';

/**
 * The kind as it stands for one scope: its columns those `columnsFor` gives (the kind itself
 * when it has none). `columnsFor` is kept, so the result can be resolved again later (a preview
 * rebuilt after the workspace changed) and the writer knows to record the columns it wrote.
 */
export function forScope<S extends KindScope>(def: KindDef<S>, ws: Workspace, scope: S): KindDef<S> {
  if (!def.columnsFor) return def;
  const columns = def.columnsFor(ws, scope);
  const fields = new Set<string>();
  const headers = new Map<string, string>();
  for (const c of columns) {
    // A kind's mistake, not the user's: two columns with one field or heading cannot be told apart on import.
    if (fields.has(c.field)) throw new Error(`The ${def.kind} workbook has two columns for the field "${c.field}"`);
    fields.add(c.field);
    const norm = normaliseHeader(c.header);
    const other = headers.get(norm);
    if (other !== undefined) throw new Error(`The ${def.kind} workbook's columns "${other}" and "${c.header}" have headings that read the same`);
    headers.set(norm, c.header);
  }
  if (!fields.has(def.keyField)) throw new Error(`The ${def.kind} workbook's columns for a scope lack its key "${def.keyField}"`);
  return { ...def, columns };
}

export function keyColumn(def: KindDef): ColumnDef {
  return def.columns.find((c) => c.field === def.keyField)!;
}

export function editableColumns(def: KindDef): ColumnDef[] {
  return def.columns.filter((c) => c.editable);
}

export function kindInfo(def: KindDef): KindInfo {
  return {
    kind: def.kind,
    title: def.title,
    keyField: def.keyField,
    labelField: def.labelField,
    rowNoun: def.rowNoun,
    scopeFields: def.scope.fields,
    canAdd: def.canAdd,
    fields: def.columns.map((c) => ({
      field: c.field,
      header: c.header,
      type: c.type,
      key: c.type === 'id' || Boolean(c.key),
      editable: c.editable,
      required: Boolean(c.required),
    })),
  };
}
