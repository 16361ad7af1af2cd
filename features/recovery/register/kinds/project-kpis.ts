import { ukDate } from '../../../../electron/shared/dates';
import type { DbRow, KindDef, RowValues } from '../../../../electron/server/workbooks/engine/kind';
import { projectKpi } from '../../schema';
import { projectRows } from '../queries';
import { kpiIssues, normCode } from '../rules';
import { fileSafe, type KpiScope, kpiScopeDef, scopeWorkstream } from './scope';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const num = (v: unknown) => (v === null || v === undefined || v === '' ? null : (v as number));
const date = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
/** A KPI is named by its project and its measure, "P01: EHC plans": a project's measures are unique. */
const kpiKey = (code: string, measure: string) => `${code}: ${measure}`;

const EDITABLE = ['target', 'targetOn', 'latest', 'latestOn'] as const;

/**
 * The register's KPIs for project leads to bring up to date: each measure's latest value and
 * the date it was measured, and its target. The measure and its baseline are there to read.
 */
export const projectKpisKind: KindDef<KpiScope> = {
  kind: 'project-kpis',
  title: 'Recovery register KPIs',
  sheetName: 'KPIs',
  schemaVersion: 1,
  scope: kpiScopeDef,
  keyField: 'key',
  labelField: 'measure',
  rowNoun: 'KPI',
  canAdd: false,
  addRequires: [],
  spareRows: 0,
  deleteMeans: "the KPI's latest value and its date are cleared",
  columns: [
    { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
    { field: 'key', header: 'KPI', type: 'text', width: 34, editable: false, key: true, required: true, wrap: true, aliases: ['kpi ref'] },
    { field: 'project', header: 'Project', type: 'text', width: 30, editable: false, wrap: true },
    { field: 'measure', header: 'Measure', type: 'text', width: 30, editable: false, wrap: true },
    { field: 'baseline', header: 'Baseline', type: 'number', width: 11, editable: false },
    { field: 'baselineOn', header: 'Baseline date', type: 'date', width: 12, editable: false },
    { field: 'better', header: 'Better when', type: 'text', width: 10, editable: false },
    { field: 'target', header: 'Target', type: 'number', width: 11, editable: true, optional: true, aliases: ['target value'] },
    { field: 'targetOn', header: 'Target date', type: 'date', width: 12, editable: true, aliases: ['target by'] },
    { field: 'latest', header: 'Latest value', type: 'number', width: 11, editable: true, optional: true, aliases: ['latest', 'actual', 'current value'] },
    { field: 'latestOn', header: 'Latest date', type: 'date', width: 12, editable: true, aliases: ['as at', 'measured on', 'actual date'] },
  ],
  instructions: [
    'Type the latest value of each of your KPIs with the date it was measured, and the target if it has changed.',
    'A latest value needs its date, and neither the latest value nor the target can be dated before the baseline.',
    'Values are numbers, with decimals where the measure has them (12.5). Dates are dd/mm/yyyy.',
    'The KPI, project, measure and baseline are locked: to add a KPI or change its baseline, use the project page in HNB Desk.',
  ],
  fileName: (s) => fileSafe(`Recovery register KPIs${s.workstream ? ` ${s.workstream}` : ''}.xlsx`),

  load(ws, scope) {
    const only = scopeWorkstream(ws.db, scope);
    const projects = new Map(projectRows(ws.db).map((p, i) => [p.id, { ...p, order: i }]));
    const kpis = ws.db.$client
      .prepare(
        `SELECT id, project_id, measure, baseline, baseline_on, target, target_on, latest, latest_on, higher_is_better
         FROM project_kpi ORDER BY sort_order, id`,
      )
      .raw()
      .all() as Array<[number, number, string, number, string, number | null, string | null, number | null, string | null, number]>;
    const rows: Array<DbRow & { order: number }> = [];
    const keysElsewhere = new Map<string, string>();
    // Codes and measures are free text, so two KPIs can read alike ("P1" + "A: B", "P1: A" + "B"): each such one is told apart by its id.
    const plainKey = (k: (typeof kpis)[number]) => normCode(kpiKey(projects.get(k[1])!.code, k[2]));
    const uses = new Map<string, number>();
    for (const k of kpis) uses.set(plainKey(k), (uses.get(plainKey(k)) ?? 0) + 1);
    for (const [id, projectId, measure, baseline, baselineOn, target, targetOn, latest, latestOn, higher] of kpis) {
      const p = projects.get(projectId)!;
      const plain = kpiKey(p.code, measure);
      const key = uses.get(normCode(plain))! > 1 ? `${plain} (KPI ${id})` : plain;
      if (only && p.workstreamId !== only.id) {
        keysElsewhere.set(normCode(key), `${key} (another workstream's KPI)`);
        continue;
      }
      rows.push({
        id,
        order: p.order,
        values: {
          key,
          project: `${p.code} ${p.name}`,
          measure,
          baseline,
          baselineOn,
          better: higher ? 'Higher' : 'Lower',
          target,
          targetOn,
          latest,
          latestOn,
        },
      });
    }
    rows.sort((a, b) => a.order - b.order);
    return { rows: rows.map(({ id, values }) => ({ id, values })), lists: {}, subtitle: kpiScopeDef.label(ws, scope), keysElsewhere };
  },

  checkRows(rows, data) {
    const byId = new Map(data.rows.map((r) => [r.id, r]));
    const byKey = new Map(data.rows.map((r) => [normCode(str(r.values.key)), r]));
    const problems: Array<[number, string, string, string]> = [];
    for (const r of rows) {
      const db = (r.id !== null ? byId.get(r.id) : undefined) ?? byKey.get(normCode(str(r.values.key)));
      if (!db) continue;
      const v: RowValues = { ...db.values };
      for (const f of EDITABLE) if (r.values[f] !== undefined) v[f] = r.values[f]!;
      const baselineOn = str(v.baselineOn);
      for (const i of kpiIssues({ baselineOn, target: num(v.target), targetOn: date(v.targetOn), latest: num(v.latest), latestOn: date(v.latestOn) })) {
        const found = v[i.field!];
        const said =
          found === null || found === undefined || found === ''
            ? 'a blank cell'
            : i.field!.endsWith('On')
              ? `${ukDate(String(found))}, before the baseline date ${ukDate(baselineOn)}`
              : String(found);
        problems.push([r.fileRow, i.field!, i.rule, said]);
      }
    }
    return problems;
  },

  apply(rec, _ws, _scope, plan) {
    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      const v = c.values;
      rec.update(projectKpi, c.id, {
        target: v.target === undefined ? undefined : num(v.target),
        targetOn: v.targetOn === undefined ? undefined : date(v.targetOn),
        latest: v.latest === undefined ? undefined : num(v.latest),
        latestOn: v.latestOn === undefined ? undefined : date(v.latestOn),
      });
    }
    rec.source = null;
    for (const gone of plan.deleted) rec.update(projectKpi, gone.id, { latest: null, latestOn: null });
  },
};
