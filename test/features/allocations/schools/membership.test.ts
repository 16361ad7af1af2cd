import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../support/workspace';
import { aSchool, addSchools, columnId, openWithYears, refusedUnchanged, Y1, Y2 } from './fixture';

let t: TestServer;
afterEach(() => t?.close());

const latestChange = () => t.sqlite.prepare('SELECT max(id) FROM change_set').pluck().get();
const partnershipOf = async (year: string, urn: number) => (await t.ok('listSchools', { year })).schools.find((s) => s.urn === urn)!.partnershipName;

describe('membership', () => {
  it('puts a school in one partnership a year: a second is refused naming both, a move is asked for', async () => {
    t = await openWithYears();
    const [s] = await addSchools(t, 1);
    const north = await t.ok('savePartnership', { name: 'North Cluster', kind: 'cluster' });
    const south = await t.ok('savePartnership', { name: 'South Cluster', kind: 'cluster' });
    await t.ok('setMembership', { year: Y2, schoolId: s!.id, partnershipId: north.id });

    const twice = await refusedUnchanged(t, 'setMembership', { year: Y2, schoolId: s!.id, partnershipId: south.id });
    expect(twice.code).toBe('INVALID_INPUT');
    expect(twice.message).toBe(
      'Test School 01 (URN 100001) is already in North Cluster in 2026-27, so it cannot also be in South Cluster: a school belongs to one partnership a year. Move it from North Cluster instead.',
    );
    expect(twice.details?.issues?.[0]).toMatchObject({ field: 'partnershipId', rule: 'a school is in at most one partnership a year' });

    // The same partnership again changes nothing, and leaves no change behind.
    const mark = latestChange();
    await t.ok('setMembership', { year: Y2, schoolId: s!.id, partnershipId: north.id });
    expect(latestChange()).toBe(mark);

    await t.ok('setMembership', { year: Y2, schoolId: s!.id, partnershipId: south.id, move: true });
    expect(await partnershipOf(Y2, 100001)).toBe('South Cluster');
    expect(t.sqlite.prepare('SELECT count(*) FROM partnership_member').pluck().get()).toBe(1);
    await t.ok('setMembership', { year: Y2, schoolId: s!.id, partnershipId: null });
    expect(await partnershipOf(Y2, 100001)).toBeNull();
    expect(t.sqlite.prepare('SELECT count(*) FROM partnership_member').pluck().get()).toBe(0);
  });

  it('moves a school between years without touching the other year, and the database itself holds one a year', async () => {
    t = await openWithYears();
    const [s] = await addSchools(t, 1);
    const north = await t.ok('savePartnership', { name: 'North Cluster', kind: 'cluster' });
    const south = await t.ok('savePartnership', { name: 'South Cluster', kind: 'cluster' });
    await t.ok('setMembership', { year: Y1, schoolId: s!.id, partnershipId: north.id });
    await t.ok('setMembership', { year: Y2, schoolId: s!.id, partnershipId: south.id });
    expect(await partnershipOf(Y1, 100001)).toBe('North Cluster');
    expect(await partnershipOf(Y2, 100001)).toBe('South Cluster');
    expect(() => t.sqlite.prepare('INSERT INTO partnership_member (year_id, school_id, partnership_id) VALUES (?, ?, ?)').run(Y2, s!.id, north.id)).toThrow(
      /UNIQUE/,
    );
  });

  it('refuses an unknown year, school or partnership', async () => {
    t = await openWithYears();
    const [s] = await addSchools(t, 1);
    const p = await t.ok('savePartnership', { name: 'North Cluster', kind: 'cluster' });
    expect((await refusedUnchanged(t, 'setMembership', { year: '2029-30', schoolId: s!.id, partnershipId: p.id })).code).toBe('NOT_FOUND');
    expect((await refusedUnchanged(t, 'setMembership', { year: Y2, schoolId: 999, partnershipId: p.id })).details?.issues?.[0]?.field).toBe('schoolId');
    expect((await refusedUnchanged(t, 'setMembership', { year: Y2, schoolId: s!.id, partnershipId: 999 })).details?.issues?.[0]?.field).toBe('partnershipId');
  });
});

