import { describe, expect, it } from 'vitest';
import { valueText } from '../../../../electron/server/audit/describe';
import { moneyFormat } from '../../../../electron/shared/money';

describe('a stored value as the history shows it', () => {
  const money = moneyFormat('brackets');

  it('shows a calendar date as a UK date, never ISO', () => {
    expect(valueText('publishedOn', '2099-06-30', money)).toBe('30 June 2099');
    expect(valueText('startDate', '2024-04-01', money)).toBe('1 April 2024');
  });

  it('shows money in the chosen style, booleans as Yes and No, and nothing as (none)', () => {
    expect(valueText('forecastPence', -123400, money)).toBe('(£1,234)');
    expect(valueText('forecastPence', 123456, money)).toBe('£1,234.56');
    expect(valueText('reviewed', true, money)).toBe('Yes');
    expect(valueText('commentary', '', money)).toBe('(none)');
    expect(valueText('code', '2024-25 extra', money)).toBe('2024-25 extra');
  });
});
