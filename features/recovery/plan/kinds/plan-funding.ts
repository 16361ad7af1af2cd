import type { KindDef } from '../../../../electron/server/workbooks/engine/kind';
import { planFundingYear } from '../../schema';
import { MAX_GROWTH_BP, MIN_GROWTH_BP, SANE_GROWTH_BP } from '../../words';
import { fundingOf, yearsOfPlan } from '../queries';
import { allocationYears } from '../rules';
import { fileSafe, type PlanScope, planScopeDef, resolvePlanScenario } from './scope';

/**
 * The plan's funding assumptions, one row per plan year: growth of the HNB allocation, planned
 * block transfers and import/export adjustments, and council or other contributions towards
 * the deficit. The rows are the plan's years, so none is added; a row's hidden id is the
 * year's place in the plan (1 for the first year), which holds even for a year whose figures
 * were never stored.
 */
export const planFundingKind: KindDef<PlanScope> = {
  kind: 'plan-funding',
  title: 'Deficit plan funding',
  sheetName: 'Plan funding',
  schemaVersion: 1,
  scope: planScopeDef,
  keyField: 'year',
  labelField: 'year',
  rowNoun: 'year',
  canAdd: false,
  addRequires: [],
  spareRows: 0,
  deleteMeans: "the year's growth, transfers, adjustments and contributions go back to nought",
  columns: [
    { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
    { field: 'year', header: 'Year', type: 'code', width: 10, editable: false, key: true, required: true, aliases: ['financial year', 'plan year'] },
    {
      field: 'growthBp',
      header: 'HNB allocation growth',
      type: 'percent',
      width: 14,
      editable: true,
      required: true,
      minValue: MIN_GROWTH_BP,
      maxValue: MAX_GROWTH_BP,
      confirmBeyond: SANE_GROWTH_BP,
      aliases: ['growth', 'allocation growth', 'hnb growth'],
    },
    { field: 'allocationPence', header: 'HNB allocation (as exported)', type: 'money', width: 18, editable: false },
    {
      field: 'transfersPence',
      header: 'Block transfers',
      type: 'money',
      width: 16,
      editable: true,
      required: true,
      total: true,
      aliases: ['transfers', 'transfer from schools block'],
    },
    {
      field: 'adjustmentsPence',
      header: 'Import/export adjustments',
      type: 'money',
      width: 16,
      editable: true,
      required: true,
      total: true,
      aliases: ['adjustments', 'import export adjustments'],
    },
    {
      field: 'contributionsPence',
      header: 'Planned contributions',
      type: 'money',
      width: 16,
      editable: true,
      required: true,
      nonNegative: true,
      total: true,
      aliases: ['contributions', 'council contributions'],
    },
  ],
  instructions: [
    "Each row is a year of the plan. HNB allocation growth is the year's growth on the year before, as a percentage: type 3.5% (or 3.5 in the formatted cell). Growth beyond ±25% is asked about before it is applied.",
    'Block transfers (from the schools block into high needs; negative for a transfer out) and import/export adjustments are pounds a year, either sign.',
    'Planned contributions are council or other contributions towards the deficit, in pounds. Safety Valve instalments come from the Safety Valve agreement, not from here.',
    'The HNB allocation column shows the allocation as exported, for reference; it is worked out again from the growth when the file is imported.',
    'A submitted (locked) scenario cannot be imported into: copy it and export the copy.',
  ],
  hint: 'Type in the white cells; grey cells are locked. Amounts are pounds; growth is a percentage on the year before.',
  fileName: (s) => `Plan funding ${fileSafe(s.scenario)}.xlsx`,

  load(ws, scope) {
    const { scenario, plan } = resolvePlanScenario(ws.db, scope);
    const stored = new Map(fundingOf(ws.db, scenario.id).map((f) => [f.yearId, f]));
    const years = yearsOfPlan(plan);
    const allocations = allocationYears(
      scenario.baseAllocationPence,
      years.map((y) => stored.get(y)?.growthBp ?? 0),
    );
    return {
      rows: years.map((year, i) => {
        const f = stored.get(year);
        return {
          id: i + 1,
          values: {
            year,
            growthBp: f?.growthBp ?? 0,
            allocationPence: allocations[i]!,
            transfersPence: f?.transfersPence ?? 0,
            adjustmentsPence: f?.adjustmentsPence ?? 0,
            contributionsPence: f?.contributionsPence ?? 0,
          },
        };
      }),
      lists: {},
      subtitle: planScopeDef.label(ws, scope),
      footer: `Plan funding: ${scenario.name}`,
    };
  },

  apply(rec, ws, scope, plan) {
    const { scenario, plan: p } = resolvePlanScenario(ws.db, scope);
    const years = yearsOfPlan(p);
    const stored = new Map(fundingOf(ws.db, scenario.id).map((f) => [f.yearId, f]));
    const num = (v: unknown) => (v === undefined ? undefined : (v as number));
    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      const year = years[c.id - 1]!;
      const values = {
        growthBp: num(c.values.growthBp),
        transfersPence: num(c.values.transfersPence),
        adjustmentsPence: num(c.values.adjustmentsPence),
        contributionsPence: num(c.values.contributionsPence),
      };
      const existing = stored.get(year);
      if (existing) rec.update(planFundingYear, existing.id, values);
      else
        rec.insert(planFundingYear, {
          scenarioId: scenario.id,
          yearId: year,
          growthBp: values.growthBp ?? 0,
          transfersPence: values.transfersPence ?? 0,
          adjustmentsPence: values.adjustmentsPence ?? 0,
          contributionsPence: values.contributionsPence ?? 0,
        });
    }
    rec.source = null;
    for (const d of plan.deleted) {
      const existing = stored.get(years[d.id - 1]!);
      if (existing) rec.delete(planFundingYear, existing.id);
    }
  },
};
