import { describe, expect, it } from 'vitest';
import {
  isBlank,
  isProblem,
  readDate,
  readInt,
  readListValue,
  readMoney,
  readText,
  shown,
  type RawValue,
} from '../../../../../electron/server/workbooks/engine/cells';

describe('reading a cell as a field', () => {
  it('reads money as finance people type it', () => {
    const ok = (v: string | number) => readMoney(v);
    expect(ok(1234)).toEqual({ ok: true, value: 123_400 });
    expect(ok(1234.5600000001)).toEqual({ ok: true, value: 123_456 });
    expect(ok('£1,234')).toEqual({ ok: true, value: 123_400 });
    expect(ok(' 1,234.50 ')).toEqual({ ok: true, value: 123_450 });
    expect(ok('(1,234)')).toEqual({ ok: true, value: -123_400 });
    expect(ok('-£1,234')).toEqual({ ok: true, value: -123_400 });
    expect(ok('twelve')).toMatchObject({ ok: false, found: '"twelve"' });
    expect(ok('1.234')).toMatchObject({ ok: false });
    expect(readMoney(null)).toMatchObject({ ok: false, rule: expect.stringMatching(/blank/) });
    expect(readMoney(null, { optional: true })).toEqual({ ok: true, value: null });
    expect(readMoney(-5, { nonNegative: true })).toMatchObject({ ok: false, rule: 'must not be negative' });
    expect(readMoney({ problem: 'error-value', text: '#DIV/0!' })).toMatchObject({ ok: false, found: '#DIV/0!' });
  });

  it('reads dates from both serial systems and UK text', () => {
    expect(readDate(45383, { date1904: false })).toEqual({ ok: true, value: '2024-04-01' });
    expect(readDate(43921, { date1904: true })).toEqual({ ok: true, value: '2024-04-01' });
    expect(readDate(1, { date1904: false })).toEqual({ ok: true, value: '1900-01-01' });
    expect(readDate(61, { date1904: false })).toEqual({ ok: true, value: '1900-03-01' });
    expect(readDate('01/04/2024', { date1904: false })).toEqual({ ok: true, value: '2024-04-01' });
    expect(readDate('1/4/2024', { date1904: false })).toEqual({ ok: true, value: '2024-04-01' });
    expect(readDate('31/02/2024', { date1904: false })).toMatchObject({ ok: false, rule: 'must be a date written dd/mm/yyyy' });
    expect(readDate('2024-04-01', { date1904: false })).toEqual({ ok: true, value: '2024-04-01' });
    expect(readDate('04/31/2024', { date1904: false })).toMatchObject({ ok: false });
    expect(readDate(null, { date1904: false, optional: true })).toEqual({ ok: true, value: null });
  });

  it('trims text, keeps numbers typed as codes, and checks lists without regard to case', () => {
    expect(readText('  Top-ups  ')).toEqual({ ok: true, value: 'Top-ups' });
    expect(readText(1201)).toEqual({ ok: true, value: '1201' });
    expect(readText('', { required: true })).toMatchObject({ ok: false, rule: 'must not be blank' });
    expect(readText('x'.repeat(5), { maxLength: 4 })).toMatchObject({ ok: false, rule: 'must be at most 4 characters' });
    expect(readListValue('place FUNDING', ['Place funding'], { listName: 'groups' })).toEqual({ ok: true, value: 'Place funding' });
    expect(readListValue('Other', ['Place funding'], { listName: 'groups' })).toMatchObject({ ok: false });
    expect(readInt('12')).toEqual({ ok: true, value: 12 });
    expect(readInt(1.5)).toMatchObject({ ok: false });
  });

  it('never reads a date as pounds or a whole number, and reads it as a date or as its text', () => {
    const date: RawValue = { date: 45383, text: '01/04/2024' };
    expect(readMoney(date)).toEqual({ ok: false, rule: 'must be an amount in pounds, not a date', found: '01/04/2024' });
    expect(readMoney(date, { optional: true })).toEqual({ ok: false, rule: 'must be an amount in pounds, not a date', found: '01/04/2024' });
    expect(readInt(date)).toEqual({ ok: false, rule: 'must be a whole number, not a date', found: '01/04/2024' });
    expect(readDate(date, { date1904: false })).toEqual({ ok: true, value: '2024-04-01' });
    // The serial is in the workbook's own system.
    expect(readDate({ date: 43921, text: '01/04/2024' }, { date1904: true })).toEqual({ ok: true, value: '2024-04-01' });
    expect(readDate({ date: 45383.75, text: '01/04/2024 18:00' }, { date1904: false })).toEqual({ ok: true, value: '2024-04-01' });
    expect(readDate({ date: 0, text: '00/01/1900' }, { date1904: false })).toEqual({ ok: false, rule: 'must be a date', found: '00/01/1900' });
    expect(readText(date)).toEqual({ ok: true, value: '01/04/2024' });
    expect(readText({ date: 45383.75, text: '01/04/2024 18:00' }, { maxLength: 10 })).toMatchObject({ ok: false, found: '01/04/2024 18:00' });
    expect(readListValue(date, ['01/04/2024'], { listName: 'dates' })).toEqual({ ok: true, value: '01/04/2024' });
    expect([shown(date), isBlank(date), isProblem(date)]).toEqual(['01/04/2024', false, false]);
  });

  it('shows TRUE and FALSE as Excel does when refusing them', () => {
    expect(readMoney(true)).toEqual({ ok: false, rule: 'must be an amount in pounds', found: 'TRUE' });
    expect(readMoney(false, { optional: true })).toEqual({ ok: false, rule: 'must be an amount in pounds', found: 'FALSE' });
    expect(readDate(true, { date1904: false })).toEqual({ ok: false, rule: 'must be a date', found: 'TRUE' });
  });

  it('refuses text that was not UTF-8 in the file, in every kind of field', () => {
    const bad: RawValue = { problem: 'invalid-text', text: 'Caf\uFFFD' };
    const refused = { ok: false, rule: 'must be valid text: the file holds bytes that are not UTF-8 here', found: '"Caf\uFFFD"' };
    expect(readText(bad)).toEqual(refused);
    expect(readText(bad, { required: true })).toEqual(refused);
    expect(readMoney(bad, { optional: true })).toEqual(refused);
    expect(readInt(bad)).toEqual(refused);
    expect(readDate(bad, { date1904: false, optional: true })).toEqual(refused);
    expect(readListValue(bad, ['Café'], { listName: 'groups' })).toEqual(refused);
    expect([isProblem(bad), isBlank(bad), shown(bad)]).toEqual([true, false, '"Caf\uFFFD"']);
  });
});
