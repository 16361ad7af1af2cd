/** What the handlers and the workbook share when they write agreements: the rules on references, links and deletion. */
import { and, eq, ne, sql } from 'drizzle-orm';
import { AppError } from '../../../electron/shared/errors';
import type { ChangeRecorder } from '../../../electron/server/audit/recorder';
import type { Workspace } from '../../../electron/server/workspace';
import { agreement, agreementCondition, agreementExtension, agreementReport, projectAgreement, recoveryProject } from '../schema';
import { extensionsOf } from './queries';
import type { RuleProblem } from './rules';

/** Refuses with every broken rule, each as a sentence; nothing has been written. */
export function refuseProblems(problems: readonly RuleProblem[]): void {
  if (problems.length) throw AppError.invalid(problems.map((p) => ({ field: p.field, rule: p.rule, message: p.message })));
}

/** References are matched as people read them: AGR-1 and agr-1 are the same agreement. */
export function agreementWithReference(ws: Workspace, reference: string, exceptId?: number) {
  const same = sql`lower(trim(${agreement.reference})) = ${reference.trim().toLowerCase()}`;
  return ws.db
    .select({ id: agreement.id, reference: agreement.reference, counterparty: agreement.counterparty })
    .from(agreement)
    .where(exceptId === undefined ? same : and(same, ne(agreement.id, exceptId)))
    .get();
}

export function duplicateReference(other: { reference: string; counterparty: string }): AppError {
  const message = `There is already an agreement ${other.reference} (${other.counterparty}): each agreement needs its own reference.`;
  return new AppError('DUPLICATE', message, { issues: [{ field: 'reference', rule: 'references must be unique', message }] });
}

/** Codes of the projects an agreement delivers: while there are any, it is not deleted. */
export function linkedProjectCodes(ws: Workspace, agreementId: number): string[] {
  return ws.db
    .select({ code: recoveryProject.code })
    .from(projectAgreement)
    .innerJoin(recoveryProject, eq(recoveryProject.id, projectAgreement.projectId))
    .where(eq(projectAgreement.agreementId, agreementId))
    .all()
    .map((r) => r.code);
}

export function refuseIfLinked(ws: Workspace, a: { id: number; reference: string }): void {
  const codes = linkedProjectCodes(ws, a.id);
  if (!codes.length) return;
  const message = `${a.reference} delivers ${codes.length === 1 ? 'project' : 'projects'} ${codes.join(', ')}: unlink ${codes.length === 1 ? 'it' : 'them'} on the project page before deleting the agreement.`;
  throw new AppError('INVALID_INPUT', message, { issues: [{ field: 'id', rule: 'an agreement that delivers projects is not deleted', message }] });
}

/** Deletes an agreement with its reports, conditions and extensions, each through the recorder so undo brings all back. */
export function deleteAgreementRows(rec: ChangeRecorder, ws: Workspace, id: number): void {
  for (const r of ws.db.select({ id: agreementReport.id }).from(agreementReport).where(eq(agreementReport.agreementId, id)).all())
    rec.delete(agreementReport, r.id);
  for (const c of ws.db.select({ id: agreementCondition.id }).from(agreementCondition).where(eq(agreementCondition.agreementId, id)).all())
    rec.delete(agreementCondition, c.id);
  for (const e of extensionsOf(ws.db, id)) rec.delete(agreementExtension, e.id);
  rec.delete(agreement, id);
}
