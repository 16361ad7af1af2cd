import { londonDate, ukDate } from '../../../../electron/shared/dates';
import { formatPence } from '../../../../electron/shared/money';
import type { DbRow, KindData, KindDef, RowValues } from '../../../../electron/server/workbooks/engine/kind';
import { projectRag, projectYear, recoveryProject } from '../../schema';
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, type FundingSource, RAG_LABELS, RAGS, type Rag } from '../../words';
import { planSpans, projectSummaries, projectYearId, workstreamRows } from '../queries';
import { normCode, OUTSIDE_PLAN_RULE, type PlanSpan, planNotCovering } from '../rules';
import { fileSafe, type ProjectsScope, projectsScopeDef, scopeWorkstream } from './scope';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const workstreamLabel = (w: { code: string; name: string }) => `${w.code} ${w.name}`;
const fundingOf = (label: unknown): FundingSource | undefined =>
  FUNDING_SOURCES.find((f) => FUNDING_SOURCE_LABELS[f].toLowerCase() === str(label).toLowerCase());
const ragOf = (label: unknown): Rag | undefined => RAGS.find((r) => RAG_LABELS[r].toLowerCase() === str(label).toLowerCase());

const MONEY = ['approvedBudgetPence', 'spendToDatePence', 'forecastPence'] as const;
const RAG_FIELDS = ['rag', 'ragReason', 'ragAsOf'] as const;
const YEAR_FIELDS = ['costPence', 'targetSavingPence', 'deliveredSavingPence'] as const;
const touches = (v: RowValues, fields: readonly string[]) => fields.some((f) => v[f] !== undefined);

/** What the rules across rows need beyond the rows: the year, today, and the plans each project counts in. */
interface ProjectsData extends KindData {
  year: string;
  today: string;
  spans: Map<number, PlanSpan[]>;
  workstreamIds: Map<string, number>;
}

const HEADERS: Record<string, string> = {
  approvedBudgetPence: 'Approved budget',
  spendToDatePence: 'Spend to date',
  forecastPence: 'Forecast',
  costPence: 'Cost in the year',
  targetSavingPence: 'Target saving in the year',
  deliveredSavingPence: 'Delivered saving in the year',
};

/**
 * The recovery register as project leads keep it: one row per project, its money, its RAG with
 * the reason and the date, and one year's cost, target saving and delivered saving. A changed
 * RAG is a new entry in the project's RAG history, never an overwrite. New projects can be
 * typed into the spare rows.
 */
