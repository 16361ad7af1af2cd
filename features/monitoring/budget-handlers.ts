import { AppError } from '../../electron/shared/errors';
import { defineHandlers } from '../../electron/server/handler';
import type { Workspace } from '../../electron/server/workspace';
import { requireOpenYear, requireYear } from '../years/queries';
import { changeLabel, requireLines } from './lines-in-change';
import { findBudget, loadLineYears } from './queries';
import { computeBudgetGrid } from './rules';
import { budget } from './schema';

function budgetGrid(ws: Workspace, yearId: string) {
  const y = requireYear(ws.db, yearId);
  return computeBudgetGrid(yearId, y.status, loadLineYears(ws.db, yearId));
}

export const budgetHandlers = defineHandlers({
  getBudgetGrid: (input, { ws }) => budgetGrid(ws, input.year),

  setBudgets: (input, { ws }) => {
    requireOpenYear(ws, input.year);
    const lines = requireLines(ws, input.changes);
    const missing = input.changes.flatMap((c, i) =>
      c.originalPence === undefined && c.revisedPence === undefined
        ? [{ field: `changes[${i}]`, rule: 'a change needs a value', message: `changes[${i}] gives neither originalPence nor revisedPence` }]
        : [],
    );
    if (missing.length) throw AppError.invalid(missing);
    const first = input.changes[0]!;
    const money = ws.money();
    const net = input.changes.reduce((s, c) => s + (c.revisedPence ?? 0) - (findBudget(ws.db, input.year, c.lineId)?.revisedPence ?? 0), 0);
    const title =
      input.purpose === 'virement'
        ? `Virement ${input.year} across ${input.changes.length} line${input.changes.length === 1 ? '' : 's'}${net === 0 ? '' : ` (net ${money.format(net, { pence: net % 100 !== 0 })})`}`
        : changeLabel('Budget', input.changes.length, `${lines.get(first.lineId)!.code} for ${input.year}`);
    ws.write('edit', title, (rec) => {
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
});
