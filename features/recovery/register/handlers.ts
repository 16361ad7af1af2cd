import { londonDate, ukDate } from '../../../electron/shared/dates';
import { AppError, type ErrorIssue } from '../../../electron/shared/errors';
import { defineHandlers } from '../../../electron/server/handler';
import type { Workspace } from '../../../electron/server/workspace';
import { planScenarioProject, projectAgreement, projectKpi, projectMilestone, projectRag, projectYear, recoveryProject, workstream } from '../schema';
import { RAG_LABELS } from '../words';
import {
  attachedScenarios,
  planSpans,
  projectDetail,
  projectRows,
  projectSummaries,
  projectYearId,
  requireProject,
  requireWorkstream,
  workstreamList,
  workstreamRows,
} from './queries';
import { duplicateCode, kpiIssues, normCode, outsidePlanError, planNotCovering } from './rules';

const today = (ws: Workspace) => londonDate(ws.actor.now());
const detail = (ws: Workspace, id: number) => projectDetail(ws.db, id, today(ws));
const nextOrder = (ws: Workspace, sql: string, ...params: unknown[]) =>
  Number(
    ws.db.$client
      .prepare(sql)
      .pluck()
      .get(...params) ?? 0,
  ) + 10;

/** A row of a project's (a milestone, a KPI), which must be that project's. */
function ownRow(ws: Workspace, table: 'project_milestone' | 'project_kpi', id: number, what: string): { projectId: number } {
  const row = ws.db.$client.prepare(`SELECT project_id AS projectId FROM ${table} WHERE id = ?`).get(id) as { projectId: number } | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', `There is no ${what} with id ${id}.`, {
      issues: [{ field: 'id', rule: `must be a ${what}`, message: `no ${what} ${id}` }],
    });
  return row;
}

function notThisProjects(what: string, project: { code: string; name: string }): AppError {
  return new AppError('INVALID_INPUT', `That ${what} belongs to another project, not ${project.code} ${project.name}.`, {
    issues: [{ field: 'id', rule: `must be a ${what} of this project`, message: `the ${what} is another project's` }],
  });
}

/** A refusal that says which project and which rows of it, then each rule broken. */
function refuse(lead: string, issues: ErrorIssue[]): AppError {
  return new AppError('INVALID_INPUT', `${lead}: ${issues.map((i) => `${i.rule} (${i.message})`).join('; ')}.`, { issues });
}

function requireBody(ws: Workspace, id: number): void {
  if (ws.db.$client.prepare('SELECT 1 FROM body WHERE id = ?').get(id)) return;
  throw new AppError('NOT_FOUND', `There is no board with id ${id}: choose one of the bodies under Meetings, or none.`, {
    issues: [{ field: 'boardBodyId', rule: 'must be one of the bodies', message: `there is no body ${id}` }],
  });
}

function requireAgreement(ws: Workspace, id: number): { reference: string } {
  const a = ws.db.$client.prepare('SELECT reference FROM agreement WHERE id = ?').get(id) as { reference: string } | undefined;
  if (!a) {
    throw new AppError('NOT_FOUND', `There is no agreement with id ${id}.`, {
      issues: [{ field: 'agreementId', rule: 'must be an agreement', message: `there is no agreement ${id}` }],
    });
  }
  return a;
}

