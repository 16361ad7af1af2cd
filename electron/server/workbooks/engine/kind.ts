/**
 * A workbook kind is data, not code: its columns, key, rules and formats drive the writer, the
 * reader, the validation, the diff and the apply. A new kind is a new definition.
 */
import type { FieldType, KindInfo, KindName, KindScope } from '../../../shared/workbook-types';
import type { ChangeRecorder } from '../../audit/recorder';
import type { Workspace } from '../../workspace';
import type { FieldValue } from './cells';

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
  /** Money that may not be negative. */
  nonNegative?: boolean;
  /** Money that may be left blank (an actual not yet known). */
  optional?: boolean;
  /** Name of a list in KindData.lists: validation in the sheet and on import. */
  list?: string;
  /** A formula per row, built from other columns' letters; its value is computed, never read. */
  formula?: (col: (field: string) => string, row: number) => string;
  /** Summed in the totals row. */
  total?: boolean;
  /** Red when positive (overspend), green when negative. */
  signed?: boolean;
  wrap?: boolean;
  /** Other header texts a foreign workbook may use for this field. */
  aliases?: string[];
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
  /** Set when the scope cannot be written to (a closed year): the preview shows it as an error. */
  readOnlyReason: string | null;
}

export interface ApplyPlan {
  added: Array<{ fileRow: number; values: RowValues }>;
  /** Only the fields that change, with the row as it stands. */
  changed: Array<{ id: number; fileRow: number; values: RowValues; current: RowValues }>;
  deleted: Array<{ id: number; current: RowValues }>;
}

export interface KindDef {
  kind: KindName;
  title: string;
  sheetName: string;
  /** Bump when the columns change; an older export is still read by header text. */
  schemaVersion: number;
  needsPeriod: boolean;
  /** Rows the database does not hold become new records (budget lines), or are listed as unmatched. */
  canAdd: boolean;
  /** Fields a new row must have before it can be added. */
  addRequires: string[];
  /** Blank unlocked rows left inside the table for additions (the sheet is protected). */
  spareRows: number;
  columns: ColumnDef[];
  instructions: string[];
  fileName: (scope: KindScope) => string;
  load: (ws: Workspace, scope: KindScope) => KindData;
  /** Rules across rows and fields (unique codes); returns problems as [fileRow, field, rule, found]. */
  checkRows?: (rows: Array<{ fileRow: number; id: number | null; values: RowValues }>, data: KindData) => Array<[number, string, string, string]>;
  apply: (rec: ChangeRecorder, ws: Workspace, scope: KindScope, plan: ApplyPlan, data: KindData) => void;
  /** How a deleted row is described in the preview ("line retired", "return cleared"). */
  deleteMeans: string;
}

export const ID_FIELD = 'id';

export function keyField(def: KindDef): ColumnDef {
  return def.columns.find((c) => c.key && c.type !== 'id')!;
}

export function editableColumns(def: KindDef): ColumnDef[] {
  return def.columns.filter((c) => c.editable);
}

export function kindInfo(def: KindDef): KindInfo {
  return {
    kind: def.kind,
    title: def.title,
    needsPeriod: def.needsPeriod,
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
