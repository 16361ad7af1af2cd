import { groupList } from '../../../lines/queries';
import { normKey } from '../../../../electron/server/workbooks/engine/identity';
import type { KindDef, RowValues } from '../../../../electron/server/workbooks/engine/kind';
import { plan, planLine, planScenario } from '../../schema';
import { LINE_METHOD_LABELS, LINE_METHODS, type LineMethod, MAX_GROWTH_BP, MIN_GROWTH_BP, SANE_GROWTH_BP } from '../../words';
import { lineInfo, linesOf } from '../queries';
import { fileSafe, type PlanScope, planScopeDef, resolvePlanScenario } from './scope';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const methodOf = (label: unknown): LineMethod | undefined => LINE_METHODS.find((m) => LINE_METHOD_LABELS[m].toLowerCase() === str(label).toLowerCase());
const FROM_WORKSPACE = 'Budget line';
const BY_HAND = 'Added to the plan';

/** Growth a year: refused beyond −100%…+1,000%, asked about beyond ±25%. */
const growth = { minValue: MIN_GROWTH_BP, maxValue: MAX_GROWTH_BP, confirmBeyond: SANE_GROWTH_BP } as const;

/**
 * The plan's assumptions for expenditure: one row per line of an unmitigated scenario, with
 * how it is projected (children or places × average cost, or a percentage a year) and its
 * growth. New lines can be typed into the spare rows. A mitigated scenario has no assumptions
 * of its own, so its name is refused as a scope.
 */
