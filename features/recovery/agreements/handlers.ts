import { defineHandlers } from '../../../electron/server/handler';
import { AppError } from '../../../electron/shared/errors';

// Placeholder while the area is built: each channel refuses.
const notYet = (): never => {
  throw new AppError('INVALID_INPUT', 'Not built yet.');
};

export const agreementHandlers = defineHandlers({
  getAgreementsOverview: notYet,
  getAgreement: notYet,
  saveAgreement: notYet,
  deleteAgreement: notYet,
  takeExtension: notYet,
  removeExtension: notYet,
  saveCondition: notYet,
  deleteCondition: notYet,
  saveReport: notYet,
  deleteReport: notYet,
  saveThreshold: notYet,
  deleteThreshold: notYet,
  setAlertDays: notYet,
});
