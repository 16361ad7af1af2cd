import type { KpiInfo } from '../../types';

const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 4 });

/**
 * How a KPI has moved from its baseline, in words: "224 → 252, up 28 (12.5%): worse, lower is
 * better". Direction is said, never left to a colour.
 */
export function kpiMovement(k: KpiInfo): { text: string; verdict: 'better' | 'worse' | 'same' | null } {
  if (k.latest === null) return { text: 'No latest value yet', verdict: null };
  const diff = k.latest - k.baseline;
  const pct = k.baseline !== 0 ? ` (${fmt(Math.round((Math.abs(diff) / Math.abs(k.baseline)) * 1000) / 10)}%)` : '';
  const arrow = `${fmt(k.baseline)} → ${fmt(k.latest)}`;
  if (diff === 0) return { text: `${arrow}, no change`, verdict: 'same' };
  const up = diff > 0;
  const better = up === k.higherIsBetter;
  return {
    text: `${arrow}, ${up ? 'up' : 'down'} ${fmt(Math.abs(diff))}${pct}: ${better ? 'better' : 'worse'}, ${k.higherIsBetter ? 'higher' : 'lower'} is better`,
    verdict: better ? 'better' : 'worse',
  };
}

export const kpiNumber = fmt;
