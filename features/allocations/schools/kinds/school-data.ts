import type { ColumnDef, DbRow, KindData, KindDef } from '../../../../electron/server/workbooks/engine/kind';
import { normaliseHeader } from '../../../../electron/server/workbooks/engine/header-detect';
import type { Workspace } from '../../../../electron/server/workspace';
import { schoolData } from '../../schema';
import type { DataColumnInfo } from '../../types';
import { MAX_DATA_VALUE } from '../../words';
import { dataColumns } from '../queries';
import { cleanFigure } from '../rules';
import { type SchoolYearScope, schoolYearScopeDef, URN_RULE, urnOf, urnText, yearProblem } from './scope';

/** A data column's field: prefixed, so no key a user gives a column ("name", "id") can take a fixed column's place. */
export const dataField = (key: string) => `data.${key}`;

/** Headings other files use for the standard columns (the DfE's, a census extract's). */
const KNOWN_ALIASES: Record<string, string[]> = {
  pupils: ['NumberOfPupils', 'number of pupils', 'pupils on roll', 'number on roll', 'NOR'],
  fsm: ['FSM', 'free school meals', 'NumberOfPupilsFSM', 'FSM pupils', 'eligible for free school meals'],
  low_prior_attainment: ['LPA', 'low prior attainment'],
  pupil_premium: ['PP', 'pupil premium'],
};

const FIXED: ColumnDef[] = [
  { field: 'id', header: 'Row id', type: 'id', width: 8, editable: false, key: true },
  {
    field: 'urn',
    header: 'URN',
    type: 'code',
    width: 10,
    editable: false,
    key: true,
    required: true,
    maxLength: 20,
    aliases: ['unique reference number', 'school urn'],
  },
  { field: 'name', header: 'School', type: 'text', width: 34, editable: false, wrap: true },
  { field: 'partnership', header: 'Partnership', type: 'text', width: 22, editable: false, wrap: true },
  // Read back to catch a `_meta` edited to name another year: every row says which year its figures are for.
  { field: 'year', header: 'Year', type: 'text', width: 9, editable: false, key: true },
];

interface SchoolDataData extends KindData {
  year: string;
  /** Each data column's field to its id. */
  columnIds: Map<string, number>;
  byUrn: Map<string, DbRow>;
}

/**
 * One heading per data column: its name, or with its key where the name reads like another
 * heading (a column called "School", or "FSM" beside "F.S.M.") so the file's headings stay apart.
 */
function dataColumnDefs(columns: DataColumnInfo[]): ColumnDef[] {
  const taken = new Map<string, number>();
  const count = (h: string) => taken.set(normaliseHeader(h), (taken.get(normaliseHeader(h)) ?? 0) + 1);
  for (const c of FIXED) count(c.header);
  for (const c of columns) count(c.name);
  const used = new Set(FIXED.map((c) => normaliseHeader(c.header)));
  return columns.map((c) => {
    let header = c.name;
    if ((taken.get(normaliseHeader(header)) ?? 0) > 1) header = `${c.name} (${c.key})`;
    // Until it is free: another column may be named "Pupils (column 12)" too.
    for (let n = 1; used.has(normaliseHeader(header)); n++) header = `${c.name} (column ${c.id}${n === 1 ? '' : `, ${n}`})`;
    used.add(normaliseHeader(header));
    return {
      field: dataField(c.key),
      header,
      type: 'number',
      width: Math.min(18, Math.max(10, header.length + 2)),
      editable: true,
      optional: true,
      nonNegative: true,
      maxValue: MAX_DATA_VALUE,
      total: true,
      aliases: [c.key, ...(KNOWN_ALIASES[c.key] ?? [])],
    };
  });
}

const scope = schoolYearScopeDef('School data');

/**
 * The school data for a year: one row per school by URN and one column per data column (pupils,
 * FSM, IDACI bands, or any the user adds), each figure a number of at most four decimal places,
 * never negative. A blank cell is no figure. A census extract or any other workbook with a URN
 * column is mapped by its headings; a URN the workspace does not hold is refused, every one listed.
 */
