/**
 * The demo's formula allocations (issue 12, section 6): schools and their census figures, the
 * five area inclusion partnerships with their 22 clusters, membership and buy-in, the approved
 * 2025-26 run and the draft 2026-27 run, and the partnerships' returns. Written inside the
 * demo's one change set, after the recovery work (whose agreements fund the partnerships), row
 * by row through the change recorder; runs are made by the allocation feature's own
 * `insertRun`, and return figures by its own `writeFigures`, so the demo holds what the app
 * would have written.
 */
import { eq } from 'drizzle-orm';
import { insertRun } from '../../../features/allocations/runs/calculate';
import { writeFigures } from '../../../features/allocations/returns/writes';
import { allocationsForYear } from '../../../features/allocations/runs/queries';
import {
  allocationRun,
  partnership,
  partnershipMember,
  partnershipReturn,
  partnershipYear,
  school,
  schoolBuyIn,
  schoolData,
  schoolDataColumn,
} from '../../../features/allocations/schema';
import { PERIODS_OF, RUN_ENTITY } from '../../../features/allocations/words';
import { agreement } from '../../../features/recovery/schema';
import { ukLongDate } from '../../shared/dates';
import type { ChangeRecorder } from '../audit/recorder';
import { setLock } from '../locks/locks';
import type { Workspace } from '../workspace';
import { DEMO_PARTNERSHIP_YEAR, DEMO_RETURN_PLANS, demoReturnDates, HEADING_SHARES, TERM_SHARES } from './demo-allocations-returns';
import { DEMO_FACTORS, DEMO_FORMULA_POT, DEMO_PLACE_RATE, DEMO_PLACES_EACH, DEMO_RUNS } from './demo-allocations-runs';
import {
  DEMO_ALLOCATION_YEARS,
  DEMO_AREAS,
  type DemoAllocationYear,
  type DemoCluster,
  demoBuyIn,
  demoSchools,
  partnershipName,
} from './demo-allocations-schools';
import { seeded } from './demo-plan';

const pence = (pounds: number) => Math.round(pounds * 100);

export function addDemoAllocations(rec: ChangeRecorder, ws: Workspace): void {
  const columns = dataColumns(ws);
  const partnerships = addSchools(rec, ws, columns);
  addRuns(rec, ws, columns, partnerships);
  addReturns(rec, ws, partnerships);
}

/** The standard data columns a new workspace is seeded with, by key. */
function dataColumns(ws: Workspace): Map<string, number> {
  const rows = ws.db.select({ id: schoolDataColumn.id, key: schoolDataColumn.key }).from(schoolDataColumn).all();
  const byKey = new Map(rows.map((r) => [r.key, r.id] as const));
  for (const f of DEMO_FACTORS) {
    for (const key of Object.keys(f.columns)) {
      if (!byKey.has(key)) throw new Error(`The demo's formula weighs the data column "${key}", which the workspace's seed does not hold`);
    }
  }
  return byKey;
}

function agreementId(ws: Workspace, reference: string): number {
  const row = ws.db.select({ id: agreement.id }).from(agreement).where(eq(agreement.reference, reference)).get();
  if (!row) throw new Error(`The demo's partnerships need the agreement ${reference}, which the demo's recovery work should have made`);
  return row.id;
}

/** Schools first (partnerships name their lead school), then the partnerships, then each school's years. */
function addSchools(rec: ChangeRecorder, ws: Workspace, columns: Map<string, number>): Map<string, number> {
  const list = demoSchools();
  const schools = new Map<string, number>();
  for (const s of list)
    schools.set(s.name, rec.insert(school, { urn: s.urn, name: s.name, phase: s.phase, type: s.type, trust: s.trust, status: s.status }).id);
  const lead = (c: DemoCluster) => schools.get(`Demo ${c.schools[0]![0]}`)!;

  const partnerships = new Map<string, number>();
  const clusters = agreementId(ws, 'CLU-2025');
  for (const a of DEMO_AREAS) {
    const area = rec.insert(partnership, {
      name: partnershipName(a.area),
      area: a.area,
      kind: 'area_inclusion',
      leadSchoolId: lead(a.clusters[0]!),
      agreementId: agreementId(ws, `AIP-${a.letter}-2024`),
      returnFrequency: 'termly',
      note: `Devolved inclusion funding for the ${a.area.toLowerCase()} area’s ${a.clusters.length} clusters and its pupil referral unit or alternative provision.`,
    });
    partnerships.set(area.name, area.id);
    for (const c of a.clusters) {
      const row = rec.insert(partnership, {
        name: c.name,
        area: a.area,
        kind: 'cluster',
        parentId: area.id,
        leadSchoolId: lead(c),
        agreementId: clusters,
        returnFrequency: 'termly',
      });
      partnerships.set(c.name, row.id);
    }
  }

  for (const s of list) {
    const schoolId = schools.get(s.name)!;
    for (const year of DEMO_ALLOCATION_YEARS) {
      const member = s.member[year];
      if (member !== null) rec.insert(partnershipMember, { yearId: year, schoolId, partnershipId: partnerships.get(member)! });
      for (const [key, value] of Object.entries(s.data[year])) rec.insert(schoolData, { yearId: year, schoolId, columnId: columns.get(key)!, value });
    }
    const buyIn = s.member['2026-27'] === null ? null : demoBuyIn(s);
    if (buyIn) rec.insert(schoolBuyIn, { yearId: '2026-27', schoolId, status: buyIn.status, decidedOn: buyIn.decidedOn, note: buyIn.note });
  }
  return partnerships;
}

