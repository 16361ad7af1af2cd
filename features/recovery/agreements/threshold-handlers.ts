import { and, eq, ne } from 'drizzle-orm';
import { ukLongDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import { defineHandlers } from '../../../electron/server/handler';
import { decisionThreshold, recoverySettings } from '../schema';
import { alertDays, requireChild, thresholds } from './queries';
import { pounds } from './rules';

export const thresholdHandlers = defineHandlers({
  /** Each threshold holds from its date until the next one's: two on one date would leave the day's threshold unknown. */
  saveThreshold: (input, { ws }) => {
    const existing =
      input.id === undefined
        ? null
        : requireChild(ws.db.select().from(decisionThreshold).where(eq(decisionThreshold.id, input.id)).get(), 'threshold', input.id);
    const clash = ws.db
      .select()
      .from(decisionThreshold)
      .where(
        input.id === undefined
          ? eq(decisionThreshold.effectiveFrom, input.effectiveFrom)
          : and(eq(decisionThreshold.effectiveFrom, input.effectiveFrom), ne(decisionThreshold.id, input.id)),
      )
      .get();
    if (clash) {
      const message = `A threshold already takes effect on ${ukLongDate(input.effectiveFrom)} (key decisions from ${pounds(clash.keyDecisionPence)} a year): change that one, or give this one another date.`;
      throw new AppError('DUPLICATE', message, { issues: [{ field: 'effectiveFrom', rule: 'one threshold a date', message }] });
    }
    const values = {
      effectiveFrom: input.effectiveFrom,
      keyDecisionPence: input.keyDecisionPence,
      callInPence: input.callInPence === undefined ? (existing?.callInPence ?? null) : input.callInPence,
      note: input.note ?? existing?.note ?? '',
    };
    ws.write('edit', `${existing ? 'Change' : 'Add'} the decision threshold from ${ukLongDate(input.effectiveFrom)}`, (rec) => {
      if (existing) rec.update(decisionThreshold, existing.id, values);
      else rec.insert(decisionThreshold, values);
    });
    return thresholds(ws.db);
  },

  deleteThreshold: (input, { ws }) => {
    const t = requireChild(ws.db.select().from(decisionThreshold).where(eq(decisionThreshold.id, input.id)).get(), 'threshold', input.id);
    ws.write('edit', `Remove the decision threshold from ${ukLongDate(t.effectiveFrom)}`, (rec) => rec.delete(decisionThreshold, t.id));
    return thresholds(ws.db);
  },

  setAlertDays: (input, { ws }) => {
    const had = ws.db.select().from(recoverySettings).where(eq(recoverySettings.id, 1)).get();
    ws.write('edit', `Agreement alerts look ${input.days} days ahead`, (rec) => {
      if (had) rec.update(recoverySettings, 1, { alertDays: input.days });
      else rec.insert(recoverySettings, { id: 1, alertDays: input.days });
    });
    return { alertDays: alertDays(ws.db) };
  },
});
