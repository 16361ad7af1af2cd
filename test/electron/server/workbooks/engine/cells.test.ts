import { describe, expect, it } from 'vitest';
import { readDate, readInt, readListValue, readMoney, readText } from '../../../../../electron/server/workbooks/engine/cells';

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
});
