/**
 * Workspaces for the plan's tests: the metropolitan authority of domain.md section 3, and
 * projects written straight to the register's tables (the register's own handlers are tested
 * with the register), so the plan's tests stand on their own.
 */
import { eq } from 'drizzle-orm';
import type { Workspace } from '../../../../electron/server/workspace';
import { projectYear, recoveryProject, workstream } from '../../../../features/recovery/schema';
import type { FundingSource } from '../../../../features/recovery/words';
import type { TestServer } from '../../../support/workspace';

export const METRO_YEAR = '2020-21';
/** £50.2m of spend on four lines. */
export const METRO_LINES: Record<string, number> = { HN01: 1_000_000_000, HN04: 1_500_000_000, HN08: 1_220_000_000, HN12: 1_300_000_000 };

/**
 * 2020-21: HNB allocation £43.2m, projected spend £50.2m (forecast at P6), a historic deficit of
 * £12m brought forward: an in-year pressure of £7.0m and about £19m carried forward.
 */
export async function metropolitan(t: TestServer): Promise<Map<string, number>> {
  await t.ok('createYear', { year: METRO_YEAR, openingBalancePence: -1_200_000_000 });
  await t.ok('saveAllocation', { year: METRO_YEAR, block: 'hnb', allocationPence: 4_320_000_000, deductionsPence: 0, adjustmentsPence: 0, transfersPence: 0 });
  const ids = new Map((await t.ok('listLines', {})).map((l) => [l.code, l.id]));
  const changes = Object.entries(METRO_LINES).map(([code, p]) => ({ lineId: ids.get(code)!, originalPence: p, revisedPence: p }));
  await t.ok('setBudgets', { year: METRO_YEAR, changes });
  await t.ok('setForecasts', { year: METRO_YEAR, period: 6, changes: changes.map((c) => ({ lineId: c.lineId, forecastPence: c.revisedPence })) });
  return ids;
}

export interface ProjectSpec {
  code: string;
  fundingSource?: FundingSource;
  /** [year, cost, target saving, delivered saving] */
  years?: Array<[string, number, number, number | null]>;
}

/** A project and its years, written straight to the register's tables. */
export function addProject(ws: Workspace, spec: ProjectSpec): number {
  let w = ws.db.select().from(workstream).where(eq(workstream.code, 'W1')).get();
  w ??= ws.db.insert(workstream).values({ code: 'W1', name: 'Inclusion' }).returning().get();
  const p = ws.db
    .insert(recoveryProject)
    .values({ code: spec.code, name: `Project ${spec.code}`, workstreamId: w.id, fundingSource: spec.fundingSource ?? 'hnb' })
    .returning()
    .get();
  for (const [yearId, costPence, targetSavingPence, deliveredSavingPence] of spec.years ?? []) {
    ws.db.insert(projectYear).values({ projectId: p.id, yearId, costPence, targetSavingPence, deliveredSavingPence }).run();
  }
  return p.id;
}
