/**
 * The demo's DSG deficit management plan: from the 2025-26 outturn, seven years to 2032-33. The
 * unmitigated scenario grows the High Needs allocation by the announced settlement and then a
 * prudent 2.5% to 3%, and spend on the demo's own budget lines, with the three biggest pressures
 * worked out from activity (independent placements × their average cost, EHC plan top-ups in
 * mainstream × the average top-up, post-16 learners). The mitigated scenario is that plus the
 * register's projects; it reaches an in-year surplus in 2029-30, as Safety Valve condition 1 asks, while the unmitigated deficit
 * keeps growing. A copy of both as sent to the DfE in November 2026 is submitted and locked.
 */

export const DEMO_PLAN = {
  name: 'DSG deficit management plan',
  baseYear: '2025-26',
  horizonYears: 7,
  note: 'Agreed with the Department as part of the Safety Valve agreement; refreshed each term and reported to the Schools Forum.',
};

/** Per plan year: allocation growth (basis points), transfers, adjustments and planned council contributions (pounds). */
export const DEMO_PLAN_FUNDING: Array<{ year: string; growthBp: number; transfers: number; adjustments: number; contributions: number }> = [
  // 2026-27 is the settlement as published: £57.4m net of recoupment, and a 0.5% Schools Block transfer.
  { year: '2026-27', growthBp: 590, transfers: 700_000, adjustments: -260_000, contributions: 0 },
  { year: '2027-28', growthBp: 350, transfers: 720_000, adjustments: -260_000, contributions: 1_000_000 },
  { year: '2028-29', growthBp: 300, transfers: 0, adjustments: -260_000, contributions: 1_000_000 },
  { year: '2029-30', growthBp: 300, transfers: 0, adjustments: -260_000, contributions: 0 },
  { year: '2030-31', growthBp: 250, transfers: 0, adjustments: -260_000, contributions: 0 },
  { year: '2031-32', growthBp: 250, transfers: 0, adjustments: -260_000, contributions: 0 },
  { year: '2032-33', growthBp: 250, transfers: 0, adjustments: -260_000, contributions: 0 },
];

/** How each budget line is projected: children or places with their growth, or a yearly percentage. */
export const DEMO_PLAN_LINES: Record<string, { count?: number; countGrowthBp?: number; costGrowthBp: number }> = {
  HN01: { costGrowthBp: 200 },
  HN02: { costGrowthBp: 200 },
  HN03: { costGrowthBp: 200 },
  // EHC plan top-ups in mainstream: children × the average top-up.
  HN04: { count: 1240, countGrowthBp: 600, costGrowthBp: 150 },
  HN05: { count: 1460, countGrowthBp: 600, costGrowthBp: 150 },
  HN06: { costGrowthBp: 350 },
  HN07: { costGrowthBp: 400 },
  HN08: { costGrowthBp: 350 },
  HN09: { costGrowthBp: 0 },
  HN10: { costGrowthBp: 400 },
  HN11: { costGrowthBp: 250 },
  // Independent and non-maintained special school placements × their average annual cost.
  HN12: { count: 152, countGrowthBp: 400, costGrowthBp: 350 },
  HN13: { count: 610, countGrowthBp: 300, costGrowthBp: 250 },
  HN14: { costGrowthBp: 350 },
  HN15: { costGrowthBp: 250 },
  HN16: { costGrowthBp: 200 },
  HN17: { costGrowthBp: 200 },
  HN18: { costGrowthBp: 500 },
  HN19: { costGrowthBp: 400 },
};

/** The live unmitigated scenario since the sent copy: independent placements grew faster than planned. */
export const DEMO_PLAN_REVISION = {
  code: 'HN12',
  countGrowthBp: 500,
  why: 'growth in independent placements raised from 4% to 5% a year after the 2026-27 Q2 monitoring',
};

export const DEMO_SCENARIOS = {
  unmitigated: 'Unmitigated',
  mitigated: 'Mitigated: SEND recovery plan',
  sentUnmitigated: 'Unmitigated (sent to DfE, November 2026)',
  sentMitigated: 'Mitigated (sent to DfE, November 2026)',
  sentOn: '2026-11-20',
  sentNote: 'Sent to DfE with the autumn Safety Valve monitoring return',
};
