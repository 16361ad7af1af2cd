/**
 * Allocation runs through the server: the hand-worked example (weights, a cluster counted in its
 * area partnership, closed schools and non-members left out, places, the largest-remainder
 * rounding and the exact total), the demo-like seed, the refusals, and how a draft run moves
 * only when it is worked out again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { column, data, type HandWorked, handWorked, handWorkedRun, member, partnership, school, YEAR } from './fixture';

let t: TestServer;
let h: HandWorked;
beforeEach(async () => {
  t = await testServer({ now: () => new Date('2026-12-03T12:00:00Z') });
  h = handWorked(t.sqlite);
});
afterEach(() => t.close());

async function refusedUnchanged(channel: string, input: unknown) {
  const before = dumpTables(t.sqlite);
  const e = await t.refused(channel, input);
  expect(dumpTables(t.sqlite)).toEqual(before);
  return e;
}

describe('the hand-worked example', () => {
  /*
   * Pot £10,000; pupils 40% (£4,000), targeted 60% (£6,000); £10,000 a place.
   * Pupils:   North 100 + 200 (its cluster) = 300, South 300 (S2 is closed), East 400; total 1,000.
   *           North £1,200, South £1,200, East £1,600: exact.
   * Targeted: FSM + 0.5 × IDACI A: North 30 + 2 = 32, South 20 + 4 = 24, East 50 + 10 = 60; total 116.
   *           North £6,000 × 32/116 = £1,655.1724…, South × 24/116 = £1,241.3793…, East × 60/116 = £3,103.4482…
   * Exact:    North £2,855.1724…, South £2,441.3793…, East £4,703.4482…; rounded down 2,855 + 2,441 + 4,703 = 9,999.
   *           The pound left over goes to the largest remainder, East's .4482 (South .3793, North .1724).
   * Formula:  North £2,855, South £2,441, East £4,704 = £10,000 exactly.
   * Places:   North 5, East 2, West 1 (no schools, so no formula share): £80,000. Total £90,000.
   */
  it('shares the pot by the weights, rounds by the largest remainder and adds the places', async () => {
    const run = await t.ok('createRun', handWorkedRun(h));
    expect(
      run.allocations.map((a) => [a.partnership, a.schools, a.formulaPence, a.exactFormulaPence, a.byFactor, a.places, a.placesPence, a.totalPence]),
    ).toEqual([
      ['East', 1, 470_400, 470_345, { 'Pupil numbers': 160_000, Targeted: 310_345 }, 2, 2_000_000, 2_470_400],
      ['North', 2, 285_500, 285_517, { 'Pupil numbers': 120_000, Targeted: 165_517 }, 5, 5_000_000, 5_285_500],
      ['South', 1, 244_100, 244_138, { 'Pupil numbers': 120_000, Targeted: 124_138 }, 0, 0, 244_100],
      ['West', 0, 0, 0, { 'Pupil numbers': 0, Targeted: 0 }, 1, 1_000_000, 1_000_000],
    ]);
    expect(run).toMatchObject({
      year: YEAR,
      status: 'draft',
      locked: false,
      formulaTotalPence: 1_000_000,
      placesTotalPence: 8_000_000,
      totalPence: 9_000_000,
      partnerships: 4,
      dataChanged: false,
      calculatedAt: '2026-12-03T12:00:00.000Z',
    });
    expect(run.factors.map((f) => [f.name, f.weightBp, f.potPence, f.columns.map((c) => [c.key, c.weight])])).toEqual([
      ['Pupil numbers', 4000, 400_000, [['pupils', 1]]],
      [
        'Targeted',
        6000,
        600_000,
        [
          ['fsm', 1],
          ['idaci_a', 0.5],
        ],
      ],
    ]);
    expect(run.roundingNote).toMatch(/largest remainder/);
    expect(await t.ok('getRun', { runId: run.id })).toEqual(run);
  });

  it('keeps the data it was worked on: per partnership and column, the sum in ten-thousandths', async () => {
    const run = await t.ok('createRun', handWorkedRun(h));
    const rows = t.sqlite
      .prepare(
        'SELECT p.name, c.key, d.total_e4 AS t FROM allocation_run_data d JOIN partnership p ON p.id = d.partnership_id JOIN school_data_column c ON c.id = d.column_id WHERE run_id = ? ORDER BY p.name, c.key',
      )
      .raw()
      .all(run.id);
    expect(rows).toEqual([
      ['East', 'fsm', 500_000],
      ['East', 'idaci_a', 200_000],
      ['East', 'pupils', 4_000_000],
      ['North', 'fsm', 300_000],
      ['North', 'idaci_a', 40_000],
      ['North', 'pupils', 3_000_000],
      ['South', 'fsm', 200_000],
      ['South', 'idaci_a', 80_000],
      ['South', 'pupils', 3_000_000],
    ]);
  });

  it('takes figures to four decimal places exactly, so an exact tie goes by name', async () => {
    // South's 0.1 + 0.2 is 0.30000000000000004 in floating point; in ten-thousandths it is 1,000 + 2,000 = 3,000,
    // exactly North's 0.3. £10,001 shared equally is £5,000.50 each: the pound goes to North by name.
    const frac = column(t.sqlite, 'frac', 'A fraction');
    const s3 = school(t.sqlite, 'Demo S3 School');
    member(t.sqlite, YEAR, s3, h.south);
    data(t.sqlite, YEAR, h.schools.N1!, { [frac]: 0.3 });
    data(t.sqlite, YEAR, h.schools.S1!, { [frac]: 0.1 });
    data(t.sqlite, YEAR, s3, { [frac]: 0.2 });
    const run = await t.ok('createRun', {
      ...handWorkedRun(h),
      formulaPotPence: 1_000_100,
      places: [],
      factors: [{ name: 'Fraction', weightBp: 10_000, columns: [{ columnId: frac, weight: 0.0001 }] }],
    });
    expect(run.allocations.map((a) => [a.partnership, a.formulaPence, a.exactFormulaPence])).toEqual([
      ['East', 0, 0],
      ['North', 500_100, 500_050],
      ['South', 500_000, 500_050],
    ]);
  });
});

