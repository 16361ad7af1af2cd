import { defineHandlers } from '../../../electron/server/handler';
import { AppError } from '../../../electron/shared/errors';

// Placeholder while the area is built: each channel refuses.
const notYet = (): never => {
  throw new AppError('INVALID_INPUT', 'Not built yet.');
};

export const registerHandlers = defineHandlers({
  listWorkstreams: notYet,
  saveWorkstream: notYet,
  deleteWorkstream: notYet,
  listProjects: notYet,
  getProject: notYet,
  saveProject: notYet,
  deleteProject: notYet,
  recordRag: notYet,
  saveMilestone: notYet,
  deleteMilestone: notYet,
  saveKpi: notYet,
  deleteKpi: notYet,
  saveProjectYear: notYet,
  deleteProjectYear: notYet,
  linkAgreement: notYet,
  unlinkAgreement: notYet,
});
