import { afterEach, describe, expect, it } from 'vitest';
import { STANDARD_COLUMNS } from '../../../../features/allocations/schools/seed';
import { dumpTables, type TestServer } from '../../../support/workspace';
import { aSchool, addSchools, columnId, openWithYears, refusedUnchanged, Y1, Y2 } from './fixture';

let t: TestServer;
afterEach(() => t?.close());

describe('a new workspace', () => {
  it('starts with the standard data columns, return categories and outcome measures', async () => {
    t = await openWithYears();
    const columns = await t.ok('listDataColumns', {});
    expect(columns.map((c) => c.key)).toEqual([
      'pupils',
      'fsm',
      'idaci_a',
      'idaci_b',
      'idaci_c',
      'idaci_d',
      'idaci_e',
      'idaci_f',
      'low_prior_attainment',
      'pupil_premium',
    ]);
    expect(columns.map((c) => c.key)).toEqual(STANDARD_COLUMNS.map((c) => c.key));
    expect(columns.every((c) => c.usedByRuns === 0)).toBe(true);
    expect(columns.find((c) => c.key === 'idaci_c')!.name).toBe('IDACI band C');
    const names = (table: string) => (t.sqlite.prepare(`SELECT name FROM ${table} ORDER BY sort_order`).pluck().all() as string[]).join(', ');
    expect(names('return_measure')).toBe('Permanent exclusions, Suspensions, Attendance, Children back in mainstream');
    expect(t.sqlite.prepare("SELECT unit FROM return_measure WHERE name = 'Attendance'").pluck().get()).toBe('%');
    expect(names('return_category')).toContain('Staffing');
  });
});