describe('the demo-like seed', () => {
  it('shares £3,155,550 by 25/60/15 and adds 210 places at £10,000: £5,255,550', async () => {
    const cols = {
      pupils: h.pupils,
      fsm: h.fsm,
      idaci: h.idaciA,
      lpa: column(t.sqlite, 'low_prior_attainment', 'Low prior attainment'),
      pp: column(t.sqlite, 'pupil_premium', 'Pupil premium'),
    };
    const areas = ['Demo Area One', 'Demo Area Two', 'Demo Area Three', 'Demo Area Four', 'Demo Area Five'].map((n) => partnership(t.sqlite, n));
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    areas.forEach((a, i) => {
      for (let s = 0; s < 24; s++) {
        const id = school(t.sqlite, `Demo Area ${i + 1} School ${s + 1}`);
        member(t.sqlite, YEAR, id, a);
        const pupils = 150 + rnd(900);
        data(t.sqlite, YEAR, id, {
          [cols.pupils]: pupils,
          [cols.fsm]: Math.round(pupils * (0.05 + rnd(30) / 100)),
          [cols.idaci]: rnd(60),
          [cols.lpa]: rnd(80) + 0.5,
          [cols.pp]: Math.round(pupils * 0.2),
        });
      }
    });
    const placeSplit = [50, 45, 40, 40, 35];
    const run = await t.ok('createRun', {
      year: YEAR,
      name: 'Seed',
      formulaPotPence: 315_555_000,
      placeRatePence: 1_000_000,
      factors: [
        { name: 'Pupil numbers', weightBp: 2500, columns: [{ columnId: cols.pupils, weight: 1 }] },
        {
          name: 'Targeted factors',
          weightBp: 6000,
          columns: [
            { columnId: cols.fsm, weight: 1 },
            { columnId: cols.idaci, weight: 0.5 },
            { columnId: cols.lpa, weight: 1 },
          ],
        },
        {
          name: 'Targeted factors with pupil premium',
          weightBp: 1500,
          columns: [
            { columnId: cols.fsm, weight: 1 },
            { columnId: cols.pp, weight: 1 },
          ],
        },
      ],
      places: areas.map((a, i) => ({ partnershipId: a, places: placeSplit[i]! })),
    });
    const seedRows = run.allocations.filter((a) => a.partnership.startsWith('Demo Area'));
    expect(seedRows).toHaveLength(5);
    expect(run.factors.map((f) => f.potPence)).toEqual([78_888_750, 189_333_000, 47_333_250]);
    expect(seedRows.reduce((s, a) => s + a.places, 0)).toBe(210);
    // The hand-worked partnerships are in the year too: the seed's five share the pot with them.
    expect(run.formulaTotalPence).toBe(315_555_000);
    expect(run.placesTotalPence).toBe(210_000_000 + 0);
    expect(run.totalPence).toBe(525_555_000);
    for (const a of run.allocations) {
      expect(a.formulaPence % 100).toBe(0);
      expect(Math.abs(a.formulaPence - a.exactFormulaPence)).toBeLessThan(100);
      const factorSum = Object.values(a.byFactor).reduce((s, x) => s + x, 0);
      expect(Math.abs(factorSum - a.exactFormulaPence)).toBeLessThanOrEqual(2);
    }
    for (const f of run.factors) {
      const shared = run.allocations.reduce((s, a) => s + a.byFactor[f.name]!, 0);
      expect(Math.abs(shared - f.potPence)).toBeLessThanOrEqual(run.allocations.length);
    }
  });
});