export const projectsKind: KindDef<ProjectsScope> = {
  kind: 'projects',
  title: 'Recovery register',
  sheetName: 'Projects',
  schemaVersion: 1,
  scope: projectsScopeDef,
  keyField: 'code',
  labelField: 'name',
  rowNoun: 'project',
  canAdd: true,
  addRequires: ['code', 'name', 'workstream', 'fundingSource'],
  spareRows: 20,
  deleteMeans: "the project's cost and savings for this year are cleared (the project itself stays)",
  columns: [
    { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
    {
      field: 'code',
      header: 'Project code',
      type: 'code',
      width: 10,
      editable: true,
      key: true,
      required: true,
      maxLength: 20,
      aliases: ['code', 'project ref', 'ref'],
    },
    {
      field: 'name',
      header: 'Project',
      type: 'text',
      width: 34,
      editable: true,
      required: true,
      maxLength: 200,
      wrap: true,
      aliases: ['project name', 'name'],
    },
    { field: 'workstream', header: 'Workstream', type: 'list', width: 28, editable: true, required: true, list: 'workstreams', aliases: ['priority'] },
    {
      field: 'fundingSource',
      header: 'Funding source',
      type: 'list',
      width: 22,
      editable: true,
      required: true,
      list: 'fundingSources',
      aliases: ['funded by', 'funding'],
    },
    { field: 'owner', header: 'Owner', type: 'text', width: 18, editable: true, maxLength: 120, aliases: ['lead', 'project lead'] },
    {
      field: 'approvedBudgetPence',
      header: 'Approved budget',
      type: 'money',
      width: 15,
      editable: true,
      optional: true,
      nonNegative: true,
      total: true,
      aliases: ['budget'],
    },
    {
      field: 'spendToDatePence',
      header: 'Spend to date',
      type: 'money',
      width: 15,
      editable: true,
      optional: true,
      nonNegative: true,
      total: true,
      aliases: ['spend'],
    },
    {
      field: 'forecastPence',
      header: 'Forecast',
      type: 'money',
      width: 15,
      editable: true,
      optional: true,
      nonNegative: true,
      total: true,
      aliases: ['forecast spend'],
    },
    { field: 'rag', header: 'RAG', type: 'list', width: 9, editable: true, list: 'rags', aliases: ['status', 'rag status'] },
    {
      field: 'ragReason',
      header: 'RAG reason',
      type: 'text',
      width: 36,
      editable: true,
      maxLength: 1000,
      wrap: true,
      aliases: ['reason', 'rag commentary', 'commentary'],
    },
    { field: 'ragAsOf', header: 'RAG date', type: 'date', width: 12, editable: true, aliases: ['rag as of', 'assessed on'] },
    // Read back to catch a `_meta` edited to name another year: every row says which year its figures are for.
    { field: 'year', header: 'Year', type: 'text', width: 9, editable: false, key: true },
    {
      field: 'costPence',
      header: HEADERS.costPence!,
      type: 'money',
      width: 15,
      editable: true,
      optional: true,
      nonNegative: true,
      total: true,
      aliases: ['cost'],
    },
    {
      field: 'targetSavingPence',
      header: HEADERS.targetSavingPence!,
      type: 'money',
      width: 15,
      editable: true,
      optional: true,
      nonNegative: true,
      total: true,
      aliases: ['target saving', 'target'],
    },
    {
      field: 'deliveredSavingPence',
      header: HEADERS.deliveredSavingPence!,
      type: 'money',
      width: 15,
      editable: true,
      optional: true,
      total: true,
      aliases: ['delivered saving', 'delivered'],
    },
    { field: 'scenarios', header: 'In plan scenarios', type: 'text', width: 24, editable: false, wrap: true },
  ],
  instructions: [
    "Update each of your projects: its owner, approved budget, spend to date and forecast, its RAG with the reason and the date it was assessed, and this year's cost, target saving and delivered saving.",
    'Changing the RAG, its reason or its date adds a new entry to the project’s RAG history (the earlier ones are kept): give the date of the new assessment in RAG date, on or after the last one.',
    'The Year column says which year the cost and savings columns are for. A project in a plan scenario (see In plan scenarios) can only hold cost and savings for that plan’s years.',
    'Add a new project in one of the blank rows at the foot of the table: it needs a code, a name, a workstream and a funding source.',
    'Amounts are pounds: type 1234.56 or £1,234. Leave a year’s cost or savings blank if there are none; a delivered saving not yet known stays blank.',
    'Do not change the hidden column A, rename the sheets or change the headings: send the file back and every change will be shown before it is applied.',
  ],
  fileName: (s) => fileSafe(`Recovery register ${s.year}${s.workstream ? ` ${s.workstream}` : ''}.xlsx`).replace(/ {2,}/g, ' '),

  load(ws, scope): ProjectsData {
    const today = londonDate(ws.actor.now());
    const only = scopeWorkstream(ws.db, scope);
    const all = projectSummaries(ws.db, today);
    const inScope = only ? all.filter((p) => p.workstreamId === only.id) : all;
    const years = new Map(
      (
        ws.db.$client
          .prepare('SELECT project_id, cost_pence, target_saving_pence, delivered_saving_pence FROM project_year WHERE year_id = ?')
          .raw()
          .all(scope.year) as Array<[number, number, number, number | null]>
      ).map(([id, cost, target, delivered]) => [id, { cost, target, delivered }]),
    );
    const workstreams = workstreamRows(ws.db);
    const rows: DbRow[] = inScope.map((p) => {
      const y = years.get(p.id);
      const w = workstreams.find((x) => x.id === p.workstreamId)!;
      return {
        id: p.id,
        values: {
          code: p.code,
          name: p.name,
          workstream: workstreamLabel(w),
          fundingSource: FUNDING_SOURCE_LABELS[p.fundingSource],
          owner: p.owner,
          approvedBudgetPence: p.approvedBudgetPence,
          spendToDatePence: p.spendToDatePence,
          forecastPence: p.forecastPence,
          rag: p.rag ? RAG_LABELS[p.rag] : '',
          ragReason: p.ragReason,
          ragAsOf: p.ragAsOf,
          year: scope.year,
          costPence: y?.cost ?? null,
          targetSavingPence: y?.target ?? null,
          deliveredSavingPence: y?.delivered ?? null,
          scenarios: p.scenarioNames.join(', '),
        },
      };
    });
    const inIds = new Set(inScope.map((p) => p.id));
    const keysElsewhere = new Map(
      all
        .filter((p) => !inIds.has(p.id))
        .map((p) => [normCode(p.code), `${p.code} ${p.name} (workstream ${workstreams.find((w) => w.id === p.workstreamId)?.code})`]),
    );
    return {
      rows,
      lists: {
        workstreams: workstreams.map(workstreamLabel),
        fundingSources: FUNDING_SOURCES.map((f) => FUNDING_SOURCE_LABELS[f]),
        rags: RAGS.map((r) => RAG_LABELS[r]),
      },
      subtitle: projectsScopeDef.label(ws, scope),
      keysElsewhere,
      year: scope.year,
      today,
      spans: planSpans(ws.db),
      workstreamIds: new Map(workstreams.map((w) => [workstreamLabel(w), w.id])),
    };
  },

  checkRows(rows, data) {
    const d = data as ProjectsData;
    const problems: Array<[number, string, string, string]> = [];
    const byId = new Map(d.rows.map((r) => [r.id, r]));
    const byCode = new Map(d.rows.map((r) => [normCode(str(r.values.code)), r]));
    // The project each file row stands for: the one its code names, else (a code being changed) its hidden id's. The engine then checks the two agree.
    const dbOf = (r: { id: number | null; values: RowValues }) => byCode.get(normCode(str(r.values.code))) ?? (r.id !== null ? byId.get(r.id) : undefined);
    const represented = new Set(
      rows
        .map(dbOf)
        .filter((x): x is DbRow => x !== undefined)
        .map((x) => x.id),
    );
    const taken = new Map<string, string>();
    for (const r of d.rows) if (!represented.has(r.id)) taken.set(normCode(str(r.values.code)), `${str(r.values.code)} ${str(r.values.name)}`);
    for (const [code, what] of d.keysElsewhere ?? []) taken.set(code, what);

    for (const r of rows) {
      // A spare row typed into has no year; a project exported on the row always has one.
      if (r.values.year !== undefined && str(r.values.year) !== d.year && (str(r.values.year) !== '' || r.id !== null)) {
        problems.push([
          r.fileRow,
          'year',
          r.id !== null
            ? `every row must be for ${d.year}, the year this workbook was exported for; the workbook's hidden _meta sheet and its rows disagree, so nothing is applied. Export the register for the year you mean`
            : `every row must be for ${d.year}, the year this file is being imported for: import it for the year its Year column gives`,
          `"${str(r.values.year)}"`,
        ]);
      }
      const code = normCode(str(r.values.code));
      if (code) {
        const other = taken.get(code);
        if (other) problems.push([r.fileRow, 'code', 'project codes must be unique', `"${str(r.values.code)}", already used by ${other}`]);
        else taken.set(code, `the project on row ${r.fileRow}`);
      }
      const db = dbOf(r);
      const was = db?.values ?? {};
      const v = r.values;
      if (db) {
        for (const f of MONEY) {
          if (v[f] === null) problems.push([r.fileRow, f, `${HEADERS[f]} must be an amount in pounds: type 0 for none`, 'a blank cell']);
        }
      }
      const ragChanged = RAG_FIELDS.some((f) => v[f] !== undefined && str(v[f]) !== str(was[f]));
      if (ragChanged) {
        const asOf = str(v.ragAsOf) || d.today;
        if (!str(v.rag) && str(was.rag)) {
          problems.push([
            r.fileRow,
            'rag',
            'a RAG cannot be cleared: its history is kept; choose Red, Amber or Green',
            `a blank cell (it was ${str(was.rag)})`,
          ]);
        } else if (!str(v.rag)) {
          problems.push([r.fileRow, 'rag', 'a RAG reason or date needs a RAG: choose Red, Amber or Green', 'a blank cell']);
        } else if (asOf > d.today) {
          problems.push([r.fileRow, 'ragAsOf', 'RAG date must not be after today', ukDate(asOf)]);
        } else if (str(was.ragAsOf) && asOf < str(was.ragAsOf)) {
          problems.push([r.fileRow, 'ragAsOf', `a new RAG must be dated on or after the last one (${ukDate(str(was.ragAsOf))})`, ukDate(asOf)]);
        }
      }
      const yearChanged = YEAR_FIELDS.find((f) => v[f] !== undefined && v[f] !== was[f] && v[f] !== null);
      const outside = db && yearChanged ? planNotCovering(d.spans.get(db.id) ?? [], d.year) : undefined;
      if (yearChanged && outside) {
        problems.push([
          r.fileRow,
          yearChanged,
          `${OUTSIDE_PLAN_RULE}: ${str(was.code)} is in the scenario "${outside.scenarioName}" of the plan "${outside.planName}", which runs from ${outside.first} to ${outside.last}, and this workbook's year is ${d.year}`,
          `${formatPence(v[yearChanged] as number, { pence: true })} for ${d.year}`,
        ]);
      }
    }
    return problems;
  },

  apply(rec, ws, scope, plan, data) {
    const d = data as ProjectsData;
    const projectFields = (v: RowValues) => ({
      code: v.code === undefined ? undefined : str(v.code),
      name: v.name === undefined ? undefined : str(v.name),
      owner: v.owner === undefined ? undefined : str(v.owner),
      workstreamId: v.workstream === undefined ? undefined : d.workstreamIds.get(str(v.workstream)),
      fundingSource: v.fundingSource === undefined ? undefined : fundingOf(v.fundingSource),
      approvedBudgetPence: v.approvedBudgetPence === undefined ? undefined : ((v.approvedBudgetPence as number | null) ?? 0),
      spendToDatePence: v.spendToDatePence === undefined ? undefined : ((v.spendToDatePence as number | null) ?? 0),
      forecastPence: v.forecastPence === undefined ? undefined : ((v.forecastPence as number | null) ?? 0),
    });
    // A changed RAG, reason or date is a new assessment: a new row, so the history keeps the old ones.
    const addRag = (projectId: number, v: RowValues) => {
      const rag = ragOf(v.rag);
      if (rag) rec.insert(projectRag, { projectId, rag, reason: str(v.ragReason), asOf: str(v.ragAsOf) || d.today });
    };
    const setYear = (projectId: number, v: RowValues) => {
      const existing = projectYearId(ws.db, projectId, scope.year);
      const cost = v.costPence as number | null;
      const target = v.targetSavingPence as number | null;
      const delivered = (v.deliveredSavingPence as number | null | undefined) ?? null;
      if (cost === null && target === null && delivered === null) {
        if (existing !== undefined) rec.delete(projectYear, existing);
        return;
      }
      const values = { costPence: cost ?? 0, targetSavingPence: target ?? 0, deliveredSavingPence: delivered };
      if (existing !== undefined) rec.update(projectYear, existing, values);
      else rec.insert(projectYear, { projectId, yearId: scope.year, ...values });
    };

    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      const merged = { ...c.current, ...c.values };
      rec.update(recoveryProject, c.id, projectFields(c.values));
      if (touches(c.values, RAG_FIELDS)) addRag(c.id, merged);
      if (touches(c.values, YEAR_FIELDS)) setYear(c.id, merged);
    }
    const order = new Map(
      ws.db.$client.prepare('SELECT workstream_id, max(sort_order) FROM recovery_project GROUP BY workstream_id').raw().all() as Array<[number, number]>,
    );
    for (const a of plan.added) {
      rec.source = plan.sourceOf(a.fileRow);
      const f = projectFields(a.values);
      const sortOrder = (order.get(f.workstreamId!) ?? 0) + 10;
      order.set(f.workstreamId!, sortOrder);
      const p = rec.insert(recoveryProject, {
        code: f.code!,
        name: f.name!,
        owner: f.owner ?? '',
        workstreamId: f.workstreamId!,
        fundingSource: f.fundingSource!,
        approvedBudgetPence: f.approvedBudgetPence ?? 0,
        spendToDatePence: f.spendToDatePence ?? 0,
        forecastPence: f.forecastPence ?? 0,
        sortOrder,
      });
      addRag(p.id, a.values);
      setYear(p.id, { costPence: null, targetSavingPence: null, ...a.values });
    }
    rec.source = null;
    for (const gone of plan.deleted) {
      const existing = projectYearId(ws.db, gone.id, scope.year);
      if (existing !== undefined) rec.delete(projectYear, existing);
    }
  },
};
