import { eq, sql } from 'drizzle-orm';
import type { KindDef, RowValues } from '../../../electron/server/workbooks/engine/kind';
import { groupList, s251List } from '../../lines/queries';
import { budgetLine } from '../../lines/schema';
import { budgetScope, inScope, linesElsewhere, type YearScope } from '../line-scope';
import { yearLineRows } from '../period-return';
import { budgetsOfYear } from '../queries';
import { budget } from '../schema';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * The High Needs budget for a year: the authority's lines (cost centres) with their original
 * and revised budgets. New lines can be typed into the spare rows at the foot of the table.
 */
export const budgetKind: KindDef<YearScope> = {
  kind: 'budget',
  title: 'High Needs budget',
  sheetName: 'Budget',
  schemaVersion: 1,
  scope: budgetScope,
  keyField: 'code',
  labelField: 'name',
  rowNoun: 'line',
  canAdd: true,
  addRequires: ['code', 'name', 'group'],
  spareRows: 20,
  deleteMeans: 'the line is retired and its budget for this year removed',
  columns: [
    { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
    {
      field: 'code',
      header: 'Line code',
      type: 'code',
      width: 11,
      editable: true,
      key: true,
      required: true,
      maxLength: 40,
      aliases: ['code', 'cost centre', 'cost center', 'budget code', 'cc'],
    },
    {
      field: 'name',
      header: 'Budget line',
      type: 'text',
      width: 40,
      editable: true,
      required: true,
      maxLength: 200,
      wrap: true,
      aliases: ['description', 'line name', 'name', 'cost centre name', 'line'],
    },
    { field: 's251Code', header: 's251 line', type: 'list', width: 10, editable: true, list: 's251', aliases: ['s251', 's251 code', 'section 251'] },
    {
      field: 'group',
      header: 'Provision type',
      type: 'list',
      width: 26,
      editable: true,
      required: true,
      list: 'groups',
      aliases: ['provision group', 'group', 'provision'],
    },
    {
      field: 'holder',
      header: 'Budget holder',
      type: 'text',
      width: 18,
      editable: true,
      maxLength: 200,
      aliases: ['holder', 'owner', 'manager', 'budget manager'],
    },
    {
      field: 'originalPence',
      header: 'Original budget',
      type: 'money',
      width: 16,
      editable: true,
      required: true,
      warnFirstNegative: true,
      total: true,
      aliases: ['original', 'annual budget', 'base budget', 'budget'],
    },
    {
      field: 'revisedPence',
      header: 'Revised budget',
      type: 'money',
      width: 16,
      editable: true,
      required: true,
      warnFirstNegative: true,
      total: true,
      aliases: ['revised', 'current budget', 'working budget'],
    },
    {
      field: 'virementPence',
      header: 'Virements',
      type: 'money',
      width: 14,
      editable: false,
      total: true,
      signed: true,
      formula: (c, r) => `${c('revisedPence')}${r}-${c('originalPence')}${r}`,
    },
  ],
  instructions: [
    "Change a line's budget, name, s251 line, provision type or budget holder by typing over it.",
    'Add a new line in one of the blank rows at the foot of the table: it needs a code, a name and a provision type.',
    'To retire a line, delete its row: on import you choose whether rows missing from the file are retired.',
    'Amounts are pounds: type 1234.56 or £1,234; an income line or recharge is negative: -1,234 or (1,234). Virements (revised minus original) work themselves out.',
  ],
  fileName: (s) => `High Needs budget ${s.year}${s.holder ? ` ${s.holder}` : ''}.xlsx`,

  load(ws, scope) {
    const rows = inScope(yearLineRows(ws.db, scope.year), scope);
    const negatives = ws.db.$client
      .prepare('SELECT line_id, original_pence < 0, revised_pence < 0 FROM budget WHERE original_pence < 0 OR revised_pence < 0')
      .raw()
      .all() as Array<[number, number, number]>;
    return {
      rows: rows.map((l) => ({
        id: l.lineId,
        values: {
          code: l.code,
          name: l.name,
          s251Code: l.s251Code ?? '',
          group: l.groupName,
          holder: l.holder,
          originalPence: l.originalPence,
          revisedPence: l.budgetPence,
          virementPence: l.budgetPence - l.originalPence,
        },
      })),
      lists: { s251: s251List(ws.db), groups: groupList(ws.db).map((g) => g.name) },
      subtitle: budgetScope.label(ws, scope),
      negativesSeen: new Set(negatives.flatMap(([id, o, r]) => [...(o ? [`${id}:originalPence`] : []), ...(r ? [`${id}:revisedPence`] : [])])),
      keysElsewhere: linesElsewhere(ws, new Set(rows.map((l) => l.lineId))),
    };
  },

  checkRows(rows, data) {
    const problems: Array<[number, string, string, string]> = [];
    const inFile = new Set(rows.map((r) => r.id).filter((id): id is number => id !== null));
    const taken = new Map<string, string>();
    // Codes held by lines outside this file (retired, or another holder's) stay taken.
    for (const l of data.rows) if (!inFile.has(l.id)) taken.set(str(l.values.code).toLowerCase(), `line ${str(l.values.code)}`);
    for (const [code, what] of data.keysElsewhere ?? []) taken.set(code, what);
    for (const r of rows) {
      const code = str(r.values.code).toLowerCase();
      if (!code) continue;
      const other = taken.get(code);
      if (other) problems.push([r.fileRow, 'code', 'line codes must be unique', `"${str(r.values.code)}", already used by ${other}`]);
      else taken.set(code, `row ${r.fileRow}`);
    }
    return problems;
  },

  apply(rec, ws, scope, plan) {
    const groups = new Map(groupList(ws.db).map((g) => [g.name.toLowerCase(), g.id]));
    const groupId = (v: RowValues) => (v.group === undefined ? undefined : groups.get(str(v.group).toLowerCase())!);
    const lineFields = (v: RowValues) => ({
      code: v.code === undefined ? undefined : str(v.code),
      name: v.name === undefined ? undefined : str(v.name),
      s251Code: v.s251Code === undefined ? undefined : str(v.s251Code) || null,
      groupId: groupId(v),
      holder: v.holder === undefined ? undefined : str(v.holder),
    });
    const budgets = budgetsOfYear(ws.db, scope.year);
    const setBudget = (lineId: number, v: RowValues) => {
      if (v.originalPence === undefined && v.revisedPence === undefined) return;
      const existing = budgets.get(lineId);
      if (existing) {
        rec.update(budget, existing.id, {
          originalPence: v.originalPence === undefined ? undefined : (v.originalPence as number),
          revisedPence: v.revisedPence === undefined ? undefined : (v.revisedPence as number),
        });
      } else {
        const original = (v.originalPence as number | undefined) ?? 0;
        rec.insert(budget, { yearId: scope.year, lineId, originalPence: original, revisedPence: (v.revisedPence as number | undefined) ?? original });
      }
    };
    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      rec.update(budgetLine, c.id, lineFields(c.values));
      setBudget(c.id, c.values);
    }
    let order = Number(
      ws.db
        .select({ max: sql<number>`coalesce(max(${budgetLine.sortOrder}), 0)` })
        .from(budgetLine)
        .get()?.max ?? 0,
    );
    for (const a of plan.added) {
      rec.source = plan.sourceOf(a.fileRow);
      const f = lineFields(a.values);
      order += 10;
      const line = rec.insert(budgetLine, {
        code: f.code!,
        name: f.name!,
        s251Code: f.s251Code ?? null,
        groupId: f.groupId!,
        holder: f.holder ?? '',
        sortOrder: order,
        active: true,
      });
      setBudget(line.id, a.values);
    }
    rec.source = null;
    for (const d of plan.deleted) {
      const existing = budgets.get(d.id);
      if (existing) rec.delete(budget, existing.id);
      const line = ws.db.select({ active: budgetLine.active }).from(budgetLine).where(eq(budgetLine.id, d.id)).get();
      if (line?.active) rec.update(budgetLine, d.id, { active: false });
    }
  },
};
