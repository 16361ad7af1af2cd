import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { standardBankHolidays } from '../../../../features/meetings/bodies/bank-holidays';
import { papersDeadline } from '../../../../features/meetings/bodies/working-days';
import { dumpTables, type TestServer, testServer } from '../../../support/workspace';
import { now } from './fixtures';

let t: TestServer;
beforeEach(async () => {
  t = await testServer({ now });
});
afterEach(() => t.close());

const ws = () => t.server.workspace!;
const rows = () => t.sqlite.prepare('SELECT count(*) FROM bank_holiday').pluck().get() as number;
const changeSets = () => t.sqlite.prepare('SELECT kind, label FROM change_set ORDER BY id').all() as Array<{ kind: string; label: string }>;

/** A workspace made before bank holidays were data: migration 0005 made the table, and nothing filled it. */
function asIfMadeBeforeTheUpgrade(): void {
  t.sqlite.prepare('DELETE FROM bank_holiday').run();
}

describe('bank holidays in a workspace', () => {
  it('a new workspace starts with the English bank holidays to the end of 2030', async () => {
    expect(rows()).toBe(standardBankHolidays().length);
    const list = await t.ok('listBankHolidays', {});
    expect(list).toEqual(standardBankHolidays());
    expect(list.filter((h) => h.date.startsWith('2026'))).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-04-03', name: 'Good Friday' },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-04', name: 'Early May bank holiday' },
      { date: '2026-05-25', name: 'Spring bank holiday' },
      { date: '2026-08-31', name: 'Summer bank holiday' },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('an older workspace reads the standard list without writing, and gets it written before its first change', async () => {
    asIfMadeBeforeTheUpgrade();
    const before = dumpTables(t.sqlite);
    expect(await t.ok('listBankHolidays', {})).toEqual(standardBankHolidays());
    expect(papersDeadline(ws(), '2027-01-05T14:00', 5)).toBe('2026-12-23');
    expect(dumpTables(t.sqlite)).toEqual(before);

    const list = await t.ok('saveBankHoliday', { date: '2026-11-13', name: 'Local closure day' });
    expect(list).toHaveLength(standardBankHolidays().length + 1);
    expect(changeSets().slice(-2)).toEqual([
      { kind: 'system', label: 'English bank holidays to the end of 2030 added' },
      { kind: 'edit', label: 'Add bank holiday 13 November 2026: Local closure day' },
    ]);
    // Undo takes back the clerk's change only; the standard list stays written.
    await t.ok('undo', {});
    expect(rows()).toBe(standardBankHolidays().length);
    expect(await t.ok('listBankHolidays', {})).toEqual(standardBankHolidays());
  });

  it('a list emptied on purpose stays empty', async () => {
    for (const h of standardBankHolidays()) await t.ok('deleteBankHoliday', { date: h.date });
    expect(await t.ok('listBankHolidays', {})).toEqual([]);
    expect(papersDeadline(ws(), '2027-01-05', 5)).toBe('2026-12-28');
  });

  it('adds, renames and removes a holiday, and the papers deadline follows', async () => {
    // Friday 13 November 2026 made a holiday: a Thursday 19 November meeting's papers must go a day earlier.
    expect(papersDeadline(ws(), '2026-11-19', 5)).toBe('2026-11-11');
    await t.ok('saveBankHoliday', { date: '2026-11-13', name: 'Local closure day' });
    expect(papersDeadline(ws(), '2026-11-19', 5)).toBe('2026-11-10');
    const renamed = await t.ok('saveBankHoliday', { date: '2026-11-13', name: 'Council closure day' });
    expect(renamed.find((h) => h.date === '2026-11-13')!.name).toBe('Council closure day');
    // Saving it unchanged writes nothing.
    const before = dumpTables(t.sqlite);
    await t.ok('saveBankHoliday', { date: '2026-11-13', name: 'Council closure day' });
    expect(dumpTables(t.sqlite)).toEqual(before);
    await t.ok('deleteBankHoliday', { date: '2026-11-13' });
    expect(papersDeadline(ws(), '2026-11-19', 5)).toBe('2026-11-11');
    const history = await t.ok('getHistory', { subject: 'bank_holiday:england' });
    expect(history.map((h) => [h.op, h.what])).toContainEqual(['update', 'Bank holiday 13/11/2026']);
  });

  it('refuses to remove a day that is not a holiday, or a date that is not one, and writes nothing', async () => {
    asIfMadeBeforeTheUpgrade();
    const before = dumpTables(t.sqlite);
    const e = await t.refused('deleteBankHoliday', { date: '2026-11-13' });
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toBe('13 November 2026 is not a bank holiday in this workspace, so there is nothing to remove.');
    expect((await t.refused('saveBankHoliday', { date: '2026-02-30', name: 'Nope' })).code).toBe('INVALID_INPUT');
    expect((await t.refused('saveBankHoliday', { date: '2026-11-13', name: '  ' })).code).toBe('INVALID_INPUT');
    expect(dumpTables(t.sqlite)).toEqual(before);
  });
});
