/**
 * Reads for partnership returns: the headings spend and outcomes are reported under, a year's
 * returns with their figures, the agreement's underspend condition and the development plan, and
 * the year's position for each partnership with an allocation.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { Workspace } from '../../../electron/server/workspace';
import { entityRef } from '../../../electron/shared/entity-ref';
import { AppError } from '../../../electron/shared/errors';
import { agreement, agreementCondition } from '../../recovery/schema';
import { partnership, partnershipReturn, partnershipYear, returnCategory, returnMeasure, returnMeasureValue, returnSpend } from '../schema';
import type { PartnershipReturnsYear, ReturnCategoryInfo, ReturnInfo, ReturnMeasureInfo, ReturnsOverview } from '../types';
import { RETURN_PERIOD_LABELS } from '../words';
import { isIn, periodOrder, type UnderspendInput, underspendTest } from './rules';
import { type YearAllocations, yearAllocations } from './year-run';

export type PartnershipRow = typeof partnership.$inferSelect;
export type ReturnRow = typeof partnershipReturn.$inferSelect;

/** A return's history, where its figures and status changes are shown. */
export const returnRef = (id: number) => entityRef('partnership_return', id);
/** A partnership's history, where its development plans are shown. */
export const partnershipRef = (id: number) => entityRef('partnership', id);
/** The spending categories and outcome measures are one list with one history. */
export const HEADINGS_REF = entityRef('return_heading', 'all');

export function listCategories(db: Db): ReturnCategoryInfo[] {
  return db.select().from(returnCategory).orderBy(asc(returnCategory.sortOrder), asc(returnCategory.id)).all();
}

export function listMeasures(db: Db): ReturnMeasureInfo[] {
  return db.select().from(returnMeasure).orderBy(asc(returnMeasure.sortOrder), asc(returnMeasure.id)).all();
}

export function findPartnership(db: Db, id: number): PartnershipRow | undefined {
  return db.select().from(partnership).where(eq(partnership.id, id)).get();
}

export function requirePartnership(db: Db, id: number, field = 'partnershipId'): PartnershipRow {
  const p = findPartnership(db, id);
  if (!p) {
    const message = `There is no partnership with id ${id} in this workspace.`;
    throw new AppError('NOT_FOUND', message, { issues: [{ field, rule: 'must be a partnership of this workspace', message }] });
  }
  return p;
}

/** A partnership by id, or by its name (case and surrounding spaces aside), as the command line and a workbook's scope give it. */
export function partnershipNamed(db: Db, idOrName: number | string): PartnershipRow | undefined {
  if (typeof idOrName === 'number') return findPartnership(db, idOrName);
  const want = idOrName.trim().toLowerCase();
  return db
    .select()
    .from(partnership)
    .all()
    .find((p) => p.name.trim().toLowerCase() === want);
}

export function requireReturn(db: Db, id: number, field = 'returnId'): ReturnRow {
  const r = db.select().from(partnershipReturn).where(eq(partnershipReturn.id, id)).get();
  if (!r) {
    const message = `There is no partnership return with id ${id} in this workspace.`;
    throw new AppError('NOT_FOUND', message, { issues: [{ field, rule: 'must be a return of this workspace', message }] });
  }
  return r;
}

/** "Partnership return North AIP 2026-27.xlsx": what an export of one partnership's returns is called. */
export const returnFileName = (partnershipName: string, year: string) =>
  `Partnership return ${partnershipName.replace(/[\\/:*?"<>|]+/g, '-').trim()} ${year}.xlsx`;

/** "North Area AIP's summer term 2026-27 return" */
export const returnName = (partnershipName: string, r: Pick<ReturnRow, 'period' | 'yearId'>) =>
  `${partnershipName}'s ${RETURN_PERIOD_LABELS[r.period].toLowerCase()} ${r.yearId} return`;

/** The returns of a year (one partnership's, or all), each partnership's in period order. */
export function returnRows(db: Db, year: string, partnershipId?: number): ReturnRow[] {
  const where =
    partnershipId === undefined
      ? eq(partnershipReturn.yearId, year)
      : and(eq(partnershipReturn.yearId, year), eq(partnershipReturn.partnershipId, partnershipId));
  return db
    .select()
    .from(partnershipReturn)
    .where(where)
    .all()
    .sort((a, b) => a.partnershipId - b.partnershipId || periodOrder(a.period) - periodOrder(b.period));
}

