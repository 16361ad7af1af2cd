/**
 * Reading the register. The register screen lists every project with its latest RAG, totals,
 * scenarios, agreements and milestones: a handful of queries over all projects, never one per
 * project, so 200 projects open as fast as 20.
 */
import type { Db } from '../../../db/client';
import { AppError } from '../../../electron/shared/errors';
import { nextYearId, yearIdFromStart, yearStartYear } from '../../../electron/shared/periods';
import { lockedRefs } from '../../../electron/server/locks/locks';
import { entityRef } from '../../../electron/shared/entity-ref';
import type { KpiInfo, MilestoneInfo, ProjectDetail, ProjectSummary, ProjectYearInfo, RagEntry, WorkstreamInfo } from '../types';
import { type FundingSource, type Rag, type SavingKind, SCENARIO_ENTITY } from '../words';
import { agreementFigures } from '../agreements/rules';
import type { PlanSpan } from './rules';

export interface WorkstreamRow {
  id: number;
  code: string;
  name: string;
  lead: string;
  aim: string;
  sortOrder: number;
}

export interface ProjectRow {
  id: number;
  code: string;
  name: string;
  owner: string;
  aim: string;
  workstreamId: number;
  fundingSource: FundingSource;
  savingKind: SavingKind;
  approvedBudgetPence: number;
  spendToDatePence: number;
  forecastPence: number;
  boardBodyId: number | null;
  sortOrder: number;
}

const PROJECT_COLUMNS = `p.id, p.code, p.name, p.owner, p.aim, p.workstream_id AS workstreamId, p.funding_source AS fundingSource,
  p.saving_kind AS savingKind, p.approved_budget_pence AS approvedBudgetPence, p.spend_to_date_pence AS spendToDatePence,
  p.forecast_pence AS forecastPence, p.board_body_id AS boardBodyId, p.sort_order AS sortOrder`;

export function workstreamRows(db: Db): WorkstreamRow[] {
  return db.$client
    .prepare('SELECT id, code, name, lead, aim, sort_order AS sortOrder FROM workstream ORDER BY sort_order, code COLLATE NOCASE, id')
    .all() as WorkstreamRow[];
}

export function workstreamList(db: Db): WorkstreamInfo[] {
  const counts = new Map(
    (db.$client.prepare('SELECT workstream_id, count(*) FROM recovery_project GROUP BY workstream_id').raw().all() as Array<[number, number]>).map(
      ([id, n]) => [id, n],
    ),
  );
  return workstreamRows(db).map((w) => ({ id: w.id, code: w.code, name: w.name, lead: w.lead, aim: w.aim, projectCount: counts.get(w.id) ?? 0 }));
}

export function requireWorkstream(db: Db, id: number, field = 'workstreamId'): WorkstreamRow {
  const w = workstreamRows(db).find((x) => x.id === id);
  if (!w) {
    throw new AppError('NOT_FOUND', `There is no workstream with id ${id}. Choose one of the register's workstreams, or add it first.`, {
      issues: [{ field, rule: 'must be a workstream of the register', message: `there is no workstream ${id}` }],
    });
  }
  return w;
}

export function projectRows(db: Db): ProjectRow[] {
  return db.$client
    .prepare(
      `SELECT ${PROJECT_COLUMNS} FROM recovery_project p JOIN workstream w ON w.id = p.workstream_id
       ORDER BY w.sort_order, w.code COLLATE NOCASE, p.sort_order, p.code COLLATE NOCASE, p.id`,
    )
    .all() as ProjectRow[];
}

export function findProject(db: Db, id: number): ProjectRow | undefined {
  return db.$client.prepare(`SELECT ${PROJECT_COLUMNS} FROM recovery_project p WHERE p.id = ?`).get(id) as ProjectRow | undefined;
}

export function requireProject(db: Db, id: number, field = 'projectId'): ProjectRow {
  const p = findProject(db, id);
  if (!p) {
    throw new AppError('NOT_FOUND', `There is no project with id ${id} in the register.`, {
      issues: [{ field, rule: 'must be a project of the register', message: `there is no project ${id}` }],
    });
  }
  return p;
}

/** The years a plan covers: the year after its base, for its horizon. */
export function planYears(baseYear: string, horizonYears: number): { first: string; last: string } {
  return { first: nextYearId(baseYear), last: yearIdFromStart(yearStartYear(baseYear) + horizonYears) };
}

/** The plans each project counts in, through the mitigated scenarios it is attached to (all projects, or one). */
export function planSpans(db: Db, projectId?: number): Map<number, PlanSpan[]> {
  const rows = db.$client
    .prepare(
      `SELECT psp.project_id, s.id, s.name, p.name, p.base_year_id, p.horizon_years
       FROM plan_scenario_project psp JOIN plan_scenario s ON s.id = psp.scenario_id JOIN plan p ON p.id = s.plan_id
       ${projectId === undefined ? '' : 'WHERE psp.project_id = ?'} ORDER BY p.name, s.name`,
    )
    .raw()
    .all(...(projectId === undefined ? [] : [projectId])) as Array<[number, number, string, string, string, number]>;
  const out = new Map<number, PlanSpan[]>();
  for (const [pid, scenarioId, scenarioName, planName, base, horizon] of rows) {
    const list = out.get(pid) ?? [];
    list.push({ scenarioId, scenarioName, planName, ...planYears(base, horizon) });
    out.set(pid, list);
  }
  return out;
}