describe('schools', () => {
  it('adds and changes a school, and lists it in a year with its partnership, buy-in and figures', async () => {
    t = await openWithYears();
    const s = await t.ok('saveSchool', aSchool({ trust: '  Demo Learning Trust ' }));
    expect(s).toEqual({
      id: s.id,
      urn: 100001,
      name: 'Test Brook Primary',
      phase: 'primary',
      type: 'maintained',
      trust: 'Demo Learning Trust',
      status: 'open',
    });
    const changed = await t.ok('saveSchool', { ...aSchool({ type: 'academy', status: 'closed' }), id: s.id });
    expect(changed).toMatchObject({ id: s.id, type: 'academy', status: 'closed' });
    const p = await t.ok('savePartnership', { name: 'North Cluster', kind: 'cluster' });
    await t.ok('setMembership', { year: Y2, schoolId: s.id, partnershipId: p.id });
    await t.ok('setBuyIn', { year: Y2, schoolId: s.id, status: 'bought_in', decidedOn: '2026-10-14', note: 'Governors, 14 October' });
    await t.ok('setSchoolData', { year: Y2, schoolId: s.id, values: { [await columnId(t, 'pupils')]: 412, [await columnId(t, 'fsm')]: 63.5 } });

    const y2 = await t.ok('listSchools', { year: Y2 });
    expect(y2.columns).toHaveLength(10);
    expect(y2.schools).toEqual([
      {
        ...changed,
        partnershipId: p.id,
        partnershipName: 'North Cluster',
        buyIn: 'bought_in',
        buyInDecidedOn: '2026-10-14',
        buyInNote: 'Governors, 14 October',
        data: { pupils: 412, fsm: 63.5 },
      },
    ]);
    // Another year holds none of it.
    expect((await t.ok('listSchools', { year: Y1 })).schools[0]).toMatchObject({ partnershipId: null, buyIn: null, buyInNote: '', data: {} });
  });

  it('refuses a second school with the same URN, a URN that is not six digits and an unknown year, writing nothing', async () => {
    t = await openWithYears();
    await t.ok('saveSchool', aSchool());
    const dup = await refusedUnchanged(t, 'saveSchool', aSchool({ name: 'Another School' }));
    expect(dup.code).toBe('DUPLICATE');
    expect(dup.message).toBe('There is already a school with URN 100001: Test Brook Primary. Each school has its own URN.');
    const short = await refusedUnchanged(t, 'saveSchool', aSchool({ urn: 12345 }));
    expect(short.details?.issues?.[0]).toMatchObject({ field: 'urn', message: 'urn must be a six-digit URN' });
    const typo = await refusedUnchanged(t, 'saveSchool', aSchool({ urn: 100002, type: 'free school' }));
    expect(typo.details?.issues?.[0]?.message).toBe('type must be maintained, academy, special, PRU or AP');
    const year = await t.refused('listSchools', { year: '2031-32' });
    expect(year).toMatchObject({ code: 'NOT_FOUND', message: 'There is no year 2031-32 in this workspace. Add it under Years first.' });
    expect((await t.refused('saveSchool', { ...aSchool(), id: 999 })).message).toMatch(/^There is no school with id 999/);
  });

  it('keeps figures to four decimal places, clears a figure with null, and refuses a negative, a fifth decimal place or an unknown column', async () => {
    t = await openWithYears();
    const [s] = await addSchools(t, 1);
    const pupils = await columnId(t, 'pupils');
    const fsm = await columnId(t, 'fsm');
    const row = await t.ok('setSchoolData', { year: Y2, schoolId: s!.id, values: { [pupils]: 0.1 + 0.2, [fsm]: 12.3456 } });
    expect(row.data).toEqual({ pupils: 0.3, fsm: 12.3456 });
    const cleared = await t.ok('setSchoolData', { year: Y2, schoolId: s!.id, values: { [fsm]: null, [pupils]: 300 } });
    expect(cleared.data).toEqual({ pupils: 300 });
    expect((await t.ok('setSchoolData', { year: Y2, schoolId: s!.id, values: { [pupils]: 0.7 + 0.1 } })).data).toEqual({ pupils: 0.8 });
    expect(t.sqlite.prepare('SELECT count(*) FROM school_data').pluck().get()).toBe(1);

    const negative = await refusedUnchanged(t, 'setSchoolData', { year: Y2, schoolId: s!.id, values: { [pupils]: -3 } });
    expect(negative.code).toBe('INVALID_INPUT');
    expect(negative.details?.issues?.[0]).toMatchObject({ field: `values.${pupils}`, message: `values.${pupils} must not be negative` });
    const fifth = await refusedUnchanged(t, 'setSchoolData', { year: Y2, schoolId: s!.id, values: { [fsm]: 1.23456 } });
    expect(fifth.details?.issues?.[0]?.message).toBe(`values.${fsm} must have at most four decimal places`);
    const unknown = await refusedUnchanged(t, 'setSchoolData', { year: Y2, schoolId: s!.id, values: { [pupils]: 5, 9998: 1, 9999: 2 } });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.details?.issues?.map((i) => i.field)).toEqual(['values.9998', 'values.9999']);
    const noYear = await refusedUnchanged(t, 'setSchoolData', { year: '2030-31', schoolId: s!.id, values: { [pupils]: 5 } });
    expect(noYear.code).toBe('NOT_FOUND');
  });

  it('deletes a school with its figures, memberships and decisions, clears it as a lead school, and undo brings all back', async () => {
    t = await openWithYears();
    const [s, other] = await addSchools(t, 2);
    const p = await t.ok('savePartnership', { name: 'North Cluster', kind: 'cluster', leadSchoolId: s!.id });
    for (const year of [Y1, Y2]) {
      await t.ok('setMembership', { year, schoolId: s!.id, partnershipId: p.id });
      await t.ok('setSchoolData', { year, schoolId: s!.id, values: { [await columnId(t, 'pupils')]: 200 } });
    }
    await t.ok('setMembership', { year: Y2, schoolId: other!.id, partnershipId: p.id });
    await t.ok('setBuyIn', { year: Y2, schoolId: s!.id, status: 'leaving', decidedOn: '2026-11-02' });
    const before = dumpTables(t.sqlite);

    expect(await t.ok('deleteSchool', { id: s!.id })).toEqual({ deleted: true });
    expect((await t.ok('listSchools', { year: Y2 })).schools.map((x) => x.urn)).toEqual([other!.urn]);
    expect((await t.ok('listPartnerships', { year: Y2 }))[0]).toMatchObject({ leadSchoolId: null, leadSchoolName: null, members: 1 });
    for (const table of ['school_data', 'school_buy_in']) expect(t.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);

    const undone = await t.ok('undo', {});
    expect(undone.undone).toBe('Delete school Test School 01 (URN 100001)');
    const after = dumpTables(t.sqlite);
    for (const table of ['school', 'school_data', 'partnership_member', 'school_buy_in', 'partnership']) expect(after[table]).toEqual(before[table]);
  });

  it('shows a school’s figures, membership and buy-in in its history, by year', async () => {
    t = await openWithYears();
    const [s] = await addSchools(t, 1);
    const p = await t.ok('savePartnership', { name: 'North Cluster', kind: 'cluster' });
    await t.ok('setSchoolData', { year: Y2, schoolId: s!.id, values: { [await columnId(t, 'fsm')]: 40 } });
    await t.ok('setSchoolData', { year: Y2, schoolId: s!.id, values: { [await columnId(t, 'fsm')]: 42 } });
    await t.ok('setMembership', { year: Y2, schoolId: s!.id, partnershipId: p.id });
    await t.ok('setBuyIn', { year: Y2, schoolId: s!.id, status: 'undecided' });
    const history = await t.ok('getHistory', { subject: `school:${s!.id}` });
    const labels = history.map((h) => h.changeLabel);
    expect(labels).toContain('Change 2026-27 data for Test School 01 (URN 100001)');
    expect(labels).toContain('Put Test School 01 (URN 100001) in North Cluster for 2026-27');
    expect(labels).toContain('Record Test School 01 (URN 100001) as yet to decide for 2026-27');
    const figure = history.find((h) => h.op === 'update' && h.field === 'value')!;
    expect(figure).toMatchObject({ what: 'Figure 2026-27', oldText: '40', newText: '42' });
  });
});

