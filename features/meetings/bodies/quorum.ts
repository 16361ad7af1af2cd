import type { BodyInfo } from '../types';

export type QuorumRule = Pick<BodyInfo, 'quorumKind' | 'quorumNumerator' | 'quorumDenominator' | 'quorumFixed'>;

/**
 * Members needed for a meeting to be quorate. A fraction is rounded up in whole numbers (no
 * floating point), so two-fifths of 25 is exactly 10 and of 22 is 9.
 */
export function quorumRequired(body: QuorumRule, membership: number): number {
  if (body.quorumKind === 'fixed') return body.quorumFixed ?? 1;
  const n = body.quorumNumerator;
  const d = body.quorumDenominator;
  return Math.floor((membership * n + d - 1) / d);
}

const NAMED: Record<string, string> = {
  '1/2': 'half',
  '1/3': 'a third',
  '2/3': 'two-thirds',
  '1/4': 'a quarter',
  '3/4': 'three-quarters',
  '1/5': 'a fifth',
  '2/5': 'two-fifths',
  '3/5': 'three-fifths',
  '4/5': 'four-fifths',
};

/** "two-fifths" for 2/5, "7/12" for a fraction with no everyday name. */
export function fractionWords(n: number, d: number): string {
  if (n === d) return 'all';
  return NAMED[`${n}/${d}`] ?? `${n}/${d}`;
}

/** The rule in words, with what it comes to: "two-fifths of the membership, rounded up (10 of 25)". */
export function quorumText(body: QuorumRule, membership?: number): string {
  if (body.quorumKind === 'fixed') {
    const n = body.quorumFixed ?? 1;
    return `${n} ${n === 1 ? 'member' : 'members'} present`;
  }
  const words = `${fractionWords(body.quorumNumerator, body.quorumDenominator)} of the membership, rounded up`;
  if (membership === undefined) return words;
  return membership === 0 ? `${words} (no members yet)` : `${words} (${quorumRequired(body, membership)} of ${membership})`;
}