describe('bad input: a clear error, nothing written', () => {
  it('refuses weights that do not add up to 100%', async () => {
    const input = handWorkedRun(h);
    input.factors[1]!.weightBp = 5950;
    const e = await refusedUnchanged('createRun', input);
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.message).toMatch(/^The factor weights add up to 99\.50%, not 100%/);
    expect(e.details?.issues?.[0]).toMatchObject({ field: 'factors', rule: 'weights must add up to 100%' });
  });

  it('refuses a weighted factor whose columns hold no data for any member school', async () => {
    const empty = column(t.sqlite, 'pupil_premium', 'Pupil premium');
    const input = handWorkedRun(h);
    input.factors.push({ name: 'Pupil premium', weightBp: 1000, columns: [{ columnId: empty, weight: 1 }] });
    input.factors[0]!.weightBp = 3000;
    const e = await refusedUnchanged('createRun', input);
    expect(e.message).toMatch(/"Pupil premium" carries 10\.00% of the pot, but no member school has data in its columns \(Pupil premium\)/);
  });

  it('refuses a year with no members at all', async () => {
    const e = await refusedUnchanged('createRun', { ...handWorkedRun(h), year: '2027-28', places: [] });
    expect(e.message).toMatch(/no member school has data in its columns \(Pupils\)/);
  });

  it('refuses places for a cluster, naming the partnership to give them to', async () => {
    const e = await refusedUnchanged('createRun', { ...handWorkedRun(h), places: [{ partnershipId: h.northCluster, places: 3 }] });
    expect(e.message).toBe('North Cluster 1 is a cluster inside North, whose run allocation it shares: give the places to North.');
  });

  it('refuses unknown columns and partnerships, repeated factors, columns and places', async () => {
    const base = handWorkedRun(h);
    expect((await refusedUnchanged('createRun', { ...base, places: [{ partnershipId: 9999, places: 1 }] })).code).toBe('NOT_FOUND');
    const unknownColumn = { ...base, factors: [{ name: 'All', weightBp: 10_000, columns: [{ columnId: 9999, weight: 1 }] }] };
    expect((await refusedUnchanged('createRun', unknownColumn)).message).toMatch(/weighs a data column \(id 9999\) that does not exist/);
    const twice = { ...base, factors: [base.factors[0]!, { ...base.factors[1]!, name: 'pupil numbers' }] };
    expect((await refusedUnchanged('createRun', twice)).message).toMatch(/Two factors are called "pupil numbers"/);
    const sameColumn = {
      ...base,
      factors: [
        {
          name: 'All',
          weightBp: 10_000,
          columns: [
            { columnId: h.pupils, weight: 1 },
            { columnId: h.pupils, weight: 2 },
          ],
        },
      ],
    };
    expect((await refusedUnchanged('createRun', sameColumn)).message).toMatch(/weighs the same data column twice/);
    const placesTwice = {
      ...base,
      places: [
        { partnershipId: h.north, places: 1 },
        { partnershipId: h.north, places: 2 },
      ],
    };
    expect((await refusedUnchanged('createRun', placesTwice)).message).toBe('North is given places twice: list each partnership once.');
  });

  it('refuses inputs the contract rules out', async () => {
    const base = handWorkedRun(h);
    for (const bad of [
      { ...base, formulaPotPence: 1_000_050 },
      { ...base, formulaPotPence: -100 },
      { ...base, factors: [] },
      { ...base, factors: [{ ...base.factors[0]!, columns: [{ columnId: h.pupils, weight: 0 }] }] },
      { ...base, factors: [{ ...base.factors[0]!, columns: [{ columnId: h.pupils, weight: 0.00001 }] }] },
      { ...base, places: [{ partnershipId: h.north, places: -1 }] },
    ]) {
      expect((await refusedUnchanged('createRun', bad)).code).toBe('INVALID_INPUT');
    }
  });

  it('refuses a second run of the same name in the year', async () => {
    await t.ok('createRun', handWorkedRun(h));
    const e = await refusedUnchanged('createRun', handWorkedRun(h, 'hand-worked'));
    expect(e).toMatchObject({ code: 'DUPLICATE', message: 'There is already a run called "Hand-worked" in 2026-27. Give this run another name.' });
    // The same name in another year is another run.
    data(t.sqlite, '2027-28', h.schools.N1!, { [h.pupils]: 1, [h.fsm]: 1 });
    member(t.sqlite, '2027-28', h.schools.N1!, h.north);
    await t.ok('createRun', { ...handWorkedRun(h), year: '2027-28' });
  });
});

