import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../../db/client';
import type { ChangeRecorder } from '../../../../electron/server/audit/recorder';
import type { ColumnDef, DbRow, KindData, KindDef, RowValues } from '../../../../electron/server/workbooks/engine/kind';
import { school, schoolBuyIn } from '../../schema';
import {
  BUY_IN_STATUS_LABELS,
  BUY_IN_STATUSES,
  type BuyInStatus,
  PHASE_LABELS,
  PHASES,
  type Phase,
  SCHOOL_STATUS_LABELS,
  SCHOOL_STATUSES,
  SCHOOL_TYPE_LABELS,
  SCHOOL_TYPES,
  type SchoolStatus,
  type SchoolType,
} from '../../words';
import { partnershipInfos, schoolYearRows } from '../queries';
import { placeMember } from '../writes';
import { DFE_PHASE_WORDS, DFE_STATUS_WORDS, DFE_TYPE_WORDS } from './dfe-words';
import { type SchoolYearScope, schoolYearScopeDef, URN_RULE, urnOf, urnText, yearProblem } from './scope';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** The stored word for a label the list gave back (the list read has already matched it). */
const fromLabel = <T extends string>(labels: Record<T, string>, values: readonly T[], label: unknown): T | undefined => values.find((v) => labels[v] === label);

const BUY_IN_FIELDS = ['buyIn', 'decidedOn', 'buyInNote'] as const;
const touches = (v: RowValues, fields: readonly string[]) => fields.some((f) => v[f] !== undefined);

interface SchoolsData extends KindData {
  year: string;
  /** Partnership names as the list gives them back, to their ids. */
  partnershipIds: Map<string, number>;
  byUrn: Map<string, DbRow>;
}

