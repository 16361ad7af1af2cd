import { describe, expect, it } from 'vitest';
import { bpToEditText, formatBp, parsePercent } from '../../../renderer/src/components/percent';

describe('percentages as typed and shown', () => {
  it('reads 3.5 and 3.5% alike, and the ways a sign is written', () => {
    expect(parsePercent('3.5')).toEqual({ ok: true, bp: 350 });
    expect(parsePercent('3.5%')).toEqual({ ok: true, bp: 350 });
    expect(parsePercent(' 3.5 % ')).toEqual({ ok: true, bp: 350 });
    expect(parsePercent('-2')).toEqual({ ok: true, bp: -200 });
    expect(parsePercent('+0.25')).toEqual({ ok: true, bp: 25 });
    expect(parsePercent('(1.5%)')).toEqual({ ok: true, bp: -150 });
    expect(parsePercent('\u22121.05')).toEqual({ ok: true, bp: -105 });
    expect(parsePercent('.5')).toEqual({ ok: true, bp: 50 });
    expect(parsePercent('40')).toEqual({ ok: true, bp: 4000 });
    expect(parsePercent('-0')).toEqual({ ok: true, bp: 0 });
  });

  it('refuses what is not a percentage, and more than two decimal places, saying why', () => {
    for (const bad of ['', 'abc', '3.5.1', '%', '--2', '(-2)', '3,5', '1e3']) expect(parsePercent(bad).ok, bad).toBe(false);
    const r = parsePercent('3.125');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/more than two decimal places/);
  });

  it('shows basis points as a person writes a percentage', () => {
    expect(formatBp(350)).toBe('3.5%');
    expect(formatBp(325)).toBe('3.25%');
    expect(formatBp(1000)).toBe('10%');
    expect(formatBp(0)).toBe('0%');
    expect(formatBp(-125)).toBe('-1.25%');
    expect(formatBp(5)).toBe('0.05%');
    expect(bpToEditText(350)).toBe('3.5');
    expect(bpToEditText(null)).toBe('');
  });

  it('reads back what it shows', () => {
    for (const bp of [-10000, -2501, -1, 0, 1, 99, 100, 2500, 2501, 100000]) expect(parsePercent(formatBp(bp))).toEqual({ ok: true, bp });
  });
});
