/** The register's rules, as sentences a finance lead can act on. Shared by the calls and the workbooks. */
import { ukDate } from '../../../electron/shared/dates';
import { AppError, type ErrorIssue } from '../../../electron/shared/errors';

/** A plan a project counts in, through one mitigated scenario it is attached to, and the years the plan covers. */
export interface PlanSpan {
  scenarioId: number;
  scenarioName: string;
  planName: string;
  first: string;
  last: string;
}

export const OUTSIDE_PLAN_RULE = 'a savings year outside the plan';

/** The first plan (of those a project counts in) that does not cover the year, if any. */
export function planNotCovering(spans: readonly PlanSpan[], year: string): PlanSpan | undefined {
  return spans.find((s) => year < s.first || year > s.last);
}

/** "P01 Panel redesign counts in the plan …": why a year's savings or cost cannot be held. */
export function outsidePlanSentence(project: { code: string; name: string }, year: string, span: PlanSpan): string {
  return `${project.code} ${project.name} is attached to the scenario "${span.scenarioName}" of the plan "${span.planName}", which runs from ${span.first} to ${span.last}, so its savings and costs cannot be in ${year}: a savings year outside the plan. Use a year from ${span.first} to ${span.last}, or detach the project from that scenario first.`;
}

export function outsidePlanError(project: { code: string; name: string }, year: string, span: PlanSpan): AppError {
  return new AppError('INVALID_INPUT', outsidePlanSentence(project, year, span), {
    issues: [{ field: 'year', rule: OUTSIDE_PLAN_RULE, message: `${year} is outside the plan "${span.planName}" (${span.first} to ${span.last})` }],
  });
}

/** Codes are matched as people read them: case and surrounding spaces do not count. */
export const normCode = (code: string) => code.trim().toLowerCase();

export function duplicateCode(what: 'workstream' | 'project', code: string, holder: { code: string; name: string }): AppError {
  return new AppError(
    'DUPLICATE',
    `The ${what} code ${code} is already used by ${holder.code} ${holder.name}: ${what} codes must be unique (capitals do not count).`,
    {
      issues: [{ field: 'code', rule: `${what} codes must be unique`, message: `${code} is already ${holder.code} ${holder.name}` }],
    },
  );
}

export interface KpiDates {
  baselineOn: string;
  target: number | null;
  targetOn: string | null;
  latest: number | null;
  latestOn: string | null;
}

/**
 * A KPI's values must go with their dates: a latest value is a reading on a day, and neither a
 * reading nor a target can be dated before the baseline it is measured against.
 */
export function kpiIssues(k: KpiDates): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const base = ukDate(k.baselineOn);
  if (k.latest !== null && k.latestOn === null) {
    issues.push({ field: 'latestOn', rule: 'a latest value needs its date', message: 'give the date the latest value was measured' });
  }
  if (k.latest === null && k.latestOn !== null) {
    issues.push({ field: 'latest', rule: 'a latest date needs its value', message: `there is a latest date (${ukDate(k.latestOn)}) but no latest value` });
  }
  if (k.latestOn !== null && k.latestOn < k.baselineOn) {
    issues.push({
      field: 'latestOn',
      rule: 'the latest value must not be dated before the baseline',
      message: `${ukDate(k.latestOn)} is before the baseline date ${base}`,
    });
  }
  if (k.target === null && k.targetOn !== null) {
    issues.push({ field: 'target', rule: 'a target date needs a target', message: `there is a target date (${ukDate(k.targetOn)}) but no target` });
  }
  if (k.targetOn !== null && k.targetOn < k.baselineOn) {
    issues.push({
      field: 'targetOn',
      rule: 'the target must not be dated before the baseline',
      message: `${ukDate(k.targetOn)} is before the baseline date ${base}`,
    });
  }
  return issues;
}