export const planLinesKind: KindDef<PlanScope> = {
  kind: 'plan',
  title: 'Deficit plan assumptions',
  sheetName: 'Plan lines',
  schemaVersion: 1,
  scope: planScopeDef,
  keyField: 'code',
  labelField: 'name',
  rowNoun: 'line',
  canAdd: true,
  addRequires: ['code', 'name', 'group', 'method', 'basePence', 'costGrowthBp'],
  spareRows: 10,
  deleteMeans: 'the line is taken out of the plan',
  columns: [
    { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
    { field: 'code', header: 'Line code', type: 'code', width: 11, editable: true, key: true, required: true, maxLength: 40, aliases: ['code', 'line'] },
    {
      field: 'name',
      header: 'Expenditure line',
      type: 'text',
      width: 36,
      editable: true,
      required: true,
      maxLength: 200,
      wrap: true,
      aliases: ['line name', 'name', 'description', 'budget line'],
    },
    {
      field: 'group',
      header: 'Provision type',
      type: 'list',
      width: 30,
      editable: true,
      required: true,
      wrap: true,
      list: 'groups',
      aliases: ['provision group', 'group', 'provision', 'placement type'],
    },
    { field: 'origin', header: 'From', type: 'text', width: 16, editable: false },
    { field: 'method', header: 'Projected as', type: 'list', width: 26, editable: true, required: true, list: 'methods', aliases: ['method', 'projection'] },
    {
      field: 'basePence',
      header: 'Base spend',
      type: 'money',
      width: 16,
      editable: true,
      required: true,
      total: true,
      aliases: ['base', 'base year spend', 'forecast', 'outturn'],
    },
    {
      field: 'baseCount',
      header: 'Children or places',
      type: 'number',
      width: 12,
      editable: true,
      optional: true,
      nonNegative: true,
      maxValue: 10_000_000,
      aliases: ['children', 'places', 'count', 'number of children', 'ehcps'],
    },
    {
      field: 'unitCostPence',
      header: 'Average cost',
      type: 'money',
      width: 14,
      editable: false,
      blankWhenEmpty: true,
      formula: (c, r) => `IF(AND(ISNUMBER(${c('baseCount')}${r}),${c('baseCount')}${r}>0),${c('basePence')}${r}/${c('baseCount')}${r},"")`,
    },
    {
      field: 'countGrowthBp',
      header: 'Growth in numbers',
      type: 'percent',
      width: 12,
      editable: true,
      optional: true,
      ...growth,
      aliases: ['number growth', 'growth in children', 'growth in places'],
    },
    {
      field: 'costGrowthBp',
      header: 'Growth in cost',
      type: 'percent',
      width: 12,
      editable: true,
      required: true,
      ...growth,
      aliases: ['cost growth', 'growth', 'inflation', 'growth a year'],
    },
  ],
  instructions: [
    'Each row is an expenditure line of the plan. "Projected as" says how it grows: children or places × average cost (fill in Children or places, Growth in numbers and Growth in cost), or a percentage a year (Growth in cost alone).',
    'Growth is a percentage a year: type 3.5% (or 3.5 in the formatted cell). Growth beyond ±25% a year is asked about before it is applied; beyond -100% or 1,000% it is refused.',
    `Base spend of a line "From" a ${FROM_WORKSPACE.toLowerCase()} is the workspace's forecast or outturn for the base year: change it there and refresh the plan's base. Lines "${BY_HAND}" take the base spend you type.`,
    'Add a line in a blank row at the foot of the table: it needs a code, a name, a provision type, how it is projected, a base spend and its growth. To take a line out, delete its row; on import you choose whether rows missing from the file are removed.',
    'A submitted (locked) scenario cannot be imported into: copy it and export the copy.',
  ],
  hint: 'Type in the white cells; grey cells are locked. Amounts are pounds; growth is a percentage a year.',
  fileName: (s) => `Plan assumptions ${fileSafe(s.scenario)}.xlsx`,

  load(ws, scope) {
    const { scenario } = resolvePlanScenario(ws.db, scope);
    const lines = linesOf(ws.db, scenario.id);
    const groups = new Set(groupList(ws.db).map((g) => g.name));
    for (const l of lines) groups.add(l.groupName);
    // Codes of other scenarios' lines that this one does not have: a row carrying one was pasted in.
    const here = new Set(lines.map((l) => l.code.trim().toLowerCase()));
    const plans = new Map(
      ws.db
        .select({ id: plan.id, name: plan.name })
        .from(plan)
        .all()
        .map((p) => [p.id, p.name]),
    );
    const names = new Map(
      ws.db
        .select({ id: planScenario.id, name: planScenario.name, planId: planScenario.planId })
        .from(planScenario)
        .all()
        .map((s) => [s.id, s.planId === scenario.planId ? `the scenario "${s.name}"` : `the plan "${plans.get(s.planId)}", scenario "${s.name}"`]),
    );
    const elsewhere = new Map<string, string>();
    for (const l of ws.db.select({ code: planLine.code, scenarioId: planLine.scenarioId }).from(planLine).all()) {
      const k = l.code.trim().toLowerCase();
      if (l.scenarioId === scenario.id || here.has(k) || elsewhere.has(k)) continue;
      elsewhere.set(k, `line ${l.code} of ${names.get(l.scenarioId)}, not of this scenario`);
    }
    return {
      rows: lines.map((l) => {
        const info = lineInfo(l);
        return {
          id: l.id,
          values: {
            code: l.code,
            name: l.name,
            group: l.groupName,
            origin: l.sourceLineId === null ? BY_HAND : FROM_WORKSPACE,
            method: LINE_METHOD_LABELS[l.method],
            basePence: l.basePence,
            baseCount: l.baseCount,
            unitCostPence: info.unitCostPence,
            countGrowthBp: l.countGrowthBp,
            costGrowthBp: l.costGrowthBp,
          },
        };
      }),
      lists: { groups: [...groups].sort((a, b) => a.localeCompare(b)), methods: LINE_METHODS.map((m) => LINE_METHOD_LABELS[m]) },
      subtitle: planScopeDef.label(ws, scope),
      footer: `Plan assumptions: ${scenario.name}`,
      keysElsewhere: elsewhere,
    };
  },

  checkRows(rows, data) {
    const problems: Array<[number, string, string, string]> = [];
    const byId = new Map(data.rows.map((r) => [r.id, r]));
    const byCode = new Map(data.rows.map((r) => [normKey(r.values.code), r]));
    // The line a row stands for as the engine matches it: the one its code names, else (a code being changed) its hidden id's.
    // Never the id's alone: ids can be swapped, cleared or absent (a foreign file), and the engine then matches on the code.
    const dbOf = (r: { id: number | null; values: RowValues }) => byCode.get(normKey(r.values.code)) ?? (r.id === null ? undefined : byId.get(r.id));
    const inFile = new Set(rows.flatMap((r) => dbOf(r)?.id ?? []));
    const taken = new Map<string, string>();
    for (const l of data.rows) if (!inFile.has(l.id)) taken.set(str(l.values.code).toLowerCase(), `line ${str(l.values.code)}`);
    for (const r of rows) {
      const db = dbOf(r);
      // A foreign file may map only some columns: what it leaves out stays as it is.
      const v: RowValues = { ...db?.values, ...r.values };
      const code = str(v.code);
      const other = code ? taken.get(code.toLowerCase()) : undefined;
      if (other) problems.push([r.fileRow, 'code', 'line codes must be different within a scenario', `"${code}", already used by ${other}`]);
      else if (code) taken.set(code.toLowerCase(), `row ${r.fileRow}`);
      if (r.invalid) continue;
      if (db?.values.origin === FROM_WORKSPACE && r.values.basePence !== undefined && r.values.basePence !== db.values.basePence) {
        problems.push([
          r.fileRow,
          'basePence',
          `a line read from the workspace keeps its base spend (its forecast or outturn for the base year): change the forecast there and refresh the plan's base, or add a line of your own`,
          `${code}, base spend changed`,
        ]);
      }
      const count = v.baseCount;
      if (methodOf(v.method) === 'activity' && !(typeof count === 'number' && count > 0)) {
        problems.push([
          r.fileRow,
          'baseCount',
          'a line projected as children or places × cost needs the number of children or places in the base year',
          count === null || count === undefined || count === '' ? 'a blank cell' : String(count),
        ]);
      }
    }
    return problems;
  },

  apply(rec, ws, scope, changes) {
    const { scenario } = resolvePlanScenario(ws.db, scope);
    const fields = (v: RowValues) => ({
      code: v.code === undefined ? undefined : str(v.code),
      name: v.name === undefined ? undefined : str(v.name),
      groupName: v.group === undefined ? undefined : str(v.group),
      method: v.method === undefined ? undefined : methodOf(v.method),
      basePence: v.basePence === undefined ? undefined : (v.basePence as number),
      baseCount: v.baseCount === undefined ? undefined : (v.baseCount as number | null),
      countGrowthBp: v.countGrowthBp === undefined ? undefined : ((v.countGrowthBp as number | null) ?? 0),
      costGrowthBp: v.costGrowthBp === undefined ? undefined : (v.costGrowthBp as number),
    });
    for (const c of changes.changed) {
      rec.source = changes.sourceOf(c.fileRow);
      rec.update(planLine, c.id, fields(c.values));
    }
    let order = linesOf(ws.db, scenario.id).reduce((m, l) => Math.max(m, l.sortOrder), 0);
    for (const a of changes.added) {
      rec.source = changes.sourceOf(a.fileRow);
      const f = fields(a.values);
      order += 10;
      rec.insert(planLine, {
        scenarioId: scenario.id,
        code: f.code!,
        name: f.name!,
        groupName: f.groupName!,
        sourceLineId: null,
        method: f.method!,
        basePence: f.basePence!,
        baseCount: f.baseCount ?? null,
        countGrowthBp: f.countGrowthBp ?? 0,
        costGrowthBp: f.costGrowthBp!,
        sortOrder: order,
      });
    }
    rec.source = null;
    for (const d of changes.deleted) rec.delete(planLine, d.id);
  },
};
