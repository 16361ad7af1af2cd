/**
 * The demo's formula allocations keep the promises issue 12 makes for them (section 6): five
 * area inclusion partnerships sharing £3,155,550 by the 25/60/15 formula plus 210 places at
 * £10,000 (£5,255,550 in 2026-27), about 120 clearly-demo schools with their census figures,
 * 22 clusters whose buy-in is mostly bought in with a few undecided or leaving, and a complete
 * 2025-26 of termly returns in which exactly one partnership is over its 15% underspend line.
 * Everything is read back through the real handlers, on the day the demo is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../../features/allocations/types';
import { underspendToReturn } from '../../../../features/recovery/agreements/rules';
import { runHnb } from '../../../support/cli';
import { dumpTables, testServer, type TestServer } from '../../../support/workspace';
import { expectSameDemoRows } from './same-demo-rows';

const TODAY = '2026-12-03';
const AREAS = ['Central', 'East', 'North', 'South', 'West'].map((a) => `${a} Area Inclusion Partnership`);
const POT = 315_555_000;
const PLACES = 210;
const RATE = 1_000_000;

let t: TestServer;
beforeAll(async () => {
  t = await testServer({ demo: true, now: () => new Date(`${TODAY}T12:00:00Z`) });
});
afterAll(() => t.close());

const runOf = async (year: string): Promise<RunDetail> => {
  const runs = await t.ok('listRuns', { year });
  expect(runs, year).toHaveLength(1);
  return t.ok('getRun', { runId: runs[0]!.id });
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('the demo allocation runs', () => {
  it('share £3,155,550 by the 25/60/15 formula and add 210 places at £10,000: £5,255,550 for 2026-27', async () => {
    const run = await runOf('2026-27');
    expect(run).toMatchObject({ status: 'draft', locked: false, formulaPotPence: POT, placeRatePence: RATE, dataChanged: false });
    expect(run.factors.map((f) => [f.name, f.weightBp])).toEqual([
      ['Pupil numbers', 2500],
      ['Targeted factors', 6000],
      ['Targeted factors with pupil premium', 1500],
    ]);
    const [pupils, targeted, withPp] = run.factors.map((f) => f.columns.map((c) => c.key).sort());
    expect(pupils).toEqual(['pupils']);
    expect(targeted).toEqual(['fsm', 'idaci_a', 'idaci_b', 'idaci_c', 'idaci_d', 'idaci_e', 'idaci_f', 'low_prior_attainment']);
    expect(withPp).toEqual([...targeted!, 'pupil_premium'].sort());

    expect(run.allocations.map((a) => a.partnership)).toEqual(AREAS);
    expect(sum(run.allocations.map((a) => a.formulaPence))).toBe(POT);
    expect(run.formulaTotalPence).toBe(POT);
    expect(sum(run.allocations.map((a) => a.places))).toBe(PLACES);
    expect(run.placesTotalPence).toBe(PLACES * RATE);
    expect(run.totalPence).toBe(525_555_000);
    expect(sum(run.allocations.map((a) => a.totalPence))).toBe(525_555_000);
    for (const a of run.allocations) {
      expect(a.places, a.partnership).toBe(42);
      expect(a.formulaPence % 100, a.partnership).toBe(0);
      expect(Math.abs(a.formulaPence - a.exactFormulaPence), a.partnership).toBeLessThan(100);
      expect(a.schools, a.partnership).toBeGreaterThan(15);
    }
    // Each factor's exact shares, each to the penny, add up to its part of the pot within a penny a partnership.
    for (const f of run.factors) {
      expect(f.potPence).toBe((POT * f.weightBp) / 10_000);
      expect(Math.abs(sum(run.allocations.map((a) => a.byFactor[f.name]!)) - f.potPence), f.name).toBeLessThanOrEqual(run.allocations.length);
    }
  });

  it('are what `hnb allocate --json` gives without --run: the latest run of the latest year', async () => {
    const r = await runHnb(t.dir, ['allocate', '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as {
      run: string;
      year: string;
      formulaPotPence: number;
      placeRatePence: number;
      allocations: Array<{ partnership: string; formulaPence: number; places: number; placesPence: number; totalPence: number }>;
    };
    expect(out).toMatchObject({ run: 'AIP allocations 2026-27', year: '2026-27', formulaPotPence: POT, placeRatePence: RATE });
    expect(sum(out.allocations.map((a) => a.formulaPence))).toBe(POT);
    expect(sum(out.allocations.map((a) => a.places))).toBe(PLACES);
    expect(sum(out.allocations.map((a) => a.totalPence))).toBe(525_555_000);
    const run = await runOf('2026-27');
    expect(out.allocations.map((a) => [a.partnership, a.totalPence])).toEqual(run.allocations.map((a) => [a.partnership, a.totalPence]));
  });

  it('hold the 2025-26 run approved by the Schools Forum and locked, on the same pot and places', async () => {
    const run = await runOf('2025-26');
    expect(run).toMatchObject({
      status: 'approved',
      approvedOn: '2025-03-13',
      locked: true,
      dataChanged: false,
      formulaPotPence: POT,
      totalPence: 525_555_000,
    });
    expect(run.lockReason).toBe('Approved on 13 March 2025: Schools Forum, item 6');
    expect(sum(run.allocations.map((a) => a.formulaPence))).toBe(POT);
    const before = dumpTables(t.sqlite);
    expect((await t.refused('recalculateRun', { runId: run.id })).code).toBe('LOCKED');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });

  it('compare 2026-27 with last year’s: the same total, moved between partnerships as schools moved', async () => {
    const now = await runOf('2026-27');
    const last = await runOf('2025-26');
    const c = await t.ok('compareRuns', { a: now.id });
    expect([c.a.id, c.b.id].sort()).toEqual([now.id, last.id].sort());
    expect(c.totalA).toBe(525_555_000);
    expect(c.totalB).toBe(525_555_000);
    expect(c.rows.map((r) => r.partnership).sort()).toEqual(AREAS);
    expect(sum(c.rows.map((r) => r.differencePence!))).toBe(0);
    // Central lost Canal Side Primary to East, and East gained a new school too.
    const laterMinusEarlier = (name: string) => {
      const r = c.rows.find((x) => x.partnership === name)!;
      return c.b.id === now.id ? r.differencePence! : -r.differencePence!;
    };
    expect(laterMinusEarlier('Central Area Inclusion Partnership')).toBeLessThan(0);
    expect(laterMinusEarlier('East Area Inclusion Partnership')).toBeGreaterThan(0);
  });
});

describe('the demo schools and partnerships', () => {
  it('hold about 120 clearly-demo schools with figures in every data column for the years they are members', async () => {
    const columns = await t.ok('listDataColumns', {});
    for (const year of ['2025-26', '2026-27']) {
      const { schools } = await t.ok('listSchools', { year });
      expect(schools.length, year).toBeGreaterThanOrEqual(115);
      expect(schools.length, year).toBeLessThanOrEqual(125);
      expect(new Set(schools.map((s) => s.urn)).size).toBe(schools.length);
      for (const s of schools) {
        expect(s.name).toMatch(/^Demo /);
        expect(s.urn).toBeGreaterThanOrEqual(990_101);
        expect(s.urn).toBeLessThanOrEqual(990_999);
        if (s.partnershipId === null) continue;
        for (const c of columns) expect(s.data[c.key], `${year} ${s.name} ${c.key}`).toBeGreaterThanOrEqual(0);
        expect(s.data.fsm!).toBeLessThanOrEqual(s.data.pupils!);
        expect(s.data.pupil_premium!).toBeLessThanOrEqual(s.data.pupils!);
      }
      expect(schools.filter((s) => s.partnershipId !== null).length, year).toBe(year === '2025-26' ? 115 : 116);
    }
    const { schools } = await t.ok('listSchools', { year: '2026-27' });
    expect(schools.filter((s) => s.status === 'closed').map((s) => [s.name, s.partnershipName])).toEqual([['Demo Old Mill Infant School', null]]);
    expect(schools.filter((s) => s.type === 'special' && s.partnershipId === null)).toHaveLength(5);
  });

  it('move a few schools between 2025-26 and 2026-27, one of them into another area', async () => {
    const a = await t.ok('listSchools', { year: '2025-26' });
    const b = await t.ok('listSchools', { year: '2026-27' });
    const before = new Map(a.schools.map((s) => [s.urn, s.partnershipName]));
    const moved = b.schools.filter((s) => before.get(s.urn) && s.partnershipName && before.get(s.urn) !== s.partnershipName);
    expect(moved.map((s) => s.name).sort()).toEqual([
      'Demo Canal Side Primary School',
      'Demo Ferndale Primary School',
      'Demo Lark Rise Primary School',
      'Demo Ridgeway Primary School',
    ]);
    const canal = moved.find((s) => s.name === 'Demo Canal Side Primary School')!;
    expect([before.get(canal.urn), canal.partnershipName]).toEqual(['Wellgate Cluster', 'Larkhill Cluster']);
    const joined = b.schools.filter((s) => s.partnershipId !== null && !before.get(s.urn));
    expect(joined.map((s) => [s.name, s.partnershipName])).toEqual([['Demo Riverside Free School', 'Netherby Cluster']]);
  });

  it('put 22 clusters inside five area partnerships, each funded by its agreement', async () => {
    const all = await t.ok('listPartnerships', { year: '2026-27' });
    const areas = all.filter((p) => p.kind === 'area_inclusion');
    const clusters = all.filter((p) => p.kind === 'cluster');
    expect(all).toHaveLength(27);
    expect(areas.map((p) => p.name).sort()).toEqual(AREAS);
    expect(clusters).toHaveLength(22);
    for (const p of areas) {
      expect(p.parentId, p.name).toBeNull();
      expect(p.agreementLabel, p.name).toMatch(new RegExp(`AIP-${p.area[0]}-2024`));
      expect(p.returnFrequency).toBe('termly');
      expect(p.leadSchoolName, p.name).toMatch(/^Demo /);
    }
    const areaIds = new Set(areas.map((p) => p.id));
    for (const c of clusters) {
      expect(areaIds.has(c.parentId!), c.name).toBe(true);
      expect(c.agreementLabel, c.name).toMatch(/CLU-2025/);
      expect(c.members, c.name).toBeGreaterThanOrEqual(3);
      expect(c.leadSchoolName, c.name).toMatch(/^Demo /);
    }
    for (const p of areas) expect(clusters.filter((c) => c.parentId === p.id).length, p.name).toBeGreaterThanOrEqual(4);
  });

  it('show 2026-27 buy-in mostly bought in, a few undecided (two with nothing recorded) and a few leaving', async () => {
    const counts = await t.ok('buyInByCluster', { year: '2026-27' });
    const schools = sum(counts.map((c) => c.schools));
    const boughtIn = sum(counts.map((c) => c.boughtIn));
    const undecided = sum(counts.map((c) => c.undecided));
    const leaving = sum(counts.map((c) => c.leaving));
    expect(schools).toBe(116);
    expect(boughtIn + undecided + leaving).toBe(schools);
    expect(boughtIn / schools).toBeGreaterThan(0.85);
    expect(undecided).toBeGreaterThanOrEqual(3);
    expect(undecided).toBeLessThanOrEqual(10);
    expect(leaving).toBeGreaterThanOrEqual(2);
    expect(leaving).toBeLessThanOrEqual(5);
    expect(sum(counts.map((c) => c.notRecorded))).toBe(2);
    expect(counts.filter((c) => c.undecided + c.leaving > 0).length).toBeGreaterThanOrEqual(5);
    for (const c of counts) {
      expect(c.pupils, c.partnershipName).toBeGreaterThan(0);
      expect(c.boughtInPupils! + c.undecidedPupils! + c.leavingPupils!, c.partnershipName).toBe(c.pupils);
    }
    // A decision has the date of the governing body's meeting; a school yet to decide has none.
    const { schools: rows } = await t.ok('listSchools', { year: '2026-27' });
    for (const s of rows.filter((x) => x.buyIn === 'bought_in' || x.buyIn === 'leaving')) expect(s.buyInDecidedOn, s.name).toMatch(/^2026-/);
    for (const s of rows.filter((x) => x.buyIn === 'undecided')) expect(s.buyInDecidedOn, s.name).toBeNull();
  });
});

describe('the demo returns', () => {
  it('complete 2025-26 with exactly one partnership over its 15% underspend line, and it flagged', async () => {
    const run = await runOf('2025-26');
    const o = await t.ok('listReturns', { year: '2025-26' });
    expect(o.run?.id).toBe(run.id);
    expect(o.partnerships.map((p) => p.partnership).sort()).toEqual(AREAS);
    const over = o.partnerships.filter((p) => p.underspendPence * 10_000 > p.allocationPence * 1500);
    expect(over.map((p) => p.partnership)).toEqual(['West Area Inclusion Partnership']);
    expect(o.partnerships.filter((p) => p.flagged).map((p) => p.partnership)).toEqual(['West Area Inclusion Partnership']);
    expect(o.partnerships.some((p) => p.underspendPence < 0)).toBe(true);
    for (const p of o.partnerships) {
      expect(p.allocationPence, p.partnership).toBe(run.allocations.find((a) => a.partnershipId === p.partnershipId)!.totalPence);
      expect(p.yearComplete, p.partnership).toBe(true);
      expect(p.returns.map((r) => [r.period, r.status])).toEqual([
        ['summer', 'checked'],
        ['autumn', 'checked'],
        ['spring', 'checked'],
      ]);
      expect(p.spendPence).toBe(sum(p.returns.map((r) => r.spendPence)));
      expect(p.thresholdBp).toBe(1500);
      for (const r of p.returns) {
        expect(r.placesUsed).toBeGreaterThan(30);
        expect(Object.keys(r.measures)).toHaveLength(o.measures.length);
        expect(Object.keys(r.spend)).toHaveLength(o.categories.length);
        expect(r.commentary).not.toBe('');
      }
    }
    const west = o.partnerships.find((p) => p.flagged)!;
    expect(west.returnBasis).toBe('above_threshold');
    expect(west.toReturnPence).toBe(underspendToReturn(west.allocationPence, west.spendPence, 1500, 'above_threshold'));
    expect(west.toReturnPence).toBeGreaterThan(0);
    expect(west.toReturnPence).toBeLessThan(west.underspendPence);
    expect(west.developmentPlanApprovedOn).toBeNull();
    expect(west.developmentPlanNote).not.toBe('');
    expect(west.flagReason).toMatch(/development plan/);
    // The agreements differ on what goes back: the others return the whole of an underspend over the line.
    expect(o.partnerships.filter((p) => p.returnBasis === 'whole')).toHaveLength(4);
  });

  it('have 2026-27’s summer returns received, the autumn returns sent and nothing flagged yet', async () => {
    const run = await runOf('2026-27');
    const o = await t.ok('listReturns', { year: '2026-27' });
    expect(o.run?.id).toBe(run.id);
    expect(o.partnerships).toHaveLength(5);
    for (const p of o.partnerships) {
      const [summer, autumn, spring] = p.returns;
      expect(summer).toMatchObject({ period: 'summer', status: expect.stringMatching(/^(received|checked)$/) });
      expect(summer!.receivedOn, p.partnership).toMatch(/^2026-07-/);
      expect(summer!.spendPence).toBeGreaterThan(0);
      expect(autumn).toMatchObject({ period: 'autumn', status: 'sent', receivedOn: null });
      expect(autumn!.sentOn! <= TODAY).toBe(true);
      expect(spring).toMatchObject({ period: 'spring', status: 'not_sent' });
      expect(p).toMatchObject({ yearComplete: false, flagged: false, toReturnPence: 0 });
      expect(p.spendPence).toBe(summer!.spendPence);
      expect(p.spendPence).toBeLessThan(p.allocationPence / 2);
    }
  });
});

describe('the demo allocations data', () => {
  it('is written in the demo’s one change set, the same every time', async () => {
    const tables = [
      'school',
      'school_data',
      'partnership',
      'partnership_member',
      'school_buy_in',
      'allocation_run',
      'allocation_run_data',
      'partnership_return',
      'return_spend',
    ];
    const sets = t.sqlite
      .prepare(`SELECT DISTINCT change_set_id FROM audit_entry WHERE entity IN (SELECT value FROM json_each(?))`)
      .pluck()
      .all(JSON.stringify(tables));
    expect(sets).toHaveLength(1);
    await expectSameDemoRows(t, tables);
  });
});
