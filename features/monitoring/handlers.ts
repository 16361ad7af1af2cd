import { budget, forecast } from '../../db/schema';
import { AppError, type ErrorIssue } from '../../electron/shared/errors';
import { formatPence } from '../../electron/shared/money';
import { defineHandlers } from '../../electron/server/handler';
import { linesById, findBudget, findForecast, loadLineYears, monitoringView, positionSeries, positionSummary, requireOpenYear, requireYear } from '../years/queries';
import { computeBudgetGrid } from './rules';
import { writeMonitoringReport } from '../position/report';
import type { Workspace } from '../../electron/server/workspace';

function budgetGrid(ws: Workspace, yearId: string) {
  const y = requireYear(ws.db, yearId);
  return computeBudgetGrid(yearId, y.status, loadLineYears(ws.db, yearId));
}

/** Every change must name a line that exists; all unknown ones are reported together. */
function requireLines(ws: Workspace, changes: Array<{ lineId: number }>): Map<number, { code: string }> {
  const known = linesById(ws.db, [...new Set(changes.map((c) => c.lineId))]);
  const issues: ErrorIssue[] = [];
  changes.forEach((c, i) => {
    if (!known.has(c.lineId)) {
      issues.push({
        field: `changes[${i}].lineId`,
        rule: 'budget line must exist',
        message: `changes[${i}].lineId: there is no budget line with id ${c.lineId}`,
      });
    }
  });
  if (issues.length) throw AppError.invalid(issues);
  return known;
}

function label(what: string, count: number, first: string): string {
  return count === 1 ? `${what} ${first}` : `${what}: ${count} changes`;
}

const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s === null || s.trim() === '' ? null : s.trim());

export const monitoringHandlers = defineHandlers({
  getBudgetGrid: (input, { ws }) => budgetGrid(ws, input.year),

  setBudgets: (input, { ws }) => {
    requireOpenYear(ws.db, input.year);
    const lines = requireLines(ws, input.changes);
    const missing = input.changes.flatMap((c, i) =>
      c.originalPence === undefined && c.revisedPence === undefined
        ? [{ field: `changes[${i}]`, rule: 'a change needs a value', message: `changes[${i}] gives neither originalPence nor revisedPence` }]
        : [],
    );
    if (missing.length) throw AppError.invalid(missing);
    const first = input.changes[0]!;
    ws.write('edit', label('Budget', input.changes.length, `${lines.get(first.lineId)!.code} for ${input.year}`), (rec) => {
      for (const c of input.changes) {
        const existing = findBudget(ws.db, input.year, c.lineId);
        if (!existing) {
          // Revised starts equal to original: virements come later.
          const original = c.originalPence ?? 0;
          rec.insert(budget, { yearId: input.year, lineId: c.lineId, originalPence: original, revisedPence: c.revisedPence ?? original });
          continue;
        }
        const noVirementsYet = existing.revisedPence === existing.originalPence;
        const revised = c.revisedPence ?? (c.originalPence !== undefined && noVirementsYet ? c.originalPence : undefined);
        rec.update(budget, existing.id, { originalPence: c.originalPence, revisedPence: revised });
      }
    });
    return budgetGrid(ws, input.year);
  },

  getMonitoring: (input, { ws }) => monitoringView(ws.db, input.year, input.period),

  setForecasts: (input, { ws }) => {
    requireOpenYear(ws.db, input.year);
    const lines = requireLines(ws, input.changes);
    const first = input.changes[0]!;
    const firstText =
      `${lines.get(first.lineId)!.code} P${input.period}` +
      (first.forecastPence != null ? ` to ${formatPence(first.forecastPence, { pence: first.forecastPence % 100 !== 0 })}` : '');
    ws.write('edit', label('Forecast', input.changes.length, firstText), (rec) => {
      for (const c of input.changes) {
        const values = { forecastPence: c.forecastPence, actualPence: c.actualPence, commentary: blankToNull(c.commentary) };
        const existing = findForecast(ws.db, input.year, input.period, c.lineId);
        if (!existing) {
          if (values.forecastPence == null && values.actualPence == null && values.commentary == null) continue;
          rec.insert(forecast, {
            yearId: input.year,
            period: input.period,
            lineId: c.lineId,
            forecastPence: values.forecastPence ?? null,
            actualPence: values.actualPence ?? null,
            commentary: values.commentary ?? null,
          });
          continue;
        }
        const { row } = rec.update(forecast, existing.id, values);
        // A return emptied of every figure and comment is no return: remove the row.
        if (row.forecastPence === null && row.actualPence === null && row.commentary === null) rec.delete(forecast, row.id);
      }
    });
    return monitoringView(ws.db, input.year, input.period);
  },

  getSummary: (input, { ws }) => positionSummary(ws.db, input.year, input.period),

  getPositionSeries: (_input, { ws }) => positionSeries(ws.db),

  buildMonitoringWorkbook: async (input, { ws }) => {
    const view = monitoringView(ws.db, input.year, input.period);
    const info = ws.info();
    const buffer = await writeMonitoringReport(view, {
      authority: info.name,
      exportedBy: ws.actor.who(),
      exportedAt: ws.actor.now(),
    });
    return {
      fileName: `High Needs monitoring ${input.year} P${input.period}.xlsx`,
      base64: Buffer.from(buffer).toString('base64'),
    };
  },
});