const COLUMNS: ColumnDef[] = [
  { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
  {
    field: 'urn',
    header: 'URN',
    type: 'code',
    width: 10,
    // Typed only into a spare row, for a new school: an existing school's URN is refused if changed.
    editable: true,
    key: true,
    required: true,
    maxLength: 20,
    aliases: ['unique reference number', 'school urn'],
  },
  {
    field: 'name',
    header: 'School',
    type: 'text',
    width: 34,
    editable: true,
    required: true,
    maxLength: 200,
    wrap: true,
    aliases: ['EstablishmentName', 'establishment name', 'school name', 'name'],
  },
  {
    field: 'phase',
    header: 'Phase',
    type: 'list',
    width: 14,
    editable: true,
    required: true,
    list: 'phases',
    listWords: DFE_PHASE_WORDS,
    aliases: ['PhaseOfEducation (name)', 'phase of education'],
  },
  {
    field: 'type',
    header: 'Type',
    type: 'list',
    width: 20,
    editable: true,
    required: true,
    list: 'types',
    listWords: DFE_TYPE_WORDS,
    aliases: ['TypeOfEstablishment (name)', 'type of establishment', 'establishment type'],
  },
  {
    field: 'trust',
    header: 'Trust',
    type: 'text',
    width: 24,
    editable: true,
    maxLength: 200,
    wrap: true,
    aliases: ['Trusts (name)', 'trust name', 'academy trust', 'multi-academy trust'],
  },
  {
    field: 'status',
    header: 'Open or closed',
    type: 'list',
    width: 11,
    editable: true,
    required: true,
    list: 'statuses',
    listWords: DFE_STATUS_WORDS,
    aliases: ['EstablishmentStatus (name)', 'establishment status', 'status'],
  },
  // Read back to catch a `_meta` edited to name another year: every row says which year its partnership and buy-in are for.
  { field: 'year', header: 'Year', type: 'text', width: 9, editable: false, key: true },
  {
    field: 'partnership',
    header: 'Partnership',
    type: 'list',
    width: 26,
    editable: true,
    list: 'partnerships',
    aliases: ['partnership or cluster', 'cluster'],
  },
  { field: 'buyIn', header: 'Buy-in', type: 'list', width: 14, editable: true, list: 'buyIn', aliases: ['buy in', 'buy-in decision'] },
  { field: 'decidedOn', header: 'Decision date', type: 'date', width: 12, editable: true, aliases: ['date of decision', 'governing body decision date'] },
  { field: 'buyInNote', header: 'Buy-in note', type: 'text', width: 30, editable: true, maxLength: 2000, wrap: true, aliases: ['buy in note'] },
];

const scope = schoolYearScopeDef('Schools, partnerships and buy-in');

/**
 * The schools, one row each by URN: the school itself, and for the year its partnership and its
 * governing body's buy-in decision. New schools are typed into the spare rows. A foreign
 * workbook such as the DfE's Get Information about Schools extract is mapped by its headings
 * (URN, EstablishmentName, TypeOfEstablishment (name) …), its words read as ours.
 */
export const schoolsKind: KindDef<SchoolYearScope> = {
  kind: 'schools',
  title: 'Schools',
  sheetName: 'Schools',
  schemaVersion: 1,
  scope,
  keyField: 'urn',
  labelField: 'name',
  rowNoun: 'school',
  canAdd: true,
  addRequires: ['urn', 'name', 'phase', 'type'],
  spareRows: 20,
  deleteMeans: 'the school is marked closed (its records are kept)',
  columns: COLUMNS,
  instructions: [
    'Each row is a school, by its URN. Correct its name, phase, type, trust and whether it is open; and for the year on the sheet, the partnership or cluster it belongs to and its governing body’s buy-in decision (Bought in, Yet to decide or Leaving), with the date of the decision and a note.',
    'A school belongs to one partnership a year: choosing another partnership moves it. Leave Partnership blank for a school in none.',
    'Add a new school in one of the blank rows at the foot of the table: it needs its URN (six digits), its name, its phase and its type. A URN identifies the school, so an existing school’s URN is not changed here.',
    'A decision date or note needs a buy-in decision. Clearing the decision clears the date and note with it.',
    'The DfE’s Get Information about Schools extract can be imported as it is downloaded (saved as .xlsx): its URN, EstablishmentName, PhaseOfEducation (name), TypeOfEstablishment (name), Trusts (name) and EstablishmentStatus (name) columns are read, and its words taken as ours (a community or voluntary school is Maintained; an academy special converter is Special; a school proposed to open is Closed until it opens). An independent mainstream school or a college is not funded by formula: take those rows out first.',
    'Do not change the hidden column A, rename the sheets or change the headings: send the file back and every change will be shown before it is applied.',
  ],
  hint: 'Type in the white cells; grey cells are locked. Add new schools in the blank rows at the foot.',
  fileName: (s) => `Schools ${s.year}.xlsx`,

  load(ws, s): SchoolsData {
    const partnerships = partnershipInfos(ws.db);
    const rows: DbRow[] = schoolYearRows(ws.db, s.year).map((r) => ({
      id: r.id,
      values: {
        urn: String(r.urn),
        name: r.name,
        phase: PHASE_LABELS[r.phase],
        type: SCHOOL_TYPE_LABELS[r.type],
        trust: r.trust,
        status: SCHOOL_STATUS_LABELS[r.status],
        year: s.year,
        partnership: r.partnershipName ?? '',
        buyIn: r.buyIn ? BUY_IN_STATUS_LABELS[r.buyIn] : '',
        decidedOn: r.buyInDecidedOn,
        buyInNote: r.buyInNote,
      },
    }));
    return {
      rows,
      lists: {
        phases: PHASES.map((p) => PHASE_LABELS[p]),
        types: SCHOOL_TYPES.map((t) => SCHOOL_TYPE_LABELS[t]),
        statuses: SCHOOL_STATUSES.map((t) => SCHOOL_STATUS_LABELS[t]),
        partnerships: partnerships.map((p) => p.name),
        buyIn: BUY_IN_STATUSES.map((b) => BUY_IN_STATUS_LABELS[b]),
      },
      subtitle: scope.label(ws, s),
      // The subtitle already names the workbook: "Schools: Schools, …" would say it twice.
      footer: scope.label(ws, s),
      year: s.year,
      partnershipIds: new Map(partnerships.map((p) => [p.name, p.id])),
      byUrn: new Map(rows.map((r) => [String(r.values.urn), r])),
    };
  },

  checkRows(rows, data) {
    const d = data as SchoolsData;
    const problems: Array<[number, string, string, string]> = [];
    const byId = new Map(d.rows.map((r) => [r.id, r]));
    const newUrns = new Map<string, number>();
    for (const r of rows) {
      const year = yearProblem(r, d.year, 'schools workbook');
      if (year) problems.push(year);
      const text = urnText(r.values.urn);
      const urn = urnOf(text);
      if (text !== '' && urn === null) {
        problems.push([r.fileRow, 'urn', URN_RULE, `"${text}"`]);
        continue;
      }
      const mine = r.id !== null ? byId.get(r.id) : undefined;
      const known = d.byUrn.get(text);
      if (mine && !known && text !== '' && text !== mine.values.urn) {
        problems.push([
          r.fileRow,
          'urn',
          `a school's URN is not changed in the workbook: this row is ${str(mine.values.name)}, URN ${str(mine.values.urn)}. If the school has a new URN, add it as a new school in a spare row`,
          `"${text}"`,
        ]);
      }
      // Rows for schools the workspace holds are checked once each by the import; new ones here.
      if (!known && text !== '' && r.id === null) {
        const first = newUrns.get(text);
        if (first !== undefined) problems.push([r.fileRow, 'urn', `each school may appear once; URN ${text} is already on row ${first}`, `"${text}"`]);
        else newUrns.set(text, r.fileRow);
      }
      const was = (known ?? mine)?.values ?? {};
      const v = r.values;
      if (touches(v, BUY_IN_FIELDS)) {
        const status = str(v.buyIn !== undefined ? v.buyIn : was.buyIn);
        const date = v.decidedOn !== undefined ? v.decidedOn : was.decidedOn;
        const note = str(v.buyInNote !== undefined ? v.buyInNote : was.buyInNote);
        const dated = date !== null && date !== undefined && date !== '';
        if (status === '' && (dated || note !== '')) {
          problems.push([
            r.fileRow,
            v.buyIn !== undefined ? 'buyIn' : v.decidedOn !== undefined ? 'decidedOn' : 'buyInNote',
            'a decision date or note needs a buy-in decision: choose Bought in, Yet to decide or Leaving',
            'a blank buy-in decision',
          ]);
        }
      }
    }
    return problems;
  },

  apply(rec, ws, s, plan, data) {
    const d = data as SchoolsData;
    const schoolFields = (v: RowValues) => {
      const out: Partial<{ urn: number; name: string; phase: Phase; type: SchoolType; trust: string; status: SchoolStatus }> = {};
      if (v.name !== undefined) out.name = str(v.name);
      if (v.phase !== undefined) out.phase = fromLabel(PHASE_LABELS, PHASES, v.phase);
      if (v.type !== undefined) out.type = fromLabel(SCHOOL_TYPE_LABELS, SCHOOL_TYPES, v.type);
      if (v.trust !== undefined) out.trust = str(v.trust);
      // A foreign file's blank status keeps the school as it is (open, for a new one).
      if (v.status !== undefined && str(v.status) !== '') out.status = fromLabel(SCHOOL_STATUS_LABELS, SCHOOL_STATUSES, v.status);
      return out;
    };
    const yearParts = (id: number, who: { name: string; urn: number }, v: RowValues, merged: RowValues) => {
      if (v.partnership !== undefined) {
        const name = str(v.partnership);
        const target = name === '' ? null : { id: d.partnershipIds.get(name)!, name };
        // Choosing another partnership in the sheet is a move: the old membership ends with it.
        placeMember(rec, ws.db, s.year, { id, ...who }, target, true);
      }
      if (touches(v, BUY_IN_FIELDS)) {
        const status = fromLabel(BUY_IN_STATUS_LABELS, BUY_IN_STATUSES, merged.buyIn) ?? null;
        setBuyIn(rec, ws.db, s.year, id, status, (merged.decidedOn as string | null | undefined) ?? null, str(merged.buyInNote).trim());
      }
    };

    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      const merged = { ...c.current, ...c.values };
      const fields = schoolFields(c.values);
      if (Object.keys(fields).length) rec.update(school, c.id, fields);
      yearParts(c.id, { name: str(merged.name), urn: Number(merged.urn) }, c.values, merged);
    }
    for (const a of plan.added) {
      rec.source = plan.sourceOf(a.fileRow);
      const f = schoolFields(a.values);
      const urn = urnOf(a.values.urn)!;
      const row = rec.insert(school, { urn, name: f.name!, phase: f.phase!, type: f.type!, trust: f.trust ?? '', status: f.status ?? 'open' });
      yearParts(row.id, { name: row.name, urn }, a.values, { buyIn: '', decidedOn: null, buyInNote: '', ...a.values });
    }
    rec.source = null;
    for (const gone of plan.deleted) {
      if (gone.current.status !== SCHOOL_STATUS_LABELS.closed) rec.update(school, gone.id, { status: 'closed' });
    }
  },
};

/** A school's buy-in decision for a year, or none (null clears the date and note with it). */
function setBuyIn(rec: ChangeRecorder, db: Db, year: string, schoolId: number, status: BuyInStatus | null, decidedOn: string | null, note: string): void {
  const row = db
    .select({ id: schoolBuyIn.id })
    .from(schoolBuyIn)
    .where(and(eq(schoolBuyIn.yearId, year), eq(schoolBuyIn.schoolId, schoolId)))
    .get();
  if (status === null) {
    if (row) rec.delete(schoolBuyIn, row.id);
    return;
  }
  const values = { status, decidedOn, note };
  if (row) rec.update(schoolBuyIn, row.id, values);
  else rec.insert(schoolBuyIn, { yearId: year, schoolId, ...values });
}