/** The runs, each worked out on its own year's data as the handlers would; 2025-26's approved and locked. */
function addRuns(rec: ChangeRecorder, ws: Workspace, columns: Map<string, number>, partnerships: Map<string, number>): void {
  const factors = DEMO_FACTORS.map((f) => ({
    name: f.name,
    weightBp: f.weightBp,
    columns: Object.entries(f.columns).map(([key, weight]) => ({ columnId: columns.get(key)!, weight })),
  }));
  const places = DEMO_AREAS.map((a) => ({ partnershipId: partnerships.get(partnershipName(a.area))!, places: DEMO_PLACES_EACH }));
  for (const r of DEMO_RUNS) {
    const { id } = insertRun(
      rec,
      ws.db,
      { year: r.year, name: r.name, formulaPotPence: pence(DEMO_FORMULA_POT), placeRatePence: pence(DEMO_PLACE_RATE), factors, places, note: r.note },
      r.calculatedAt,
    );
    if (r.approved) {
      // As approveRun does it: the approval, then the lock with the reason it gives.
      const { on, note } = r.approved;
      rec.update(allocationRun, id, { status: 'approved', approvedOn: on, approvedNote: note });
      setLock(rec, ws.db, RUN_ENTITY, String(id), true, `Approved on ${ukLongDate(on)}: ${note}`, { who: ws.actor.who(), at: `${on}T16:00:00.000Z` });
    }
  }
}

/** Splits whole pounds by shares, the last part taking what is left, so the parts add up exactly. */
function split(pounds: number, shares: readonly number[], parts: number): number[] {
  const out: number[] = [];
  let left = pounds;
  for (let i = 0; i < parts - 1; i++) {
    const part = Math.floor(pounds * (shares[i] ?? 0));
    out.push(part);
    left -= part;
  }
  out.push(left);
  return out;
}

function addReturns(rec: ChangeRecorder, ws: Workspace, partnerships: Map<string, number>): void {
  const db = ws.db;
  const categories = db.$client.prepare('SELECT id FROM return_category ORDER BY sort_order, id').pluck().all() as number[];
  const measures = db.$client.prepare('SELECT id, name FROM return_measure ORDER BY sort_order, id').all() as Array<{ id: number; name: string }>;
  const measure = (pattern: RegExp) => {
    const m = measures.find((x) => pattern.test(x.name));
    if (!m) throw new Error(`The demo's returns report a measure matching ${pattern}, which the workspace's seed does not hold`);
    return m.id;
  };
  const exclusions = measure(/permanent exclusion/i);
  const suspensions = measure(/suspension/i);
  const attendance = measure(/attendance/i);
  const mainstream = measure(/mainstream/i);
  if (categories.length === 0) throw new Error('The demo’s returns report spend by category, and the workspace’s seed holds none');

  // Each return is held against the run that counts for its year, as the returns screen reads it.
  const allocations = new Map(DEMO_ALLOCATION_YEARS.map((year) => [year, allocationsForYear(db, year).byPartnership] as const));
  const allocationOf = (year: DemoAllocationYear, id: number): number => {
    const a = allocations.get(year)!.get(id);
    if (!a) throw new Error(`The demo's ${year} run holds no allocation for partnership ${id}`);
    return a.totalPence;
  };

  DEMO_RETURN_PLANS.forEach((plan, index) => {
    const partnershipId = partnerships.get(partnershipName(plan.area))!;
    const rand = seeded(4099 * (index + 1));
    for (const year of DEMO_ALLOCATION_YEARS) {
      const allocationPounds = allocationOf(year, partnershipId) / 100;
      // 2025-26's spend ends the year at the planned underspend; 2026-27 has only its summer term in.
      const terms =
        year === '2025-26'
          ? split(Math.round(allocationPounds * (1 - plan.underspend2025)), [TERM_SHARES.summer, TERM_SHARES.autumn], 3)
          : [Math.round(allocationPounds * plan.summer2026)];
      PERIODS_OF.termly.forEach((period, t) => {
        const dates = demoReturnDates(year, period, plan.area, index);
        const ret = rec.insert(partnershipReturn, { yearId: year, partnershipId, period, ...dates, commentary: '' });
        if (dates.status !== 'received' && dates.status !== 'checked') return;
        const amounts = split(terms[t]!, HEADING_SHARES, categories.length);
        const received = dates.receivedOn!;
        writeFigures(
          rec,
          db,
          ret,
          {
            spend: Object.fromEntries(categories.map((id, i) => [id, pence(amounts[i]!)])),
            placesUsed: DEMO_PLACES_EACH - Math.floor(rand() * 7),
            measures: {
              [exclusions]: Math.floor(rand() * 3),
              [suspensions]: 24 + Math.floor(rand() * 60),
              [attendance]: Math.round((91.2 + rand() * 3.4) * 10) / 10,
              [mainstream]: 2 + Math.floor(rand() * 10),
            },
            commentary: year === '2025-26' ? plan.commentary[period as 'summer' | 'autumn' | 'spring'] : plan.commentary.summer2026,
          },
          received,
        );
      });
    }
  });

  const p = DEMO_PARTNERSHIP_YEAR;
  rec.insert(partnershipYear, {
    yearId: p.year,
    partnershipId: partnerships.get(partnershipName(p.area))!,
    developmentPlanApprovedOn: null,
    developmentPlanNote: p.note,
  });
}
