import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../electron/shared/errors';
import { defineHandlers } from '../../../electron/server/handler';
import { agreementCondition, agreementReport } from '../schema';
import { agreementDetail, requireAgreement, requireChild, todayOf } from './queries';
import type { RuleProblem } from './rules';
import { refuseProblems } from './writes';

/** A row of an agreement asked for by id under another agreement: refused, so nothing moves between agreements. */
function notOfAgreement(what: string, id: number, reference: string): AppError {
  const message = `The ${what} ${id} is not one of ${reference}'s: reopen the agreement and try again.`;
  return new AppError('INVALID_INPUT', message, { issues: [{ field: 'id', rule: `must be a ${what} of this agreement`, message }] });
}

export const conditionHandlers = defineHandlers({
  saveCondition: (input, { ws }) => {
    const a = requireAgreement(ws.db, input.agreementId);
    if (input.id !== undefined) {
      const c = requireChild(ws.db.select().from(agreementCondition).where(eq(agreementCondition.id, input.id)).get(), 'condition', input.id);
      if (c.agreementId !== a.id) throw notOfAgreement('condition', input.id, a.reference);
    }
    const underspend = input.kind === 'underspend_return';
    const problems: RuleProblem[] = [];
    if (underspend && (input.thresholdBp === null || input.thresholdBp === undefined)) {
      problems.push({
        field: 'thresholdBp',
        rule: 'an underspend condition needs its threshold',
        found: 'no threshold',
        message: `An underspend condition of ${a.reference} needs its threshold: the share of the year's funding above which the underspend goes back (for example 15%).`,
      });
    }
    if (underspend && !input.returnBasis) {
      problems.push({
        field: 'returnBasis',
        rule: 'an underspend condition needs its return basis',
        found: 'no return basis',
        message: `An underspend condition of ${a.reference} needs to say what goes back: the whole underspend, or only the part above the threshold.`,
      });
    }
    refuseProblems(problems);
    // Only an underspend condition has a threshold and a return basis; another keeps neither.
    const values = {
      kind: input.kind,
      text: input.text,
      thresholdBp: underspend ? input.thresholdBp! : null,
      returnBasis: underspend ? input.returnBasis! : null,
    };
    ws.write('edit', `${input.id === undefined ? 'Add' : 'Change'} a condition of ${a.reference}`, (rec) => {
      if (input.id !== undefined) {
        rec.update(agreementCondition, input.id, values);
        return;
      }
      const last = ws.db
        .select({ max: sql<number>`coalesce(max(${agreementCondition.sortOrder}), 0)` })
        .from(agreementCondition)
        .where(eq(agreementCondition.agreementId, a.id))
        .get();
      rec.insert(agreementCondition, { agreementId: a.id, ...values, sortOrder: Number(last?.max ?? 0) + 10 });
    });
    return agreementDetail(ws.db, a.id, todayOf(ws));
  },

  deleteCondition: (input, { ws }) => {
    const c = requireChild(ws.db.select().from(agreementCondition).where(eq(agreementCondition.id, input.id)).get(), 'condition', input.id);
    const a = requireAgreement(ws.db, c.agreementId);
    ws.write('edit', `Remove a condition of ${a.reference}`, (rec) => {
      // Its reports stay, as reports of the agreement; cleared here so undo puts the link back.
      for (const r of ws.db.select({ id: agreementReport.id }).from(agreementReport).where(eq(agreementReport.conditionId, c.id)).all()) {
        rec.update(agreementReport, r.id, { conditionId: null });
      }
      rec.delete(agreementCondition, c.id);
    });
    return agreementDetail(ws.db, a.id, todayOf(ws));
  },

  saveReport: (input, { ws }) => {
    const a = requireAgreement(ws.db, input.agreementId);
    if (input.id !== undefined) {
      const r = requireChild(ws.db.select().from(agreementReport).where(eq(agreementReport.id, input.id)).get(), 'report', input.id);
      if (r.agreementId !== a.id) throw notOfAgreement('report', input.id, a.reference);
    }
    if (input.conditionId !== null && input.conditionId !== undefined) {
      const c = ws.db
        .select({ id: agreementCondition.id })
        .from(agreementCondition)
        .where(and(eq(agreementCondition.id, input.conditionId), eq(agreementCondition.agreementId, a.id)))
        .get();
      if (!c) throw notOfAgreement('condition', input.conditionId, a.reference);
    }
    const values = {
      title: input.title,
      dueOn: input.dueOn,
      conditionId: input.conditionId,
      receivedOn: input.receivedOn,
    };
    ws.write('edit', `${input.id === undefined ? 'Add' : 'Change'} the report "${input.title}" of ${a.reference}`, (rec) => {
      if (input.id !== undefined) rec.update(agreementReport, input.id, values);
      else rec.insert(agreementReport, { agreementId: a.id, ...values, conditionId: values.conditionId ?? null, receivedOn: values.receivedOn ?? null });
    });
    return agreementDetail(ws.db, a.id, todayOf(ws));
  },

  deleteReport: (input, { ws }) => {
    const r = requireChild(ws.db.select().from(agreementReport).where(eq(agreementReport.id, input.id)).get(), 'report', input.id);
    const a = requireAgreement(ws.db, r.agreementId);
    ws.write('edit', `Remove the report "${r.title}" of ${a.reference}`, (rec) => rec.delete(agreementReport, r.id));
    return agreementDetail(ws.db, a.id, todayOf(ws));
  },
});