describe('data columns', () => {
  it('adds a column the user needs at the end, and refuses a key or name already used', async () => {
    t = await openWithYears();
    const c = await t.ok('saveDataColumn', { key: 'EAL', name: 'English as an additional language' });
    expect(c).toMatchObject({ key: 'eal', name: 'English as an additional language', sortOrder: 110, usedByRuns: 0 });
    const renamed = await t.ok('saveDataColumn', { id: c.id, key: 'eal', name: 'EAL pupils' });
    expect(renamed).toMatchObject({ id: c.id, name: 'EAL pupils', sortOrder: 110 });
    const dup = await refusedUnchanged(t, 'saveDataColumn', { key: 'fsm', name: 'free school meals' });
    expect(dup.code).toBe('DUPLICATE');
    expect(dup.details?.issues?.map((i) => i.message)).toEqual([
      'The key fsm is already used by the data column Free school meals.',
      'There is already a data column called Free school meals.',
    ]);
    const badKey = await refusedUnchanged(t, 'saveDataColumn', { key: '2fsm', name: 'Two' });
    expect(badKey.details?.issues?.[0]?.field).toBe('key');
  });

  it('keeps the pupils column: its key does not change and it is not deleted', async () => {
    t = await openWithYears();
    const pupils = await columnId(t, 'pupils');
    const rekey = await refusedUnchanged(t, 'saveDataColumn', { id: pupils, key: 'roll', name: 'Pupils' });
    expect(rekey.message).toBe(
      'The data column pupils holds the pupil numbers that buy-in shares are worked out from, so its key stays pupils. Change its name instead.',
    );
    expect((await t.ok('saveDataColumn', { id: pupils, key: 'pupils', name: 'Pupils on roll' })).name).toBe('Pupils on roll');
    const del = await refusedUnchanged(t, 'deleteDataColumn', { id: pupils });
    expect(del.message).toBe('The data column pupils holds the pupil numbers that buy-in shares are worked out from, so it cannot be deleted.');
  });

  it('deletes an unused column with its figures (undo brings them back), and refuses one an allocation run rests on', async () => {
    t = await openWithYears();
    const [s] = await addSchools(t, 1);
    const fsm = await columnId(t, 'fsm');
    const ppl = await columnId(t, 'pupil_premium');
    await t.ok('setSchoolData', { year: Y2, schoolId: s!.id, values: { [fsm]: 10, [ppl]: 5 } });
    const before = dumpTables(t.sqlite);
    await t.ok('deleteDataColumn', { id: ppl });
    expect((await t.ok('listSchools', { year: Y2 })).schools[0]!.data).toEqual({ fsm: 10 });
    await t.ok('undo', {});
    expect(dumpTables(t.sqlite).school_data).toEqual(before.school_data);

    // A run that weighs FSM (written as the runs area does, through the database).
    t.sqlite
      .prepare(
        "INSERT INTO allocation_run (id, year_id, name, formula_pot_pence, place_rate_pence, calculated_at) VALUES (1, '2026-27', 'Main run', 100000, 0, '2026-12-01T10:00:00Z')",
      )
      .run();
    t.sqlite.prepare("INSERT INTO allocation_factor (id, run_id, name, weight_bp) VALUES (1, 1, 'Targeted', 10000)").run();
    t.sqlite.prepare('INSERT INTO allocation_factor_column (run_id, factor_id, column_id, weight) VALUES (1, 1, ?, 1)').run(fsm);
    expect((await t.ok('listDataColumns', {})).find((c) => c.id === fsm)!.usedByRuns).toBe(1);
    const used = await refusedUnchanged(t, 'deleteDataColumn', { id: fsm });
    expect(used.message).toBe(
      'The data column Free school meals is used by the allocation run Main run (2026-27), so it cannot be deleted: a run keeps the data it was worked out on.',
    );
  });
});
