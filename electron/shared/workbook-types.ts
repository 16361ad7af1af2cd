/** Result shapes of the spreadsheet round trip: workbook kinds, import previews, batches. */
import type { ErrorIssue } from './errors';

/**
 * How a column's cells are read and written. `percent`: stored as whole basis points (350 is
 * 3.5%), written as a fraction under a 0.00% format. `number`: a decimal to at most four places
 * (a count of children or places, a KPI value).
 */
export type FieldType = 'id' | 'text' | 'code' | 'money' | 'int' | 'date' | 'list' | 'percent' | 'number';

export interface KindFieldInfo {
  field: string;
  header: string;
  type: FieldType;
  /** Identifies a row: the hidden id, or the natural key a foreign workbook is matched on. */
  key: boolean;
  editable: boolean;
  required: boolean;
}

/** One thing an export or a foreign import must be told: the year, the period, a budget holder. */
export interface ScopeFieldInfo {
  name: string;
  label: string;
  /** How a screen or the command line asks for it. */
  input: 'year' | 'period' | 'text';
  required: boolean;
}

export interface KindInfo {
  kind: string;
  title: string;
  /** The natural key rows are matched on (a line code), and the field that names a row to a person. */
  keyField: string;
  labelField: string;
  /** What one row is, in messages: "line". */
  rowNoun: string;
  scopeFields: ScopeFieldInfo[];
  /** Whether a row the database does not hold is added (budget lines) or listed as unmatched. */
  canAdd: boolean;
  fields: KindFieldInfo[];
}

/** The scope of one export or import, as its kind defines it (for a monitoring return: year, period, holder). */
export type KindScope = Record<string, string | number | undefined>;

export type PreviewStatus = 'added' | 'changed' | 'unchanged' | 'missing' | 'conflict' | 'unmatched';

export interface CellChange {
  field: string;
  header: string;
  /** What the database holds now, formatted as the user sees it. */
  old: string;
  /** What the file holds. */
  new: string;
}

export interface PreviewRow {
  /** Stable within one preview: the row's record id as text, or `new:<row>` for a row being added. */
  key: string;
  status: Exclude<PreviewStatus, 'unchanged'>;
  /** Where the row sits in the file (1-based sheet row), or null for a row missing from it. */
  fileRow: number | null;
  /** The row's natural key (a line code) and its label (the line's name). */
  ref: string;
  label: string;
  cells: CellChange[];
  note?: string;
  /** Things worth a second look that do not stop the import (a first negative figure, a large move). */
  warnings?: string[];
}

export interface PreviewCounts {
  added: number;
  changed: number;
  unchanged: number;
  missing: number;
  conflicts: number;
  unmatched: number;
  errors: number;
  /** Rows carrying at least one warning. */
  warnings: number;
}

/** Something about the whole file that Apply asks about again before it goes ahead. */
export interface PreviewFlag {
  /** extreme-values: a percentage beyond the range its column asks about (growth past ±25%). */
  code: 'mostly-unmatched' | 'large-moves' | 'matched-by-key' | 'extreme-values';
  message: string;
}

export interface ImportPreview {
  importId: string;
  kind: string;
  kindTitle: string;
  fileName: string;
  /** true when the file is one of ours (recognised from its hidden _meta sheet). */
  ours: boolean;
  scope: KindScope;
  /** The scope as people say it: "2026-27 P7 (October 2026)". */
  scopeLabel: string;
  sheet: string;
  exportedAt: string | null;
  exportedBy: string | null;
  /** How rows were matched to records: the hidden row ids, or their natural key (line code). */
  matchedBy: 'id' | 'key';
  counts: PreviewCounts;
  /** Every row that is not unchanged, in file order, then the missing rows (at most PREVIEW_ROW_LIMIT). */
  rows: PreviewRow[];
  /** Every problem found, `Sheet!A1 — rule — found`; while any remain, apply is refused. */
  errors: ErrorIssue[];
  /** Notes that do not block: rows skipped as subtotals, columns ignored. */
  notes: string[];
  /** Applying needs a second confirmation while any of these stand. */
  flags: PreviewFlag[];
}

export interface HeaderCell {
  /** 1-based column number and its letter. */
  col: number;
  letter: string;
  text: string;
}

export interface ColumnMapping {
  /** field name -> 1-based column number in the file. */
  [field: string]: number;
}

/** A foreign workbook: what was found, and the mapping proposed from its header text. */
export interface MappingProposal {
  importId: string;
  fileName: string;
  sheet: string;
  sheets: string[];
  headerRow: number;
  headers: HeaderCell[];
  proposed: ColumnMapping;
  /** The first rows under the header, as text, so the user can see what each column holds. */
  sample: string[][];
  savedMappings: SavedMapping[];
  /** The fields of this scope, for a kind whose columns are the workspace's own (one per data column); absent, the kind's listed fields. */
  fields?: KindFieldInfo[];
}

export interface SavedMapping {
  id: number;
  name: string;
  kind: string;
  /** header text -> field, so it applies to next year's file whatever its column order. */
  columns: Record<string, string>;
  headerRow: number | null;
  savedAt: string;
}

/**
 * What reading a file leads to: a preview (our own workbook, or a foreign one with a mapping
 * given), a proposed mapping to confirm, or, for a foreign workbook whose kind was not given,
 * the question of what it holds (answered with `mapImport`).
 */
export type ImportStart =
  | { stage: 'preview'; preview: ImportPreview }
  | { stage: 'mapping'; kind: string; scope: KindScope; proposal: MappingProposal }
  | { stage: 'kind'; importId: string; fileName: string; sheets: string[] };

export interface ImportProgress {
  active: boolean;
  phase: 'checking' | 'reading' | 'comparing' | 'applying' | 'done';
  fileName: string;
  rowsRead: number;
  /** 0..1 through the file's bytes, or null before reading starts. */
  fraction: number | null;
}

export interface ImportBatchInfo {
  id: number;
  changeSetId: number;
  kind: string;
  kindTitle: string;
  fileName: string;
  fileHash: string;
  who: string;
  at: string;
  scope: KindScope;
  scopeLabel: string;
  added: number;
  changed: number;
  deleted: number;
  conflictsResolved: number;
  revertedAt: string | null;
  revertedBy: string | null;
  /** Only the latest batch that has not been reverted can be reverted. */
  canRevert: boolean;
  /** Why it cannot be reverted, when it is the latest but something blocks it. */
  blockedBy: string | null;
}

export interface ImportApplied {
  /** Null when the file held nothing to change. */
  batch: ImportBatchInfo | null;
}
