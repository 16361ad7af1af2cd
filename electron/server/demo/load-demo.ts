import { eq, sql } from 'drizzle-orm';
import { allocation, allocationVersion, budget, budgetLine, deficitContribution, financialYear, forecast, provisionGroup, workspace } from '../../../db/schema';
import { YEAR_ENTITY, yearRef } from '../../../features/years/queries';
import type { DsgBlock } from '../../../features/years/types';
import { setLock } from '../locks/locks';
import { AppError } from '../../shared/errors';
import { yearDates } from '../../shared/periods';
import type { Workspace } from '../workspace';
import { addDemoAllocations } from './demo-allocations';
import { addDemoMeetings } from './demo-meetings';
import { addDemoRecovery } from './demo-recovery';
import { DEMO_NAME, DEMO_OPENING_BALANCE, DEMO_YEARS, demoHolder, planLines } from './demo-plan';

const pence = (pounds: number) => Math.round(pounds * 100);

/** In-year virements (pounds) from central services to placements; they net to nil. */
const VIREMENTS: Record<string, number> = { HN12: 350_000, HN16: -200_000, HN17: -150_000 };

/** True when the workspace holds no years yet, so demo data cannot mix with real figures. */
export function isEmptyWorkspace(ws: Workspace): boolean {
  const r = ws.db.select({ n: sql<number>`count(*)` }).from(financialYear).get();
  return Number(r?.n ?? 0) === 0;
}

/** Fills an empty workspace with the demo authority, in one transaction, audited as demo data. */
export function loadDemo(ws: Workspace): { years: string[] } {
  if (!isEmptyWorkspace(ws)) {
    throw new AppError('INVALID_INPUT', `${ws.path} already holds figures, so demo data was not added. Use --db with a new file for the demo.`);
  }
  const lines = ws.db
    .select({ id: budgetLine.id, code: budgetLine.code, groupCode: provisionGroup.code })
    .from(budgetLine)
    .innerJoin(provisionGroup, eq(provisionGroup.id, budgetLine.groupId))
    .all();
  const byCode = new Map(lines.map((l) => [l.code, l]));
  const groupOf = (code: string) => byCode.get(code)?.groupCode ?? '';

  ws.write('demo', 'Demo authority loaded', (rec) => {
    const wsId = ws.info().id;
    rec.update(workspace, wsId, { name: DEMO_NAME, isDemo: true });
    for (const l of lines) rec.update(budgetLine, l.id, { holder: demoHolder(l.groupCode) });

    DEMO_YEARS.forEach((y, yi) => {
      const { start, end } = yearDates(y.year);
      rec.insert(financialYear, {
        id: y.year,
        startDate: start,
        endDate: end,
        openingBalancePence: yi === 0 ? pence(DEMO_OPENING_BALANCE) : null,
      });
      const startYear = Number(y.year.slice(0, 4));
      const v = rec.insert(allocationVersion, { yearId: y.year, publishedOn: `${startYear - 1}-12-19`, label: 'DSG allocations, December' });
      for (const [block, b] of Object.entries(y.blocks) as Array<[DsgBlock, DemoYear['blocks'][DsgBlock]]>) {
        rec.insert(
          allocation,
          {
            versionId: v.id,
            block,
            allocationPence: pence(b.allocation),
            deductionsPence: pence(b.deductions),
            adjustmentsPence: pence(b.adjustments),
            transfersPence: pence(b.transfers),
          },
          { scope: yearRef(y.year) },
        );
      }
      for (const c of y.contributions) {
        rec.insert(deficitContribution, { yearId: y.year, kind: c.kind, amountPence: pence(c.amount), note: c.note });
      }
      for (const plan of planLines(y, yi, groupOf)) {
        const line = byCode.get(plan.code)!;
        const revised = yi > 0 ? plan.budget + (VIREMENTS[plan.code] ?? 0) : plan.budget;
        rec.insert(budget, { yearId: y.year, lineId: line.id, originalPence: pence(plan.budget), revisedPence: pence(revised) });
        plan.forecasts.forEach((f, i) => {
          rec.insert(forecast, {
            yearId: y.year,
            period: i + 1,
            lineId: line.id,
            forecastPence: pence(f),
            actualPence: plan.actualsPence[i]!,
            commentary: plan.commentary[i] ?? null,
          });
        });
      }
    });
    for (const y of DEMO_YEARS.filter((d) => d.closed)) {
      setLock(rec, ws.db, YEAR_ENTITY, y.year, true, 'Outturn reported to Schools Forum; accounts closed', {
        who: ws.actor.who(),
        at: `${Number(y.year.slice(0, 4)) + 1}-07-15T12:00:00.000Z`,
      });
    }
    addDemoMeetings(rec, ws);
    addDemoRecovery(rec, ws);
    addDemoAllocations(rec, ws);
  });
  return { years: DEMO_YEARS.map((y) => y.year) };
}

type DemoYear = (typeof DEMO_YEARS)[number];
