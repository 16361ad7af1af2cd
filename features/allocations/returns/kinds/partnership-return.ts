import type { ColumnDef, DbRow, KindData, KindDef, RowValues } from '../../../../electron/server/workbooks/engine/kind';
import { normaliseHeader } from '../../../../electron/server/workbooks/engine/header-detect';
import type { Workspace } from '../../../../electron/server/workspace';
import { londonDate } from '../../../../electron/shared/dates';
import { partnership } from '../../schema';
import { RETURN_PERIOD_LABELS, RETURN_STATUS_LABELS } from '../../words';
import { listCategories, listMeasures, partnershipNamed, requireReturn, returnFileName, returnInfos, returnName, returnRows } from '../queries';
import { type Figures, writeFigures } from '../writes';
import { yearAllocations } from '../year-run';
import { type ReturnScope, returnScope, scopePartnership } from './scope';

/** What the rows are checked against: whose returns these are, and whose the others are. */
interface ReturnData extends KindData {
  partnership: string;
  year: string;
  /** This partnership's returns for the year, by id. */
  own: Set<number>;
  /** Every other return in the workspace: id -> "South AIP's summer term 2026-27 return". */
  others: Map<number, string>;
  /** Every partnership's name, normalised -> as written. */
  names: Map<string, string>;
}

const MAX_PLACES = 100_000;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const norm = (v: unknown) => str(v).trim().toLowerCase();
const spendField = (id: number) => `spend_${id}`;
const measureField = (id: number) => `measure_${id}`;
/** Wide enough for the heading on the two lines the header row holds. */
const widthFor = (header: string) => Math.min(26, Math.max(12, Math.ceil(header.length * 0.6) + 2));
const idOf = (field: string, prefix: string) => (field.startsWith(prefix) ? Number(field.slice(prefix.length)) : null);

