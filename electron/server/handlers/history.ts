import { lineHistory } from '../audit/history';
import { undoLast, undoState } from '../audit/undo';
import { defineHandlers } from '../handler';

export const historyHandlers = defineHandlers({
  getLineHistory: (input, { ws }) => lineHistory(ws, input.lineId, input.year),
  getUndoState: (_input, { ws }) => undoState(ws),
  undo: (_input, { ws }) => undoLast(ws),
});
