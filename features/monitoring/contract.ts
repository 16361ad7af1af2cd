import { z } from 'zod';
import { channel, periodField, recordId, signedPence, text, yearField } from '../../electron/shared/contract-kit';
import type { BudgetGrid, MonitoringView, YearCloseCheck } from './types';

export const monitoringContract = {
  getBudgetGrid: channel(z.strictObject({ year: yearField })).returns<BudgetGrid>(),
  /** Budgets may be negative: income lines and recharges are credits. */
  setBudgets: channel(
    z.strictObject({
      year: yearField,
      /** A virement moves budget between lines: recorded under that name. */
      purpose: z.enum(['edit', 'virement']).optional(),
      changes: z
        .array(z.strictObject({ lineId: recordId, originalPence: signedPence.optional(), revisedPence: signedPence.optional() }))
        .min(1, { error: 'must list at least one change' })
        .max(5000),
    }),
  ).returns<BudgetGrid>(),
  getMonitoring: channel(z.strictObject({ year: yearField, period: periodField })).returns<MonitoringView>(),
  /**
   * This period's figures for some lines. A forecast, actual or commentary left out is left as
   * it is; null clears it. Forecasts and actuals may be negative (income lines, reversals).
   */
  setForecasts: channel(
    z.strictObject({
      year: yearField,
      period: periodField,
      changes: z
        .array(
          z.strictObject({
            lineId: recordId,
            forecastPence: signedPence.nullable().optional(),
            actualPence: signedPence.nullable().optional(),
            commentary: text(2000).nullable().optional(),
            /** "Reviewed, no change": the standing forecast is confirmed for this month. */
            reviewed: z.boolean().optional(),
          }),
        )
        .min(1, { error: 'must list at least one change' })
        .max(5000),
    }),
  ).returns<MonitoringView>(),
  getYearCloseCheck: channel(z.strictObject({ year: yearField })).returns<YearCloseCheck>(),
};