/** The scenarios a project is attached to, with whether each is submitted and locked. */
export function attachedScenarios(db: Db, projectId: number): Array<{ id: number; name: string; planName: string; locked: boolean }> {
  const locked = lockedRefs(db);
  const rows = db.$client
    .prepare(
      `SELECT s.id, s.name, p.name FROM plan_scenario_project psp JOIN plan_scenario s ON s.id = psp.scenario_id JOIN plan p ON p.id = s.plan_id
       WHERE psp.project_id = ? ORDER BY p.name, s.name`,
    )
    .raw()
    .all(projectId) as Array<[number, string, string]>;
  return rows.map(([id, name, planName]) => ({ id, name, planName, locked: locked.has(entityRef(SCENARIO_ENTITY, id)) }));
}

/** Every project's rows of one kind, grouped by project: one query for all. */
function grouped<T>(db: Db, sql: string, projectId: number | undefined, map: (r: unknown[]) => [number, T]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  const where = projectId === undefined ? sql.replace('{where}', '') : sql.replace('{where}', 'WHERE project_id = ?');
  for (const r of db.$client
    .prepare(where)
    .raw()
    .all(...(projectId === undefined ? [] : [projectId])) as unknown[][]) {
    const [id, v] = map(r);
    const list = out.get(id);
    if (list) list.push(v);
    else out.set(id, [v]);
  }
  return out;
}

/** The latest RAG of each project: the latest by date, and of one date the last recorded. */
function latestRags(db: Db): Map<number, RagEntry> {
  const rows = db.$client
    .prepare(
      `SELECT project_id, id, rag, reason, as_of FROM (
         SELECT *, row_number() OVER (PARTITION BY project_id ORDER BY as_of DESC, id DESC) AS n FROM project_rag
       ) WHERE n = 1`,
    )
    .raw()
    .all() as Array<[number, number, Rag, string, string]>;
  return new Map(rows.map(([pid, id, rag, reason, asOf]) => [pid, { id, rag, reason, asOf }]));
}

export interface SummaryFilter {
  workstreamId?: number;
  rag?: Rag;
  projectId?: number;
}

/** Projects as the register lists them, in workstream order, each with its latest RAG, totals, scenarios, agreements and milestones. */
export function projectSummaries(db: Db, today: string, filter: SummaryFilter = {}): ProjectSummary[] {
  const projects = projectRows(db).filter(
    (p) => (filter.workstreamId === undefined || p.workstreamId === filter.workstreamId) && (filter.projectId === undefined || p.id === filter.projectId),
  );
  if (projects.length === 0) return [];
  const workstreams = new Map(workstreamRows(db).map((w) => [w.id, w]));
  const bodies = new Map(db.$client.prepare('SELECT id, name FROM body').raw().all() as Array<[number, string]>);
  const rags = latestRags(db);
  const totals = new Map(
    (
      db.$client
        .prepare('SELECT project_id, sum(target_saving_pence), sum(coalesce(delivered_saving_pence, 0)), sum(cost_pence) FROM project_year GROUP BY project_id')
        .raw()
        .all() as Array<[number, number, number, number]>
    ).map(([id, target, delivered, cost]) => [id, { target, delivered, cost }]),
  );
  const scenarios = grouped<string>(
    db,
    'SELECT project_id, s.name FROM plan_scenario_project psp JOIN plan_scenario s ON s.id = psp.scenario_id {where} ORDER BY s.name',
    filter.projectId,
    (r) => [r[0] as number, r[1] as string],
  );
  const agreements = grouped<string>(
    db,
    'SELECT project_id, a.reference FROM project_agreement pa JOIN agreement a ON a.id = pa.agreement_id {where} ORDER BY a.reference',
    filter.projectId,
    (r) => [r[0] as number, r[1] as string],
  );
  const milestones = grouped<{ title: string; dueOn: string; doneOn: string | null }>(
    db,
    'SELECT project_id, title, due_on, done_on FROM project_milestone {where} ORDER BY due_on, sort_order, id',
    filter.projectId,
    (r) => [r[0] as number, { title: r[1] as string, dueOn: r[2] as string, doneOn: r[3] as string | null }],
  );
  const out: ProjectSummary[] = [];
  for (const p of projects) {
    const rag = rags.get(p.id) ?? null;
    if (filter.rag !== undefined && rag?.rag !== filter.rag) continue;
    const t = totals.get(p.id);
    const ms = milestones.get(p.id) ?? [];
    const next = ms.find((m) => m.doneOn === null);
    out.push({
      id: p.id,
      code: p.code,
      name: p.name,
      owner: p.owner,
      workstreamId: p.workstreamId,
      workstream: workstreams.get(p.workstreamId)?.name ?? '',
      fundingSource: p.fundingSource,
      savingKind: p.savingKind,
      approvedBudgetPence: p.approvedBudgetPence,
      spendToDatePence: p.spendToDatePence,
      forecastPence: p.forecastPence,
      rag: rag?.rag ?? null,
      ragReason: rag?.reason ?? '',
      ragAsOf: rag?.asOf ?? null,
      totalTargetPence: t?.target ?? 0,
      totalDeliveredPence: t?.delivered ?? 0,
      totalCostPence: t?.cost ?? 0,
      scenarioNames: scenarios.get(p.id) ?? [],
      agreementRefs: agreements.get(p.id) ?? [],
      board: p.boardBodyId === null ? null : (bodies.get(p.boardBodyId) ?? null),
      milestonesDone: ms.length - ms.filter((m) => m.doneOn === null).length,
      milestonesTotal: ms.length,
      nextMilestone: next ? { title: next.title, dueOn: next.dueOn, overdue: next.dueOn < today } : null,
    });
  }
  return out;
}

