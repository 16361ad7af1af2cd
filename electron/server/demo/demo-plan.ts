/**
 * A demo authority shaped by the published examples in the domain reference: a metropolitan
 * LA whose High Needs spend outruns its allocation every year, with a historic deficit and
 * Safety Valve instalments. Deterministic, so tests and screenshots are stable.
 */
import { STANDARD_LINES } from '../../../features/lines/standard-data';
import type { ContributionKind, DsgBlock } from '../../../features/years/types';

export const DEMO_NAME = 'Demo Metropolitan Borough Council (demo data)';

/** Share of the High Needs budget each standard line takes, by line code. */
const LINE_WEIGHTS: Record<string, number> = {
  HN01: 14.0,
  HN02: 2.4,
  HN03: 1.6,
  HN04: 6.2,
  HN05: 7.4,
  HN06: 1.8,
  HN07: 4.1,
  HN08: 11.2,
  HN09: 0.4,
  HN10: 9.6,
  HN11: 0.9,
  HN12: 17.5,
  HN13: 6.3,
  HN14: 5.1,
  HN15: 1.2,
  HN16: 3.6,
  HN17: 2.2,
  HN18: 1.9,
  HN19: 2.1,
};

/** How hard each line runs over budget (INMSS and mainstream top-ups are the usual pressures). */
const LINE_PRESSURE: Record<string, number> = {
  HN04: 0.09,
  HN05: 0.11,
  HN07: 0.05,
  HN08: 0.04,
  HN10: 0.06,
  HN12: 0.19,
  HN13: 0.08,
  HN14: 0.07,
  HN18: 0.05,
  HN01: 0.0,
  HN02: 0.0,
  HN03: 0.0,
  HN06: 0.02,
  HN09: -0.2,
  HN11: 0.0,
  HN15: 0.01,
  HN16: -0.03,
  HN17: -0.05,
  HN19: 0.03,
};

const HOLDERS: Record<string, string> = {
  PLACE: 'Schools Funding Manager',
  MAINSTREAM: 'SEND Finance Business Partner',
  RESOURCED: 'SEND Finance Business Partner',
  MAINT_SPECIAL: 'Special Schools Finance Officer',
  SPECIAL_ACAD: 'Special Schools Finance Officer',
  INMSS: 'Head of SEND Commissioning',
  POST16: 'Post-16 Commissioning Lead',
  AP: 'Inclusion and AP Manager',
  CENTRAL: 'Head of SEN Services',
  DP_THERAPY: 'Head of SEND Commissioning',
};

export interface DemoYear {
  year: string;
  closed: boolean;
  /** Periods with a return: 12 for finished years, fewer for the year in progress. */
  periods: number;
  blocks: Record<DsgBlock, { allocation: number; deductions: number; adjustments: number; transfers: number }>;
  /** Total High Needs budget set for the year (pounds), spread over the lines. */
  budget: number;
  /** How far the year's outturn runs over budget overall, before line pressures. */
  overrun: number;
  contributions: Array<{ kind: ContributionKind; amount: number; note: string }>;
}

const m = (x: number) => Math.round(x * 1_000_000);

export const DEMO_YEARS: DemoYear[] = [
  {
    year: '2022-23',
    closed: true,
    periods: 12,
    budget: m(43.2),
    overrun: 0.135,
    blocks: {
      schools: { allocation: m(212.4), deductions: m(96.8), adjustments: 0, transfers: 0 },
      cssb: { allocation: m(2.3), deductions: 0, adjustments: 0, transfers: 0 },
      hnb: { allocation: m(47.6), deductions: m(4.1), adjustments: -m(0.35), transfers: 0 },
      early_years: { allocation: m(24.1), deductions: 0, adjustments: 0, transfers: 0 },
    },
    contributions: [],
  },
  {
    year: '2023-24',
    closed: true,
    periods: 12,
    budget: m(47.3),
    overrun: 0.11,
    blocks: {
      schools: { allocation: m(221.9), deductions: m(101.2), adjustments: 0, transfers: -m(0.6) },
      cssb: { allocation: m(2.2), deductions: 0, adjustments: 0, transfers: 0 },
      hnb: { allocation: m(51.4), deductions: m(4.3), adjustments: -m(0.28), transfers: m(0.6) },
      early_years: { allocation: m(25.3), deductions: 0, adjustments: 0, transfers: 0 },
    },
    contributions: [
      { kind: 'safety_valve', amount: m(4.0), note: 'Safety Valve instalment 1 of 5' },
      { kind: 'council', amount: m(1.0), note: 'Council contribution agreed at Cabinet, July 2023' },
    ],
  },
  {
    year: '2024-25',
    closed: true,
    periods: 12,
    budget: m(51.1),
    overrun: 0.085,
    blocks: {
      schools: { allocation: m(231.7), deductions: m(105.9), adjustments: 0, transfers: -m(0.65) },
      cssb: { allocation: m(2.1), deductions: 0, adjustments: 0, transfers: 0 },
      hnb: { allocation: m(55.2), deductions: m(4.5), adjustments: -m(0.31), transfers: m(0.65) },
      early_years: { allocation: m(31.8), deductions: 0, adjustments: 0, transfers: 0 },
    },
    contributions: [{ kind: 'safety_valve', amount: m(4.0), note: 'Safety Valve instalment 2 of 5' }],
  },
  {
    year: '2025-26',
    closed: true,
    periods: 12,
    budget: m(54.4),
    overrun: 0.06,
    blocks: {
      schools: { allocation: m(240.3), deductions: m(109.6), adjustments: 0, transfers: 0 },
      cssb: { allocation: m(2.1), deductions: 0, adjustments: 0, transfers: 0 },
      hnb: { allocation: m(58.9), deductions: m(4.7), adjustments: -m(0.3), transfers: 0 },
      early_years: { allocation: m(38.6), deductions: 0, adjustments: 0, transfers: 0 },
    },
    contributions: [
      { kind: 'safety_valve', amount: m(2.0), note: 'Instalment 3 of 5 part-paid: DfE withheld half pending conditions 2 and 4' },
      { kind: 'council', amount: m(1.5), note: 'Council contribution from the transformation reserve' },
    ],
  },
  {
    year: '2026-27',
    closed: false,
    periods: 7,
    budget: m(57.6),
    overrun: 0.045,
    blocks: {
      schools: { allocation: m(248.2), deductions: m(113.1), adjustments: 0, transfers: -m(0.7) },
      cssb: { allocation: m(2.0), deductions: 0, adjustments: 0, transfers: 0 },
      hnb: { allocation: m(62.3), deductions: m(4.9), adjustments: -m(0.26), transfers: m(0.7) },
      early_years: { allocation: m(41.2), deductions: 0, adjustments: 0, transfers: 0 },
    },
    contributions: [{ kind: 'safety_valve', amount: m(4.0), note: 'Safety Valve instalment 4 of 5 (due March 2027)' }],
  },
];