/** Returns with their spend and measures, read in two queries however many there are. */
export function returnInfos(db: Db, rows: ReturnRow[]): ReturnInfo[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const spend = new Map<number, Record<number, number>>();
  const measures = new Map<number, Record<number, number>>();
  for (const s of db.select().from(returnSpend).where(inArray(returnSpend.returnId, ids)).all()) {
    const m = spend.get(s.returnId) ?? {};
    m[s.categoryId] = s.amountPence;
    spend.set(s.returnId, m);
  }
  for (const v of db.select().from(returnMeasureValue).where(inArray(returnMeasureValue.returnId, ids)).all()) {
    const m = measures.get(v.returnId) ?? {};
    m[v.measureId] = v.value;
    measures.set(v.returnId, m);
  }
  const names = new Map(
    db
      .select({ id: partnership.id, name: partnership.name })
      .from(partnership)
      .where(inArray(partnership.id, [...new Set(rows.map((r) => r.partnershipId))]))
      .all()
      .map((p) => [p.id, p.name]),
  );
  return rows.map((r) => {
    const s = spend.get(r.id) ?? {};
    return {
      id: r.id,
      year: r.yearId,
      partnershipId: r.partnershipId,
      partnership: names.get(r.partnershipId) ?? '',
      period: r.period,
      status: r.status,
      sentOn: r.sentOn,
      receivedOn: r.receivedOn,
      checkedOn: r.checkedOn,
      placesUsed: r.placesUsed,
      commentary: r.commentary,
      spend: s,
      spendPence: Object.values(s).reduce((a, b) => a + b, 0),
      measures: measures.get(r.id) ?? {},
    };
  });
}

export function returnInfo(db: Db, id: number): ReturnInfo {
  return returnInfos(db, [requireReturn(db, id)])[0]!;
}

/** The agreement's first underspend condition (in its order), as the year-end test reads it. */
export function underspendConditionOf(db: Db, agreementId: number | null): UnderspendInput['condition'] {
  if (agreementId === null) return null;
  const a = db.select({ reference: agreement.reference }).from(agreement).where(eq(agreement.id, agreementId)).get();
  if (!a) return null;
  const c = db
    .select()
    .from(agreementCondition)
    .where(and(eq(agreementCondition.agreementId, agreementId), eq(agreementCondition.kind, 'underspend_return')))
    .orderBy(asc(agreementCondition.sortOrder), asc(agreementCondition.id))
    .get();
  if (!c || c.thresholdBp === null || c.returnBasis === null) return { agreement: a.reference, none: true };
  return { agreement: a.reference, thresholdBp: c.thresholdBp, basis: c.returnBasis };
}

export function developmentPlanOf(db: Db, year: string, partnershipId: number): typeof partnershipYear.$inferSelect | undefined {
  return db
    .select()
    .from(partnershipYear)
    .where(and(eq(partnershipYear.yearId, year), eq(partnershipYear.partnershipId, partnershipId)))
    .get();
}

/**
 * The partnerships a year's returns are about: those with an allocation in the year's run, and
 * any that already have returns that year (an allocation taken away later leaves its returns).
 */
export function returnsOverview(ws: Workspace, year: string, alloc: YearAllocations = yearAllocations(ws, year)): ReturnsOverview {
  const db = ws.db;
  const money = ws.money();
  const infos = returnInfos(db, returnRows(db, year));
  const byPartnership = new Map<number, ReturnInfo[]>();
  for (const r of infos) byPartnership.set(r.partnershipId, [...(byPartnership.get(r.partnershipId) ?? []), r]);
  const ids = new Set([...[...alloc.byPartnership].filter(([, a]) => a.allocationPence > 0).map(([id]) => id), ...byPartnership.keys()]);
  const partnerships =
    ids.size === 0
      ? []
      : db
          .select()
          .from(partnership)
          .where(inArray(partnership.id, [...ids]))
          .all();
  const plans = new Map(
    db
      .select()
      .from(partnershipYear)
      .where(eq(partnershipYear.yearId, year))
      .all()
      .map((p) => [p.partnershipId, p]),
  );
  const rows: PartnershipReturnsYear[] = partnerships.map((p) => {
    const returns = byPartnership.get(p.id) ?? [];
    const a = alloc.byPartnership.get(p.id) ?? { allocationPence: 0, places: 0 };
    const spendPence = returns.filter((r) => isIn(r.status)).reduce((s, r) => s + r.spendPence, 0);
    const plan = plans.get(p.id);
    const test = underspendTest(
      {
        partnership: p.name,
        allocationPence: a.allocationPence,
        spendPence,
        frequency: p.returnFrequency,
        periodsIn: returns.filter((r) => isIn(r.status)).map((r) => r.period),
        condition: underspendConditionOf(db, p.agreementId),
        developmentPlanApprovedOn: plan?.developmentPlanApprovedOn ?? null,
      },
      money,
    );
    return {
      partnershipId: p.id,
      partnership: p.name,
      returnFrequency: p.returnFrequency,
      allocationPence: a.allocationPence,
      places: a.places,
      returns,
      spendPence,
      underspendPence: test.underspendPence,
      yearComplete: test.yearComplete,
      thresholdBp: test.thresholdBp,
      returnBasis: test.returnBasis,
      developmentPlanApprovedOn: plan?.developmentPlanApprovedOn ?? null,
      developmentPlanNote: plan?.developmentPlanNote ?? '',
      toReturnPence: test.toReturnPence,
      flagged: test.flagged,
      flagReason: test.reason,
    };
  });
  rows.sort((x, y) => x.partnership.localeCompare(y.partnership, 'en-GB'));
  return { year, run: alloc.run, categories: listCategories(db), measures: listMeasures(db), partnerships: rows };
}
