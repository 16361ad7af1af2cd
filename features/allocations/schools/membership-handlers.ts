import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { defineHandlers } from '../../../electron/server/handler';
import { requireYear } from '../../years/queries';
import { partnershipMember, schoolBuyIn, schoolData } from '../schema';
import { BUY_IN_STATUS_LABELS } from '../words';
import { buyInCounts, requirePartnership, requireSchool, schoolLabel } from './queries';
import { placeMember, refuse } from './writes';

const count = (db: Db, sqlText: string, ...args: unknown[]) =>
  Number(
    db.$client
      .prepare(sqlText)
      .pluck()
      .get(...args) ?? 0,
  );

export const membershipHandlers = defineHandlers({
  setMembership: (input, { ws }) => {
    requireYear(ws.db, input.year);
    const s = requireSchool(ws.db, input.schoolId);
    const target = input.partnershipId === null ? null : requirePartnership(ws.db, input.partnershipId);
    const label = target ? `Put ${schoolLabel(s)} in ${target.name} for ${input.year}` : `Take ${schoolLabel(s)} out of its partnership for ${input.year}`;
    ws.write('edit', label, (rec) => placeMember(rec, ws.db, input.year, s, target, input.move));
    return { saved: true };
  },

  copyMembership: (input, { ws }) => {
    const { fromYear, toYear } = input;
    if (fromYear === toYear) {
      refuse([
        { field: 'toYear', rule: 'must be another year', message: `Membership is copied from one year to another: ${fromYear} to ${toYear} is the same year.` },
      ]);
    }
    requireYear(ws.db, fromYear);
    requireYear(ws.db, toYear);
    const issues = [];
    const source = ws.db.$client
      .prepare(
        `SELECT m.school_id AS schoolId, m.partnership_id AS partnershipId FROM partnership_member m
         JOIN school s ON s.id = m.school_id AND s.status = 'open' WHERE m.year_id = ? ORDER BY m.id`,
      )
      .all(fromYear) as Array<{ schoolId: number; partnershipId: number }>;
    if (source.length === 0) {
      issues.push({
        field: 'fromYear',
        rule: 'must have membership',
        message: `${fromYear} has no open schools in any partnership, so there is nothing to copy.`,
      });
    }
    const already = count(ws.db, 'SELECT count(*) FROM partnership_member WHERE year_id = ?', toYear);
    if (already) {
      issues.push({
        field: 'toYear',
        rule: 'must have no membership yet',
        message: `${toYear} already has ${already} ${already === 1 ? 'school' : 'schools'} in partnerships: a year's membership is copied only into a year that has none. Move schools one by one instead.`,
      });
    }
    const dataThere = input.withData ? count(ws.db, 'SELECT count(*) FROM school_data WHERE year_id = ?', toYear) : 0;
    if (dataThere) {
      issues.push({
        field: 'withData',
        rule: 'must have no school data yet',
        message: `${toYear} already has ${dataThere} school ${dataThere === 1 ? 'figure' : 'figures'}: school data is copied only into a year that has none. Copy the membership alone, or import the year's data.`,
      });
    }
    if (issues.length) refuse(issues);
    const figures = input.withData
      ? (ws.db.$client
          .prepare(
            `SELECT d.school_id AS schoolId, d.column_id AS columnId, d.value AS value FROM school_data d
             JOIN school s ON s.id = d.school_id AND s.status = 'open' WHERE d.year_id = ? ORDER BY d.id`,
          )
          .all(fromYear) as Array<{ schoolId: number; columnId: number; value: number }>)
      : [];
    const label = `Copy ${fromYear} membership${input.withData ? ' and school data' : ''} to ${toYear} (${source.length} ${source.length === 1 ? 'school' : 'schools'})`;
    ws.write('edit', label, (rec) => {
      for (const m of source) rec.insert(partnershipMember, { yearId: toYear, schoolId: m.schoolId, partnershipId: m.partnershipId });
      for (const d of figures) rec.insert(schoolData, { yearId: toYear, schoolId: d.schoolId, columnId: d.columnId, value: d.value });
    });
    return { schools: source.length };
  },

  setBuyIn: (input, { ws }) => {
    requireYear(ws.db, input.year);
    const s = requireSchool(ws.db, input.schoolId);
    const note = input.note.trim();
    if (input.status === null && (input.decidedOn !== null || note !== '')) {
      refuse([
        {
          field: 'status',
          rule: 'a date or note needs a decision',
          message: `Say whether ${schoolLabel(s)} bought in, is yet to decide or is leaving before recording a decision date or note.`,
        },
      ]);
    }
    const row = ws.db
      .select({ id: schoolBuyIn.id })
      .from(schoolBuyIn)
      .where(and(eq(schoolBuyIn.yearId, input.year), eq(schoolBuyIn.schoolId, s.id)))
      .get();
    const label =
      input.status === null
        ? `Clear the ${input.year} buy-in decision of ${schoolLabel(s)}`
        : `Record ${schoolLabel(s)} as ${BUY_IN_STATUS_LABELS[input.status].toLowerCase()} for ${input.year}`;
    ws.write('edit', label, (rec) => {
      if (input.status === null) {
        if (row) rec.delete(schoolBuyIn, row.id);
        return;
      }
      const values = { status: input.status, decidedOn: input.decidedOn, note };
      if (row) rec.update(schoolBuyIn, row.id, values);
      else rec.insert(schoolBuyIn, { yearId: input.year, schoolId: s.id, ...values });
    });
    return { saved: true };
  },

  buyInByCluster: (input, { ws }) => {
    requireYear(ws.db, input.year);
    return buyInCounts(ws.db, input.year);
  },
});
