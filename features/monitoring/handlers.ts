import { AppError, type ErrorIssue } from '../../electron/shared/errors';
import { defineHandlers } from '../../electron/server/handler';
import { requireOpenYear } from '../years/queries';
import { changeLabel, requireLines } from './lines-in-change';
import { closeCheck, findForecast, monitoringView } from './queries';
import { forecast } from './schema';

const blankToNull = (s: string | null | undefined) => (s === undefined ? undefined : s === null || s.trim() === '' ? null : s.trim());

export const monitoringHandlers = defineHandlers({
  getMonitoring: (input, { ws }) => monitoringView(ws.db, input.year, input.period),

  setForecasts: (input, { ws }) => {
    requireOpenYear(ws, input.year);
    const lines = requireLines(ws, input.changes);
    const money = ws.money();
    // "Reviewed, no change" confirms the forecast standing from before: it cannot sit beside a new one.
    const clashes: ErrorIssue[] = [];
    input.changes.forEach((c, i) => {
      if (!c.reviewed) return;
      const own = c.forecastPence !== undefined ? c.forecastPence : (findForecast(ws.db, input.year, input.period, c.lineId)?.forecastPence ?? null);
      if (own !== null) {
        clashes.push({
          field: `changes[${i}].reviewed`,
          rule: 'reviewed, no change means no new forecast',
          message: `${lines.get(c.lineId)!.code} has a P${input.period} forecast of its own: clear it first to mark the month reviewed with no change`,
        });
      }
    });
    if (clashes.length) throw AppError.invalid(clashes);
    const first = input.changes[0]!;
    const code = `${lines.get(first.lineId)!.code} P${input.period}`;
    const title =
      first.reviewed && input.changes.length === 1
        ? `Reviewed, no change: ${code}`
        : changeLabel(
            'Forecast',
            input.changes.length,
            `${code}${first.forecastPence != null ? ` to ${money.format(first.forecastPence, { pence: first.forecastPence % 100 !== 0 })}` : ''}`,
          );
    ws.write('edit', title, (rec) => {
      for (const c of input.changes) {
        const values = {
          forecastPence: c.forecastPence,
          actualPence: c.actualPence,
          commentary: blankToNull(c.commentary),
          // A new forecast of the month's own replaces "reviewed, no change".
          reviewed: c.reviewed ?? (c.forecastPence != null ? false : undefined),
        };
        const existing = findForecast(ws.db, input.year, input.period, c.lineId);
        if (!existing) {
          if (values.forecastPence == null && values.actualPence == null && values.commentary == null && !values.reviewed) continue;
          rec.insert(forecast, {
            yearId: input.year,
            period: input.period,
            lineId: c.lineId,
            forecastPence: values.forecastPence ?? null,
            actualPence: values.actualPence ?? null,
            commentary: values.commentary ?? null,
            reviewed: values.reviewed ?? false,
          });
          continue;
        }
        const { row } = rec.update(forecast, existing.id, values);
        // A return emptied of every figure, comment and review mark is no return: remove the row.
        if (row.forecastPence === null && row.actualPence === null && row.commentary === null && !row.reviewed) rec.delete(forecast, row.id);
      }
    });
    return monitoringView(ws.db, input.year, input.period);
  },

  getYearCloseCheck: (input, { ws }) => closeCheck(ws.db, input.year),
});
