import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { type EntityRef, entityRef } from '../../electron/shared/entity-ref';
import { AppError } from '../../electron/shared/errors';
import { lockStates } from '../../electron/server/locks/locks';
import type { Workspace } from '../../electron/server/workspace';
import { forecast } from '../monitoring/schema';
import { netOf } from './rules';
import { allocation, allocationVersion, deficitContribution, financialYear } from './schema';
import type { AllocationBlock, AllocationVersionInfo, DsgBlock, YearStatus } from './types';

export const BLOCK_ORDER: DsgBlock[] = ['schools', 'cssb', 'hnb', 'early_years'];
export const YEAR_ENTITY = 'financial_year';

/** The lock a year's figures sit under: closing the year locks it. */
export const yearRef = (yearId: string): EntityRef => entityRef(YEAR_ENTITY, yearId);

export interface YearRow {
  id: string;
  startDate: string;
  endDate: string;
  openingBalancePence: number | null;
  status: YearStatus;
  /** Why it was last closed or reopened. */
  statusReason: string | null;
}

export function allYears(db: Db): YearRow[] {
  const locks = lockStates(db, YEAR_ENTITY);
  return db
    .select()
    .from(financialYear)
    .orderBy(asc(financialYear.id))
    .all()
    .map((y) => {
      const l = locks.get(y.id);
      return { ...y, status: l?.locked ? 'closed' : 'open', statusReason: l?.reason ?? null };
    });
}

export function requireYear(db: Db, yearId: string): YearRow {
  const row = allYears(db).find((y) => y.id === yearId);
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no year ${yearId} in this workspace. Add it under Years first.`, {
      issues: [{ field: 'year', rule: 'year must exist', message: `the year ${yearId} does not exist in this workspace` }],
    });
  }
  return row;
}

/** The year, which must be open: checked before any work so the refusal names the year. */
export function requireOpenYear(ws: Workspace, yearId: string): YearRow {
  const year = requireYear(ws.db, yearId);
  if (year.status === 'closed') throw ws.locks.refusal(yearRef(yearId));
  return year;
}

/** The latest period with a forecast, by year. */
export function latestPeriods(db: Db): Map<string, number> {
  const rows = db
    .select({ yearId: forecast.yearId, latest: sql<number>`max(${forecast.period})` })
    .from(forecast)
    .where(sql`${forecast.forecastPence} IS NOT NULL`)
    .groupBy(forecast.yearId)
    .all();
  return new Map(rows.map((r) => [r.yearId, Number(r.latest)]));
}

export function latestAllocationVersion(db: Db, yearId: string): AllocationVersionInfo | null {
  const v = db
    .select()
    .from(allocationVersion)
    .where(eq(allocationVersion.yearId, yearId))
    .orderBy(desc(allocationVersion.publishedOn), desc(allocationVersion.id))
    .limit(1)
    .get();
  return v ? { id: v.id, publishedOn: v.publishedOn, label: v.label } : null;
}

export function allocationBlocks(db: Db, versionId: number | null): AllocationBlock[] {
  const rows = versionId === null ? [] : db.select().from(allocation).where(eq(allocation.versionId, versionId)).all();
  return BLOCK_ORDER.map((block) => {
    const r = rows.find((x) => x.block === block);
    const base = {
      block,
      allocationPence: r?.allocationPence ?? 0,
      deductionsPence: r?.deductionsPence ?? 0,
      adjustmentsPence: r?.adjustmentsPence ?? 0,
      transfersPence: r?.transfersPence ?? 0,
    };
    return { ...base, netPence: netOf(base) };
  });
}

export function contributionsTotal(db: Db, yearId: string): number {
  const r = db
    .select({ total: sql<number>`coalesce(sum(${deficitContribution.amountPence}), 0)` })
    .from(deficitContribution)
    .where(eq(deficitContribution.yearId, yearId))
    .get();
  return Number(r?.total ?? 0);
}
