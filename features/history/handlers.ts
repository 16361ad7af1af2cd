import { lineHistory } from '../../electron/server/audit/history';
import { undoLast, undoState } from '../../electron/server/audit/undo';
import { defineHandlers } from '../../electron/server/handler';

export const historyHandlers = defineHandlers({
  getLineHistory: (input, { ws }) => lineHistory(ws, input.lineId, input.year),
  getUndoState: (_input, { ws }) => undoState(ws),
  undo: (_input, { ws }) => undoLast(ws),
});
