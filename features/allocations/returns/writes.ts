/**
 * Writes shared by the return handlers and the partnership-return workbook: the rule that only a
 * partnership with an allocation has returns, and a return's figures written through the recorder
 * (a figure that arrives in a return not yet received marks it received).
 */
import type { Db } from '../../../db/client';
import type { ChangeRecorder } from '../../../electron/server/audit/recorder';
import type { Workspace } from '../../../electron/server/workspace';
import { AppError } from '../../../electron/shared/errors';
import { partnershipReturn, returnMeasureValue, returnSpend } from '../schema';
import { listCategories, listMeasures, type PartnershipRow, type ReturnRow } from './queries';
import { type YearAllocations, yearAllocations } from './year-run';

/** A partnership's allocation in the year's run; refused, saying why, when it has none. */
export function requireAllocation(ws: Workspace, year: string, p: PartnershipRow, field = 'partnershipId', alloc?: YearAllocations): number {
  const a = alloc ?? yearAllocations(ws, year);
  const pence = a.byPartnership.get(p.id)?.allocationPence ?? 0;
  if (pence > 0) return pence;
  const message = a.run
    ? `${p.name} has no allocation in ${year}: the year's allocation run, "${a.run.name}", gives it nothing, so it has no returns to make or record.`
    : `${p.name} has no allocation in ${year}: the year has no allocation run yet. Make the year's run on the Allocation runs screen, then set up its returns.`;
  throw new AppError('INVALID_INPUT', message, { issues: [{ field, rule: 'the partnership must have an allocation in the year', message }] });
}

export interface Figures {
  /** By category id; null clears the figure. */
  spend?: Record<number, number | null>;
  placesUsed?: number | null;
  /** By measure id; null clears the figure. */
  measures?: Record<number, number | null>;
  commentary?: string;
}

/** Where a figure names a heading that does not exist, as [field, message]. */
export function unknownHeadings(db: Db, f: Figures): Array<[string, string]> {
  const cats = new Set(listCategories(db).map((c) => c.id));
  const meas = new Set(listMeasures(db).map((m) => m.id));
  const out: Array<[string, string]> = [];
  for (const id of Object.keys(f.spend ?? {})) {
    if (!cats.has(Number(id))) out.push([`spend.${id}`, `There is no spending category with id ${id}: the headings may have changed. Reload and try again.`]);
  }
  for (const id of Object.keys(f.measures ?? {})) {
    if (!meas.has(Number(id))) out.push([`measures.${id}`, `There is no outcome measure with id ${id}: the headings may have changed. Reload and try again.`]);
  }
  return out;
}

/**
 * Writes a return's figures: only those that differ. A return not sent or sent that receives
 * figures has come back, so it is marked received on `receivedOn` (null: its status is left
 * alone); one received or checked keeps its status. Returns whether anything changed.
 */
export function writeFigures(rec: ChangeRecorder, db: Db, ret: ReturnRow, f: Figures, receivedOn: string | null): boolean {
  let changed = false;
  const catNames = new Map(listCategories(db).map((c) => [c.id, c.name]));
  const measureNames = new Map(listMeasures(db).map((m) => [m.id, m.name]));
  if (f.spend) {
    const have = new Map(
      db.$client
        .prepare('SELECT id, category_id AS categoryId, amount_pence AS amountPence FROM return_spend WHERE return_id = ?')
        .all(ret.id)
        .map((r) => {
          const row = r as { id: number; categoryId: number; amountPence: number };
          return [row.categoryId, row] as const;
        }),
    );
    for (const [key, amount] of Object.entries(f.spend)) {
      const categoryId = Number(key);
      const part = catNames.get(categoryId) ?? null;
      const row = have.get(categoryId);
      if (amount === null) {
        if (row) {
          rec.delete(returnSpend, row.id, { part });
          changed = true;
        }
      } else if (!row) {
        rec.insert(returnSpend, { returnId: ret.id, categoryId, amountPence: amount }, { part });
        changed = true;
      } else if (row.amountPence !== amount) {
        rec.update(returnSpend, row.id, { amountPence: amount }, { part });
        changed = true;
      }
    }
  }
  if (f.measures) {
    const have = new Map(
      db.$client
        .prepare('SELECT id, measure_id AS measureId, value FROM return_measure_value WHERE return_id = ?')
        .all(ret.id)
        .map((r) => {
          const row = r as { id: number; measureId: number; value: number };
          return [row.measureId, row] as const;
        }),
    );
    for (const [key, value] of Object.entries(f.measures)) {
      const measureId = Number(key);
      const part = measureNames.get(measureId) ?? null;
      const row = have.get(measureId);
      if (value === null) {
        if (row) {
          rec.delete(returnMeasureValue, row.id, { part });
          changed = true;
        }
      } else if (!row) {
        rec.insert(returnMeasureValue, { returnId: ret.id, measureId, value }, { part });
        changed = true;
      } else if (row.value !== value) {
        rec.update(returnMeasureValue, row.id, { value }, { part });
        changed = true;
      }
    }
  }
  const own: Partial<ReturnRow> = {};
  if (f.placesUsed !== undefined) own.placesUsed = f.placesUsed;
  if (f.commentary !== undefined) own.commentary = f.commentary;
  if (rec.update(partnershipReturn, ret.id, own).changed.length > 0) changed = true;
  if (changed && receivedOn !== null && (ret.status === 'not_sent' || ret.status === 'sent')) {
    rec.update(partnershipReturn, ret.id, { status: 'received', receivedOn, checkedOn: null });
  }
  return changed;
}
