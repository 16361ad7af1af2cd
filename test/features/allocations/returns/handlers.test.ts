/**
 * Partnership returns through the handlers: set up from the year's allocation run, figures and
 * status with their dates, headings, and every refusal leaving the database as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestServer } from '../../../support/workspace';
import { type Fixture, fixture, of, refusedUnchanged, YEAR } from './fixture';

let f: Fixture;
let t: TestServer;
afterEach(() => t?.close());

async function open(o: { now?: () => Date } = {}): Promise<Fixture> {
  f = await fixture(o);
  t = f.t;
  return f;
}

describe('setting up a year’s returns', () => {
  it('makes one return per period for each partnership with an allocation, in the year’s order, once', async () => {
    await open();
    const before = await t.ok('listReturns', { year: YEAR });
    expect(before.run?.name).toBe('Autumn 2026');
    expect(before.partnerships.map((p) => [p.partnership, p.allocationPence, p.places, p.returns.length])).toEqual([
      ['North AIP', 22_000_000, 2, 0],
      ['South AIP', 40_000_000, 0, 0],
    ]);

    const o = await t.ok('setUpReturns', { year: YEAR });
    expect(o.partnerships.map((p) => [p.partnership, p.returns.map((r) => [r.period, r.status])])).toEqual([
      [
        'North AIP',
        [
          ['summer', 'not_sent'],
          ['autumn', 'not_sent'],
          ['spring', 'not_sent'],
        ],
      ],
      [
        'South AIP',
        [
          ['summer', 'not_sent'],
          ['autumn', 'not_sent'],
          ['spring', 'not_sent'],
        ],
      ],
    ]);
    expect(o.categories.map((c) => c.name)).toContain('Staffing');
    expect(o.measures.map((m) => m.name)).toContain('Permanent exclusions');

    // Again: nothing to make, nothing written.
    const changeSets = t.sqlite.prepare('SELECT count(*) FROM change_set').pluck().get();
    await t.ok('setUpReturns', { year: YEAR });
    await t.ok('setUpReturns', { year: YEAR, partnershipId: f.ids.north });
    expect(t.sqlite.prepare('SELECT count(*) FROM change_set').pluck().get()).toBe(changeSets);
  });

  it('makes an annual partnership one whole-year return', async () => {
    await open();
    await t.ok('savePartnership', {
      id: f.ids.south,
      name: 'South AIP',
      area: 'South',
      kind: 'area_inclusion',
      agreementId: f.ids.aipS,
      returnFrequency: 'annual',
    });
    const o = await t.ok('setUpReturns', { year: YEAR, partnershipId: f.ids.south });
    expect(o.partnerships.map((p) => [p.partnership, p.returns.map((r) => r.period)])).toEqual([
      ['North AIP', []],
      ['South AIP', ['annual']],
    ]);
  });

  it('refuses a partnership with no allocation, a year with no run, and an unknown partnership, writing nothing', async () => {
    await open();
    const west = await refusedUnchanged(t, 'setUpReturns', { year: YEAR, partnershipId: f.ids.west });
    expect(west.code).toBe('INVALID_INPUT');
    expect(west.message).toBe(
      'West AIP has no allocation in 2026-27: the year\'s allocation run, "Autumn 2026", gives it nothing, so it has no returns to make or record.',
    );
    expect(west.details?.issues?.[0]).toMatchObject({ field: 'partnershipId' });
    const east = await refusedUnchanged(t, 'setUpReturns', { year: YEAR, partnershipId: f.ids.east });
    expect(east.message).toMatch(/^East AIP has no allocation in 2026-27/);
    const noRun = await refusedUnchanged(t, 'setUpReturns', { year: '2025-26' });
    expect(noRun.message).toBe(
      "2025-26 has no allocation run yet, so no partnership has an allocation to make returns against. Make the year's run on the Allocation runs screen first.",
    );
    const noRunOne = await refusedUnchanged(t, 'setUpReturns', { year: '2025-26', partnershipId: f.ids.north });
    expect(noRunOne.message).toMatch(/^North AIP has no allocation in 2025-26: the year has no allocation run yet/);
    expect((await refusedUnchanged(t, 'setUpReturns', { year: YEAR, partnershipId: 999 })).code).toBe('NOT_FOUND');
    expect((await refusedUnchanged(t, 'setUpReturns', { year: '2030-31' })).code).toBe('NOT_FOUND');
    expect((await refusedUnchanged(t, 'setUpReturns', { year: '2026-2027' })).code).toBe('INVALID_INPUT');
  });

  it('refuses changes to a return whose partnership has lost its allocation in a later run', async () => {
    await open();
    const o = await t.ok('setUpReturns', { year: YEAR });
    const summer = of(o, 'North AIP').returns[0]!;
    const columns = await t.ok('listDataColumns', {});
    await t.ok('createRun', {
      year: YEAR,
      name: 'Without North',
      formulaPotPence: 60_000_000,
      placeRatePence: 1_000_000,
      factors: [{ name: 'Pupils', weightBp: 10_000, columns: [{ columnId: columns.find((c) => c.key === 'pupils')!.id, weight: 1 }] }],
      places: [],
    });
    // The latest run now counts: North keeps its pupils' share, but nothing else changes for it.
    const after = await t.ok('listReturns', { year: YEAR });
    expect(after.run?.name).toBe('Without North');
    expect(of(after, 'North AIP').allocationPence).toBe(20_000_000);
    // A run that gives North nothing: its returns stay listed, and cannot change.
    const schools = await t.ok('listSchools', { year: YEAR });
    for (const s of schools.schools.filter((x) => x.partnershipName === 'North AIP' || x.partnershipName === 'Cluster N1')) {
      await t.ok('setMembership', { year: YEAR, schoolId: s.id, partnershipId: null });
    }
    await t.ok('createRun', {
      year: YEAR,
      name: 'South and West',
      formulaPotPence: 60_000_000,
      placeRatePence: 1_000_000,
      factors: [{ name: 'Pupils', weightBp: 10_000, columns: [{ columnId: columns.find((c) => c.key === 'pupils')!.id, weight: 1 }] }],
      places: [],
    });
    const last = await t.ok('listReturns', { year: YEAR });
    expect(of(last, 'North AIP')).toMatchObject({ allocationPence: 0, returns: [{ period: 'summer' }, { period: 'autumn' }, { period: 'spring' }] });
    const e = await refusedUnchanged(t, 'saveReturn', { returnId: summer.id, commentary: 'Late figures' });
    expect(e.message).toMatch(/^North AIP has no allocation in 2026-27: the year's allocation run, "South and West", gives it nothing/);
    await refusedUnchanged(t, 'setReturnStatus', { returnId: summer.id, status: 'sent' });
    await refusedUnchanged(t, 'setDevelopmentPlan', { year: YEAR, partnershipId: f.ids.north, approvedOn: '2026-11-01' });
  });
});

describe('a return’s figures and status', () => {
  it('saves spend, places, measures and commentary; figures in a return not yet received mark it received today', async () => {
    await open();
    const o = await t.ok('setUpReturns', { year: YEAR });
    const summer = of(o, 'North AIP').returns[0]!;
    await t.ok('setReturnStatus', { returnId: summer.id, status: 'sent', on: '2026-07-01' });
    const saved = await t.ok('saveReturn', {
      returnId: summer.id,
      spend: { [f.categories.Staffing!]: 4_500_000, [f.categories['Commissioned places']!]: 2_012_345 },
      placesUsed: 2,
      measures: { [f.measures['Permanent exclusions']!]: 1, [f.measures.Attendance!]: 93.4 },
      commentary: 'Outreach team fully staffed from June.',
    });
    expect(saved).toMatchObject({
      status: 'received',
      sentOn: '2026-07-01',
      receivedOn: '2026-12-03',
      placesUsed: 2,
      commentary: 'Outreach team fully staffed from June.',
      spendPence: 6_512_345,
      spend: { [f.categories.Staffing!]: 4_500_000, [f.categories['Commissioned places']!]: 2_012_345 },
      measures: { [f.measures['Permanent exclusions']!]: 1, [f.measures.Attendance!]: 93.4 },
    });

    // A checked return keeps its status; a figure set to null is cleared.
    await t.ok('setReturnStatus', { returnId: summer.id, status: 'checked', on: '2026-12-03' });
    const again = await t.ok('saveReturn', { returnId: summer.id, spend: { [f.categories['Commissioned places']!]: null }, measures: {} });
    expect(again).toMatchObject({ status: 'checked', spendPence: 4_500_000, spend: { [f.categories.Staffing!]: 4_500_000 } });
    expect(Object.keys(again.spend)).toHaveLength(1);

    // Unchanged figures write nothing, not even a status.
    const autumn = of(o, 'North AIP').returns[1]!;
    const changeSets = t.sqlite.prepare('SELECT count(*) FROM change_set').pluck().get();
    const same = await t.ok('saveReturn', { returnId: autumn.id, spend: { [f.categories.Staffing!]: null }, commentary: '' });
    expect(same.status).toBe('not_sent');
    expect(t.sqlite.prepare('SELECT count(*) FROM change_set').pluck().get()).toBe(changeSets);

    // The history of the return names each heading; undo puts the figures back.
    const history = await t.ok('getHistory', { subject: `partnership_return:${summer.id}` });
    expect(history.map((h) => h.what)).toEqual(expect.arrayContaining(['Spend Staffing', 'Status', 'Received']));
    await t.ok('undo', {});
    const undone = (await t.ok('listReturns', { year: YEAR })).partnerships[0]!.returns[0]!;
    expect(undone.spendPence).toBe(6_512_345);
  });

  it('refuses a heading that does not exist, a negative place count and an unknown return, writing nothing', async () => {
    await open();
    const o = await t.ok('setUpReturns', { year: YEAR });
    const summer = of(o, 'South AIP').returns[0]!;
    const e = await refusedUnchanged(t, 'saveReturn', { returnId: summer.id, spend: { 9999: 100 } });
    expect(e).toMatchObject({ code: 'NOT_FOUND', details: { issues: [{ field: 'spend.9999' }] } });
    await refusedUnchanged(t, 'saveReturn', { returnId: summer.id, measures: { 9999: 1 } });
    const neg = await refusedUnchanged(t, 'saveReturn', { returnId: summer.id, placesUsed: -1 });
    expect(neg.code).toBe('INVALID_INPUT');
    await refusedUnchanged(t, 'saveReturn', { returnId: summer.id, spend: { [f.categories.Staffing!]: 12.5 } });
    expect((await refusedUnchanged(t, 'saveReturn', { returnId: 9999, commentary: 'x' })).code).toBe('NOT_FOUND');
  });

  it('moves through not sent, sent, received and checked with dates in order, never after today', async () => {
    await open();
    const o = await t.ok('setUpReturns', { year: YEAR });
    const r = of(o, 'South AIP').returns[1]!;
    expect(await t.ok('setReturnStatus', { returnId: r.id, status: 'sent', on: '2026-10-01' })).toMatchObject({
      status: 'sent',
      sentOn: '2026-10-01',
      receivedOn: null,
      checkedOn: null,
    });
    // Without a date: today.
    expect(await t.ok('setReturnStatus', { returnId: r.id, status: 'received' })).toMatchObject({
      status: 'received',
      sentOn: '2026-10-01',
      receivedOn: '2026-12-03',
    });
    const early = await refusedUnchanged(t, 'setReturnStatus', { returnId: r.id, status: 'checked', on: '2026-11-30' });
    expect(early.message).toBe(
      "South AIP's autumn term 2026-27 return was received on 3 December 2026, so it cannot be checked on 30 November 2026, before that. Give a date on or after 3 December 2026.",
    );
    expect(early.details?.issues?.[0]).toMatchObject({ field: 'on' });
    const future = await refusedUnchanged(t, 'setReturnStatus', { returnId: r.id, status: 'checked', on: '2026-12-04' });
    expect(future.message).toBe("South AIP's autumn term 2026-27 return cannot be marked checked on 4 December 2026: that is after today.");
    expect(await t.ok('setReturnStatus', { returnId: r.id, status: 'checked' })).toMatchObject({ status: 'checked', checkedOn: '2026-12-03' });
    // Back to received: no longer checked. Back to not sent: no dates.
    expect(await t.ok('setReturnStatus', { returnId: r.id, status: 'received', on: '2026-12-01' })).toMatchObject({
      receivedOn: '2026-12-01',
      checkedOn: null,
    });
    expect(await t.ok('setReturnStatus', { returnId: r.id, status: 'not_sent' })).toMatchObject({ sentOn: null, receivedOn: null, checkedOn: null });
    // Checked straight away: received the same day.
    expect(await t.ok('setReturnStatus', { returnId: r.id, status: 'checked', on: '2026-11-20' })).toMatchObject({
      sentOn: null,
      receivedOn: '2026-11-20',
      checkedOn: '2026-11-20',
    });
    await refusedUnchanged(t, 'setReturnStatus', { returnId: r.id, status: 'lost' });
    await refusedUnchanged(t, 'setReturnStatus', { returnId: r.id, status: 'sent', on: '03/12/2026' });
  });
});

describe('spending categories and outcome measures', () => {
  it('adds, renames and deletes headings; refuses a duplicate name and a heading a return uses', async () => {
    await open();
    const c = await t.ok('saveReturnCategory', { name: 'Transport' });
    expect(c.sortOrder).toBe(60);
    expect((await refusedUnchanged(t, 'saveReturnCategory', { name: 'Staffing.' })).code).toBe('DUPLICATE');
    const dup = await refusedUnchanged(t, 'saveReturnCategory', { name: ' staffing ' });
    expect(dup).toMatchObject({ code: 'DUPLICATE', message: 'There is already a spending category called Staffing. Give this one another name.' });
    expect(await t.ok('saveReturnCategory', { id: c.id, name: 'Home to school transport', sortOrder: 5 })).toMatchObject({
      name: 'Home to school transport',
      sortOrder: 5,
    });
    expect((await t.ok('listReturnHeadings', {})).categories[0]!.name).toBe('Home to school transport');

    const m = await t.ok('saveReturnMeasure', { name: 'Managed moves', unit: 'pupils' });
    expect(m).toMatchObject({ name: 'Managed moves', unit: 'pupils', sortOrder: 50 });
    expect((await refusedUnchanged(t, 'saveReturnMeasure', { name: 'ATTENDANCE' })).code).toBe('DUPLICATE');

    const o = await t.ok('setUpReturns', { year: YEAR });
    await t.ok('saveReturn', { returnId: of(o, 'North AIP').returns[0]!.id, spend: { [c.id]: 100_00 }, measures: { [m.id]: 3 } });
    const used = await refusedUnchanged(t, 'deleteReturnCategory', { id: c.id });
    expect(used.message).toBe(
      "1 return reports spend under Home to school transport (North AIP's summer term 2026-27 return), so it cannot be deleted. Rename it instead.",
    );
    const usedM = await refusedUnchanged(t, 'deleteReturnMeasure', { id: m.id });
    expect(usedM.message).toMatch(/^1 return reports Managed moves \(North AIP's summer term 2026-27 return\)/);
    expect((await refusedUnchanged(t, 'deleteReturnCategory', { id: 9999 })).code).toBe('NOT_FOUND');

    await t.ok('deleteReturnCategory', { id: f.categories['Training and development']! });
    await t.ok('deleteReturnMeasure', { id: f.measures.Suspensions! });
    const h = await t.ok('listReturnHeadings', {});
    expect(h.categories.map((x) => x.name)).not.toContain('Training and development');
    expect(h.measures.map((x) => x.name)).not.toContain('Suspensions');
  });
});
