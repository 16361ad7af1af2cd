import { eq } from 'drizzle-orm';
import { ukLongDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import { defineHandlers } from '../../../electron/server/handler';
import { agreement, agreementExtension } from '../schema';
import { conditionHandlers } from './condition-handlers';
import { agreementDetail, agreementSummaries, alertDays, extensionsOf, requireAgreement, requireChild, thresholds, todayOf } from './queries';
import { type AgreementValues, agreementProblems, extensionProblem } from './rules';
import { thresholdHandlers } from './threshold-handlers';
import { agreementWithReference, deleteAgreementRows, duplicateReference, refuseIfLinked, refuseProblems } from './writes';

export const agreementHandlers = defineHandlers({
  getAgreementsOverview: (input, { ws }) => {
    const today = todayOf(ws, input.today);
    return { today, alertDays: alertDays(ws.db), agreements: agreementSummaries(ws.db, today), thresholds: thresholds(ws.db) };
  },

  getAgreement: (input, { ws }) => agreementDetail(ws.db, input.id, todayOf(ws, input.today)),

  saveAgreement: (input, { ws }) => {
    const existing = input.id === undefined ? null : requireAgreement(ws.db, input.id);
    const reference = input.reference.trim();
    const other = agreementWithReference(ws, reference, input.id);
    if (other) throw duplicateReference(other);
    const taken = existing ? extensionsOf(ws.db, existing.id).length : 0;
    const keep = <T>(given: T | undefined, current: T | undefined, fallback: T): T =>
      given !== undefined ? given : current !== undefined ? current : fallback;
    const values = {
      reference,
      counterparty: input.counterparty,
      type: input.type,
      // Trimmed as the workbook reads it, so an unchanged export imports as no change.
      purpose: keep(input.purpose, existing?.purpose, '').trim(),
      legalBasis: input.legalBasis,
      legalBasisOn: keep(input.legalBasisOn, existing?.legalBasisOn, null),
      startOn: input.startOn,
      endOn: input.endOn,
      annualValuePence: input.annualValuePence,
      extensionsOffered: input.extensionsOffered,
      extensionMonths: input.extensionMonths,
      extensionNoticeDays: keep(input.extensionNoticeDays, existing?.extensionNoticeDays, 90),
      decisionReference: keep(input.decisionReference, existing?.decisionReference, '').trim(),
      decisionOn: keep(input.decisionOn, existing?.decisionOn, null),
      forwardPlanReference: keep(input.forwardPlanReference, existing?.forwardPlanReference, '').trim(),
      keyDecisionOverride: keep(input.keyDecisionOverride, existing?.keyDecisionOverride, null),
      keyDecisionReason: keep(input.keyDecisionReason, existing?.keyDecisionReason, '').trim(),
      callInOverride: keep(input.callInOverride, existing?.callInOverride, null),
      callInReason: keep(input.callInReason, existing?.callInReason, '').trim(),
      reportingDuties: keep(input.reportingDuties, existing?.reportingDuties, ''),
      note: keep(input.note, existing?.note, ''),
    } satisfies AgreementValues & Record<string, unknown>;
    refuseProblems(agreementProblems(values, taken, `Agreement ${reference}`));
    const id = ws.write('edit', `${existing ? 'Change' : 'Add'} agreement ${reference}`, (rec) => {
      if (!existing) return rec.insert(agreement, values).id;
      rec.update(agreement, existing.id, values);
      return existing.id;
    });
    return agreementDetail(ws.db, id, todayOf(ws));
  },

  deleteAgreement: (input, { ws }) => {
    const a = requireAgreement(ws.db, input.id);
    refuseIfLinked(ws, a);
    ws.write('edit', `Delete agreement ${a.reference}`, (rec) => deleteAgreementRows(rec, ws, a.id));
    return { deleted: 1 };
  },

  takeExtension: (input, { ws }) => {
    const a = requireAgreement(ws.db, input.agreementId);
    const taken = extensionsOf(ws.db, a.id).length;
    const problem = extensionProblem(input.number, taken, a.extensionsOffered, a.extensionMonths, a.reference);
    if (problem) refuseProblems([problem]);
    ws.write('edit', `Take extension ${input.number} of ${a.reference} (${ukLongDate(input.takenOn)})`, (rec) =>
      rec.insert(agreementExtension, {
        agreementId: a.id,
        number: input.number,
        takenOn: input.takenOn,
        decisionReference: (input.decisionReference ?? '').trim(),
      }),
    );
    return agreementDetail(ws.db, a.id, todayOf(ws));
  },

  removeExtension: (input, { ws }) => {
    const ext = requireChild(ws.db.select().from(agreementExtension).where(eq(agreementExtension.id, input.id)).get(), 'extension', input.id);
    const a = requireAgreement(ws.db, ext.agreementId);
    const latest = extensionsOf(ws.db, a.id).at(-1)!;
    if (latest.number !== ext.number) {
      const message = `Extension ${ext.number} of ${a.reference} cannot be removed while extension ${latest.number} is taken: extensions are removed latest first.`;
      throw new AppError('INVALID_INPUT', message, { issues: [{ field: 'id', rule: 'the latest extension is removed first', message }] });
    }
    ws.write('edit', `Remove extension ${ext.number} of ${a.reference}`, (rec) => rec.delete(agreementExtension, ext.id));
    return agreementDetail(ws.db, a.id, todayOf(ws));
  },

  ...conditionHandlers,
  ...thresholdHandlers,
});
