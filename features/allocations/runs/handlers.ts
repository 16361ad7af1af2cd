import { defineHandlers } from '../../../electron/server/handler';
import { setLock } from '../../../electron/server/locks/locks';
import { londonDate, ukLongDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import { allocationRun } from '../schema';
import { RUN_ENTITY } from '../words';
import { calculateRun, deleteRunRows, insertRun, replaceRunInputs } from './calculate';
import { compareRuns } from './compare';
import { runExportHandlers } from './export-handlers';
import { factorsOf, requireRun, runDetail, runInfos, runPartnershipsOf } from './queries';
import { requireDraft, requireUniqueRunName } from './rules';

export const runHandlers = defineHandlers({
  listRuns: (input, { ws }) => runInfos(ws.db, input.year),

  getRun: (input, { ws }) => runDetail(ws.db, input.runId),

  createRun: (input, { ws }) => {
    requireUniqueRunName(ws.db, input.year, input.name);
    const at = ws.actor.now().toISOString();
    const { id } = ws.write('edit', `New allocation run "${input.name}" for ${input.year}`, (rec) => insertRun(rec, ws.db, input, at));
    return runDetail(ws.db, id, { checkData: false });
  },

  updateRun: (input, { ws }) => {
    const run = requireRun(ws.db, input.runId);
    requireDraft(ws.db, run);
    if (input.name !== undefined) requireUniqueRunName(ws.db, run.yearId, input.name, run.id);
    const at = ws.actor.now().toISOString();
    ws.write('edit', `Allocation run "${input.name ?? run.name}" (${run.yearId}) changed and worked out again`, (rec) =>
      replaceRunInputs(rec, ws.db, run.id, input, at),
    );
    return runDetail(ws.db, run.id, { checkData: false });
  },

  recalculateRun: (input, { ws }) => {
    const run = requireRun(ws.db, input.runId);
    requireDraft(ws.db, run);
    const at = ws.actor.now().toISOString();
    ws.write('edit', `Allocation run "${run.name}" (${run.yearId}) worked out again on today's data`, (rec) => calculateRun(rec, ws.db, run.id, at));
    return runDetail(ws.db, run.id, { checkData: false });
  },

  copyRun: (input, { ws }) => {
    const from = requireRun(ws.db, input.runId);
    const year = input.year ?? from.yearId;
    requireUniqueRunName(ws.db, year, input.name);
    const factors = factorsOf(ws.db, from.id).map((f) => ({
      name: f.name,
      weightBp: f.weightBp,
      columns: f.columns.map((c) => ({ columnId: c.columnId, weight: c.weight })),
    }));
    const places = runPartnershipsOf(ws.db, from.id)
      .filter((p) => p.places > 0)
      .map((p) => ({ partnershipId: p.partnershipId, places: p.places }));
    const at = ws.actor.now().toISOString();
    const { id } = ws.write('edit', `Allocation run "${input.name}" for ${year} copied from "${from.name}" (${from.yearId})`, (rec) =>
      insertRun(
        rec,
        ws.db,
        {
          year,
          name: input.name,
          formulaPotPence: from.formulaPotPence,
          placeRatePence: from.placeRatePence,
          factors,
          places,
          note: from.note,
          copiedFromId: from.id,
        },
        at,
      ),
    );
    return runDetail(ws.db, id, { checkData: false });
  },

  approveRun: (input, { ws }) => {
    const run = requireRun(ws.db, input.runId);
    requireDraft(ws.db, run);
    const today = londonDate(ws.actor.now());
    if (input.approvedOn > today) {
      throw new AppError('INVALID_INPUT', `The approval date ${ukLongDate(input.approvedOn)} is in the future. Give the date the run was approved.`, {
        issues: [{ field: 'approvedOn', rule: 'must not be in the future', message: 'is in the future' }],
      });
    }
    const reason = `Approved on ${ukLongDate(input.approvedOn)}${input.note ? `: ${input.note}` : ''}`;
    const by = { who: ws.actor.who(), at: ws.actor.now().toISOString() };
    ws.write('status', `Allocation run "${run.name}" (${run.yearId}) approved`, (rec) => {
      rec.update(allocationRun, run.id, { status: 'approved', approvedOn: input.approvedOn, approvedNote: input.note });
      setLock(rec, ws.db, RUN_ENTITY, String(run.id), true, reason, by);
    });
    return runDetail(ws.db, run.id);
  },

  deleteRun: (input, { ws }) => {
    const run = requireRun(ws.db, input.runId);
    requireDraft(ws.db, run);
    ws.write('edit', `Allocation run "${run.name}" (${run.yearId}) deleted`, (rec) => deleteRunRows(rec, ws.db, run.id));
    return { deleted: true as const };
  },

  compareRuns: (input, { ws }) => compareRuns(ws.db, input.a, input.b),

  ...runExportHandlers,
});
