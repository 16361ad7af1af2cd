import { defineHandlers } from '../../../electron/server/handler';
import { AppError } from '../../../electron/shared/errors';

// Placeholder while the area is built: each channel refuses.
const notYet = (): never => {
  throw new AppError('INVALID_INPUT', 'Not built yet.');
};

export const planHandlers = defineHandlers({
  listPlans: notYet,
  createPlan: notYet,
  updatePlan: notYet,
  deletePlan: notYet,
  getPlanResult: notYet,
  getAssumptions: notYet,
  saveFundingYear: notYet,
  savePlanLine: notYet,
  deletePlanLine: notYet,
  refreshPlanBase: notYet,
  createMitigatedScenario: notYet,
  copyScenario: notYet,
  renameScenario: notYet,
  deleteScenario: notYet,
  attachProject: notYet,
  detachProject: notYet,
  submitScenario: notYet,
  compareScenarios: notYet,
});