/** Historic deficit at 1 April 2022, in pounds (negative: a deficit). */
export const DEMO_OPENING_BALANCE = -m(12.0);

export const demoHolder = (groupCode: string) => HOLDERS[groupCode] ?? '';

/** mulberry32: a small seeded generator, so the demo is the same every time. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoLineYear {
  code: string;
  budget: number;
  /** Forecast outturn in pounds for P1..periods. */
  forecasts: number[];
  /** Actual spend to date in pence (has pence) for P1..periods. */
  actualsPence: number[];
  commentary: Array<string | null>;
}

const COMMENTS: Record<string, string[]> = {
  INMSS: [
    'Overspend driven by {n} new independent special school placements since April; average annual cost £{c}k.',
    'Two residential placements ended; {n} further day placements agreed at panel this month.',
  ],
  MAINSTREAM: [
    'EHCP numbers in mainstream up {p}% on last year; banded top-ups rising with new plans.',
    'Increase reflects {n} plans issued after the summer assessment backlog was cleared.',
  ],
  AP: ['Additional commissioned AP places for permanently excluded pupils ({n} pupils).'],
  POST16: ['More learners with EHCPs staying on to 19-25 provision at FE colleges than planned.'],
  DEFAULT: ['Forecast updated from the latest commitments report.', 'No significant change from last month.'],
};

function comment(groupCode: string, rand: () => number): string {
  const list = COMMENTS[groupCode] ?? COMMENTS.DEFAULT!;
  const t = list[Math.floor(rand() * list.length)]!;
  return t
    .replace('{n}', String(2 + Math.floor(rand() * 12)))
    .replace('{c}', String(55 + Math.floor(rand() * 30)))
    .replace('{p}', String(8 + Math.floor(rand() * 9)));
}

/** Budgets, monthly forecasts drifting towards outturn, actuals and commentary for each line. */
export function planLines(y: DemoYear, yearIndex: number, groupOf: (code: string) => string): DemoLineYear[] {
  const rand = seeded(2022 + yearIndex * 97);
  const totalWeight = Object.values(LINE_WEIGHTS).reduce((s, w) => s + w, 0);
  let allocated = 0;
  return STANDARD_LINES.map((l, i) => {
    const last = i === STANDARD_LINES.length - 1;
    // Round to £100 and give the rounding to the last line, so lines add up to the budget exactly.
    const budget = last ? y.budget - allocated : Math.round((y.budget * LINE_WEIGHTS[l.code]!) / totalWeight / 100) * 100;
    allocated += budget;
    const pressure = (LINE_PRESSURE[l.code] ?? 0) + y.overrun * 0.55 + (rand() - 0.5) * 0.03;
    const outturn = Math.max(0, Math.round(budget * (1 + pressure)));
    const forecasts: number[] = [];
    const actualsPence: number[] = [];
    const commentary: Array<string | null> = [];
    for (let p = 1; p <= y.periods; p++) {
      // Forecasts start near budget and converge on outturn, with a little monthly noise.
      const share = Math.min(1, (p / 12) ** 0.7);
      const noise = p === 12 ? 0 : (rand() - 0.5) * 0.01 * budget;
      forecasts.push(Math.max(0, Math.round((budget + (outturn - budget) * share + noise) / 100) * 100));
      actualsPence.push(Math.round(outturn * (p / 12) * (0.92 + rand() * 0.1) * 100 + Math.floor(rand() * 100)));
      const variance = forecasts[p - 1]! - budget;
      commentary.push(Math.abs(variance) >= 150_000 && (p % 3 === 0 || p === y.periods) ? comment(groupOf(l.code), rand) : null);
    }
    return { code: l.code, budget, forecasts, actualsPence, commentary };
  });
}
