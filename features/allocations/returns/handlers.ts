import { sql } from 'drizzle-orm';
import { defineHandlers } from '../../../electron/server/handler';
import { normaliseHeader } from '../../../electron/server/workbooks/engine/header-detect';
import type { Workspace } from '../../../electron/server/workspace';
import { londonDate, ukLongDate } from '../../../electron/shared/dates';
import { AppError, type ErrorCode } from '../../../electron/shared/errors';
import { requireYear } from '../../years/queries';
import { partnershipReturn, partnershipYear, returnCategory, returnMeasure } from '../schema';
import { PERIODS_OF, RETURN_STATUS_LABELS, type ReturnPeriod } from '../words';
import {
  developmentPlanOf,
  findPartnership,
  listCategories,
  listMeasures,
  requirePartnership,
  requireReturn,
  returnInfo,
  returnName,
  returnRows,
  returnsOverview,
} from './queries';
import { changeStatus } from './rules';
import { requireAllocation, unknownHeadings, writeFigures } from './writes';
import { yearAllocations } from './year-run';

const today = (ws: Workspace) => londonDate(ws.actor.now());

function refuse(field: string, rule: string, message: string, code: ErrorCode = 'INVALID_INPUT'): never {
  throw new AppError(code, message, { issues: [{ field, rule, message }] });
}

/** A return, its partnership, and the allocation without which nothing about it may change. */
function returnToChange(ws: Workspace, id: number) {
  const ret = requireReturn(ws.db, id);
  const p = requirePartnership(ws.db, ret.partnershipId);
  requireAllocation(ws, ret.yearId, p);
  return { ret, p, name: returnName(p.name, ret) };
}

/** Names that would read as one heading in a returned workbook (case, spaces and punctuation aside) count as the same. */
const same = (a: string, b: string) => normaliseHeader(a) === normaliseHeader(b);

function nextOrder(ws: Workspace, table: typeof returnCategory | typeof returnMeasure): number {
  return (
    Number(
      ws.db
        .select({ max: sql<number>`coalesce(max(${table.sortOrder}), 0)` })
        .from(table)
        .get()?.max ?? 0,
    ) + 10
  );
}

/** How many returns hold a figure under a heading, and the first few, for a refusal. */
function returnsUsing(ws: Workspace, table: 'return_spend' | 'return_measure_value', column: 'category_id' | 'measure_id', id: number): string[] {
  const rows = ws.db.$client
    .prepare(
      `SELECT p.name AS name, r.year_id AS yearId, r.period AS period FROM ${table} x JOIN partnership_return r ON r.id = x.return_id JOIN partnership p ON p.id = r.partnership_id
       WHERE x.${column} = ? ORDER BY r.year_id, p.name, r.id`,
    )
    .all(id) as Array<{ name: string; yearId: string; period: ReturnPeriod }>;
  return rows.map((r) => returnName(r.name, r));
}

const listed = (items: string[]) => (items.length > 3 ? `${items.slice(0, 3).join(', ')} and ${items.length - 3} more` : items.join(', '));

