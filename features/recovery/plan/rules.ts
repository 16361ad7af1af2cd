/**
 * The plan's arithmetic, pure: no database, so a test can work an example by hand and the
 * bench can time it alone.
 *
 * Funding(y) = allocation(y) + transfers(y) + adjustments(y), where allocation(y) is the base
 * allocation times every year's growth up to y, rounded to the penny from the exact product.
 * A line-year is its base times its growth factors up to y (numbers and cost for an activity
 * line; cost alone for a percentage line), rounded to the penny from the exact product; totals
 * are sums of rounded line-years, so a table of lines always adds up to its total.
 * In-year = funding − expenditure; cumulative(y) = cumulative(y−1) + in-year(y) + contributions(y).
 * A mitigated scenario's expenditure adds its HNB-funded projects' costs and takes off all its
 * projects' savings (targets, or what was delivered, by the scenario's savings basis).
 */
import { roundDiv } from '../../../electron/shared/money';
import { nextYearId } from '../../../electron/shared/periods';
import type { PlanLineYear, PlanYearResult } from '../types';
import type { LineMethod, SavingsBasis } from '../words';

const BP = 10_000n;

/** The plan's years, base year excluded: 2025-26 for 5 years gives 2026-27 … 2030-31. */
export function planYears(baseYear: string, horizonYears: number): string[] {
  const out: string[] = [];
  let y = baseYear;
  for (let i = 0; i < horizonYears; i++) {
    y = nextYearId(y);
    out.push(y);
  }
  return out;
}

export interface PlanLineInput {
  id: number;
  code: string;
  name: string;
  groupName: string;
  method: LineMethod;
  basePence: number;
  baseCount: number | null;
  countGrowthBp: number;
  costGrowthBp: number;
}

export interface PlanFundingInput {
  growthBp: number;
  transfersPence: number;
  adjustmentsPence: number;
  contributionsPence: number;
}

export interface ProjectYearInput {
  costPence: number;
  targetSavingPence: number;
  deliveredSavingPence: number | null;
}

export interface PlanProjectInput {
  projectId: number;
  code: string;
  name: string;
  workstream: string;
  hnbFunded: boolean;
  years: ReadonlyMap<string, ProjectYearInput>;
}

export interface PlanInputs {
  years: readonly string[];
  baseAllocationPence: number;
  openingCumulativePence: number;
  /** By plan year; a year without a row counts as no growth, no transfers, no adjustments. */
  funding: ReadonlyMap<string, PlanFundingInput>;
  lines: readonly PlanLineInput[];
  /** Safety Valve instalments by year: received amount if received, expected if due, nothing if withheld. */
  safetyValve: ReadonlyMap<string, number>;
  /** Attached projects (a mitigated scenario); empty for an unmitigated one. */
  projects: readonly PlanProjectInput[];
  savingsBasis: SavingsBasis;
}

export interface PlanLineResult {
  lineId: number;
  code: string;
  name: string;
  groupName: string;
  method: LineMethod;
  years: PlanLineYear[];
}

export interface PlanProjectResult {
  projectId: number;
  code: string;
  name: string;
  workstream: string;
  hnbFunded: boolean;
  years: Array<{ year: string; costPence: number; savingPence: number; targetPence: number; deliveredPence: number | null }>;
}

export interface PlanComputation {
  years: PlanYearResult[];
  lines: PlanLineResult[];
  projects: PlanProjectResult[];
  firstInYearSurplus: string | null;
}

const NO_FUNDING: PlanFundingInput = { growthBp: 0, transfersPence: 0, adjustmentsPence: 0, contributionsPence: 0 };

/** Half away from zero, for the figures shown beside a line (average cost), never for a total. */
function roundHalfAway(x: number): number {
  const r = Math.round(Math.abs(x));
  return x < 0 ? -r : r;
}

