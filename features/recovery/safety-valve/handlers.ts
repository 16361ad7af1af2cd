import { defineHandlers } from '../../../electron/server/handler';
import type { Workspace } from '../../../electron/server/workspace';
import { londonDate, ukLongDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import { yearDates } from '../../../electron/shared/periods';
import { svAgreement, svCondition, svInstalment, svMonitoring } from '../schema';
import { INSTALMENT_STATUS_LABELS, SV_KIND_LABELS } from '../words';
import { dropContribution, receiveInstalment, requireReceivableYear, unreceiveInstalment } from './instalment-contribution';
import { writeQuarter } from './monitoring-writes';
import {
  conditionsOf,
  instalmentsOf,
  listSvAgreements,
  monitoringOf,
  requireInstalment,
  requireSvAgreement,
  requireSvCondition,
  type SvAgreementRow,
  type SvInstalmentRow,
  svRef,
} from './queries';
import { exactMoney, type InstalmentFigures, overTotal, quarterDates, quarterLongName } from './rules';

const today = (ws: Workspace) => londonDate(ws.actor.now());

function refuse(code: 'INVALID_INPUT' | 'DUPLICATE', field: string, rule: string, message: string): never {
  throw new AppError(code, message, { issues: [{ field, rule, message }] });
}

/** The instalments as they would stand after a change, checked against the agreement's total. */
function checkTotal(ws: Workspace, agreement: SvAgreementRow, totalPence: number, replace?: { id: number | null; figures: InstalmentFigures }): void {
  const rows: InstalmentFigures[] = instalmentsOf(ws.db, agreement.id).filter((i) => !replace || i.id !== replace.id);
  if (replace) rows.push(replace.figures);
  const problem = overTotal(totalPence, rows, ws.money());
  if (problem) refuse('INVALID_INPUT', problem.field, "instalments must not total more than the agreement's total", problem.message);
}

function instalmentOf(ws: Workspace, id: number): { instalment: SvInstalmentRow; agreement: SvAgreementRow } {
  const instalment = requireInstalment(ws.db, id);
  return { instalment, agreement: requireSvAgreement(ws.db, instalment.agreementId) };
}

export const safetyValveHandlers = defineHandlers({
  listSvAgreements: (_input, { ws }) => listSvAgreements(ws.db),

  saveSvAgreement: (input, { ws }) => {
    const existing = input.id === undefined ? undefined : requireSvAgreement(ws.db, input.id, 'id');
    const clash = ws.db
      .select()
      .from(svAgreement)
      .all()
      .find((a) => a.id !== input.id && a.name.trim().toLowerCase() === input.name.toLowerCase());
    if (clash) refuse('DUPLICATE', 'name', 'agreement names must be unique', `There is already an agreement called ${clash.name}. Give this one another name.`);
    if (existing) checkTotal(ws, existing, input.totalPence);
    const values = {
      name: input.name,
      kind: input.kind,
      counterparty: input.counterparty?.trim() || undefined,
      signedOn: input.signedOn,
      totalPence: input.totalPence,
      capitalPence: input.capitalPence,
      note: input.note,
    };
    ws.write('edit', `${SV_KIND_LABELS[input.kind]}: ${input.name}`, (rec) => {
      if (existing) rec.update(svAgreement, existing.id, values);
      else rec.insert(svAgreement, { ...values, counterparty: values.counterparty ?? 'Department for Education', capitalPence: values.capitalPence ?? 0 });
    });
    return listSvAgreements(ws.db);
  },

  saveInstalment: (input, { ws }) => {
    const agreement = requireSvAgreement(ws.db, input.agreementId);
    const existing = input.id === undefined ? undefined : requireInstalment(ws.db, input.id);
    if (existing && existing.agreementId !== agreement.id) {
      refuse('INVALID_INPUT', 'id', 'the instalment must be one of this agreement’s', `That instalment belongs to another agreement, not ${agreement.name}.`);
    }
    const clash = instalmentsOf(ws.db, agreement.id).find((i) => i.yearId === input.year && i.id !== input.id);
    if (clash) {
      refuse(
        'DUPLICATE',
        'year',
        'one instalment a year',
        `${agreement.name} already has an instalment for ${input.year}: change that one rather than adding another.`,
      );
    }
    if (yearDates(input.year).end < agreement.signedOn) {
      refuse(
        'INVALID_INPUT',
        'year',
        'not before the agreement',
        `${input.year} ended before ${agreement.name} was signed on ${ukLongDate(agreement.signedOn)}, so it can have no instalment.`,
      );
    }
    if (existing && existing.status === 'received' && existing.yearId !== input.year) {
      refuse(
        'INVALID_INPUT',
        'year',
        'a received instalment stays in its year',
        `The ${existing.yearId} instalment has been received and counts in ${existing.yearId}'s DSG position. Record it as due first if it belongs to another year, then move it.`,
      );
    }
    checkTotal(ws, agreement, agreement.totalPence, {
      id: existing?.id ?? null,
      figures: { expectedPence: input.expectedPence, status: existing?.status ?? 'due', receivedPence: existing?.receivedPence ?? null },
    });
    ws.write('edit', `${agreement.name}: ${input.year} instalment`, (rec) => {
      if (existing) rec.update(svInstalment, existing.id, { yearId: input.year, expectedPence: input.expectedPence, note: input.note });
      else rec.insert(svInstalment, { agreementId: agreement.id, yearId: input.year, expectedPence: input.expectedPence, note: input.note ?? '' });
    });
    return listSvAgreements(ws.db);
  },

  recordInstalment: (input, { ws }) => {
    const { instalment, agreement } = instalmentOf(ws, input.id);
    const year = instalment.yearId;
    if (input.status !== 'received') {
      if (input.receivedPence !== undefined || input.receivedOn !== undefined) {
        refuse(
          'INVALID_INPUT',
          input.receivedPence !== undefined ? 'receivedPence' : 'receivedOn',
          'only a received instalment has an amount and date received',
          `An instalment marked ${INSTALMENT_STATUS_LABELS[input.status].toLowerCase()} has nothing received: leave the amount and date blank, or mark it received.`,
        );
      }
      if (instalment.contributionId !== null) requireReceivableYear(ws, year, `set back to ${INSTALMENT_STATUS_LABELS[input.status].toLowerCase()}`);
      ws.write('edit', `${agreement.name}: ${year} instalment ${INSTALMENT_STATUS_LABELS[input.status].toLowerCase()}`, (rec) =>
        unreceiveInstalment(rec, agreement, instalment, input.status as 'due' | 'withheld', input.note),
      );
      return listSvAgreements(ws.db);
    }

    const receivedPence = input.receivedPence ?? instalment.receivedPence ?? instalment.expectedPence;
    const receivedOn = input.receivedOn ?? instalment.receivedOn ?? today(ws);
    if (receivedOn > today(ws)) {
      refuse(
        'INVALID_INPUT',
        'receivedOn',
        'not in the future',
        `${ukLongDate(receivedOn)} has not come yet: record the instalment as received once the money has arrived.`,
      );
    }
    if (receivedOn < agreement.signedOn) {
      refuse(
        'INVALID_INPUT',
        'receivedOn',
        'not before the agreement',
        `${ukLongDate(receivedOn)} is before ${agreement.name} was signed on ${ukLongDate(agreement.signedOn)}. Check the date received.`,
      );
    }
    const unchanged =
      instalment.status === 'received' &&
      instalment.contributionId !== null &&
      receivedPence === instalment.receivedPence &&
      receivedOn === instalment.receivedOn;
    if (!unchanged) requireReceivableYear(ws, year, 'recorded as received');
    checkTotal(ws, agreement, agreement.totalPence, {
      id: instalment.id,
      figures: { expectedPence: instalment.expectedPence, status: 'received', receivedPence },
    });
    ws.write('edit', `${agreement.name}: ${year} instalment received, ${exactMoney(ws.money(), receivedPence)}`, (rec) =>
      receiveInstalment(rec, agreement, instalment, { receivedPence, receivedOn, note: input.note }),
    );
    return listSvAgreements(ws.db);
  },

  deleteInstalment: (input, { ws }) => {
    const { instalment, agreement } = instalmentOf(ws, input.id);
    if (instalment.contributionId !== null) requireReceivableYear(ws, instalment.yearId, 'deleted');
    ws.write('edit', `${agreement.name}: ${instalment.yearId} instalment removed`, (rec) => {
      // The instalment first: it points at the contribution, which goes with it.
      rec.delete(svInstalment, instalment.id);
      if (instalment.contributionId !== null) dropContribution(rec, instalment.contributionId, agreement.id);
    });
    return listSvAgreements(ws.db);
  },

  saveSvCondition: (input, { ws }) => {
    const agreement = requireSvAgreement(ws.db, input.agreementId);
    const existing = input.id === undefined ? undefined : requireSvCondition(ws.db, input.id);
    if (existing && existing.agreementId !== agreement.id) {
      refuse('INVALID_INPUT', 'id', 'the condition must be one of this agreement’s', `That condition belongs to another agreement, not ${agreement.name}.`);
    }
    const clash = conditionsOf(ws.db, agreement.id).find((c) => c.number === input.number && c.id !== input.id);
    if (clash) {
      refuse(
        'DUPLICATE',
        'number',
        'condition numbers are unique within an agreement',
        `${agreement.name} already has a condition ${input.number}: give this one another number.`,
      );
    }
    const values = { number: input.number, text: input.text, target: input.target?.trim() };
    ws.write('edit', `${agreement.name}: condition ${input.number}`, (rec) => {
      if (existing) rec.update(svCondition, existing.id, values);
      else rec.insert(svCondition, { agreementId: agreement.id, ...values, target: values.target ?? '' });
    });
    return listSvAgreements(ws.db);
  },

  deleteSvCondition: (input, { ws }) => {
    const condition = requireSvCondition(ws.db, input.id);
    const agreement = requireSvAgreement(ws.db, condition.agreementId);
    const history = monitoringOf(ws.db, condition.id);
    ws.write('edit', `${agreement.name}: condition ${condition.number} removed`, (rec) => {
      // Its monitoring goes through the recorder too, so undo brings the history back with it.
      for (const m of history)
        rec.delete(svMonitoring, m.id, { subject: svRef(agreement.id), part: `condition ${condition.number}, ${m.yearId} Q${m.quarter}` });
      rec.delete(svCondition, condition.id);
    });
    return listSvAgreements(ws.db);
  },

  saveSvMonitoring: (input, { ws }) => {
    const condition = requireSvCondition(ws.db, input.conditionId, 'conditionId');
    const agreement = requireSvAgreement(ws.db, condition.agreementId);
    const { start, end } = quarterDates(input.year, input.quarter);
    const quarter = quarterLongName(input.year, input.quarter);
    if (start > today(ws)) {
      refuse(
        'INVALID_INPUT',
        'quarter',
        'the quarter must have begun',
        `${quarter} begins on ${ukLongDate(start)}: its monitoring can be recorded once the quarter has begun.`,
      );
    }
    if (end < agreement.signedOn) {
      refuse(
        'INVALID_INPUT',
        'quarter',
        'not before the agreement',
        `${quarter} ended before ${agreement.name} was signed on ${ukLongDate(agreement.signedOn)}, so there is nothing to monitor.`,
      );
    }
    ws.write('edit', `${agreement.name}: condition ${condition.number}, ${input.year} Q${input.quarter}`, (rec) =>
      writeQuarter(rec, ws.db, condition, input.year, input.quarter, { rag: input.rag, narrative: input.narrative, figures: input.figures }),
    );
    return listSvAgreements(ws.db);
  },
});
