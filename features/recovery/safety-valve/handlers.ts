import { defineHandlers } from '../../../electron/server/handler';
import { AppError } from '../../../electron/shared/errors';

// Placeholder while the area is built: each channel refuses.
const notYet = (): never => {
  throw new AppError('INVALID_INPUT', 'Not built yet.');
};

export const safetyValveHandlers = defineHandlers({
  listSvAgreements: notYet,
  saveSvAgreement: notYet,
  saveInstalment: notYet,
  recordInstalment: notYet,
  deleteInstalment: notYet,
  saveSvCondition: notYet,
  deleteSvCondition: notYet,
  saveSvMonitoring: notYet,
});