describe('a draft run moves only when it is worked out again', () => {
  it('says when the data has changed, and recalculating takes the new data', async () => {
    const run = await t.ok('createRun', handWorkedRun(h));
    data(t.sqlite, YEAR, h.schools.S1!, { [h.pupils]: 700 });
    const stale = await t.ok('getRun', { runId: run.id });
    expect(stale.dataChanged).toBe(true);
    expect(stale.allocations).toEqual(run.allocations);

    const fresh = await t.ok('recalculateRun', { runId: run.id });
    expect(fresh.dataChanged).toBe(false);
    // Pupils now 1,400: South 700/1,400 of £4,000 = £2,000.
    expect(fresh.allocations.find((a) => a.partnership === 'South')!.byFactor['Pupil numbers']).toBe(200_000);
    expect(fresh.formulaTotalPence).toBe(1_000_000);
  });

  it('notices a school moving, closing or joining, and data in a column the run does not use does not count', async () => {
    const run = await t.ok('createRun', handWorkedRun(h));
    const other = column(t.sqlite, 'unused', 'Unused');
    data(t.sqlite, YEAR, h.schools.N1!, { [other]: 5 });
    expect((await t.ok('getRun', { runId: run.id })).dataChanged).toBe(false);

    t.sqlite.prepare("UPDATE school SET status = 'closed' WHERE id = ?").run(h.schools.E1);
    expect((await t.ok('getRun', { runId: run.id })).dataChanged).toBe(true);
    t.sqlite.prepare("UPDATE school SET status = 'open' WHERE id = ?").run(h.schools.E1);
    expect((await t.ok('getRun', { runId: run.id })).dataChanged).toBe(false);

    t.sqlite.prepare('UPDATE partnership_member SET partnership_id = ? WHERE school_id = ?').run(h.south, h.schools.N2);
    expect((await t.ok('getRun', { runId: run.id })).dataChanged).toBe(true);
    t.sqlite.prepare('UPDATE partnership_member SET partnership_id = ? WHERE school_id = ?').run(h.northCluster, h.schools.N2);

    member(t.sqlite, YEAR, h.schools.Lone!, h.west);
    const joined = await t.ok('getRun', { runId: run.id });
    expect(joined.dataChanged).toBe(true);
    const recalculated = await t.ok('recalculateRun', { runId: run.id });
    expect(recalculated.allocations.find((a) => a.partnership === 'West')).toMatchObject({ schools: 1, places: 1 });
  });

  it('changes a draft run’s inputs and works it out again; undo puts it back', async () => {
    const run = await t.ok('createRun', handWorkedRun(h));
    const input = handWorkedRun(h);
    const changed = await t.ok('updateRun', {
      runId: run.id,
      name: 'Hand-worked v2',
      formulaPotPence: 2_000_000,
      placeRatePence: 500_000,
      factors: [
        { name: 'Targeted', weightBp: 5000, columns: [{ columnId: h.fsm, weight: 2 }] },
        { name: 'Pupils only', weightBp: 5000, columns: [{ columnId: h.pupils, weight: 1 }] },
      ],
      places: [{ partnershipId: h.south, places: 4 }],
    });
    expect(changed.name).toBe('Hand-worked v2');
    expect(changed.factors.map((f) => [f.name, f.weightBp, f.columns.map((c) => [c.key, c.weight])])).toEqual([
      ['Targeted', 5000, [['fsm', 2]]],
      ['Pupils only', 5000, [['pupils', 1]]],
    ]);
    // West had places only: without them it leaves the run.
    expect(changed.allocations.map((a) => [a.partnership, a.places, a.placesPence])).toEqual([
      ['East', 0, 0],
      ['North', 0, 0],
      ['South', 4, 2_000_000],
    ]);
    expect(changed.formulaTotalPence).toBe(2_000_000);
    // The kept factor keeps its row: its history shows the weight moving.
    const targeted = run.factors.find((f) => f.name === 'Targeted')!;
    expect(changed.factors.find((f) => f.name === 'Targeted')!.id).toBe(targeted.id);
    expect(
      t.sqlite
        .prepare("SELECT old_value, new_value, scope FROM audit_entry WHERE entity = 'allocation_factor' AND entity_id = ? AND field = 'weightBp'")
        .all(String(targeted.id)),
    ).toEqual([{ old_value: '6000', new_value: '5000', scope: `allocation_run:${run.id}` }]);

    await t.ok('undo', {});
    const back = await t.ok('getRun', { runId: run.id });
    expect(back).toEqual({ ...run, calculatedAt: back.calculatedAt });
    expect(input.name).toBe('Hand-worked');
  });

  it('copies a run to a new draft on today’s data, and deletes a draft', async () => {
    const run = await t.ok('createRun', handWorkedRun(h));
    data(t.sqlite, YEAR, h.schools.E1!, { [h.pupils]: 800 });
    const copy = await t.ok('copyRun', { runId: run.id, name: 'Hand-worked (copy)' });
    expect(copy).toMatchObject({ copiedFromId: run.id, status: 'draft', dataChanged: false, formulaPotPence: run.formulaPotPence });
    expect(copy.allocations.map((a) => [a.partnership, a.places])).toEqual(run.allocations.map((a) => [a.partnership, a.places]));
    expect(copy.allocations.find((a) => a.partnership === 'East')!.byFactor['Pupil numbers']).toBe(228_571);
    // The original has not moved.
    expect((await t.ok('getRun', { runId: run.id })).allocations).toEqual(run.allocations);

    expect(await t.ok('deleteRun', { runId: copy.id })).toEqual({ deleted: true });
    expect((await t.ok('listRuns', { year: YEAR })).map((r) => r.name)).toEqual(['Hand-worked']);
    expect(t.sqlite.prepare('SELECT COUNT(*) FROM allocation_run_data WHERE run_id = ?').pluck().get(copy.id)).toBe(0);
    await t.ok('undo', {});
    expect((await t.ok('getRun', { runId: copy.id })).allocations).toEqual(copy.allocations);
  });

  it('copies a run into another year, on that year’s data', async () => {
    const run = await t.ok('createRun', handWorkedRun(h));
    member(t.sqlite, '2027-28', h.schools.N1!, h.north);
    data(t.sqlite, '2027-28', h.schools.N1!, { [h.pupils]: 10, [h.fsm]: 1 });
    const next = await t.ok('copyRun', { runId: run.id, name: 'Next year', year: '2027-28' });
    expect(next.year).toBe('2027-28');
    expect(next.allocations.map((a) => [a.partnership, a.formulaPence, a.places])).toEqual([
      ['East', 0, 2],
      ['North', 1_000_000, 5],
      ['West', 0, 1],
    ]);
  });
});

describe('listing runs', () => {
  it('lists newest year first, with totals and lock state', async () => {
    const a = await t.ok('createRun', handWorkedRun(h));
    const b = await t.ok('copyRun', { runId: a.id, name: 'Second' });
    const list = await t.ok('listRuns', {});
    expect(list.map((r) => [r.name, r.totalPence, r.partnerships, r.locked])).toEqual([
      ['Second', 9_000_000, 4, false],
      ['Hand-worked', 9_000_000, 4, false],
    ]);
    expect(b.copiedFromId).toBe(a.id);
    expect(await t.ok('listRuns', { year: '2025-26' })).toEqual([]);
  });
});
