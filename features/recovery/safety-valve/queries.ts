import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { type EntityRef, entityRef } from '../../../electron/shared/entity-ref';
import { AppError } from '../../../electron/shared/errors';
import { svAgreement, svCondition, svInstalment, svMonitoring } from '../schema';
import type { InstalmentInfo, SvAgreementInfo, SvConditionInfo, SvMonitoringInfo } from '../types';
import { totalsOf } from './rules';

export const SV_AGREEMENT_ENTITY = 'sv_agreement';

/** Every Safety Valve row's history is shown on its agreement. */
export const svRef = (agreementId: number): EntityRef => entityRef(SV_AGREEMENT_ENTITY, agreementId);

export type SvAgreementRow = typeof svAgreement.$inferSelect;
export type SvInstalmentRow = typeof svInstalment.$inferSelect;
export type SvConditionRow = typeof svCondition.$inferSelect;
export type SvMonitoringRow = typeof svMonitoring.$inferSelect;

const notFound = (field: string, what: string) =>
  new AppError('NOT_FOUND', `There is no ${what} in this workspace. It may have been deleted: refresh the page.`, {
    issues: [{ field, rule: 'must exist', message: `there is no ${what}` }],
  });

export function requireSvAgreement(db: Db, id: number, field = 'agreementId'): SvAgreementRow {
  const row = db.select().from(svAgreement).where(eq(svAgreement.id, id)).get();
  if (!row) throw notFound(field, `Safety Valve or DBV agreement with id ${id}`);
  return row;
}

export function requireInstalment(db: Db, id: number): SvInstalmentRow {
  const row = db.select().from(svInstalment).where(eq(svInstalment.id, id)).get();
  if (!row) throw notFound('id', `Safety Valve instalment with id ${id}`);
  return row;
}

export function requireSvCondition(db: Db, id: number, field = 'id'): SvConditionRow {
  const row = db.select().from(svCondition).where(eq(svCondition.id, id)).get();
  if (!row) throw notFound(field, `Safety Valve condition with id ${id}`);
  return row;
}

export function instalmentsOf(db: Db, agreementId: number): SvInstalmentRow[] {
  return db.select().from(svInstalment).where(eq(svInstalment.agreementId, agreementId)).orderBy(asc(svInstalment.yearId)).all();
}

export function conditionsOf(db: Db, agreementId: number): SvConditionRow[] {
  return db.select().from(svCondition).where(eq(svCondition.agreementId, agreementId)).orderBy(asc(svCondition.number)).all();
}

/** A condition's monitoring, oldest quarter first. */
export function monitoringOf(db: Db, conditionId: number): SvMonitoringRow[] {
  return db.select().from(svMonitoring).where(eq(svMonitoring.conditionId, conditionId)).orderBy(asc(svMonitoring.yearId), asc(svMonitoring.quarter)).all();
}

/** One quarter's monitoring of a condition, if it was recorded. */
export function monitoringRow(db: Db, conditionId: number, year: string, quarter: number): SvMonitoringRow | undefined {
  return monitoringOf(db, conditionId).find((m) => m.yearId === year && m.quarter === quarter);
}

/**
 * An agreement named as people name it (on the command line, in a workbook's `_meta`): by id, or
 * by its name with case and surrounding spaces not counting.
 */
export function findSvAgreement(db: Db, nameOrId: string | number): SvAgreementRow | undefined {
  const all = db.select().from(svAgreement).all();
  if (typeof nameOrId === 'number') return all.find((a) => a.id === nameOrId);
  const wanted = nameOrId.trim().toLowerCase();
  return all.find((a) => a.name.trim().toLowerCase() === wanted) ?? (/^\d+$/.test(wanted) ? all.find((a) => a.id === Number(wanted)) : undefined);
}

function instalmentInfo(i: SvInstalmentRow): InstalmentInfo {
  return {
    id: i.id,
    year: i.yearId,
    expectedPence: i.expectedPence,
    status: i.status,
    receivedPence: i.receivedPence,
    receivedOn: i.receivedOn,
    note: i.note,
    contributionId: i.contributionId,
  };
}

function monitoringInfo(m: SvMonitoringRow): SvMonitoringInfo {
  return { id: m.id, year: m.yearId, quarter: m.quarter, rag: m.rag, narrative: m.narrative, figures: m.figures };
}

/** Every agreement with its instalments by year, and its conditions by number with their monitoring, oldest quarter first. */
export function listSvAgreements(db: Db): SvAgreementInfo[] {
  const agreements = db.select().from(svAgreement).orderBy(asc(svAgreement.signedOn), asc(svAgreement.id)).all();
  const instalments = db.select().from(svInstalment).orderBy(asc(svInstalment.yearId)).all();
  const conditions = db.select().from(svCondition).orderBy(asc(svCondition.number)).all();
  const monitoring = db.select().from(svMonitoring).orderBy(asc(svMonitoring.yearId), asc(svMonitoring.quarter)).all();
  const byCondition = new Map<number, SvMonitoringInfo[]>();
  for (const m of monitoring) {
    const list = byCondition.get(m.conditionId) ?? [];
    list.push(monitoringInfo(m));
    byCondition.set(m.conditionId, list);
  }
  return agreements.map((a) => {
    const own = instalments.filter((i) => i.agreementId === a.id);
    const totals = totalsOf(own);
    const conds: SvConditionInfo[] = conditions
      .filter((c) => c.agreementId === a.id)
      .map((c) => {
        const history = byCondition.get(c.id) ?? [];
        return { id: c.id, number: c.number, text: c.text, target: c.target, monitoring: history, latest: history[history.length - 1] ?? null };
      });
    return {
      id: a.id,
      name: a.name,
      kind: a.kind,
      counterparty: a.counterparty,
      signedOn: a.signedOn,
      totalPence: a.totalPence,
      capitalPence: a.capitalPence,
      note: a.note,
      receivedPence: totals.receivedPence,
      withheldPence: totals.withheldPence,
      instalments: own.map(instalmentInfo),
      conditions: conds,
    };
  });
}
