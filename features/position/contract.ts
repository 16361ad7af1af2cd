import { z } from 'zod';
import type { FileBytes } from '../../electron/shared/types';
import { channel, periodField, yearField } from '../../electron/shared/contract-kit';
import type { PositionSummary } from './types';

export const positionContract = {
  /** A year's position at a period (default: its latest reported period, or P12 once closed). */
  getSummary: channel(z.strictObject({ year: yearField, period: periodField.optional() })).returns<PositionSummary>(),
  /** Every year's position, oldest first: each at P12, except `year`, which is shown at `period`. */
  getPositionSeries: channel(z.strictObject({ year: yearField.optional(), period: periodField.optional() })).returns<PositionSummary[]>(),
  /** The monitoring table and the DSG position, as the Schools Forum sees them, as a workbook. */
  buildMonitoringWorkbook: channel(z.strictObject({ year: yearField, period: periodField })).returns<FileBytes>(),
};