export const registerHandlers = defineHandlers({
  listWorkstreams: (_input, { ws }) => workstreamList(ws.db),

  saveWorkstream: (input, { ws }) => {
    if (input.id !== undefined) requireWorkstream(ws.db, input.id, 'id');
    const clash = workstreamRows(ws.db).find((w) => w.id !== input.id && normCode(w.code) === normCode(input.code));
    if (clash) throw duplicateCode('workstream', input.code, clash);
    const values = { code: input.code.trim(), name: input.name, lead: input.lead, aim: input.aim };
    ws.write('edit', `Workstream ${values.code} ${input.name}`, (rec) => {
      if (input.id !== undefined) rec.update(workstream, input.id, values);
      else
        rec.insert(workstream, {
          ...values,
          lead: values.lead ?? '',
          aim: values.aim ?? '',
          sortOrder: nextOrder(ws, 'SELECT max(sort_order) FROM workstream'),
        });
    });
    return workstreamList(ws.db);
  },

  deleteWorkstream: (input, { ws }) => {
    const w = requireWorkstream(ws.db, input.id, 'id');
    const projects = projectRows(ws.db).filter((p) => p.workstreamId === w.id);
    if (projects.length) {
      throw new AppError(
        'INVALID_INPUT',
        `The workstream ${w.code} ${w.name} still has ${projects.length} project${projects.length === 1 ? '' : 's'} (${projects
          .slice(0, 5)
          .map((p) => p.code)
          .join(', ')}${projects.length > 5 ? ' …' : ''}): move them to another workstream or delete them first.`,
        { issues: [{ field: 'id', rule: 'only a workstream with no projects can be deleted', message: `${w.code} has ${projects.length} projects` }] },
      );
    }
    ws.write('edit', `Delete workstream ${w.code} ${w.name}`, (rec) => rec.delete(workstream, w.id));
    return workstreamList(ws.db);
  },

  listProjects: (input, { ws }) => projectSummaries(ws.db, today(ws), input),

  getProject: (input, { ws }) => detail(ws, input.id),

  saveProject: (input, { ws }) => {
    if (input.id !== undefined) requireProject(ws.db, input.id, 'id');
    requireWorkstream(ws.db, input.workstreamId);
    if (input.boardBodyId !== undefined && input.boardBodyId !== null) requireBody(ws, input.boardBodyId);
    const code = input.code.trim();
    const clash = projectRows(ws.db).find((p) => p.id !== input.id && normCode(p.code) === normCode(code));
    if (clash) throw duplicateCode('project', code, clash);
    const values = {
      code,
      name: input.name,
      owner: input.owner,
      aim: input.aim,
      workstreamId: input.workstreamId,
      fundingSource: input.fundingSource,
      savingKind: input.savingKind,
      approvedBudgetPence: input.approvedBudgetPence,
      spendToDatePence: input.spendToDatePence,
      forecastPence: input.forecastPence,
      boardBodyId: input.boardBodyId,
    };
    const id = ws.write('edit', `Project ${code} ${input.name}`, (rec) => {
      if (input.id !== undefined) return rec.update(recoveryProject, input.id, values).row.id;
      return rec.insert(recoveryProject, {
        ...values,
        owner: values.owner ?? '',
        aim: values.aim ?? '',
        savingKind: values.savingKind ?? 'saving',
        approvedBudgetPence: values.approvedBudgetPence ?? 0,
        spendToDatePence: values.spendToDatePence ?? 0,
        forecastPence: values.forecastPence ?? 0,
        boardBodyId: values.boardBodyId ?? null,
        sortOrder: nextOrder(ws, 'SELECT max(sort_order) FROM recovery_project WHERE workstream_id = ?', input.workstreamId),
      }).id;
    });
    return detail(ws, id);
  },

  deleteProject: (input, { ws }) => {
    const p = requireProject(ws.db, input.id, 'id');
    const locked = attachedScenarios(ws.db, p.id).filter((s) => s.locked);
    if (locked.length) {
      const s = locked[0]!;
      throw new AppError(
        'LOCKED',
        `${p.code} ${p.name} is attached to the scenario "${s.name}" of the plan "${s.planName}", which has been submitted and locked, so the project cannot be deleted: a submitted scenario keeps the projects it was submitted with.`,
        { issues: locked.map((x) => ({ field: 'id', rule: 'must not be in a locked scenario', message: `attached to the locked scenario "${x.name}"` })) },
      );
    }
    const ids = (table: string) => ws.db.$client.prepare(`SELECT id FROM ${table} WHERE project_id = ?`).pluck().all(p.id) as number[];
    ws.write('edit', `Delete project ${p.code} ${p.name}`, (rec) => {
      // Each row it owns is deleted through the recorder (not left to the cascade), so undo brings the whole project back.
      for (const id of ids('project_rag')) rec.delete(projectRag, id);
      for (const id of ids('project_milestone')) rec.delete(projectMilestone, id);
      for (const id of ids('project_kpi')) rec.delete(projectKpi, id);
      for (const id of ids('project_year')) rec.delete(projectYear, id);
      for (const id of ids('project_agreement')) rec.delete(projectAgreement, id);
      for (const id of ids('plan_scenario_project')) rec.delete(planScenarioProject, id);
      rec.delete(recoveryProject, p.id);
    });
    return { deleted: p.id };
  },

  recordRag: (input, { ws }) => {
    const p = requireProject(ws.db, input.projectId);
    const now = today(ws);
    if (input.asOf > now) {
      throw new AppError('INVALID_INPUT', `A RAG is an assessment made on a day that has come: ${ukDate(input.asOf)} is after today (${ukDate(now)}).`, {
        issues: [{ field: 'asOf', rule: 'must not be after today', message: `${ukDate(input.asOf)} is after today` }],
      });
    }
    // A new assessment is a new row: the history is never overwritten.
    ws.write('edit', `RAG for ${p.code}: ${RAG_LABELS[input.rag]}`, (rec) =>
      rec.insert(projectRag, { projectId: p.id, rag: input.rag, reason: input.reason.trim(), asOf: input.asOf }),
    );
    return detail(ws, p.id);
  },

  saveMilestone: (input, { ws }) => {
    const p = requireProject(ws.db, input.projectId);
    if (input.id !== undefined && ownRow(ws, 'project_milestone', input.id, 'milestone').projectId !== p.id) throw notThisProjects('milestone', p);
    ws.write('edit', `Milestone of ${p.code}: ${input.title}`, (rec) => {
      // Done before it was due is a milestone met early, not a slip.
      if (input.id !== undefined) rec.update(projectMilestone, input.id, { title: input.title, dueOn: input.dueOn, doneOn: input.doneOn });
      else
        rec.insert(projectMilestone, {
          projectId: p.id,
          title: input.title,
          dueOn: input.dueOn,
          doneOn: input.doneOn ?? null,
          sortOrder: nextOrder(ws, 'SELECT max(sort_order) FROM project_milestone WHERE project_id = ?', p.id),
        });
    });
    return detail(ws, p.id);
  },

  deleteMilestone: (input, { ws }) => {
    const { projectId } = ownRow(ws, 'project_milestone', input.id, 'milestone');
    const p = requireProject(ws.db, projectId);
    ws.write('edit', `Delete a milestone of ${p.code}`, (rec) => rec.delete(projectMilestone, input.id));
    return detail(ws, projectId);
  },

  saveKpi: (input, { ws }) => {
    const p = requireProject(ws.db, input.projectId);
    const existing =
      input.id === undefined
        ? undefined
        : (ws.db.$client
            .prepare('SELECT project_id AS projectId, target, target_on AS targetOn, latest, latest_on AS latestOn FROM project_kpi WHERE id = ?')
            .get(input.id) as
            | { projectId: number; target: number | null; targetOn: string | null; latest: number | null; latestOn: string | null }
            | undefined);
    if (input.id !== undefined && !existing) ownRow(ws, 'project_kpi', input.id, 'KPI');
    if (existing && existing.projectId !== p.id) throw notThisProjects('KPI', p);
    const measure = input.measure.trim();
    const taken = ws.db.$client
      .prepare('SELECT id FROM project_kpi WHERE project_id = ? AND lower(trim(measure)) = ? AND id IS NOT ?')
      .pluck()
      .get(p.id, normCode(measure), input.id ?? null);
    if (taken !== undefined) {
      throw new AppError('DUPLICATE', `${p.code} ${p.name} already has a KPI "${measure}": each of a project's measures is named once.`, {
        issues: [{ field: 'measure', rule: "a project's KPI measures must be unique", message: `"${measure}" is already a KPI of ${p.code}` }],
      });
    }
    const values = {
      measure,
      baseline: input.baseline,
      baselineOn: input.baselineOn,
      target: input.target === undefined ? (existing?.target ?? null) : input.target,
      targetOn: input.targetOn === undefined ? (existing?.targetOn ?? null) : input.targetOn,
      latest: input.latest === undefined ? (existing?.latest ?? null) : input.latest,
      latestOn: input.latestOn === undefined ? (existing?.latestOn ?? null) : input.latestOn,
      higherIsBetter: input.higherIsBetter,
    };
    const issues = kpiIssues(values);
    if (issues.length) throw refuse(`The KPI "${measure}" of ${p.code} ${p.name} cannot be saved`, issues);
    ws.write('edit', `KPI of ${p.code}: ${measure}`, (rec) => {
      if (input.id !== undefined) rec.update(projectKpi, input.id, values);
      else
        rec.insert(projectKpi, {
          projectId: p.id,
          ...values,
          higherIsBetter: values.higherIsBetter ?? false,
          sortOrder: nextOrder(ws, 'SELECT max(sort_order) FROM project_kpi WHERE project_id = ?', p.id),
        });
    });
    return detail(ws, p.id);
  },

  deleteKpi: (input, { ws }) => {
    const { projectId } = ownRow(ws, 'project_kpi', input.id, 'KPI');
    const p = requireProject(ws.db, projectId);
    ws.write('edit', `Delete a KPI of ${p.code}`, (rec) => rec.delete(projectKpi, input.id));
    return detail(ws, projectId);
  },

  saveProjectYear: (input, { ws }) => {
    const p = requireProject(ws.db, input.projectId);
    const outside = planNotCovering(planSpans(ws.db, p.id).get(p.id) ?? [], input.year);
    if (outside) throw outsidePlanError(p, input.year, outside);
    const values = { costPence: input.costPence, targetSavingPence: input.targetSavingPence, deliveredSavingPence: input.deliveredSavingPence };
    const existing = projectYearId(ws.db, p.id, input.year);
    ws.write('edit', `${input.year} savings and cost of ${p.code}`, (rec) => {
      if (existing !== undefined) rec.update(projectYear, existing, values);
      else rec.insert(projectYear, { projectId: p.id, yearId: input.year, ...values });
    });
    return detail(ws, p.id);
  },

  deleteProjectYear: (input, { ws }) => {
    const p = requireProject(ws.db, input.projectId);
    const existing = projectYearId(ws.db, p.id, input.year);
    if (existing === undefined) {
      throw new AppError('NOT_FOUND', `${p.code} ${p.name} has no savings or cost for ${input.year}.`, {
        issues: [{ field: 'year', rule: 'must be a year the project has figures for', message: `no figures for ${input.year}` }],
      });
    }
    ws.write('edit', `Remove ${input.year} savings and cost of ${p.code}`, (rec) => rec.delete(projectYear, existing));
    return detail(ws, p.id);
  },

  linkAgreement: (input, { ws }) => {
    const p = requireProject(ws.db, input.projectId);
    const a = requireAgreement(ws, input.agreementId);
    const linked = ws.db.$client.prepare('SELECT 1 FROM project_agreement WHERE project_id = ? AND agreement_id = ?').get(p.id, input.agreementId);
    if (!linked) {
      ws.write('edit', `Link ${p.code} to agreement ${a.reference}`, (rec) =>
        rec.insert(projectAgreement, { projectId: p.id, agreementId: input.agreementId }),
      );
    }
    return detail(ws, p.id);
  },

  unlinkAgreement: (input, { ws }) => {
    const p = requireProject(ws.db, input.projectId);
    const a = requireAgreement(ws, input.agreementId);
    const link = ws.db.$client.prepare('SELECT id FROM project_agreement WHERE project_id = ? AND agreement_id = ?').pluck().get(p.id, input.agreementId) as
      | number
      | undefined;
    if (link !== undefined) ws.write('edit', `Unlink ${p.code} from agreement ${a.reference}`, (rec) => rec.delete(projectAgreement, link));
    return detail(ws, p.id);
  },
});