describe('copying a year', () => {
  it('copies membership (and, if asked, the figures) of the open schools into a year that has none', async () => {
    t = await openWithYears();
    const [a, b, closed] = await addSchools(t, 3);
    await t.ok('saveSchool', { ...aSchool({ urn: closed!.urn, name: closed!.name, status: 'closed' }), id: closed!.id });
    const north = await t.ok('savePartnership', { name: 'North Cluster', kind: 'cluster' });
    const south = await t.ok('savePartnership', { name: 'South Cluster', kind: 'cluster' });
    const pupils = await columnId(t, 'pupils');
    for (const [s, p, n] of [
      [a!, north, 210],
      [b!, south, 95.5],
      [closed!, south, 40],
    ] as const) {
      await t.ok('setMembership', { year: Y1, schoolId: s.id, partnershipId: p.id });
      await t.ok('setSchoolData', { year: Y1, schoolId: s.id, values: { [pupils]: n } });
    }
    await t.ok('setBuyIn', { year: Y1, schoolId: a!.id, status: 'bought_in' });

    expect(await t.ok('copyMembership', { fromYear: Y1, toYear: Y2, withData: true })).toEqual({ schools: 2 });
    const y2 = (await t.ok('listSchools', { year: Y2 })).schools;
    expect(y2.map((s) => [s.urn, s.partnershipName, s.data.pupils ?? null, s.buyIn])).toEqual([
      [100001, 'North Cluster', 210, null],
      [100002, 'South Cluster', 95.5, null],
      [100003, null, null, null],
    ]);
    const undone = await t.ok('undo', {});
    expect(undone.undone).toBe('Copy 2025-26 membership and school data to 2026-27 (2 schools)');
    expect(t.sqlite.prepare('SELECT count(*) FROM partnership_member WHERE year_id = ?').pluck().get(Y2)).toBe(0);

    expect(await t.ok('copyMembership', { fromYear: Y1, toYear: Y2 })).toEqual({ schools: 2 });
    expect(t.sqlite.prepare('SELECT count(*) FROM school_data WHERE year_id = ?').pluck().get(Y2)).toBe(0);
  });

  it('refuses the same year, a year with nothing to copy, and a year that already has membership or figures', async () => {
    t = await openWithYears();
    await t.ok('createYear', { year: '2027-28' });
    const [a] = await addSchools(t, 1);
    const p = await t.ok('savePartnership', { name: 'North Cluster', kind: 'cluster' });
    const same = await refusedUnchanged(t, 'copyMembership', { fromYear: Y1, toYear: Y1 });
    expect(same.message).toBe('Membership is copied from one year to another: 2025-26 to 2025-26 is the same year.');
    const empty = await refusedUnchanged(t, 'copyMembership', { fromYear: Y1, toYear: Y2 });
    expect(empty.message).toBe('2025-26 has no open schools in any partnership, so there is nothing to copy.');

    await t.ok('setMembership', { year: Y1, schoolId: a!.id, partnershipId: p.id });
    await t.ok('setMembership', { year: Y2, schoolId: a!.id, partnershipId: p.id });
    await t.ok('setSchoolData', { year: '2027-28', schoolId: a!.id, values: { [await columnId(t, 'fsm')]: 3 } });
    const taken = await refusedUnchanged(t, 'copyMembership', { fromYear: Y1, toYear: Y2 });
    expect(taken.message).toBe(
      "2026-27 already has 1 school in partnerships: a year's membership is copied only into a year that has none. Move schools one by one instead.",
    );
    const figures = await refusedUnchanged(t, 'copyMembership', { fromYear: Y1, toYear: '2027-28', withData: true });
    expect(figures.details?.issues?.[0]).toMatchObject({ field: 'withData' });
    expect(figures.message).toMatch(/^2027-28 already has 1 school figure: school data is copied only into a year that has none/);
    expect((await refusedUnchanged(t, 'copyMembership', { fromYear: Y1, toYear: '2040-41' })).code).toBe('NOT_FOUND');
  });
});