export const schoolDataKind: KindDef<SchoolYearScope> = {
  kind: 'school-data',
  title: 'School data',
  sheetName: 'School data',
  schemaVersion: 1,
  scope,
  keyField: 'urn',
  labelField: 'name',
  rowNoun: 'school',
  canAdd: false,
  addRequires: [],
  spareRows: 0,
  deleteMeans: "the school's figures for this year are cleared",
  columns: FIXED,
  columnsFor: (ws: Workspace) => [...FIXED, ...dataColumnDefs(dataColumns(ws.db))],
  instructions: [
    'Each row is a school, by its URN; each white column is a data column the allocation formula can weigh (pupils, free school meals, IDACI bands and any your authority adds).',
    'Type each figure as a number: at most four decimal places, never negative. Leave a cell blank when the school has no figure for the year; clearing a cell clears the figure.',
    'A school missing from the list must be added first (the Schools screen, or the schools workbook). Data for a URN this workspace does not hold is refused, every such row listed.',
    'The Year column says which year the figures are for. Do not change the hidden column A, rename the sheets or change the headings: send the file back and every change will be shown before it is applied.',
  ],
  hint: 'Type figures in the white cells: numbers, at most four decimal places, never negative. Blank is no figure.',
  fileName: (s) => `School data ${s.year}.xlsx`,

  /**
   * Its own reads, not the schools list's: 25,000 schools with ten columns are 250,000 figures,
   * read in storage order and set by column id, while the file is still being read.
   */
  load(ws, s): SchoolDataData {
    const columns = dataColumns(ws.db);
    const sql = ws.db.$client;
    const fields = columns.map((c) => dataField(c.key));
    const fieldOf = new Map(columns.map((c, i) => [c.id, fields[i]!]));
    const members = new Map(
      sql
        .prepare('SELECT m.school_id, p.name FROM partnership_member m JOIN partnership p ON p.id = m.partnership_id WHERE m.year_id = ?')
        .raw()
        .all(s.year) as Array<[number, string]>,
    );
    const schools = sql.prepare('SELECT id, urn, name FROM school ORDER BY name COLLATE NOCASE, urn').raw().all() as Array<[number, number, string]>;
    const byId = new Map<number, DbRow['values']>();
    const rows: DbRow[] = schools.map(([id, urn, name]) => {
      const values: DbRow['values'] = { urn: String(urn), name, partnership: members.get(id) ?? '', year: s.year };
      for (const f of fields) values[f] = null;
      byId.set(id, values);
      return { id, values };
    });
    const figures = sql.prepare('SELECT school_id, column_id, value FROM school_data WHERE year_id = ?').raw().all(s.year) as Array<[number, number, number]>;
    for (const [schoolId, columnId, value] of figures) {
      const values = byId.get(schoolId);
      const field = fieldOf.get(columnId);
      if (values && field) values[field] = value;
    }
    return {
      rows,
      lists: {},
      subtitle: scope.label(ws, s),
      // The subtitle already names the workbook: "Schools: Schools, …" would say it twice.
      footer: scope.label(ws, s),
      year: s.year,
      columnIds: new Map(columns.map((c) => [dataField(c.key), c.id])),
      byUrn: new Map(rows.map((r) => [String(r.values.urn), r])),
    };
  },

  checkRows(rows, data) {
    const d = data as SchoolDataData;
    const problems: Array<[number, string, string, string]> = [];
    for (const r of rows) {
      const year = yearProblem(r, d.year, 'school data');
      if (year) problems.push(year);
      const text = urnText(r.values.urn);
      if (text === '') continue;
      if (urnOf(text) === null) problems.push([r.fileRow, 'urn', URN_RULE, `"${text}"`]);
      else if (!d.byUrn.has(text)) {
        problems.push([
          r.fileRow,
          'urn',
          'must be the URN of a school in this workspace: add the school first (the Schools screen, or the schools workbook), or take the row out',
          `"${text}"`,
        ]);
      }
    }
    return problems;
  },

  apply(rec, ws, s, plan, data) {
    const d = data as SchoolDataData;
    const find = ws.db.$client.prepare('SELECT id FROM school_data WHERE year_id = ? AND school_id = ? AND column_id = ?').pluck();
    for (const c of plan.changed) {
      rec.source = plan.sourceOf(c.fileRow);
      for (const [field, value] of Object.entries(c.values)) {
        const columnId = d.columnIds.get(field);
        if (columnId === undefined) continue;
        const existing = find.get(s.year, c.id, columnId) as number | undefined;
        if (value === null || value === '') {
          if (existing !== undefined) rec.delete(schoolData, existing);
        } else if (existing !== undefined) rec.update(schoolData, existing, { value: cleanFigure(value as number) });
        else rec.insert(schoolData, { yearId: s.year, schoolId: c.id, columnId, value: cleanFigure(value as number) });
      }
    }
    rec.source = null;
    const ofSchool = ws.db.$client.prepare('SELECT id FROM school_data WHERE year_id = ? AND school_id = ? ORDER BY id').pluck();
    for (const gone of plan.deleted) for (const id of ofSchool.all(s.year, gone.id) as number[]) rec.delete(schoolData, id);
  },
};