/** The columns every return has, whatever its headings: the listing of kinds shows these. */
const FIXED: ColumnDef[] = [
  { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
  // Read back, so a row pasted in from another partnership's file is told apart (see checkRows).
  {
    field: 'partnership',
    header: 'Partnership',
    type: 'text',
    width: 26,
    editable: false,
    key: true,
    aliases: ['partnership name', 'cluster', 'area partnership'],
  },
  { field: 'period', header: 'Period', type: 'text', width: 14, editable: false, key: true, required: true, aliases: ['term', 'return period'] },
  { field: 'status', header: 'Status', type: 'text', width: 11, editable: false },
];
const PLACES: ColumnDef = {
  field: 'placesUsed',
  header: 'Places used',
  type: 'int',
  width: 10,
  editable: true,
  total: true,
  aliases: ['places', 'places filled', 'funded places used'],
};
const COMMENTARY: ColumnDef = {
  field: 'commentary',
  header: 'Commentary',
  type: 'text',
  width: 60,
  editable: true,
  maxLength: 10_000,
  wrap: true,
  aliases: ['comments', 'narrative', 'notes'],
};

/**
 * The full columns: spend under each category (money), its total, places used, each outcome
 * measure, and the commentary. Headings are the workspace's own, so a measure whose name would
 * read as another column's gets "(measure)" after it.
 */
function columnsFor(ws: Workspace): ColumnDef[] {
  const categories = listCategories(ws.db);
  const measureList = listMeasures(ws.db);
  // A name is an alias for a foreign file's heading only where nothing else goes by it: a bare
  // "Attendance" that is both a category and a measure must not be proposed as the spend.
  const uses = new Map<string, number>();
  for (const name of [
    ...[...FIXED, PLACES, COMMENTARY].map((c) => c.header),
    'Total spend',
    ...categories.map((c) => c.name),
    ...measureList.map((m) => m.name),
  ]) {
    uses.set(normaliseHeader(name), (uses.get(normaliseHeader(name)) ?? 0) + 1);
  }
  const aliasOf = (name: string) => (uses.get(normaliseHeader(name)) === 1 ? [name] : []);
  const spend: ColumnDef[] = categories.map((c) => ({
    field: spendField(c.id),
    header: `Spend: ${c.name}`,
    type: 'money',
    width: widthFor(`Spend: ${c.name}`),
    editable: true,
    optional: true,
    total: true,
    aliases: aliasOf(c.name),
  }));
  const total: ColumnDef[] =
    spend.length === 0
      ? []
      : [
          {
            field: 'totalSpend',
            header: 'Total spend',
            type: 'money',
            width: 14,
            editable: false,
            total: true,
            formula: (col, row) => `SUM(${col(spend[0]!.field)}${row}:${col(spend[spend.length - 1]!.field)}${row})`,
          },
        ];
  const taken = new Set([...FIXED, ...spend, ...total, PLACES, COMMENTARY].map((c) => normaliseHeader(c.header)));
  const measures: ColumnDef[] = measureList.map((m) => {
    const base = m.unit ? `${m.name} (${m.unit})` : m.name;
    let header = base;
    // Until it is free: "(measure)" can itself be another measure's name.
    for (let n = 1; taken.has(normaliseHeader(header)); n++) header = `${base} (measure${n === 1 ? '' : ` ${n}`})`;
    taken.add(normaliseHeader(header));
    return {
      field: measureField(m.id),
      header,
      type: 'number',
      width: widthFor(header),
      editable: true,
      optional: true,
      minValue: -1e9,
      maxValue: 1e9,
      aliases: aliasOf(m.name),
    };
  });
  return [...FIXED, ...spend, ...total, PLACES, ...measures, COMMENTARY];
}

/**
 * A partnership's returns for a year, to send out and collect: one row per period (termly or
 * annual), with spend under each category, places used, outcome measures and commentary to fill
 * in. One file per partnership, holding only its own figures: a row from another partnership's
 * file is refused by name. Figures imported into a return not yet received mark it received.
 */
export const partnershipReturnKind: KindDef<ReturnScope> = {
  kind: 'partnership-return',
  title: 'Partnership return',
  sheetName: 'Return',
  schemaVersion: 1,
  scope: returnScope,
  keyField: 'period',
  labelField: 'partnership',
  rowNoun: 'return',
  canAdd: false,
  addRequires: [],
  spareRows: 0,
  deleteMeans: "the return's figures and commentary are cleared",
  columns: [...FIXED, PLACES, COMMENTARY],
  columnsFor,
  hint: 'Type in the white cells; grey cells are locked. Amounts are pounds; a refund is a negative amount.',
  instructions: [
    'This workbook is one partnership’s return for the year, one row for each period. Fill in only your own partnership’s figures: a file filled in for another partnership is refused.',
    'Under each "Spend:" heading, type what was spent in the period, in pounds (a refund is negative). Leave a heading blank where nothing was spent. Total spend adds them up.',
    'Places used is the number of funded places in use in the period. Each outcome measure is the figure for the period, in the unit its heading gives.',
    'In Commentary, say what the money achieved and anything the Schools Forum should know.',
    'Do not add or delete rows, rename the sheets or change the headings: send the file back as it is, and every change is shown before it is applied.',
  ],
  fileName: (s, ws) => returnFileName((ws && partnershipNamed(ws.db, s.partnership)?.name) ?? String(s.partnership), s.year),

  load(ws, scope): ReturnData {
    const p = scopePartnership(ws, scope);
    const alloc = yearAllocations(ws, scope.year);
    const a = alloc.byPartnership.get(p.id);
    const money = ws.money();
    const categories = listCategories(ws.db);
    const measures = listMeasures(ws.db);
    const rows: DbRow[] = returnInfos(ws.db, returnRows(ws.db, scope.year, p.id)).map((r) => {
      const values: RowValues = {
        partnership: p.name,
        period: RETURN_PERIOD_LABELS[r.period],
        status: RETURN_STATUS_LABELS[r.status],
        placesUsed: r.placesUsed,
        commentary: r.commentary,
      };
      for (const c of categories) values[spendField(c.id)] = r.spend[c.id] ?? null;
      if (categories.length) values.totalSpend = categories.reduce((s, c) => s + (r.spend[c.id] ?? 0), 0);
      for (const m of measures) values[measureField(m.id)] = r.measures[m.id] ?? null;
      return { id: r.id, values };
    });
    const own = new Set(rows.map((r) => r.id));
    const all = ws.db.select({ id: partnership.id, name: partnership.name }).from(partnership).all();
    const names = new Map(all.map((x) => [norm(x.name), x.name]));
    const byId = new Map(all.map((x) => [x.id, x.name]));
    const others = new Map<number, string>();
    for (const r of ws.db.$client.prepare('SELECT id, partnership_id AS partnershipId, year_id AS yearId, period FROM partnership_return').all() as Array<{
      id: number;
      partnershipId: number;
      yearId: string;
      period: keyof typeof RETURN_PERIOD_LABELS;
    }>) {
      if (!own.has(r.id)) others.set(r.id, returnName(byId.get(r.partnershipId) ?? 'another partnership', r));
    }
    const allocation = a
      ? `allocation ${money.format(a.allocationPence)}${a.places ? `, ${a.places} place${a.places === 1 ? '' : 's'}` : ''}`
      : 'no allocation';
    return {
      rows,
      lists: {},
      subtitle: `${p.name}, ${scope.year}: ${allocation}${alloc.run ? ` (allocation run "${alloc.run.name}")` : ''}`,
      partnership: p.name,
      year: scope.year,
      own,
      others,
      names,
    };
  },

  checkRows(rows, kindData) {
    const data = kindData as ReturnData;
    const problems: Array<[number, string, string, string]> = [];
    for (const r of rows) {
      if (r.id !== null && !data.own.has(r.id)) {
        const whose = data.others.get(r.id);
        problems.push([
          r.fileRow,
          'id',
          `must be the row id HNB Desk wrote for one of ${data.partnership}'s ${data.year} returns: this file is ${data.partnership}'s, and a row from another partnership's file cannot be imported into it`,
          whose ? `id ${r.id}, which is ${whose}` : `id ${r.id}, which is no return of ${data.partnership}`,
        ]);
      }
      const other = r.values.partnership === undefined ? undefined : data.names.get(norm(r.values.partnership));
      // A name no partnership has now, on a row whose hidden id is one of ours: the partnership was renamed since the export.
      const renamed = other === undefined && r.id !== null && data.own.has(r.id);
      if (r.values.partnership !== undefined && norm(r.values.partnership) !== norm(data.partnership) && !renamed) {
        problems.push([
          r.fileRow,
          'partnership',
          other
            ? `every row must be ${data.partnership}'s: this file is ${data.partnership}'s ${data.year} return, and this row is ${other}'s. Nothing is applied: put ${other}'s figures in ${other}'s own file`
            : `every row must be ${data.partnership}'s, the partnership this ${data.year} return was made for. Export the return again if the partnership has been renamed`,
          `"${str(r.values.partnership)}"`,
        ]);
      }
      const places = r.values.placesUsed;
      if (typeof places === 'number' && (places < 0 || places > MAX_PLACES)) {
        problems.push([
          r.fileRow,
          'placesUsed',
          places < 0 ? 'Places used must not be negative' : `Places used must be at most ${MAX_PLACES.toLocaleString('en-GB')}`,
          String(places),
        ]);
      }
    }
    return problems;
  },

  apply(rec, ws, _scope, plan) {
    const today = londonDate(ws.actor.now());
    const write = (id: number, v: RowValues, received: boolean) => {
      const figures: Required<Pick<Figures, 'spend' | 'measures'>> & Figures = { spend: {}, measures: {} };
      for (const [field, value] of Object.entries(v)) {
        const spend = idOf(field, 'spend_');
        const measure = idOf(field, 'measure_');
        if (spend !== null) figures.spend[spend] = value as number | null;
        else if (measure !== null) figures.measures[measure] = value as number | null;
        else if (field === 'placesUsed') figures.placesUsed = value as number | null;
        else if (field === 'commentary') figures.commentary = str(value);
      }
      // Read inside the write, so a status changed by an earlier row is the one seen.
      writeFigures(rec, ws.db, requireReturn(ws.db, id), figures, received ? today : null);
    };
    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      write(c.id, c.values, true);
    }
    rec.source = null;
    for (const d of plan.deleted) {
      const cleared: RowValues = { placesUsed: null, commentary: '' };
      for (const field of Object.keys(d.current)) if (field.startsWith('spend_') || field.startsWith('measure_')) cleared[field] = null;
      // Clearing a return is not receiving it.
      write(d.id, cleared, false);
    }
  },
};
