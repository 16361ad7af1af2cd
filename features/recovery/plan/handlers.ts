import { ukLongDate } from '../../../electron/shared/dates';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../electron/shared/errors';
import { defineHandlers } from '../../../electron/server/handler';
import { setLock } from '../../../electron/server/locks/locks';
import type { ChangeRecorder } from '../../../electron/server/audit/recorder';
import type { Workspace } from '../../../electron/server/workspace';
import { plan, planFundingYear, planLine, planScenario, planScenarioProject } from '../schema';
import { SCENARIO_ENTITY } from '../words';
import {
  assumptionsOf,
  computePlanResult,
  fundingOf,
  isLocked,
  linesOf,
  lockedScenarios,
  planAssumptions,
  planInfo,
  planInfos,
  readBase,
  requirePlan,
  requireScenario,
  type ScenarioRow,
  scenarioInfo,
  yearsOfPlan,
} from './queries';
import { planYears } from './rules';
import {
  checkAttach,
  checkGrowth,
  checkHorizon,
  requireMitigated,
  requirePlanYear,
  requireProject,
  requireUniquePlanName,
  requireUniqueScenarioName,
  requireUnlocked,
  requireUnmitigatedParent,
} from './scenario-rules';

/** A new plan's two scenarios: the assumptions as they stand, and the recovery actions on top. */
const FIRST_SCENARIOS = { unmitigated: 'Unmitigated', mitigated: 'Mitigated' } as const;

function childrenOf(ws: Workspace, s: ScenarioRow): ScenarioRow[] {
  return ws.db.select().from(planScenario).where(eq(planScenario.parentId, s.id)).all();
}

/** Deletes a scenario and everything it owns, row by row through the recorder, so an undo brings it all back. */
function deleteScenarioRows(rec: ChangeRecorder, ws: Workspace, s: ScenarioRow): void {
  for (const l of ws.db.select({ id: planScenarioProject.id }).from(planScenarioProject).where(eq(planScenarioProject.scenarioId, s.id)).all()) {
    rec.delete(planScenarioProject, l.id);
  }
  for (const f of fundingOf(ws.db, s.id)) rec.delete(planFundingYear, f.id);
  for (const l of linesOf(ws.db, s.id)) rec.delete(planLine, l.id);
  rec.delete(planScenario, s.id);
}

/** Copies an unmitigated scenario's assumptions (funding years and lines) onto another scenario. */
function copyAssumptions(rec: ChangeRecorder, ws: Workspace, from: ScenarioRow, toId: number): void {
  for (const { id: _id, scenarioId: _s, ...f } of fundingOf(ws.db, from.id)) rec.insert(planFundingYear, { ...f, scenarioId: toId });
  for (const { id: _id, scenarioId: _s, ...l } of linesOf(ws.db, from.id)) rec.insert(planLine, { ...l, scenarioId: toId });
}

/** The unmitigated scenario whose assumptions an edit changes, which must not be submitted. */
function editableAssumptions(ws: Workspace, scenarioId: number) {
  const u = assumptionsOf(ws.db, requireScenario(ws.db, scenarioId, 'scenarioId'));
  requireUnlocked(ws, u);
  return { u, p: requirePlan(ws.db, u.planId) };
}

