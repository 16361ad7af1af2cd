import { describe, expect, it } from 'vitest';
import type { PartnershipReturnsYear, ReturnInfo } from '../../../../features/allocations/types';
import {
  fileNameOf,
  inPeriodOrder,
  missingPeriods,
  nextStep,
  readMeasure,
  readPlaces,
  readSpend,
  shareText,
} from '../../../../features/allocations/ui/returns/figures';

const ret = (period: ReturnInfo['period'], status: ReturnInfo['status'] = 'not_sent') => ({ period, status }) as ReturnInfo;

describe('the returns screen’s figures', () => {
  it('gives a share of the allocation to one decimal place, worked out exactly', () => {
    expect(shareText(18_200, 100_000)).toBe('18.2%');
    expect(shareText(25_000, 100_000)).toBe('25%');
    // 14.95% rounds half up to 15%, with no float error tipping it to 14.9%.
    expect(shareText(1495, 10_000)).toBe('15%');
    expect(shareText(-2_199_700, 95_637_700)).toBe('-2.3%');
    expect(shareText(123_456_700, 100_000)).toBe('123,456.7%');
    expect(shareText(5, 0)).toBeNull();
  });

  it('moves a return on one step at a time, and no further than checked', () => {
    expect(nextStep('not_sent')).toEqual({ status: 'sent', verb: 'Mark sent' });
    expect(nextStep('sent')).toEqual({ status: 'received', verb: 'Mark received' });
    expect(nextStep('received')).toEqual({ status: 'checked', verb: 'Mark checked' });
    expect(nextStep('checked')).toBeNull();
  });

  it('reads spend as money, a refund as negative, and says what is wrong with anything else', () => {
    expect(readSpend('£12,500.50', 'Staffing')).toEqual({ ok: true, value: 1_250_050 });
    expect(readSpend('(1,000)', 'Staffing')).toEqual({ ok: true, value: -100_000 });
    expect(readSpend('  ', 'Staffing')).toEqual({ ok: true, value: null });
    expect(readSpend('12,5OO', 'Staffing')).toEqual({ ok: false, message: 'Staffing: "12,5OO" is not an amount of money. Write it as 12,500 or 12,500.50.' });
    expect(readSpend('1.234', 'Staffing').ok).toBe(false);
  });

  it('reads places used as a whole number, nought or more', () => {
    expect(readPlaces('38')).toEqual({ ok: true, value: 38 });
    expect(readPlaces('1,200')).toEqual({ ok: true, value: 1200 });
    expect(readPlaces('')).toEqual({ ok: true, value: null });
    expect(readPlaces('2.5')).toEqual({ ok: false, message: 'Places used must be a whole number of places, not 2.5.' });
    expect(readPlaces('-3')).toEqual({ ok: false, message: 'Places used must not be negative.' });
    expect(readPlaces('forty')).toEqual({ ok: false, message: 'Places used: "forty" is not a number of places. Write it as 42.' });
  });

  it('reads a measure as a number, with its unit or a % after it allowed', () => {
    expect(readMeasure('93.4%', 'Attendance', '%')).toEqual({ ok: true, value: 93.4 });
    expect(readMeasure('14 suspensions', 'Suspensions', 'suspensions')).toEqual({ ok: true, value: 14 });
    expect(readMeasure('−2', 'Change', '')).toEqual({ ok: true, value: -2 });
    expect(readMeasure('', 'Attendance', '%')).toEqual({ ok: true, value: null });
    expect(readMeasure('about 90', 'Attendance', '%')).toEqual({ ok: false, message: 'Attendance: "about 90" is not a number. Write it as 93.5 or 4.' });
    expect(readMeasure('2e10', 'Attendance', '%').ok).toBe(false);
  });

  it('knows which periods are still to set up, and lists returns in the order the year brings them', () => {
    const p = { returnFrequency: 'termly', returns: [ret('spring'), ret('summer')] } as PartnershipReturnsYear;
    expect(missingPeriods(p)).toEqual(['autumn']);
    expect(missingPeriods({ ...p, returnFrequency: 'annual', returns: [] })).toEqual(['annual']);
    expect(inPeriodOrder([ret('spring'), ret('autumn'), ret('summer')]).map((r) => r.period)).toEqual(['summer', 'autumn', 'spring']);
  });

  it('names an exported workbook after its partnership, with nothing a file system refuses', () => {
    expect(fileNameOf('North Area Inclusion Partnership', '2026-27')).toBe('Partnership return North Area Inclusion Partnership 2026-27.xlsx');
    expect(fileNameOf('East / West: "Joint"  cluster?', '2026-27')).toBe('Partnership return East West Joint cluster 2026-27.xlsx');
  });
});
