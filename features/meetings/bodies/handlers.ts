import { eq, sql } from 'drizzle-orm';
import { ukDate, ukLongDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import { defineHandlers } from '../../../electron/server/handler';
import type { Workspace } from '../../../electron/server/workspace';
import { bankHoliday, body, member, memberTerm } from '../schema';
import type { BankHolidayInfo, MemberSaved } from '../types';
import { NON_SCHOOLS_SEATS, SCHOOLS_SEATS, type SeatCategory, SEAT_LABELS } from '../words';
import { listHolidays, materialiseBankHolidays } from './bank-holidays';
import { compositionRuleProblems } from './composition';
import {
  allBodies,
  type BodyRow,
  bodyInfo,
  countsAsMember,
  memberInfo,
  membersOf,
  type MemberRow,
  membersOnDate,
  requireBody,
  requireMember,
  termCovers,
  todayOf,
} from './queries';
import { checkNoOverlap, checkTemplate, checkTermDates } from './rules';
import { standardStandingItems, standardTemplate, templateKindFor } from './templates';

const BALANCE_NOTE = 'The member is saved: a forum can be out of balance between elections, so this is a warning, not a refusal.';
const SEATS_NOTE = 'Rebalance the seats at the next elections.';

function refuse(field: string, rule: string, message: string, sentence: string): AppError {
  return new AppError('INVALID_INPUT', `${sentence} Nothing was saved.`, { issues: [{ field, rule, message }] });
}

function checkUniqueBodyName(ws: Workspace, name: string, id: number | undefined): void {
  const clash = ws.db
    .select({ id: body.id, name: body.name })
    .from(body)
    .where(sql`lower(${body.name}) = lower(${name})`)
    .all()
    .find((b) => b.id !== id);
  if (clash) {
    throw new AppError('DUPLICATE', `There is already a body called "${clash.name}". Give this one a different name. Nothing was saved.`, {
      issues: [{ field: 'name', rule: 'body names must be unique', message: `"${clash.name}" already exists` }],
    });
  }
}

function checkUniqueMemberName(ws: Workspace, bodyRow: BodyRow, name: string, id: number | undefined): void {
  const clash = ws.db
    .select({ id: member.id, name: member.name })
    .from(member)
    .where(sql`${member.bodyId} = ${bodyRow.id} AND lower(${member.name}) = lower(${name})`)
    .all()
    .find((m) => m.id !== id);
  if (clash) {
    throw new AppError(
      'DUPLICATE',
      `${bodyRow.name} already has a member called ${clash.name}. To record a new term for them, add a term to that member; to add a different person, tell them apart in the name. Nothing was saved.`,
      { issues: [{ field: 'name', rule: 'member names must be unique within a body', message: `${clash.name} is already a member` }] },
    );
  }
}

/** A substitute stands in for a member of the same body who is not a substitute themselves. */
function checkSubstitute(ws: Workspace, bodyRow: BodyRow, selfId: number | undefined, substituteForId: number | null): void {
  if (substituteForId === null) return;
  if (substituteForId === selfId) throw refuse('substituteForId', 'not their own substitute', 'is this member', 'A member cannot be their own substitute.');
  const named = ws.db.select().from(member).where(eq(member.id, substituteForId)).get();
  if (!named || named.bodyId !== bodyRow.id) {
    throw refuse(
      'substituteForId',
      'substitute for a member of the same body',
      `no member ${substituteForId} on ${bodyRow.name}`,
      `A substitute must stand in for a member of ${bodyRow.name}; choose one from its members.`,
    );
  }
  if (named.substituteForId !== null) {
    throw refuse(
      'substituteForId',
      'substitute for a member, not a substitute',
      `${named.name} is a substitute`,
      `${named.name} is a substitute, so nobody can be named as their substitute; name the member they stand in for instead.`,
    );
  }
  if (selfId !== undefined) {
    const theirs = ws.db.select({ name: member.name }).from(member).where(eq(member.substituteForId, selfId)).all();
    if (theirs.length > 0) {
      throw refuse(
        'substituteForId',
        'a member with substitutes cannot become one',
        `${theirs.map((t) => t.name).join(', ')} named as substitute`,
        `${theirs.map((t) => t.name).join(' and ')} ${theirs.length === 1 ? 'is' : 'are'} named as this member's substitute, so they cannot become a substitute themselves. Change or remove those substitutes first.`,
      );
    }
  }
}

/** The day a term's effect on the forum is judged: today if it is in force, otherwise the day it starts. */
const judgedOn = (ws: Workspace, term: { startDate: string; endDate: string | null }) => {
  const today = todayOf(ws);
  return termCovers(term, today) ? today : term.startDate;
};

/**
 * The forum rules a change to a member newly breaks, or makes worse on the side the member is on.
 * Never a refusal: a forum can be out of balance between elections.
 */
function compositionWarnings(ws: Workspace, bodyRow: BodyRow, date: string, before: ReturnType<typeof compositionRuleProblems>, memberId: number): string[] {
  if (bodyRow.kind !== 'schools_forum') return [];
  const members = membersOnDate(ws, bodyRow.id, date);
  const after = compositionRuleProblems(members, bodyRow.kind);
  const saved = members.find((m) => m.id === memberId);
  const broughtIn = (rule: string) => {
    if (!before.some((p) => p.rule === rule)) return true;
    if (!saved || !countsAsMember(saved)) return false;
    if (rule === 'non_schools') return NON_SCHOOLS_SEATS.includes(saved.term.seatCategory);
    if (rule === 'schools') return !SCHOOLS_SEATS.includes(saved.term.seatCategory);
    return rule === 'chair' && saved.term.role === 'chair';
  };
  const on = date === todayOf(ws) ? '' : ` (from ${ukDate(date)})`;
  return after
    .filter((p) => p.rule !== 'minimum' && broughtIn(p.rule))
    .map((p) => `${p.text.replace(/\.$/, '')}${on}. ${BALANCE_NOTE}${p.rule === 'chair' ? '' : ` ${SEATS_NOTE}`}`);
}

function rulesBefore(ws: Workspace, bodyRow: BodyRow, date: string) {
  return bodyRow.kind === 'schools_forum' ? compositionRuleProblems(membersOnDate(ws, bodyRow.id, date), bodyRow.kind) : [];
}

function termsOf(ws: Workspace, memberId: number) {
  return ws.db.select().from(memberTerm).where(eq(memberTerm.memberId, memberId)).all();
}

const termLabel = (seat: SeatCategory, start: string) => `${SEAT_LABELS[seat]} from ${ukDate(start)}`;

function memberSaved(ws: Workspace, id: number, warnings: string[]): MemberSaved {
  return { member: memberInfo(ws, id), warnings };
}

function holidayList(ws: Workspace): BankHolidayInfo[] {
  return listHolidays(ws.db);
}

export const bodyHandlers = defineHandlers({
  listBodies: (_input, { ws }) => allBodies(ws),

  getBody: (input, { ws }) => ({ body: bodyInfo(ws, input.id), members: membersOf(ws, input.id) }),

  saveBody: (input, { ws }) => {
    const existing = input.id === undefined ? undefined : requireBody(ws, input.id);
    checkUniqueBodyName(ws, input.name, input.id);
    const numerator = input.quorumNumerator ?? existing?.quorumNumerator ?? 2;
    const denominator = input.quorumDenominator ?? existing?.quorumDenominator ?? 5;
    if (numerator > denominator) {
      throw refuse(
        'quorumNumerator',
        'quorum at most the whole membership',
        `${numerator}/${denominator} is more than the whole membership`,
        `A quorum of ${numerator}/${denominator} of the membership is more than the whole membership; make the top number no bigger than the bottom one.`,
      );
    }
    const fixed = input.quorumFixed === undefined ? (existing?.quorumFixed ?? null) : input.quorumFixed;
    if (input.quorumKind === 'fixed' && fixed === null) {
      throw refuse('quorumFixed', 'a fixed quorum needs its number', 'missing', 'A fixed quorum needs the number of members who must be present.');
    }
    // Without a template given, a new body starts from its kind's standard one; templateKind asks for a standard one afresh.
    const template =
      input.paperTemplate ?? (input.templateKind ? standardTemplate(input.templateKind) : existing ? undefined : standardTemplate(templateKindFor(input.kind)));
    if (template) checkTemplate(template);
    const standing = input.standingItems ?? (existing ? undefined : standardStandingItems(input.kind));
    const values = {
      name: input.name,
      kind: input.kind,
      quorumKind: input.quorumKind,
      quorumNumerator: numerator,
      quorumDenominator: denominator,
      quorumFixed: fixed,
      papersDeadlineDays: input.papersDeadlineDays,
      paperTemplate: template ? JSON.stringify(template) : undefined,
      standingItems: standing ? JSON.stringify(standing) : undefined,
      clerkName: input.clerkName,
      clerkEmail: input.clerkEmail,
      clerkPhone: input.clerkPhone,
      defaultVenue: input.defaultVenue,
    };
    if (existing) {
      ws.write('edit', `Change ${existing.name}`, (rec) => rec.update(body, existing.id, values));
      return bodyInfo(ws, existing.id);
    }
    const row = ws.write('edit', `Add ${input.name}`, (rec) =>
      rec.insert(body, { ...values, paperTemplate: values.paperTemplate!, standingItems: values.standingItems! }),
    );
    return bodyInfo(ws, row.id);
  },

  saveMember: (input, { ws }) => {
    const bodyRow = requireBody(ws, input.bodyId);
    let existing: MemberRow | undefined;
    if (input.id !== undefined) {
      existing = requireMember(ws, input.id);
      if (existing.bodyId !== bodyRow.id) {
        throw refuse(
          'bodyId',
          'a member stays on their body',
          `${existing.name} is on another body`,
          `${existing.name} is a member of another body. To seat them on ${bodyRow.name} too, add them there as a new member.`,
        );
      }
    }
    checkUniqueMemberName(ws, bodyRow, input.name, input.id);
    checkTermDates(input.termStart, input.termEnd);
    const substituteForId = input.substituteForId === undefined ? (existing?.substituteForId ?? null) : input.substituteForId;
    checkSubstitute(ws, bodyRow, input.id, substituteForId);
    const term = { seatCategory: input.seatCategory, role: input.role, voting: input.voting, startDate: input.termStart, endDate: input.termEnd };
    const terms = existing ? termsOf(ws, existing.id) : [];
    // The term being edited is the one in force today, else the latest: earlier terms stay as history.
    const today = todayOf(ws);
    const current = terms.filter((t) => termCovers(t, today)).at(-1) ?? [...terms].sort((a, b) => a.startDate.localeCompare(b.startDate)).at(-1);
    checkNoOverlap(input.name, { ...term, id: current?.id }, terms);
    const date = judgedOn(ws, term);
    const before = rulesBefore(ws, bodyRow, date);
    const fields = {
      name: input.name,
      organisation: input.organisation,
      email: input.email,
      councillorOrOfficer: input.councillorOrOfficer,
      substituteForId,
    };
    const id = ws.write('edit', existing ? `Change member ${existing.name}` : `Add ${input.name} to ${bodyRow.name}`, (rec) => {
      const m = existing ? rec.update(member, existing.id, fields).row : rec.insert(member, { ...fields, bodyId: bodyRow.id });
      if (current) rec.update(memberTerm, current.id, term);
      else rec.insert(memberTerm, { ...term, memberId: m.id });
      return m.id;
    });
    return memberSaved(ws, id, compositionWarnings(ws, bodyRow, date, before, id));
  },

  addMemberTerm: (input, { ws }) => {
    const m = requireMember(ws, input.memberId, 'memberId');
    const bodyRow = requireBody(ws, m.bodyId);
    checkTermDates(input.termStart, input.termEnd);
    const term = { seatCategory: input.seatCategory, role: input.role, voting: input.voting, startDate: input.termStart, endDate: input.termEnd };
    checkNoOverlap(m.name, term, termsOf(ws, m.id));
    const date = judgedOn(ws, term);
    const before = rulesBefore(ws, bodyRow, date);
    ws.write('edit', `New term for ${m.name}: ${termLabel(input.seatCategory, input.termStart)}`, (rec) => rec.insert(memberTerm, { ...term, memberId: m.id }));
    return memberSaved(ws, m.id, compositionWarnings(ws, bodyRow, date, before, m.id));
  },

  deleteMember: (input, { ws }) => {
    const m = requireMember(ws, input.id);
    const count = (q: string, ...args: number[]) =>
      Number(
        ws.db.$client
          .prepare(q)
          .pluck()
          .get(...args) ?? 0,
      );
    const attended = count('SELECT count(*) FROM attendance WHERE member_id = ? OR substitute_id = ?', m.id, m.id);
    const voted = count('SELECT count(*) FROM vote WHERE member_id = ?', m.id);
    const declared = count('SELECT count(*) FROM declaration WHERE member_id = ?', m.id);
    if (attended + voted + declared > 0) {
      const what = [attended && 'attendance', voted && 'votes', declared && 'declarations of interest'].filter(Boolean).join(', ');
      throw new AppError(
        'INVALID_INPUT',
        `${m.name} has ${what} recorded at meetings, which the minutes rely on, so they cannot be deleted. End their term instead (edit the member and give an end date). Nothing was changed.`,
        { issues: [{ field: 'id', rule: 'a member with a meeting record is kept', message: `${what} recorded` }] },
      );
    }
    const substitutes = ws.db.select({ name: member.name }).from(member).where(eq(member.substituteForId, m.id)).all();
    if (substitutes.length > 0) {
      const names = substitutes.map((s) => s.name).join(' and ');
      throw new AppError(
        'INVALID_INPUT',
        `${names} ${substitutes.length === 1 ? 'is' : 'are'} named as ${m.name}'s substitute. Delete them or name them for another member first. Nothing was changed.`,
        { issues: [{ field: 'id', rule: 'a member with substitutes is kept', message: `substitutes: ${names}` }] },
      );
    }
    ws.write('edit', `Delete member ${m.name}`, (rec) => {
      // Terms first, so an undo puts the member back before their terms.
      for (const t of termsOf(ws, m.id)) rec.delete(memberTerm, t.id);
      rec.delete(member, m.id);
    });
    return { deleted: m.id };
  },

  listBankHolidays: (_input, { ws }) => holidayList(ws),

  saveBankHoliday: (input, { ws }) => {
    const clash = listHolidays(ws.db).find((h) => h.date === input.date);
    if (clash?.name === input.name) return holidayList(ws);
    ws.write('edit', `${clash ? 'Rename' : 'Add'} bank holiday ${ukLongDate(input.date)}: ${input.name}`, (rec) => {
      materialiseBankHolidays(ws);
      if (clash) rec.update(bankHoliday, input.date, { name: input.name });
      else rec.insert(bankHoliday, { id: input.date, name: input.name });
    });
    return holidayList(ws);
  },

  deleteBankHoliday: (input, { ws }) => {
    const found = listHolidays(ws.db).find((h) => h.date === input.date);
    if (!found) {
      throw new AppError('NOT_FOUND', `${ukLongDate(input.date)} is not a bank holiday in this workspace, so there is nothing to remove.`, {
        issues: [{ field: 'date', rule: 'bank holiday must exist', message: `no bank holiday on ${ukDate(input.date)}` }],
      });
    }
    ws.write('edit', `Remove bank holiday ${ukLongDate(input.date)}: ${found.name}`, (rec) => {
      materialiseBankHolidays(ws);
      rec.delete(bankHoliday, input.date);
    });
    return holidayList(ws);
  },
});
