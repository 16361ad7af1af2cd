import type { Db } from '../../../db/client';
import { auditTable } from '../../../electron/server/audit/registry';
import { plan, planFundingYear, planLine, planScenario, planScenarioProject } from '../schema';
import { scenarioRef } from './queries';

/** A row a scenario owns sits under that scenario's lock, so a submitted scenario refuses every change (screens, CLI, imports, undo) here. */
const ofScenario = (row: Record<string, unknown>) => scenarioRef(Number(row.scenarioId));

const nameOf = (db: Db, sql: string, id: unknown): string | null => (db.$client.prepare(sql).pluck().get(id) as string | undefined) ?? null;

/** The tables this area writes through the change recorder. */
export const planAudit = [
  auditTable(plan, { fields: { name: 'Plan name', baseYearId: 'Base year', horizonYears: 'Years ahead', note: 'Note' } }),
  auditTable(planScenario, {
    fields: {
      name: 'Scenario name',
      kind: 'Kind',
      parentId: 'Built on',
      savingsBasis: 'Savings counted',
      note: 'Note',
      baseLabel: 'Base',
      baseAllocationPence: 'Base HNB allocation',
      openingCumulativePence: 'Opening cumulative position',
      submittedOn: 'Submitted on',
      submittedNote: 'Submitted as',
      submittedFigures: 'Figures as submitted',
    },
    scope: (row) => scenarioRef(Number(row.id)),
    subject: (row) => scenarioRef(Number(row.id)),
    values: { parentId: (id, db) => nameOf(db, 'SELECT name FROM plan_scenario WHERE id = ?', id) },
  }),
  auditTable(planFundingYear, {
    fields: {
      yearId: 'Year',
      growthBp: 'HNB allocation growth',
      transfersPence: 'Block transfers',
      adjustmentsPence: 'Import/export adjustments',
      contributionsPence: 'Planned contributions',
    },
    scope: ofScenario,
    subject: ofScenario,
    part: (row) => String(row.yearId),
  }),
  auditTable(planLine, {
    fields: {
      code: 'Line code',
      name: 'Line name',
      groupName: 'Provision type',
      method: 'Method',
      basePence: 'Base spend',
      baseCount: 'Base children or places',
      countGrowthBp: 'Growth in numbers',
      costGrowthBp: 'Growth in cost',
      sortOrder: 'Order',
    },
    scope: ofScenario,
    subject: ofScenario,
    part: (row) => (row.code === undefined ? null : String(row.code)),
  }),
  auditTable(planScenarioProject, {
    fields: { projectId: 'Project attached' },
    scope: ofScenario,
    subject: ofScenario,
    values: { projectId: (id, db) => nameOf(db, "SELECT code || ' ' || name FROM recovery_project WHERE id = ?", id) },
  }),
];
