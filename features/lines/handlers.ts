import { asc, eq, sql } from 'drizzle-orm';
import { budgetLine, provisionGroup, s251Line } from './schema';
import { AppError, type ErrorIssue } from '../../electron/shared/errors';
import type { BudgetLineInfo } from './types';
import { defineHandlers } from '../../electron/server/handler';
import type { Workspace } from '../../electron/server/workspace';

function lines(ws: Workspace, includeInactive: boolean): BudgetLineInfo[] {
  return ws.db
    .select({
      id: budgetLine.id,
      code: budgetLine.code,
      name: budgetLine.name,
      s251Code: budgetLine.s251Code,
      groupId: budgetLine.groupId,
      groupName: provisionGroup.name,
      sortOrder: budgetLine.sortOrder,
      holder: budgetLine.holder,
      active: budgetLine.active,
    })
    .from(budgetLine)
    .innerJoin(provisionGroup, eq(provisionGroup.id, budgetLine.groupId))
    .orderBy(asc(provisionGroup.sortOrder), asc(budgetLine.sortOrder), asc(budgetLine.code))
    .all()
    .filter((l) => includeInactive || l.active);
}

export const lineHandlers = defineHandlers({
  listS251Lines: (_input, { ws }) => ws.db.select({ code: s251Line.code, name: s251Line.name }).from(s251Line).orderBy(asc(s251Line.sortOrder)).all(),

  listGroups: (_input, { ws }) => ws.db.select().from(provisionGroup).orderBy(asc(provisionGroup.sortOrder)).all(),

  listLines: (input, { ws }) => lines(ws, input.includeInactive ?? false),

  saveLine: (input, { ws }) => {
    const issues: ErrorIssue[] = [];
    const code = input.code.trim();
    const clash = ws.db.select({ id: budgetLine.id }).from(budgetLine).where(eq(budgetLine.code, code)).get();
    if (clash && clash.id !== input.id) {
      issues.push({ field: 'code', rule: 'line code must be unique', message: `code ${code} is already used by another line` });
    }
    if (!ws.db.select().from(provisionGroup).where(eq(provisionGroup.id, input.groupId)).get()) {
      issues.push({ field: 'groupId', rule: 'provision group must exist', message: `there is no provision group ${input.groupId}` });
    }
    if (input.s251Code && !ws.db.select().from(s251Line).where(eq(s251Line.code, input.s251Code)).get()) {
      issues.push({ field: 's251Code', rule: 's251 line must exist', message: `there is no s251 line ${input.s251Code}` });
    }
    if (issues.length) throw AppError.invalid(issues);

    const values = {
      code,
      name: input.name.trim(),
      s251Code: input.s251Code || null,
      groupId: input.groupId,
      holder: input.holder.trim(),
      active: input.active,
    };
    const id = ws.write('edit', `${input.id ? 'Edit' : 'Add'} line ${code}`, (rec) => {
      if (input.id !== undefined) {
        if (!rec.read(budgetLine, input.id)) throw new AppError('NOT_FOUND', `There is no budget line with id ${input.id}.`);
        return rec.update(budgetLine, input.id, input.sortOrder === undefined ? values : { ...values, sortOrder: input.sortOrder }).row.id;
      }
      const next = ws.db
        .select({ max: sql<number>`coalesce(max(${budgetLine.sortOrder}), 0)` })
        .from(budgetLine)
        .get();
      return rec.insert(budgetLine, { ...values, sortOrder: input.sortOrder ?? Number(next?.max ?? 0) + 10 }).id;
    });
    return lines(ws, true).find((l) => l.id === id)!;
  },
});
