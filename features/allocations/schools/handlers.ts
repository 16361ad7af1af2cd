import { defineHandlers } from '../../../electron/server/handler';
import { AppError } from '../../../electron/shared/errors';

// Placeholder while the area is built: each channel refuses.
const notYet = (): never => {
  throw new AppError('INVALID_INPUT', 'Not built yet.');
};

export const schoolHandlers = defineHandlers({
  listSchools: notYet,
  saveSchool: notYet,
  deleteSchool: notYet,
  listDataColumns: notYet,
  saveDataColumn: notYet,
  deleteDataColumn: notYet,
  setSchoolData: notYet,
  listPartnerships: notYet,
  savePartnership: notYet,
  deletePartnership: notYet,
  setMembership: notYet,
  copyMembership: notYet,
  setBuyIn: notYet,
  buyInByCluster: notYet,
});
