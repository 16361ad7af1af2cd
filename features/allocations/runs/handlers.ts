import { defineHandlers } from '../../../electron/server/handler';
import { AppError } from '../../../electron/shared/errors';

// Placeholder while the area is built: each channel refuses.
const notYet = (): never => {
  throw new AppError('INVALID_INPUT', 'Not built yet.');
};

export const runHandlers = defineHandlers({
  listRuns: notYet,
  getRun: notYet,
  createRun: notYet,
  updateRun: notYet,
  recalculateRun: notYet,
  copyRun: notYet,
  approveRun: notYet,
  deleteRun: notYet,
  compareRuns: notYet,
});
