import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { defineHandlers } from '../../../electron/server/handler';
import type { ErrorIssue } from '../../../electron/shared/errors';
import { agreement } from '../../recovery/schema';
import { requireYear } from '../../years/queries';
import { partnership } from '../schema';
import { partnershipInfos, requirePartnership, requireSchool } from './queries';
import { parentProblems } from './rules';
import { deletePartnershipRows, refuse, refuseDuplicatePartnership } from './writes';

const listOf = (db: Db, sqlText: string, ...args: unknown[]) =>
  db.$client
    .prepare(sqlText)
    .pluck()
    .all(...args) as string[];

/** What a partnership is still part of: its clusters, the runs that allocated to it, its returns and year records. */
function deleteProblems(db: Db, p: { id: number; name: string }): ErrorIssue[] {
  const problems: ErrorIssue[] = [];
  const clusters = listOf(db, 'SELECT name FROM partnership WHERE parent_id = ? ORDER BY name', p.id);
  if (clusters.length) {
    problems.push({
      field: 'id',
      rule: 'a partnership with clusters is kept',
      message: `${p.name} has ${clusters.length === 1 ? 'a cluster' : 'clusters'} inside it (${clusters.join(', ')}): move or delete ${clusters.length === 1 ? 'it' : 'them'} first.`,
    });
  }
  const runs = listOf(
    db,
    `SELECT name || ' (' || year_id || ')' FROM allocation_run WHERE id IN (
       SELECT run_id FROM allocation_run_partnership WHERE partnership_id = ? UNION SELECT run_id FROM allocation_run_data WHERE partnership_id = ?
     ) ORDER BY year_id, name`,
    p.id,
    p.id,
  );
  if (runs.length) {
    problems.push({
      field: 'id',
      rule: 'a partnership an allocation run shares money to is kept',
      message: `${p.name} has an allocation in the ${runs.length === 1 ? 'run' : 'runs'} ${runs.join(', ')}, so it cannot be deleted: a run keeps who it allocated to.`,
    });
  }
  const years = listOf(
    db,
    'SELECT DISTINCT year_id FROM (SELECT year_id FROM partnership_return WHERE partnership_id = ? UNION SELECT year_id FROM partnership_year WHERE partnership_id = ?) ORDER BY year_id',
    p.id,
    p.id,
  );
  if (years.length) {
    problems.push({
      field: 'id',
      rule: 'a partnership with returns is kept',
      message: `${p.name} has returns or a development plan recorded for ${years.join(', ')}, so it cannot be deleted.`,
    });
  }
  return problems;
}

export const partnershipHandlers = defineHandlers({
  listPartnerships: (input, { ws }) => {
    if (input.year !== undefined) requireYear(ws.db, input.year);
    return partnershipInfos(ws.db, input.year);
  },

  savePartnership: (input, { ws }) => {
    const existing = input.id === undefined ? null : requirePartnership(ws.db, input.id, 'id');
    refuseDuplicatePartnership(ws.db, input.name, input.id);
    const parent = input.parentId === null ? null : requirePartnership(ws.db, input.parentId, 'parentId');
    const grandparent = parent?.parentId ? requirePartnership(ws.db, parent.parentId, 'parentId') : null;
    const clusters = existing
      ? ws.db
          .select({ name: partnership.name })
          .from(partnership)
          .where(eq(partnership.parentId, existing.id))
          .all()
          .map((c) => c.name)
          .sort((a, b) => a.localeCompare(b, 'en-GB'))
      : [];
    const problems = parentProblems(
      { id: existing?.id, name: input.name },
      parent && { id: parent.id, name: parent.name, parentId: parent.parentId, parentName: grandparent?.name ?? null },
      clusters,
    );
    if (problems.length) refuse(problems);
    if (input.leadSchoolId !== null) requireSchool(ws.db, input.leadSchoolId, 'leadSchoolId');
    if (input.agreementId !== null && !ws.db.select({ id: agreement.id }).from(agreement).where(eq(agreement.id, input.agreementId)).get()) {
      refuse(
        [
          {
            field: 'agreementId',
            rule: 'must be an agreement',
            message: `There is no agreement with id ${input.agreementId}. It may have been deleted: reopen the list of agreements.`,
          },
        ],
        'NOT_FOUND',
      );
    }
    const values = {
      name: input.name,
      area: input.area.trim(),
      kind: input.kind,
      parentId: input.parentId,
      leadSchoolId: input.leadSchoolId,
      agreementId: input.agreementId,
      returnFrequency: input.returnFrequency,
      note: input.note,
    };
    const id = ws.write('edit', `${existing ? 'Change' : 'Add'} partnership ${values.name}`, (rec) =>
      existing ? rec.update(partnership, existing.id, values).row.id : rec.insert(partnership, values).id,
    );
    return partnershipInfos(ws.db).find((p) => p.id === id)!;
  },

  deletePartnership: (input, { ws }) => {
    const p = requirePartnership(ws.db, input.id, 'id');
    const problems = deleteProblems(ws.db, p);
    if (problems.length) refuse(problems);
    ws.write('edit', `Delete partnership ${p.name}`, (rec) => deletePartnershipRows(rec, ws.db, p.id));
    return { deleted: true };
  },
});