describe('buy-in', () => {
  it('records, changes and clears a decision, and refuses a date or note with no decision', async () => {
    t = await openWithYears();
    const [s] = await addSchools(t, 1);
    await t.ok('setBuyIn', { year: Y2, schoolId: s!.id, status: 'undecided', note: 'Governors meet in January' });
    await t.ok('setBuyIn', { year: Y2, schoolId: s!.id, status: 'bought_in', decidedOn: '2027-01-20', note: ' Agreed unanimously ' });
    expect((await t.ok('listSchools', { year: Y2 })).schools[0]).toMatchObject({
      buyIn: 'bought_in',
      buyInDecidedOn: '2027-01-20',
      buyInNote: 'Agreed unanimously',
    });
    const noDecision = await refusedUnchanged(t, 'setBuyIn', { year: Y2, schoolId: s!.id, status: null, note: 'Still thinking' });
    expect(noDecision.message).toBe(
      'Say whether Test School 01 (URN 100001) bought in, is yet to decide or is leaving before recording a decision date or note.',
    );
    const badDate = await refusedUnchanged(t, 'setBuyIn', { year: Y2, schoolId: s!.id, status: 'leaving', decidedOn: '20/01/2027' });
    expect(badDate.details?.issues?.[0]?.field).toBe('decidedOn');
    const badStatus = await refusedUnchanged(t, 'setBuyIn', { year: Y2, schoolId: s!.id, status: 'maybe' });
    expect(badStatus.details?.issues?.[0]?.message).toBe('status must be bought in, yet to decide or leaving');
    await t.ok('setBuyIn', { year: Y2, schoolId: s!.id, status: null });
    expect((await t.ok('listSchools', { year: Y2 })).schools[0]).toMatchObject({ buyIn: null, buyInDecidedOn: null, buyInNote: '' });
    expect(t.sqlite.prepare('SELECT count(*) FROM school_buy_in').pluck().get()).toBe(0);
  });

  it('counts each cluster’s open schools by decision, a school with none as undecided, with exact shares of pupils', async () => {
    t = await openWithYears();
    const schools = await addSchools(t, 8);
    const north = await t.ok('savePartnership', { name: 'North AIP', kind: 'area_inclusion' });
    const west = await t.ok('savePartnership', { name: 'Westfield Cluster', kind: 'cluster', parentId: north.id });
    const east = await t.ok('savePartnership', { name: 'Eastgate Cluster', kind: 'cluster', parentId: north.id });
    await t.ok('savePartnership', { name: 'Empty Cluster', kind: 'cluster', parentId: north.id });
    const pupils = await columnId(t, 'pupils');
    // [school, partnership, pupils, decision]; school 8 is closed and counts nowhere.
    const plan = [
      [0, west, 100.1, 'bought_in'],
      [1, west, 200.2, 'bought_in'],
      [2, west, 300, 'leaving'],
      [3, west, null, null],
      [4, east, 50, 'undecided'],
      [5, east, 150, null],
      [6, north, 400, 'bought_in'],
      [7, east, 999, 'leaving'],
    ] as const;
    for (const [i, p, n, status] of plan) {
      await t.ok('setMembership', { year: Y2, schoolId: schools[i]!.id, partnershipId: p.id });
      if (n !== null) await t.ok('setSchoolData', { year: Y2, schoolId: schools[i]!.id, values: { [pupils]: n } });
      if (status) await t.ok('setBuyIn', { year: Y2, schoolId: schools[i]!.id, status });
    }
    await t.ok('saveSchool', { ...aSchool({ urn: schools[7]!.urn, name: schools[7]!.name, status: 'closed' }), id: schools[7]!.id });

    const counts = await t.ok('buyInByCluster', { year: Y2 });
    expect(counts).toEqual([
      {
        partnershipId: north.id,
        partnershipName: 'North AIP',
        parentId: null,
        parentName: null,
        schools: 1,
        boughtIn: 1,
        undecided: 0,
        leaving: 0,
        notRecorded: 0,
        pupils: 400,
        boughtInPupils: 400,
        undecidedPupils: 0,
        leavingPupils: 0,
      },
      {
        partnershipId: east.id,
        partnershipName: 'Eastgate Cluster',
        parentId: north.id,
        parentName: 'North AIP',
        schools: 2,
        boughtIn: 0,
        undecided: 2,
        leaving: 0,
        notRecorded: 1,
        pupils: 200,
        boughtInPupils: 0,
        undecidedPupils: 200,
        leavingPupils: 0,
      },
      {
        partnershipId: west.id,
        partnershipName: 'Westfield Cluster',
        parentId: north.id,
        parentName: 'North AIP',
        schools: 4,
        boughtIn: 2,
        undecided: 1,
        leaving: 1,
        notRecorded: 1,
        // 100.1 + 200.2 is 300.29999999999995 in floating point; summed in ten-thousandths it is exact.
        pupils: 600.3,
        boughtInPupils: 300.3,
        undecidedPupils: 0,
        leavingPupils: 300,
      },
    ]);
    // Another year with members but no pupil numbers: counts, and no shares.
    await t.ok('setMembership', { year: Y1, schoolId: schools[0]!.id, partnershipId: west.id });
    expect(await t.ok('buyInByCluster', { year: Y1 })).toEqual([
      expect.objectContaining({ partnershipName: 'Westfield Cluster', schools: 1, undecided: 1, notRecorded: 1, pupils: null, boughtInPupils: null }),
    ]);
    expect((await t.refused('buyInByCluster', { year: '2030-31' })).code).toBe('NOT_FOUND');
  });
});