export function ragHistory(db: Db, projectId: number): RagEntry[] {
  return db.$client
    .prepare('SELECT id, rag, reason, as_of AS asOf FROM project_rag WHERE project_id = ? ORDER BY as_of DESC, id DESC')
    .all(projectId) as RagEntry[];
}

export function milestonesOf(db: Db, projectId: number): MilestoneInfo[] {
  return db.$client
    .prepare('SELECT id, title, due_on AS dueOn, done_on AS doneOn FROM project_milestone WHERE project_id = ? ORDER BY due_on, sort_order, id')
    .all(projectId) as MilestoneInfo[];
}

export function kpisOf(db: Db, projectId: number): KpiInfo[] {
  const rows = db.$client
    .prepare(
      `SELECT id, measure, baseline, baseline_on AS baselineOn, target, target_on AS targetOn, latest, latest_on AS latestOn,
              higher_is_better AS higherIsBetter
       FROM project_kpi WHERE project_id = ? ORDER BY sort_order, id`,
    )
    .all(projectId) as Array<Omit<KpiInfo, 'higherIsBetter'> & { higherIsBetter: number }>;
  return rows.map((k) => ({ ...k, higherIsBetter: Boolean(k.higherIsBetter) }));
}

export function yearsOf(db: Db, projectId: number): ProjectYearInfo[] {
  return db.$client
    .prepare(
      `SELECT year_id AS year, cost_pence AS costPence, target_saving_pence AS targetSavingPence, delivered_saving_pence AS deliveredSavingPence
       FROM project_year WHERE project_id = ? ORDER BY year_id`,
    )
    .all(projectId) as ProjectYearInfo[];
}

/** The id of a project's row for a year, if it has one. */
export function projectYearId(db: Db, projectId: number, year: string): number | undefined {
  return db.$client.prepare('SELECT id FROM project_year WHERE project_id = ? AND year_id = ?').pluck().get(projectId, year) as number | undefined;
}

/** Agreements a project is delivered through, with each one's current end (extensions taken included), as the agreements area works it out. */
export function agreementsOf(db: Db, projectId: number): ProjectDetail['agreements'] {
  const rows = db.$client
    .prepare(
      `SELECT a.id, a.reference, a.counterparty, a.start_on, a.end_on, a.annual_value_pence, a.extensions_offered, a.extension_months,
              (SELECT count(*) FROM agreement_extension e WHERE e.agreement_id = a.id)
       FROM project_agreement pa JOIN agreement a ON a.id = pa.agreement_id WHERE pa.project_id = ? ORDER BY a.reference`,
    )
    .raw()
    .all(projectId) as Array<[number, string, string, string, string, number, number, number, number]>;
  return rows.map(([id, reference, counterparty, startOn, endOn, annualValuePence, extensionsOffered, extensionMonths, taken]) => ({
    id,
    reference,
    counterparty,
    endOn: agreementFigures({ startOn, endOn, annualValuePence, extensionsOffered, extensionMonths }, taken).currentEndOn,
  }));
}

export function projectDetail(db: Db, id: number, today: string): ProjectDetail {
  const p = requireProject(db, id, 'id');
  const summary = projectSummaries(db, today, { projectId: id })[0]!;
  return {
    ...summary,
    aim: p.aim,
    boardBodyId: p.boardBodyId,
    ragHistory: ragHistory(db, id),
    milestones: milestonesOf(db, id),
    kpis: kpisOf(db, id),
    years: yearsOf(db, id),
    scenarios: attachedScenarios(db, id),
    agreements: agreementsOf(db, id),
  };
}