export const planHandlers = defineHandlers({
  listPlans: (_input, { ws }) => planInfos(ws.db),

  createPlan: (input, { ws }) => {
    requireUniquePlanName(ws.db, input.name);
    const base = readBase(ws.db, input.baseYear);
    const years = planYears(input.baseYear, input.horizonYears);
    const id = ws.write('edit', `New plan "${input.name}" from ${base.label}`, (rec) => {
      const p = rec.insert(plan, { name: input.name, baseYearId: input.baseYear, horizonYears: input.horizonYears });
      const baseFields = { baseLabel: base.label, baseAllocationPence: base.baseAllocationPence, openingCumulativePence: base.openingCumulativePence };
      const u = rec.insert(planScenario, { planId: p.id, name: FIRST_SCENARIOS.unmitigated, kind: 'unmitigated', ...baseFields });
      // Each year starts as the base year stands (no growth, its transfers and adjustments) for the user to change.
      for (const yearId of years) {
        rec.insert(planFundingYear, {
          scenarioId: u.id,
          yearId,
          growthBp: 0,
          transfersPence: base.transfersPence,
          adjustmentsPence: base.adjustmentsPence,
          contributionsPence: 0,
        });
      }
      base.lines.forEach((l, i) => {
        rec.insert(planLine, {
          scenarioId: u.id,
          code: l.code,
          name: l.name,
          groupName: l.groupName,
          sourceLineId: l.lineId,
          method: 'percent',
          basePence: l.basePence,
          baseCount: null,
          countGrowthBp: 0,
          costGrowthBp: 0,
          sortOrder: (i + 1) * 10,
        });
      });
      rec.insert(planScenario, { planId: p.id, name: FIRST_SCENARIOS.mitigated, kind: 'mitigated', parentId: u.id, ...baseFields });
      return p.id;
    });
    return planInfo(ws.db, id);
  },

  updatePlan: (input, { ws }) => {
    const p = requirePlan(ws.db, input.id);
    if (input.name !== undefined) requireUniquePlanName(ws.db, input.name, p.id);
    const horizon = input.horizonYears ?? p.horizonYears;
    if (horizon !== p.horizonYears) {
      const locked = lockedScenarios(ws.db);
      const submitted = ws.db
        .select()
        .from(planScenario)
        .where(eq(planScenario.planId, p.id))
        .all()
        .filter((s) => locked.has(s.id));
      if (submitted.length > 0) {
        throw new AppError(
          'LOCKED',
          `The plan "${p.name}" has a submitted scenario (${submitted.map((s) => s.name).join(', ')}), so its years are fixed. Start a new plan for a different span of years.`,
          { issues: [{ field: 'horizonYears', rule: 'must not change once a scenario is submitted', message: `${p.name} has a submitted scenario` }] },
        );
      }
      checkHorizon(ws.db, p, horizon);
    }
    const before = yearsOfPlan(p);
    const after = planYears(p.baseYearId, horizon);
    ws.write('edit', `Plan "${input.name ?? p.name}"`, (rec) => {
      rec.update(plan, p.id, { name: input.name, note: input.note, horizonYears: horizon });
      if (horizon === p.horizonYears) return;
      const unmitigated = ws.db
        .select()
        .from(planScenario)
        .where(and(eq(planScenario.planId, p.id), eq(planScenario.kind, 'unmitigated')))
        .all();
      for (const u of unmitigated) {
        const rows = fundingOf(ws.db, u.id);
        for (const f of rows) if (!after.includes(f.yearId)) rec.delete(planFundingYear, f.id);
        // Years added carry on as the last year stood: same growth, transfers and adjustments, no planned contributions.
        const last = rows.filter((f) => after.includes(f.yearId)).at(-1);
        for (const yearId of after) {
          if (before.includes(yearId)) continue;
          rec.insert(planFundingYear, {
            scenarioId: u.id,
            yearId,
            growthBp: last?.growthBp ?? 0,
            transfersPence: last?.transfersPence ?? 0,
            adjustmentsPence: last?.adjustmentsPence ?? 0,
            contributionsPence: 0,
          });
        }
      }
    });
    return planInfo(ws.db, p.id);
  },

  deletePlan: (input, { ws }) => {
    const p = requirePlan(ws.db, input.id);
    const scenarios = ws.db.select().from(planScenario).where(eq(planScenario.planId, p.id)).all();
    const locked = lockedScenarios(ws.db);
    const submitted = scenarios.filter((s) => locked.has(s.id));
    if (submitted.length > 0) {
      throw new AppError(
        'LOCKED',
        `The plan "${p.name}" cannot be deleted: ${submitted.map((s) => `"${s.name}"`).join(', ')} ${submitted.length === 1 ? 'has' : 'have'} been submitted, and what was submitted is kept.`,
        { issues: [{ field: 'id', rule: 'a plan with a submitted scenario is kept', message: `${p.name} has a submitted scenario` }] },
      );
    }
    ws.write('edit', `Delete plan "${p.name}"`, (rec) => {
      // Mitigated scenarios first: they rest on the unmitigated ones.
      const ordered = [...scenarios.filter((s) => s.kind === 'mitigated'), ...scenarios.filter((s) => s.kind === 'unmitigated')];
      for (const s of ordered) deleteScenarioRows(rec, ws, s);
      rec.delete(plan, p.id);
    });
    return { deleted: 1 };
  },

  getPlanResult: (input, { ws }) => computePlanResult(ws.db, input.scenarioId),

  getAssumptions: (input, { ws }) => planAssumptions(ws.db, input.scenarioId),

  saveFundingYear: (input, { ws }) => {
    const { u, p } = editableAssumptions(ws, input.scenarioId);
    requirePlanYear(p, input.year);
    const existing = fundingOf(ws.db, u.id).find((f) => f.yearId === input.year);
    checkGrowth(
      [{ field: 'growthBp', what: `HNB allocation growth in ${input.year}`, value: input.growthBp, was: existing?.growthBp ?? 0 }],
      input.confirmExtreme,
    );
    const values = {
      growthBp: input.growthBp,
      transfersPence: input.transfersPence,
      adjustmentsPence: input.adjustmentsPence,
      contributionsPence: input.contributionsPence,
    };
    ws.write('edit', `${u.name}: funding ${input.year}`, (rec) => {
      if (existing) rec.update(planFundingYear, existing.id, values);
      else
        rec.insert(planFundingYear, {
          scenarioId: u.id,
          yearId: input.year,
          growthBp: values.growthBp ?? 0,
          transfersPence: values.transfersPence ?? 0,
          adjustmentsPence: values.adjustmentsPence ?? 0,
          contributionsPence: values.contributionsPence ?? 0,
        });
    });
    return planAssumptions(ws.db, input.scenarioId);
  },

  savePlanLine: (input, { ws }) => {
    const { u } = editableAssumptions(ws, input.scenarioId);
    const lines = linesOf(ws.db, u.id);
    const existing = input.id === undefined ? undefined : lines.find((l) => l.id === input.id);
    if (input.id !== undefined && !existing) {
      throw new AppError('NOT_FOUND', `There is no line ${input.id} in "${u.name}": it may have been deleted.`, {
        issues: [{ field: 'id', rule: 'line must belong to the scenario', message: `no line ${input.id} in ${u.name}` }],
      });
    }
    if (lines.some((l) => l.code === input.code && l.id !== existing?.id)) {
      throw new AppError('DUPLICATE', `"${u.name}" already has a line ${input.code}. Give this line another code.`, {
        issues: [{ field: 'code', rule: 'line codes must be different within a scenario', message: `${input.code} is taken` }],
      });
    }
    if (!existing && input.basePence === undefined) {
      throw new AppError('INVALID_INPUT', `A line added by hand needs its spend in the base year (${u.baseLabel || 'the base year'}).`, {
        issues: [{ field: 'basePence', rule: 'required for a new line', message: 'base spend is missing' }],
      });
    }
    if (existing?.sourceLineId != null && input.basePence !== undefined && input.basePence !== existing.basePence) {
      throw new AppError(
        'INVALID_INPUT',
        `${existing.code}'s base spend comes from the workspace (${u.baseLabel}): change the forecast there and refresh the plan's base, or add a line of your own.`,
        {
          issues: [
            { field: 'basePence', rule: 'a line read from the workspace keeps its base', message: `${existing.code}'s base is read from the workspace` },
          ],
        },
      );
    }
    const baseCount = input.baseCount === undefined ? (existing?.baseCount ?? null) : input.baseCount;
    if (input.method === 'activity' && (baseCount === null || baseCount <= 0)) {
      throw new AppError(
        'INVALID_INPUT',
        `${input.code} is worked out from children or places × average cost, so it needs the number of children or places in the base year.`,
        {
          issues: [{ field: 'baseCount', rule: 'an activity line needs a count', message: 'the number of children or places is missing' }],
        },
      );
    }
    checkGrowth(
      [
        ...(input.method === 'activity'
          ? [{ field: 'countGrowthBp', what: `Growth in numbers on ${input.code}`, value: input.countGrowthBp, was: existing?.countGrowthBp ?? 0 }]
          : []),
        {
          field: 'costGrowthBp',
          what: input.method === 'activity' ? `Growth in average cost on ${input.code}` : `Growth on ${input.code}`,
          value: input.costGrowthBp,
          was: existing?.costGrowthBp ?? 0,
        },
      ],
      input.confirmExtreme,
    );
    const values = {
      code: input.code,
      name: input.name,
      groupName: input.groupName,
      method: input.method,
      baseCount,
      countGrowthBp: input.countGrowthBp,
      costGrowthBp: input.costGrowthBp,
    };
    ws.write('edit', `${u.name}: line ${input.code}`, (rec) => {
      if (existing) rec.update(planLine, existing.id, { ...values, basePence: input.basePence });
      else {
        const sortOrder = lines.reduce((m, l) => Math.max(m, l.sortOrder), 0) + 10;
        rec.insert(planLine, { ...values, scenarioId: u.id, basePence: input.basePence!, sourceLineId: null, sortOrder });
      }
    });
    return planAssumptions(ws.db, input.scenarioId);
  },

  deletePlanLine: (input, { ws }) => {
    const line = ws.db.select().from(planLine).where(eq(planLine.id, input.id)).get();
    if (!line) {
      throw new AppError('NOT_FOUND', `There is no plan line ${input.id}: it may have been deleted.`, {
        issues: [{ field: 'id', rule: 'line must exist', message: `no line ${input.id}` }],
      });
    }
    const { u } = editableAssumptions(ws, line.scenarioId);
    ws.write('edit', `${u.name}: delete line ${line.code}`, (rec) => rec.delete(planLine, line.id));
    return planAssumptions(ws.db, u.id);
  },

  refreshPlanBase: (input, { ws }) => {
    const { u, p } = editableAssumptions(ws, input.scenarioId);
    const base = readBase(ws.db, p.baseYearId);
    const lines = linesOf(ws.db, u.id);
    ws.write('edit', `${u.name}: base read again (${base.label})`, (rec) => {
      rec.update(planScenario, u.id, {
        baseLabel: base.label,
        baseAllocationPence: base.baseAllocationPence,
        openingCumulativePence: base.openingCumulativePence,
      });
      let sortOrder = lines.reduce((m, l) => Math.max(m, l.sortOrder), 0);
      for (const b of base.lines) {
        // A line the plan read before, or one added by hand under the same code: its base moves, its growth stays.
        const l = lines.find((x) => x.sourceLineId === b.lineId) ?? lines.find((x) => x.sourceLineId === null && x.code === b.code);
        if (l) rec.update(planLine, l.id, { basePence: b.basePence, sourceLineId: b.lineId });
        else {
          sortOrder += 10;
          rec.insert(planLine, {
            scenarioId: u.id,
            code: b.code,
            name: b.name,
            groupName: b.groupName,
            sourceLineId: b.lineId,
            method: 'percent',
            basePence: b.basePence,
            baseCount: null,
            countGrowthBp: 0,
            costGrowthBp: 0,
            sortOrder,
          });
        }
      }
    });
    return planAssumptions(ws.db, input.scenarioId);
  },

  createMitigatedScenario: (input, { ws }) => {
    const parent = requireScenario(ws.db, input.parentId, 'parentId');
    requireUnmitigatedParent(parent, parent.planId);
    const p = requirePlan(ws.db, parent.planId);
    requireUniqueScenarioName(ws.db, p, input.name);
    const id = ws.write(
      'edit',
      `New mitigated scenario "${input.name}" on "${parent.name}"`,
      (rec) =>
        rec.insert(planScenario, {
          planId: p.id,
          name: input.name,
          kind: 'mitigated',
          parentId: parent.id,
          baseLabel: parent.baseLabel,
          baseAllocationPence: parent.baseAllocationPence,
          openingCumulativePence: parent.openingCumulativePence,
        }).id,
    );
    return scenarioInfo(ws.db, id);
  },

  copyScenario: (input, { ws }) => {
    const s = requireScenario(ws.db, input.id);
    const p = requirePlan(ws.db, s.planId);
    requireUniqueScenarioName(ws.db, p, input.name);
    if (s.kind === 'unmitigated' && input.savingsBasis === 'delivered') {
      throw new AppError(
        'INVALID_INPUT',
        `"${s.name}" is unmitigated and counts no savings: re-base a copy of a mitigated scenario on delivered savings instead.`,
        {
          issues: [{ field: 'savingsBasis', rule: 'only mitigated scenarios count savings', message: `${s.name} is unmitigated` }],
        },
      );
    }
    const id = ws.write('edit', `Copy "${s.name}" as "${input.name}"`, (rec) => {
      const copy = rec.insert(planScenario, {
        planId: p.id,
        name: input.name,
        kind: s.kind,
        parentId: s.parentId,
        savingsBasis: input.savingsBasis ?? s.savingsBasis,
        note: s.note,
        baseLabel: s.baseLabel,
        baseAllocationPence: s.baseAllocationPence,
        openingCumulativePence: s.openingCumulativePence,
      });
      if (s.kind === 'unmitigated') copyAssumptions(rec, ws, s, copy.id);
      else {
        for (const l of ws.db.select().from(planScenarioProject).where(eq(planScenarioProject.scenarioId, s.id)).all()) {
          rec.insert(planScenarioProject, { scenarioId: copy.id, projectId: l.projectId });
        }
      }
      return copy.id;
    });
    return scenarioInfo(ws.db, id);
  },

  renameScenario: (input, { ws }) => {
    const s = requireScenario(ws.db, input.id);
    requireUnlocked(ws, s);
    requireUniqueScenarioName(ws.db, requirePlan(ws.db, s.planId), input.name, s.id);
    ws.write('edit', `Rename scenario "${s.name}" to "${input.name}"`, (rec) => rec.update(planScenario, s.id, { name: input.name, note: input.note }));
    return scenarioInfo(ws.db, s.id);
  },

  deleteScenario: (input, { ws }) => {
    const s = requireScenario(ws.db, input.id);
    requireUnlocked(ws, s);
    const children = s.kind === 'unmitigated' ? childrenOf(ws, s) : [];
    if (children.length > 0) {
      const names = children.map((c) => `"${c.name}"`).join(', ');
      throw new AppError(
        'INVALID_INPUT',
        `"${s.name}" cannot be deleted: ${names} ${children.length === 1 ? 'rests' : 'rest'} on it. Delete ${children.length === 1 ? 'that' : 'those'} first.`,
        {
          issues: [{ field: 'id', rule: 'an unmitigated scenario with mitigated scenarios on it is kept', message: `${names} rest on ${s.name}` }],
        },
      );
    }
    ws.write('edit', `Delete scenario "${s.name}"`, (rec) => deleteScenarioRows(rec, ws, s));
    return { deleted: 1 };
  },

  attachProject: (input, { ws }) => {
    const s = requireScenario(ws.db, input.scenarioId, 'scenarioId');
    requireMitigated(s);
    requireUnlocked(ws, s);
    const project = requireProject(ws.db, input.projectId);
    checkAttach(ws.db, project, requirePlan(ws.db, s.planId));
    const linked = ws.db
      .select({ id: planScenarioProject.id })
      .from(planScenarioProject)
      .where(and(eq(planScenarioProject.scenarioId, s.id), eq(planScenarioProject.projectId, project.id)))
      .get();
    if (!linked)
      ws.write('edit', `Attach ${project.code} to "${s.name}"`, (rec) => rec.insert(planScenarioProject, { scenarioId: s.id, projectId: project.id }));
    return scenarioInfo(ws.db, s.id);
  },

  detachProject: (input, { ws }) => {
    const s = requireScenario(ws.db, input.scenarioId, 'scenarioId');
    requireUnlocked(ws, s);
    const project = requireProject(ws.db, input.projectId);
    const linked = ws.db
      .select({ id: planScenarioProject.id })
      .from(planScenarioProject)
      .where(and(eq(planScenarioProject.scenarioId, s.id), eq(planScenarioProject.projectId, project.id)))
      .get();
    if (!linked) {
      throw new AppError('NOT_FOUND', `${project.code} ${project.name} is not attached to "${s.name}".`, {
        issues: [{ field: 'projectId', rule: 'project must be attached', message: `${project.code} is not in ${s.name}` }],
      });
    }
    ws.write('edit', `Detach ${project.code} from "${s.name}"`, (rec) => rec.delete(planScenarioProject, linked.id));
    return scenarioInfo(ws.db, s.id);
  },

  submitScenario: (input, { ws }) => {
    const s = requireScenario(ws.db, input.id);
    if (isLocked(ws.db, s.id)) {
      throw new AppError(
        'LOCKED',
        `"${s.name}" was submitted${s.submittedOn ? ` on ${ukLongDate(s.submittedOn)}` : ''} and is locked. Copy it to make a new version.`,
        {
          issues: [{ field: 'id', rule: 'submitted once', message: `${s.name} is already submitted` }],
        },
      );
    }
    // Submitting a mitigated scenario submits what it rests on too: the figures sent must stay reproducible.
    const parent = s.kind === 'mitigated' && s.parentId !== null ? requireScenario(ws.db, s.parentId, 'parentId') : null;
    const toLock = parent && !isLocked(ws.db, parent.id) ? [parent, s] : [s];
    const figures = toLock.map((x) => ({ id: x.id, years: JSON.stringify(computePlanResult(ws.db, x.id).years) }));
    const by = { who: ws.actor.who(), at: ws.actor.now().toISOString() };
    ws.write('status', `Submit "${s.name}": ${input.note}`, (rec) => {
      for (const f of figures) {
        rec.update(planScenario, f.id, { submittedOn: input.submittedOn, submittedNote: input.note, submittedFigures: f.years });
        setLock(rec, ws.db, SCENARIO_ENTITY, String(f.id), true, input.note, by);
      }
    });
    return scenarioInfo(ws.db, s.id);
  },

  compareScenarios: (input, { ws }) => {
    const a = computePlanResult(ws.db, input.a);
    const b = computePlanResult(ws.db, input.b);
    const bYears = new Map(b.years.map((y) => [y.year, y]));
    const years = a.years.flatMap((ya) => {
      const yb = bYears.get(ya.year);
      if (!yb) return [];
      return [
        {
          year: ya.year,
          fundingDiffPence: yb.fundingPence - ya.fundingPence,
          expenditureDiffPence: yb.expenditurePence - ya.expenditurePence,
          inYearDiffPence: yb.inYearPence - ya.inYearPence,
          contributionsDiffPence: yb.contributionsPence - ya.contributionsPence,
          cumulativeDiffPence: yb.cumulativePence - ya.cumulativePence,
        },
      ];
    });
    if (years.length === 0) {
      throw new AppError('INVALID_INPUT', `"${a.scenario}" and "${b.scenario}" have no year in common to compare.`, {
        issues: [{ field: 'b', rule: 'scenarios must share plan years', message: 'no year in common' }],
      });
    }
    return { a, b, years };
  },
});
