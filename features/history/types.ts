/** The audit trail as people read it, and undo/redo of whole changes. */

export interface HistoryEntry {
  id: number;
  at: string;
  who: string;
  changeSetId: number;
  changeKind: string;
  changeLabel: string;
  entity: string;
  op: 'insert' | 'update' | 'delete';
  field: string;
  /** Human label for the field, e.g. "Forecast P6". */
  what: string;
  /** Values as formatted for people: "£1,234,567", "(none)". */
  oldText: string;
  newText: string;
  /** What the change belongs to and what it is about, as entity references ("financial_year:2024-25", "budget_line:12"). */
  scope: string | null;
  subject: string | null;
  undone: boolean;
}

export interface UndoState {
  canUndo: boolean;
  /** What undo would reverse, as the change was labelled ("Forecast HN01 P7 to £8,163,300"). */
  label: string | null;
  /** Why the last change cannot be undone (its year has since closed), or null. */
  blockedBy: string | null;
  canRedo: boolean;
  redoLabel: string | null;
}
