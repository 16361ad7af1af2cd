import { defineHandlers } from '../../../electron/server/handler';
import { AppError } from '../../../electron/shared/errors';

// Placeholder while the area is built: each channel refuses.
const notYet = (): never => {
  throw new AppError('INVALID_INPUT', 'Not built yet.');
};

export const returnHandlers = defineHandlers({
  listReturns: notYet,
  setUpReturns: notYet,
  saveReturn: notYet,
  setReturnStatus: notYet,
  setDevelopmentPlan: notYet,
  listReturnHeadings: notYet,
  saveReturnCategory: notYet,
  deleteReturnCategory: notYet,
  saveReturnMeasure: notYet,
  deleteReturnMeasure: notYet,
});
