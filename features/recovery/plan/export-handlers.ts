import { inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { defineHandlers } from '../../../electron/server/handler';
import { AppError } from '../../../electron/shared/errors';
import { recoveryProject } from '../schema';
import { FUNDING_SOURCE_LABELS } from '../words';
import { type DfeBaseYear, type DfePlanInput, writePlanWorkbook } from './dfe-workbook';
import { computePlanResult, linesOf, readBase, requirePlan, requireScenario, type ScenarioRow } from './queries';

function refuse(field: string, rule: string, sentence: string): AppError {
  return new AppError('INVALID_INPUT', sentence, { issues: [{ field, rule, message: sentence }] });
}

/** The scenarios of one export: an unmitigated one, and optionally a mitigated one built on it. */
function scenariosOf(db: Db, unmitigatedId: number, mitigatedId: number | undefined): { u: ScenarioRow; m: ScenarioRow | null } {
  const u = requireScenario(db, unmitigatedId, 'unmitigatedId');
  if (u.kind !== 'unmitigated') {
    const parent = u.parentId === null ? null : requireScenario(db, u.parentId, 'unmitigatedId');
    throw refuse(
      'unmitigatedId',
      'must be an unmitigated scenario',
      `"${u.name}" is a mitigated scenario: export its unmitigated scenario${parent ? ` "${parent.name}"` : ''}, with "${u.name}" as the mitigated one.`,
    );
  }
  if (mitigatedId === undefined) return { u, m: null };
  const m = requireScenario(db, mitigatedId, 'mitigatedId');
  if (m.kind !== 'mitigated' || m.parentId !== u.id) {
    throw refuse(
      'mitigatedId',
      'must be a mitigated scenario built on the unmitigated one',
      m.kind !== 'mitigated'
        ? `"${m.name}" is an unmitigated scenario, so it cannot be the mitigated one.`
        : `"${m.name}" is built on another unmitigated scenario, not on "${u.name}": its figures would not follow from this one.`,
    );
  }
  return { u, m };
}

/** The base year's column: what the unmitigated scenario was started from, and the year's contributions. */
function baseYear(db: Db, u: ScenarioRow, year: string): DfeBaseYear {
  const base = readBase(db, year);
  const contributions = db.$client
    .prepare('SELECT kind, coalesce(sum(amount_pence), 0) FROM deficit_contribution WHERE year_id = ? GROUP BY kind')
    .raw()
    .all(year) as Array<[string, number]>;
  const lines = linesOf(db, u.id);
  const sv = contributions.filter(([k]) => k === 'safety_valve').reduce((a, [, p]) => a + p, 0);
  const other = contributions.filter(([k]) => k !== 'safety_valve').reduce((a, [, p]) => a + p, 0);
  return {
    year,
    label: u.baseLabel || base.label,
    allocationPence: u.baseAllocationPence,
    transfersPence: base.transfersPence,
    adjustmentsPence: base.adjustmentsPence,
    lines: new Map(lines.map((l) => [l.id, l.basePence])),
    counts: new Map(lines.filter((l) => l.method === 'activity' && l.baseCount !== null).map((l) => [l.id, l.baseCount!])),
    safetyValvePence: sv,
    otherContributionsPence: other,
    cumulativePence: u.openingCumulativePence,
  };
}

export const planExportHandlers = defineHandlers({
  buildPlanWorkbook: async (input, { ws }) => {
    const { u, m } = scenariosOf(ws.db, input.unmitigatedId, input.mitigatedId);
    const p = requirePlan(ws.db, u.planId);
    const mitigated = m ? computePlanResult(ws.db, m.id) : null;
    const ids = mitigated?.projects.map((x) => x.projectId) ?? [];
    const sources = ids.length
      ? ws.db.select({ id: recoveryProject.id, source: recoveryProject.fundingSource }).from(recoveryProject).where(inArray(recoveryProject.id, ids)).all()
      : [];
    const info = ws.info();
    const workbook: DfePlanInput = {
      authority: info.name,
      planName: p.name,
      preparedBy: ws.actor.who(),
      preparedAt: ws.actor.now(),
      money: ws.money(),
      base: baseYear(ws.db, u, p.baseYearId),
      unmitigated: computePlanResult(ws.db, u.id),
      mitigated,
      fundingSources: new Map(sources.map((x) => [x.id, FUNDING_SOURCE_LABELS[x.source]])),
    };
    const buffer = await writePlanWorkbook(workbook);
    const name = p.name.replace(/[\\/:*?"<>|]+/g, ' ').trim();
    return { fileName: `${name} (DfE summary).xlsx`, base64: buffer.toString('base64') };
  },
});
