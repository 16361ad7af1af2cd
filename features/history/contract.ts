import { z } from 'zod';
import { channel, empty, requiredText } from '../../electron/shared/contract-kit';
import type { HistoryEntry, UndoState } from './types';

const entityRef = requiredText(120).regex(/^[a-z_]+:[^\s:]+$/, { error: 'must name a record, such as budget_line:12' });

export const historyContract = {
  /** Every change to a subject (a budget line, a meeting), optionally within one scope (a year), newest first. */
  getHistory: channel(z.strictObject({ subject: entityRef, scope: entityRef.optional() })).returns<HistoryEntry[]>(),
  getUndoState: channel(empty).returns<UndoState>(),
  /** Reverses the latest change made in this session (an edit, a paste, an import), whole. */
  undo: channel(empty).returns<UndoState & { undone: string }>(),
  /** Makes again the change the last undo reversed, if nothing has been changed since. */
  redo: channel(empty).returns<UndoState & { redone: string }>(),
};