export const returnHandlers = defineHandlers({
  listReturns: (input, { ws }) => {
    requireYear(ws.db, input.year);
    return returnsOverview(ws, input.year);
  },

  setUpReturns: (input, { ws }) => {
    requireYear(ws.db, input.year);
    const alloc = yearAllocations(ws, input.year);
    const targets =
      input.partnershipId !== undefined
        ? [requirePartnership(ws.db, input.partnershipId)]
        : [...alloc.byPartnership]
            .filter(([, a]) => a.allocationPence > 0)
            .map(([id]) => findPartnership(ws.db, id)!)
            .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    if (input.partnershipId !== undefined) requireAllocation(ws, input.year, targets[0]!, 'partnershipId', alloc);
    else if (!alloc.run) {
      refuse(
        'year',
        'the year must have an allocation run',
        `${input.year} has no allocation run yet, so no partnership has an allocation to make returns against. Make the year's run on the Allocation runs screen first.`,
      );
    } else if (targets.length === 0) {
      refuse(
        'year',
        'a partnership must have an allocation',
        `The ${input.year} allocation run, "${alloc.run.name}", gives no partnership an allocation, so there are no returns to set up.`,
      );
    }
    const label = input.partnershipId !== undefined ? `Set up ${targets[0]!.name}'s ${input.year} returns` : `Set up the ${input.year} partnership returns`;
    ws.write('edit', label, (rec) => {
      for (const p of targets) {
        const have = new Set(returnRows(ws.db, input.year, p.id).map((r) => r.period));
        for (const period of PERIODS_OF[p.returnFrequency]) {
          if (!have.has(period)) rec.insert(partnershipReturn, { yearId: input.year, partnershipId: p.id, period });
        }
      }
    });
    return returnsOverview(ws, input.year, alloc);
  },

  saveReturn: (input, { ws }) => {
    const { ret, name } = returnToChange(ws, input.returnId);
    const figures = {
      spend: input.spend && Object.fromEntries(Object.entries(input.spend).map(([k, v]) => [Number(k), v])),
      placesUsed: input.placesUsed,
      measures: input.measures && Object.fromEntries(Object.entries(input.measures).map(([k, v]) => [Number(k), v])),
      commentary: input.commentary,
    };
    const unknown = unknownHeadings(ws.db, figures);
    if (unknown.length) {
      throw new AppError('NOT_FOUND', unknown[0]![1], {
        issues: unknown.map(([field, message]) => ({ field, rule: 'must be a heading of the returns', message })),
      });
    }
    ws.write('edit', `${name}: figures`, (rec) => writeFigures(rec, ws.db, ret, figures, today(ws)));
    return returnInfo(ws.db, ret.id);
  },

  setReturnStatus: (input, { ws }) => {
    const { ret, name } = returnToChange(ws, input.returnId);
    const now = today(ws);
    const change = changeStatus(ret, input.status, input.on ?? now, now, `${name[0]!.toUpperCase()}${name.slice(1)}`);
    if (!change.ok) refuse(change.field, change.rule, change.message);
    ws.write('status', `${name}: ${RETURN_STATUS_LABELS[input.status].toLowerCase()}`, (rec) => {
      rec.update(partnershipReturn, ret.id, change.dates);
    });
    return returnInfo(ws.db, ret.id);
  },

  setDevelopmentPlan: (input, { ws }) => {
    requireYear(ws.db, input.year);
    const p = requirePartnership(ws.db, input.partnershipId);
    const alloc = yearAllocations(ws, input.year);
    requireAllocation(ws, input.year, p, 'partnershipId', alloc);
    if (input.approvedOn !== null && input.approvedOn > today(ws)) {
      refuse('approvedOn', 'not after today', `A development plan cannot be recorded as approved on ${ukLongDate(input.approvedOn)}: that is after today.`);
    }
    const existing = developmentPlanOf(ws.db, input.year, p.id);
    const values = { developmentPlanApprovedOn: input.approvedOn, developmentPlanNote: input.note.trim() };
    ws.write('edit', `${p.name}: ${input.year} development plan`, (rec) => {
      if (existing) rec.update(partnershipYear, existing.id, values);
      else rec.insert(partnershipYear, { yearId: input.year, partnershipId: p.id, ...values });
    });
    return returnsOverview(ws, input.year, alloc);
  },

  listReturnHeadings: (_input, { ws }) => ({ categories: listCategories(ws.db), measures: listMeasures(ws.db) }),

  saveReturnCategory: (input, { ws }) => {
    const all = listCategories(ws.db);
    const existing = input.id === undefined ? undefined : all.find((c) => c.id === input.id);
    if (input.id !== undefined && !existing) refuse('id', 'must be a spending category', `There is no spending category with id ${input.id}.`, 'NOT_FOUND');
    const clash = all.find((c) => c.id !== input.id && same(c.name, input.name));
    if (clash)
      refuse('name', 'category names must be unique', `There is already a spending category called ${clash.name}. Give this one another name.`, 'DUPLICATE');
    const values = { name: input.name, sortOrder: input.sortOrder ?? existing?.sortOrder ?? nextOrder(ws, returnCategory) };
    const id = ws.write('edit', `${existing ? 'Change' : 'Add'} spending category ${input.name}`, (rec) =>
      existing ? rec.update(returnCategory, existing.id, values).row.id : rec.insert(returnCategory, values).id,
    );
    return listCategories(ws.db).find((c) => c.id === id)!;
  },

  deleteReturnCategory: (input, { ws }) => {
    const c = listCategories(ws.db).find((x) => x.id === input.id);
    if (!c) refuse('id', 'must be a spending category', `There is no spending category with id ${input.id}.`, 'NOT_FOUND');
    const used = returnsUsing(ws, 'return_spend', 'category_id', c.id);
    if (used.length) {
      refuse(
        'id',
        'a category returns report spend under is kept',
        `${used.length} ${used.length === 1 ? 'return reports' : 'returns report'} spend under ${c.name} (${listed(used)}), so it cannot be deleted. Rename it instead.`,
      );
    }
    ws.write('edit', `Delete spending category ${c.name}`, (rec) => rec.delete(returnCategory, c.id));
    return { deleted: true };
  },

  saveReturnMeasure: (input, { ws }) => {
    const all = listMeasures(ws.db);
    const existing = input.id === undefined ? undefined : all.find((m) => m.id === input.id);
    if (input.id !== undefined && !existing) refuse('id', 'must be an outcome measure', `There is no outcome measure with id ${input.id}.`, 'NOT_FOUND');
    const clash = all.find((m) => m.id !== input.id && same(m.name, input.name));
    if (clash)
      refuse('name', 'measure names must be unique', `There is already an outcome measure called ${clash.name}. Give this one another name.`, 'DUPLICATE');
    const values = { name: input.name, unit: input.unit.trim(), sortOrder: input.sortOrder ?? existing?.sortOrder ?? nextOrder(ws, returnMeasure) };
    const id = ws.write('edit', `${existing ? 'Change' : 'Add'} outcome measure ${input.name}`, (rec) =>
      existing ? rec.update(returnMeasure, existing.id, values).row.id : rec.insert(returnMeasure, values).id,
    );
    return listMeasures(ws.db).find((m) => m.id === id)!;
  },

  deleteReturnMeasure: (input, { ws }) => {
    const m = listMeasures(ws.db).find((x) => x.id === input.id);
    if (!m) refuse('id', 'must be an outcome measure', `There is no outcome measure with id ${input.id}.`, 'NOT_FOUND');
    const used = returnsUsing(ws, 'return_measure_value', 'measure_id', m.id);
    if (used.length) {
      refuse(
        'id',
        'a measure returns report is kept',
        `${used.length} ${used.length === 1 ? 'return reports' : 'returns report'} ${m.name} (${listed(used)}), so it cannot be deleted. Rename it instead.`,
      );
    }
    ws.write('edit', `Delete outcome measure ${m.name}`, (rec) => rec.delete(returnMeasure, m.id));
    return { deleted: true };
  },
});
