import { describe, expect, it } from 'vitest';
import { quorumRequired, quorumText } from '../../../../features/meetings/bodies/quorum';

const twoFifths = { quorumKind: 'fraction', quorumNumerator: 2, quorumDenominator: 5, quorumFixed: null } as const;

describe('quorum', () => {
  it('is two-fifths of the membership rounded up, in whole numbers', () => {
    expect(quorumRequired(twoFifths, 25)).toBe(10);
    expect(quorumRequired(twoFifths, 22)).toBe(9);
    expect(quorumRequired(twoFifths, 24)).toBe(10);
    expect(quorumRequired(twoFifths, 15)).toBe(6);
    expect(quorumRequired(twoFifths, 16)).toBe(7);
    expect(quorumRequired(twoFifths, 0)).toBe(0);
  });

  it('never rounds a whole fraction up by floating-point error', () => {
    // 9/14 of 42 is exactly 27; (9 / 14) * 42 in floating point is 27.000000000000004, whose ceiling would be 28.
    expect(quorumRequired({ ...twoFifths, quorumNumerator: 9, quorumDenominator: 14 }, 42)).toBe(27);
    expect(quorumRequired({ ...twoFifths, quorumNumerator: 1, quorumDenominator: 3 }, 9)).toBe(3);
    expect(quorumRequired({ ...twoFifths, quorumNumerator: 1, quorumDenominator: 3 }, 10)).toBe(4);
  });

  it('is the number itself when fixed, whatever the membership', () => {
    const fixed = { quorumKind: 'fixed', quorumNumerator: 2, quorumDenominator: 5, quorumFixed: 3 } as const;
    expect(quorumRequired(fixed, 25)).toBe(3);
    expect(quorumRequired(fixed, 2)).toBe(3);
  });

  it('says the rule in words with what it comes to', () => {
    expect(quorumText(twoFifths, 25)).toBe('two-fifths of the membership, rounded up (10 of 25)');
    expect(quorumText(twoFifths)).toBe('two-fifths of the membership, rounded up');
    expect(quorumText(twoFifths, 0)).toBe('two-fifths of the membership, rounded up (no members yet)');
    expect(quorumText({ ...twoFifths, quorumNumerator: 1, quorumDenominator: 2 }, 9)).toBe('half of the membership, rounded up (5 of 9)');
    expect(quorumText({ ...twoFifths, quorumNumerator: 3, quorumDenominator: 7 }, 14)).toBe('3/7 of the membership, rounded up (6 of 14)');
    expect(quorumText({ quorumKind: 'fixed', quorumNumerator: 2, quorumDenominator: 5, quorumFixed: 4 }, 12)).toBe('4 members present');
  });
});
