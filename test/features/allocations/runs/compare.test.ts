/**
 * Comparing runs partnership by partnership: two versions of a year's run, and a run against the
 * previous year's (the approved run of that year, else its latest).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runForYear } from '../../../../features/allocations/runs/queries';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { data, type HandWorked, handWorked, handWorkedRun, LAST_YEAR, member, partnership, school, YEAR } from './fixture';

let t: TestServer;
let h: HandWorked;
beforeEach(async () => {
  t = await testServer({ now: () => new Date('2026-12-03T12:00:00Z') });
  h = handWorked(t.sqlite);
});
afterEach(() => t.close());

describe('two runs of a year', () => {
  it('gives each partnership’s allocation in both and the difference, b less a', async () => {
    const a = await t.ok('createRun', handWorkedRun(h));
    // East grows (pupils 400 → 1,000) and a new partnership joins.
    data(t.sqlite, YEAR, h.schools.E1!, { [h.pupils]: 1000 });
    const newcomer = partnership(t.sqlite, 'Central');
    const s = school(t.sqlite, 'Demo Central School');
    member(t.sqlite, YEAR, s, newcomer);
    data(t.sqlite, YEAR, s, { [h.pupils]: 400, [h.fsm]: 16 });
    const b = await t.ok('copyRun', { runId: a.id, name: 'With new data' });

    const c = await t.ok('compareRuns', { a: a.id, b: b.id });
    expect(c.a.id).toBe(a.id);
    expect(c.b.id).toBe(b.id);
    const of = (name: string) => c.rows.find((r) => r.partnership === name)!;
    const total = (run: typeof a, name: string) => run.allocations.find((x) => x.partnership === name)?.totalPence ?? null;
    expect(c.rows.map((r) => r.partnership)).toEqual(['Central', 'East', 'North', 'South', 'West']);
    for (const name of ['East', 'North', 'South', 'West']) {
      expect(of(name)).toMatchObject({ aPence: total(a, name), bPence: total(b, name), differencePence: total(b, name)! - total(a, name)! });
    }
    expect(of('Central')).toMatchObject({ aPence: null, bPence: total(b, 'Central'), differencePence: null, placesA: null, placesB: 0 });
    expect(of('East').differencePence).toBeGreaterThan(0);
    expect(of('North').differencePence).toBeLessThan(0);
    expect(of('West').differencePence).toBe(0);
    expect(of('East').byFactor['Pupil numbers']).toEqual({
      a: a.allocations.find((x) => x.partnership === 'East')!.byFactor['Pupil numbers'],
      b: b.allocations.find((x) => x.partnership === 'East')!.byFactor['Pupil numbers'],
    });
    // Both runs share the same pot and places: their totals are the same, the money has moved.
    expect(c.totalA).toBe(9_000_000);
    expect(c.totalB).toBe(9_000_000);
  });
});

describe('a run against last year’s', () => {
  async function lastYearRuns() {
    for (const [name, id] of Object.entries(h.schools)) {
      if (name === 'Lone' || name === 'S2') continue;
      const p = t.sqlite.prepare('SELECT partnership_id FROM partnership_member WHERE school_id = ? AND year_id = ?').pluck().get(id, YEAR) as number;
      member(t.sqlite, LAST_YEAR, id, p);
      data(t.sqlite, LAST_YEAR, id, { [h.pupils]: 100, [h.fsm]: 10 });
    }
    const base = { ...handWorkedRun(h), year: LAST_YEAR };
    const approved = await t.ok('createRun', { ...base, name: 'Approved', formulaPotPence: 800_000 });
    await t.ok('approveRun', { runId: approved.id, approvedOn: '2025-03-01', note: '' });
    // A later draft in that year does not count while an approved run exists.
    const later = await t.ok('createRun', { ...base, name: 'Later draft', formulaPotPence: 500_000 });
    return { approved, later };
  }

  it('compares with the previous year’s approved run, last year on the a side', async () => {
    const { approved } = await lastYearRuns();
    const now = await t.ok('createRun', handWorkedRun(h));
    const c = await t.ok('compareRuns', { a: now.id });
    expect(c.a).toMatchObject({ id: approved.id, year: LAST_YEAR, name: 'Approved' });
    expect(c.b).toMatchObject({ id: now.id, year: YEAR });
    expect(c.totalA).toBe(800_000 + 8_000_000);
    expect(c.totalB).toBe(9_000_000);
    // Last year: pupils 100 each in East, North (2 schools) and South: North gets half the £8,000.
    const north = c.rows.find((r) => r.partnership === 'North')!;
    expect(north.aPence).toBe(400_000 + 5_000_000);
    expect(north.differencePence).toBe(north.bPence! - north.aPence!);
  });

  it('picks the year’s run by the stated rule', async () => {
    expect(runForYear(t.server.workspace!.db, LAST_YEAR)).toBeNull();
    const { approved, later } = await lastYearRuns();
    const db = t.server.workspace!.db;
    expect(runForYear(db, LAST_YEAR)!.id).toBe(approved.id);
    // Approved later (by date) wins; the same date, the higher id.
    await t.ok('approveRun', { runId: later.id, approvedOn: '2025-03-02', note: '' });
    expect(runForYear(db, LAST_YEAR)!.id).toBe(later.id);
    const third = await t.ok('copyRun', { runId: later.id, name: 'Third' });
    expect(runForYear(db, LAST_YEAR)!.id).toBe(later.id);
    await t.ok('approveRun', { runId: third.id, approvedOn: '2025-03-02', note: '' });
    expect(runForYear(db, LAST_YEAR)!.id).toBe(third.id);
    // No approved run: the latest made.
    const draftOnly = await t.ok('createRun', handWorkedRun(h, 'First'));
    const draftTwo = await t.ok('createRun', handWorkedRun(h, 'Second'));
    expect(runForYear(db, YEAR)!.id).toBe(draftTwo.id);
    expect(draftOnly.id).toBeLessThan(draftTwo.id);
  });

  it('refuses when the previous year has no run, writing nothing', async () => {
    const now = await t.ok('createRun', handWorkedRun(h));
    const before = dumpTables(t.sqlite);
    const e = await t.refused('compareRuns', { a: now.id });
    expect(e).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no allocation run for 2025-26 to compare "Hand-worked" with. Choose another run to compare it with.',
    });
    expect((await t.refused('compareRuns', { a: now.id, b: 999 })).code).toBe('NOT_FOUND');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});