/** A line's spend in each plan year, to the penny, from the exact compound product of its growth. */
export function lineYears(line: PlanLineInput, years: readonly string[]): PlanLineYear[] {
  const activity = line.method === 'activity' && line.baseCount !== null && line.baseCount > 0;
  // Activity: count × average cost = base × (1+count growth)^k × (1+cost growth)^k, baseCount cancels.
  const step = activity ? (BP + BigInt(line.countGrowthBp)) * (BP + BigInt(line.costGrowthBp)) : BP + BigInt(line.costGrowthBp);
  const stepDen = activity ? BP * BP : BP;
  const base = BigInt(line.basePence);
  let num = 1n;
  let den = 1n;
  const countFactor = 1 + line.countGrowthBp / 10_000;
  const costFactor = 1 + line.costGrowthBp / 10_000;
  return years.map((year, i) => {
    num *= step;
    den *= stepDen;
    const k = i + 1;
    return {
      year,
      lineId: line.id,
      code: line.code,
      name: line.name,
      groupName: line.groupName,
      count: activity ? line.baseCount! * countFactor ** k : null,
      unitCostPence: activity ? roundHalfAway((line.basePence / line.baseCount!) * costFactor ** k) : null,
      pence: roundDiv(base * num, den),
    };
  });
}

/** The HNB allocation in each plan year, to the penny, from the exact compound product of the base. */
export function allocationYears(baseAllocationPence: number, growthBp: readonly number[]): number[] {
  const base = BigInt(baseAllocationPence);
  let num = 1n;
  let den = 1n;
  return growthBp.map((g) => {
    num *= BP + BigInt(g);
    den *= BP;
    return roundDiv(base * num, den);
  });
}

/** The saving a project counts for in a year: its target, or (a scenario re-based on delivery) what it delivered. */
export function savingOf(y: ProjectYearInput, basis: SavingsBasis): number {
  return basis === 'delivered' ? (y.deliveredSavingPence ?? 0) : y.targetSavingPence;
}

export function computePlan(inputs: PlanInputs): PlanComputation {
  const { years } = inputs;
  const funding = years.map((y) => inputs.funding.get(y) ?? NO_FUNDING);
  const allocations = allocationYears(
    inputs.baseAllocationPence,
    funding.map((f) => f.growthBp),
  );
  const lines: PlanLineResult[] = inputs.lines.map((l) => ({
    lineId: l.id,
    code: l.code,
    name: l.name,
    groupName: l.groupName,
    method: l.method,
    years: lineYears(l, years),
  }));
  const projects: PlanProjectResult[] = inputs.projects.map((p) => ({
    projectId: p.projectId,
    code: p.code,
    name: p.name,
    workstream: p.workstream,
    hnbFunded: p.hnbFunded,
    years: years.map((year) => {
      const y = p.years.get(year);
      return {
        year,
        costPence: y?.costPence ?? 0,
        savingPence: y ? savingOf(y, inputs.savingsBasis) : 0,
        targetPence: y?.targetSavingPence ?? 0,
        deliveredPence: y?.deliveredSavingPence ?? null,
      };
    }),
  }));

  let cumulative = inputs.openingCumulativePence;
  let firstInYearSurplus: string | null = null;
  const out: PlanYearResult[] = years.map((year, i) => {
    const f = funding[i]!;
    const allocationPence = allocations[i]!;
    const fundingPence = allocationPence + f.transfersPence + f.adjustmentsPence;
    let linesPence = 0;
    for (const l of lines) linesPence += l.years[i]!.pence;
    let projectCostsPence = 0;
    let savingsPence = 0;
    for (const p of projects) {
      const py = p.years[i]!;
      if (p.hnbFunded) projectCostsPence += py.costPence;
      savingsPence += py.savingPence;
    }
    const expenditurePence = linesPence + projectCostsPence - savingsPence;
    const inYearPence = fundingPence - expenditurePence;
    const safetyValvePence = inputs.safetyValve.get(year) ?? 0;
    const otherContributionsPence = f.contributionsPence;
    const contributionsPence = safetyValvePence + otherContributionsPence;
    cumulative += inYearPence + contributionsPence;
    if (firstInYearSurplus === null && inYearPence > 0) firstInYearSurplus = year;
    return {
      year,
      allocationPence,
      transfersPence: f.transfersPence,
      adjustmentsPence: f.adjustmentsPence,
      fundingPence,
      linesPence,
      projectCostsPence,
      savingsPence,
      expenditurePence,
      inYearPence,
      safetyValvePence,
      otherContributionsPence,
      contributionsPence,
      cumulativePence: cumulative,
    };
  });
  return { years: out, lines, projects, firstInYearSurplus };
}
