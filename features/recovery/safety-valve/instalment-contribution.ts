/**
 * A received instalment is a contribution towards the deficit in its year's DSG position: the
 * instalment owns one `deficit_contribution` row, written in the same change as the instalment,
 * so the position, the plan and the Safety Valve page can never disagree about it.
 */
import type { ChangeRecorder } from '../../../electron/server/audit/recorder';
import type { Workspace } from '../../../electron/server/workspace';
import { AppError } from '../../../electron/shared/errors';
import { allYears } from '../../years/queries';
import { deficitContribution } from '../../years/schema';
import { svInstalment } from '../schema';
import { type SvAgreementRow, type SvInstalmentRow, svRef } from './queries';
import { contributionNote } from './rules';

/**
 * The instalment's year must be one the workspace holds, and open, for its contribution to be
 * written or taken out: said before anything is written, naming what was being done.
 */
export function requireReceivableYear(ws: Workspace, year: string, action: string): void {
  const y = allYears(ws.db).find((r) => r.id === year);
  if (!y) {
    throw new AppError(
      'NOT_FOUND',
      `The ${year} instalment cannot be ${action}: this workspace has no year ${year}, so there is no DSG position to count it in. Add ${year} under Years first.`,
      { issues: [{ field: 'status', rule: 'the year must exist in this workspace', message: `there is no year ${year} in this workspace` }] },
    );
  }
  if (y.status === 'closed') {
    throw new AppError(
      'CLOSED_YEAR',
      `The ${year} instalment cannot be ${action}: ${year} is closed, so its DSG position cannot change. Reopen the year, giving a reason, to change it.`,
      { issues: [{ field: 'status', rule: 'the year must be open', message: `${year} is closed` }] },
    );
  }
}

/** Records the instalment as received and puts (or keeps) its contribution in the year's position. */
export function receiveInstalment(
  rec: ChangeRecorder,
  agreement: SvAgreementRow,
  instalment: SvInstalmentRow,
  received: { receivedPence: number; receivedOn: string; note?: string },
): void {
  const context = { subject: svRef(agreement.id) };
  const values = {
    kind: 'safety_valve' as const,
    amountPence: received.receivedPence,
    note: contributionNote(agreement.name, instalment.yearId, received.receivedOn),
  };
  const existing = instalment.contributionId === null ? undefined : rec.read(deficitContribution, instalment.contributionId);
  // A linked row someone moved to another year is replaced, so the amount lands in the instalment's year.
  if (existing && existing.yearId !== instalment.yearId) rec.delete(deficitContribution, existing.id, context);
  const contributionId =
    existing && existing.yearId === instalment.yearId
      ? rec.update(deficitContribution, existing.id, values, context).row.id
      : rec.insert(deficitContribution, { yearId: instalment.yearId, ...values }, context).id;
  rec.update(svInstalment, instalment.id, {
    status: 'received',
    receivedPence: received.receivedPence,
    receivedOn: received.receivedOn,
    contributionId,
    note: received.note,
  });
}

/** Takes the instalment's contribution out of the position again: it is due, or the DfE withheld it. */
export function unreceiveInstalment(
  rec: ChangeRecorder,
  agreement: SvAgreementRow,
  instalment: SvInstalmentRow,
  status: 'due' | 'withheld',
  note?: string,
): void {
  // Cleared first, so the instalment never points at a row that has gone.
  rec.update(svInstalment, instalment.id, { status, receivedPence: null, receivedOn: null, contributionId: null, note });
  if (instalment.contributionId !== null) dropContribution(rec, instalment.contributionId, agreement.id);
}

/** Deletes the contribution an instalment owned, if it is still there. */
export function dropContribution(rec: ChangeRecorder, contributionId: number, agreementId: number): void {
  if (rec.read(deficitContribution, contributionId)) rec.delete(deficitContribution, contributionId, { subject: svRef(agreementId) });
}
