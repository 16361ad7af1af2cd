import { history } from '../../electron/server/audit/history';
import { redoLast, undoLast, undoState } from '../../electron/server/audit/undo';
import { defineHandlers } from '../../electron/server/handler';

export const historyHandlers = defineHandlers({
  getHistory: (input, { ws }) => history(ws, input.subject, input.scope),
  getUndoState: (_input, { ws }) => undoState(ws),
  undo: (_input, { ws }) => undoLast(ws),
  redo: (_input, { ws }) => redoLast(ws),
});
