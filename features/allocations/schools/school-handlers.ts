import { and, eq, sql } from 'drizzle-orm';
import { defineHandlers } from '../../../electron/server/handler';
import { requireYear } from '../../years/queries';
import { school, schoolData, schoolDataColumn } from '../schema';
import { PUPILS_COLUMN } from '../words';
import { dataColumns, requireDataColumn, requireSchool, schoolInfo, schoolLabel, schoolYearRows } from './queries';
import { cleanFigure } from './rules';
import { deleteColumnRows, deleteSchoolRows, refuse, refuseDuplicateColumn, refuseDuplicateUrn } from './writes';

/** The pupils column gives buy-in its shares of pupils: it keeps its key and is not deleted. */
const PUPILS_KEPT = `The data column ${PUPILS_COLUMN} holds the pupil numbers that buy-in shares are worked out from`;

export const schoolRecordHandlers = defineHandlers({
  listSchools: (input, { ws }) => {
    requireYear(ws.db, input.year);
    return { year: input.year, columns: dataColumns(ws.db), schools: schoolYearRows(ws.db, input.year) };
  },

  saveSchool: (input, { ws }) => {
    const existing = input.id === undefined ? null : requireSchool(ws.db, input.id, 'id');
    refuseDuplicateUrn(ws.db, input.urn, input.id);
    const values = { urn: input.urn, name: input.name, phase: input.phase, type: input.type, trust: input.trust.trim(), status: input.status };
    const row = ws.write('edit', `${existing ? 'Change' : 'Add'} school ${schoolLabel(values)}`, (rec) =>
      existing ? rec.update(school, existing.id, values).row : rec.insert(school, values),
    );
    return schoolInfo(row);
  },

  deleteSchool: (input, { ws }) => {
    const s = requireSchool(ws.db, input.id, 'id');
    ws.write('edit', `Delete school ${schoolLabel(s)}`, (rec) => deleteSchoolRows(rec, ws.db, s.id));
    return { deleted: true };
  },

  listDataColumns: (_input, { ws }) => dataColumns(ws.db),

  saveDataColumn: (input, { ws }) => {
    const existing = input.id === undefined ? null : requireDataColumn(ws.db, input.id);
    if (existing?.key === PUPILS_COLUMN && input.key !== PUPILS_COLUMN) {
      refuse([
        { field: 'key', rule: 'the pupils column keeps its key', message: `${PUPILS_KEPT}, so its key stays ${PUPILS_COLUMN}. Change its name instead.` },
      ]);
    }
    refuseDuplicateColumn(ws.db, input.key, input.name, input.id);
    const nextOrder = () =>
      Number(
        ws.db
          .select({ max: sql<number>`coalesce(max(${schoolDataColumn.sortOrder}), 0)` })
          .from(schoolDataColumn)
          .get()?.max ?? 0,
      ) + 10;
    const values = {
      key: input.key,
      name: input.name,
      description: input.description.trim(),
      sortOrder: input.sortOrder ?? existing?.sortOrder ?? nextOrder(),
    };
    const id = ws.write('edit', `${existing ? 'Change' : 'Add'} data column ${values.name}`, (rec) =>
      existing ? rec.update(schoolDataColumn, existing.id, values).row.id : rec.insert(schoolDataColumn, values).id,
    );
    return dataColumns(ws.db).find((c) => c.id === id)!;
  },

  deleteDataColumn: (input, { ws }) => {
    const c = requireDataColumn(ws.db, input.id);
    if (c.key === PUPILS_COLUMN) {
      refuse([{ field: 'id', rule: 'the pupils column is kept', message: `${PUPILS_KEPT}, so it cannot be deleted.` }]);
    }
    const runs = ws.db.$client
      .prepare(
        `SELECT name || ' (' || year_id || ')' FROM allocation_run WHERE id IN (
           SELECT run_id FROM allocation_factor_column WHERE column_id = ? UNION SELECT run_id FROM allocation_run_data WHERE column_id = ?
         ) ORDER BY year_id, name`,
      )
      .pluck()
      .all(c.id, c.id) as string[];
    if (runs.length) {
      refuse([
        {
          field: 'id',
          rule: 'a column an allocation run rests on is kept',
          message: `The data column ${c.name} is used by the allocation ${runs.length === 1 ? 'run' : 'runs'} ${runs.join(', ')}, so it cannot be deleted: a run keeps the data it was worked out on.`,
        },
      ]);
    }
    ws.write('edit', `Delete data column ${c.name}`, (rec) => deleteColumnRows(rec, ws.db, c.id));
    return { deleted: true };
  },

  setSchoolData: (input, { ws }) => {
    requireYear(ws.db, input.year);
    const s = requireSchool(ws.db, input.schoolId);
    const columns = new Map(dataColumns(ws.db).map((c) => [c.id, c]));
    const unknown = Object.keys(input.values).filter((id) => !columns.has(Number(id)));
    if (unknown.length) {
      refuse(
        unknown.map((id) => ({
          field: `values.${id}`,
          rule: 'must be a data column',
          message: `There is no data column with id ${id}. It may have been deleted: reopen the list of schools.`,
        })),
        'NOT_FOUND',
      );
    }
    ws.write('edit', `Change ${input.year} data for ${schoolLabel(s)}`, (rec) => {
      for (const [id, value] of Object.entries(input.values)) {
        const columnId = Number(id);
        const row = ws.db
          .select({ id: schoolData.id })
          .from(schoolData)
          .where(and(eq(schoolData.yearId, input.year), eq(schoolData.schoolId, s.id), eq(schoolData.columnId, columnId)))
          .get();
        if (value === null) {
          if (row) rec.delete(schoolData, row.id);
        } else if (row) rec.update(schoolData, row.id, { value: cleanFigure(value) });
        else rec.insert(schoolData, { yearId: input.year, schoolId: s.id, columnId, value: cleanFigure(value) });
      }
    });
    return schoolYearRows(ws.db, input.year, s.id)[0]!;
  },
});
