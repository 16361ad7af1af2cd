/** A quarter's monitoring of a condition, as the screen and the quarterly return both write it. */
import type { ChangeRecorder } from '../../../electron/server/audit/recorder';
import type { Db } from '../../../db/client';
import { svMonitoring } from '../schema';
import type { Rag } from '../words';
import { monitoringRow, type SvConditionRow, svRef } from './queries';

export interface QuarterReport {
  rag: Rag | null;
  narrative: string;
  figures: string;
}

const blank = (r: QuarterReport) => r.rag === null && r.narrative.trim() === '' && r.figures.trim() === '';

/**
 * Upserts the quarter's row; a report left wholly blank clears it, so an empty quarter never
 * shows as "monitored" in the history.
 */
export function writeQuarter(rec: ChangeRecorder, db: Db, condition: SvConditionRow, year: string, quarter: number, report: QuarterReport): void {
  const context = { subject: svRef(condition.agreementId), part: `condition ${condition.number}, ${year} Q${quarter}` };
  const existing = monitoringRow(db, condition.id, year, quarter);
  const values = { rag: report.rag, narrative: report.narrative.trim(), figures: report.figures.trim() };
  if (blank(report)) {
    if (existing) rec.delete(svMonitoring, existing.id, context);
    return;
  }
  if (existing) rec.update(svMonitoring, existing.id, values, context);
  else rec.insert(svMonitoring, { conditionId: condition.id, yearId: year, quarter, ...values }, context);
}
