import type { DbRow, KindDef } from '../../../electron/server/workbooks/engine/kind';
import { linesElsewhere, type PeriodScope, returnScope, scopeFilter } from '../line-scope';
import { eachPeriodReturn } from '../period-return';
import { forecastIdsOfPeriod } from '../queries';
import { forecast } from '../schema';

/**
 * The monthly return a budget holder fills in: this period's forecast outturn, actual spend to
 * date and commentary for each of their lines. Everything else is there to read, and locked.
 */
export const monitoringReturn: KindDef<PeriodScope> = {
  kind: 'monitoring',
  title: 'High Needs monitoring return',
  sheetName: 'Monitoring return',
  schemaVersion: 1,
  scope: returnScope,
  keyField: 'code',
  labelField: 'name',
  rowNoun: 'line',
  canAdd: false,
  addRequires: [],
  spareRows: 0,
  deleteMeans: "this period's forecast, actual and commentary are cleared",
  columns: [
    { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
    {
      field: 'code',
      header: 'Line code',
      type: 'code',
      width: 11,
      editable: false,
      key: true,
      required: true,
      aliases: ['code', 'cost centre', 'cost center', 'budget code', 'cc', 'line'],
    },
    {
      field: 'name',
      header: 'Budget line',
      type: 'text',
      width: 40,
      editable: false,
      wrap: true,
      aliases: ['description', 'line name', 'name', 'cost centre name'],
    },
    { field: 's251Code', header: 's251 line', type: 'code', width: 9, editable: false, aliases: ['s251', 's251 code'] },
    { field: 'group', header: 'Provision type', type: 'text', width: 26, editable: false, aliases: ['provision group', 'group', 'provision'] },
    { field: 'holder', header: 'Budget holder', type: 'text', width: 24, editable: false, aliases: ['holder', 'owner', 'manager', 'budget manager'] },
    {
      field: 'budgetPence',
      header: 'Revised budget',
      type: 'money',
      width: 15,
      editable: false,
      total: true,
      aliases: ['budget', 'current budget', 'annual budget'],
    },
    {
      field: 'previousPence',
      header: 'Previous forecast',
      type: 'money',
      width: 15,
      editable: false,
      total: true,
      aliases: ['last forecast', 'prior forecast'],
    },
    {
      field: 'forecastPence',
      header: 'Forecast outturn',
      type: 'money',
      width: 15,
      editable: true,
      required: true,
      total: true,
      flagLargeMoves: true,
      warnFirstNegative: true,
      aliases: ['forecast', 'projected outturn', 'outturn', 'full year forecast', 'projection'],
    },
    {
      field: 'variancePence',
      header: 'Variance',
      type: 'money',
      width: 14,
      editable: false,
      total: true,
      signed: true,
      formula: (c, r) => `${c('forecastPence')}${r}-${c('budgetPence')}${r}`,
    },
    {
      field: 'actualPence',
      header: 'Actual to date',
      type: 'money',
      width: 15,
      editable: true,
      optional: true,
      total: true,
      warnFirstNegative: true,
      aliases: ['actual', 'actuals', 'spend to date', 'ytd actual', 'year to date'],
    },
    {
      field: 'commentary',
      header: 'Commentary',
      type: 'text',
      width: 48,
      editable: true,
      maxLength: 2000,
      wrap: true,
      aliases: ['comments', 'comment', 'notes', 'narrative'],
    },
  ],
  instructions: [
    "Type this period's forecast outturn for each of your lines in the Forecast outturn column, with actual spend to date and a commentary where you have them.",
    'Grey columns are for reference and are locked. Variance (forecast minus revised budget, positive is an overspend) works itself out.',
    'Amounts are pounds: type 1234.56 or £1,234. A credit (an income line, an accrual reversal) is negative: -1,234 or (1,234).',
    'Do not add or delete rows, rename the sheets or change the headings: send the file back as it is and every change will be shown before it is applied.',
  ],
  fileName: (s) => `Monitoring return ${s.year} P${s.period}${s.holder ? ` ${s.holder}` : ''}.xlsx`,

  load(ws, scope) {
    const rows: DbRow[] = [];
    const keep = scopeFilter(scope);
    eachPeriodReturn(ws.db, scope.year, scope.period, (r) => {
      if (!keep(r)) return;
      rows.push({
        id: r.lineId,
        values: {
          code: r.code,
          name: r.name,
          s251Code: r.s251Code ?? '',
          group: r.groupName,
          holder: r.holder,
          budgetPence: r.budgetPence,
          previousPence: r.previousPence,
          forecastPence: r.forecastPence,
          variancePence: r.variancePence,
          actualPence: r.actualPence,
          commentary: r.commentary,
        },
      });
    });
    const negatives = ws.db.$client
      .prepare('SELECT DISTINCT line_id, forecast_pence < 0, actual_pence < 0 FROM forecast WHERE forecast_pence < 0 OR actual_pence < 0')
      .raw()
      .all() as Array<[number, number | null, number | null]>;
    return {
      rows,
      lists: {},
      subtitle: returnScope.label(ws, scope),
      negativesSeen: new Set(negatives.flatMap(([id, f, a]) => [...(f ? [`${id}:forecastPence`] : []), ...(a ? [`${id}:actualPence`] : [])])),
      keysElsewhere: linesElsewhere(ws, new Set(rows.map((r) => r.id))),
    };
  },

  apply(rec, ws, scope, plan) {
    const period = scope.period;
    const returns = forecastIdsOfPeriod(ws.db, scope.year, period);
    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      const existing = returns.get(c.id);
      const v = c.values;
      const next = {
        forecastPence: v.forecastPence === undefined ? undefined : (v.forecastPence as number),
        actualPence: v.actualPence === undefined ? undefined : (v.actualPence as number | null),
        commentary: v.commentary === undefined ? undefined : (v.commentary as string) || null,
        // A forecast of the month's own replaces "reviewed, no change".
        reviewed: v.forecastPence === undefined ? undefined : false,
      };
      if (existing !== undefined) rec.update(forecast, existing, next);
      else {
        rec.insert(forecast, {
          yearId: scope.year,
          period,
          lineId: c.id,
          forecastPence: next.forecastPence ?? null,
          actualPence: next.actualPence ?? null,
          commentary: next.commentary ?? null,
        });
      }
    }
    rec.source = null;
    for (const d of plan.deleted) {
      const existing = returns.get(d.id);
      if (existing !== undefined) rec.delete(forecast, existing);
    }
  },
};
