/**
 * The demo's formula allocation runs (domain.md section 5's example): £3,155,550 shared between
 * the five area inclusion partnerships by pupil numbers 25%, targeted factors (free school meals,
 * IDACI bands weighted towards the most deprived, low prior attainment) 60%, and those targeted
 * factors with pupil premium 15%, plus 210 places at £10,000 (42 a partnership, as the
 * agreements say): £5,255,550 in all. The 2025-26 run was approved by the Schools Forum; the
 * 2026-27 run, on the new year's census and boundaries, is still a draft.
 */
import type { DemoAllocationYear } from './demo-allocations-schools';

export const DEMO_FORMULA_POT = 3_155_550;
export const DEMO_PLACE_RATE = 10_000;
export const DEMO_PLACES_EACH = 42;

export interface DemoFactor {
  name: string;
  weightBp: number;
  /** Data column key → its weight inside the factor. */
  columns: Record<string, number>;
}

const TARGETED: Record<string, number> = {
  fsm: 1,
  idaci_a: 0.75,
  idaci_b: 0.6,
  idaci_c: 0.45,
  idaci_d: 0.35,
  idaci_e: 0.25,
  idaci_f: 0.15,
  low_prior_attainment: 1,
};

export const DEMO_FACTORS: DemoFactor[] = [
  { name: 'Pupil numbers', weightBp: 2500, columns: { pupils: 1 } },
  { name: 'Targeted factors', weightBp: 6000, columns: TARGETED },
  { name: 'Targeted factors with pupil premium', weightBp: 1500, columns: { ...TARGETED, pupil_premium: 1 } },
];

export interface DemoRun {
  year: DemoAllocationYear;
  name: string;
  /** When the run read the school data (ISO timestamp). */
  calculatedAt: string;
  note: string;
  approved: { on: string; note: string } | null;
}

export const DEMO_RUNS: DemoRun[] = [
  {
    year: '2025-26',
    name: 'AIP allocations 2025-26',
    calculatedAt: '2025-02-19T10:30:00.000Z',
    note: 'October 2024 census; partnership membership as at January 2025.',
    approved: { on: '2025-03-13', note: 'Schools Forum, item 6' },
  },
  {
    year: '2026-27',
    name: 'AIP allocations 2026-27',
    calculatedAt: '2026-02-25T10:30:00.000Z',
    note: 'October 2025 census and the partnerships’ redrawn boundaries. Shared with the partnerships as indicative allocations in March 2026; for the Schools Forum to approve.',
    approved: null,
  },
];
