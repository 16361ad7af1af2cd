import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { londonDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import type { Workspace } from '../../../electron/server/workspace';
import { body, member, memberTerm } from '../schema';
import type { BodyInfo, MemberInfo, MemberTermInfo, PaperTemplate, StandingItem } from '../types';
import { MEMBER_ROLES } from '../words';
import { compositionCheck } from './composition';
import { quorumText } from './quorum';

export type BodyRow = typeof body.$inferSelect;
export type MemberRow = typeof member.$inferSelect;
export type MemberTermRow = typeof memberTerm.$inferSelect;

/** Someone on a body on a given day, with the term in force that day. */
export interface MemberOnDate {
  id: number;
  name: string;
  organisation: string;
  councillorOrOfficer: boolean;
  /** Set for a named substitute: the member they stand in for. */
  substituteForId: number | null;
  term: MemberTermInfo;
  /** The member's next term, when they have been re-appointed: their seat does not fall vacant when this one ends. */
  nextTerm?: MemberTermInfo | null;
}

/** Today in London, as the workspace's clock tells it (tests set the clock). */
export const todayOf = (ws: Workspace): string => londonDate(ws.actor.now());

export function requireBody(ws: Workspace, id: number): BodyRow {
  const row = ws.db.select().from(body).where(eq(body.id, id)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no body with id ${id} in this workspace. It may have been deleted; choose one from Bodies.`, {
      issues: [{ field: 'bodyId', rule: 'body must exist', message: `no body with id ${id}` }],
    });
  }
  return row;
}

export function requireMember(ws: Workspace, id: number, field = 'id'): MemberRow {
  const row = ws.db.select().from(member).where(eq(member.id, id)).get();
  if (!row) {
    throw new AppError('NOT_FOUND', `There is no member with id ${id} in this workspace. They may have been deleted; choose one from the body's members.`, {
      issues: [{ field, rule: 'member must exist', message: `no member with id ${id}` }],
    });
  }
  return row;
}

export const termInfo = (t: MemberTermRow): MemberTermInfo => ({
  id: t.id,
  seatCategory: t.seatCategory,
  role: t.role,
  voting: t.voting,
  startDate: t.startDate,
  endDate: t.endDate,
});

export const termCovers = (t: { startDate: string; endDate: string | null }, date: string): boolean =>
  t.startDate <= date && (t.endDate === null || t.endDate >= date);

/** Terms by member, earliest first. */
function termsByMember(db: Db, memberIds: number[]): Map<number, MemberTermRow[]> {
  const out = new Map<number, MemberTermRow[]>();
  if (memberIds.length === 0) return out;
  const rows = db.select().from(memberTerm).where(inArray(memberTerm.memberId, memberIds)).orderBy(asc(memberTerm.startDate), asc(memberTerm.id)).all();
  for (const r of rows) {
    const list = out.get(r.memberId) ?? [];
    list.push(r);
    out.set(r.memberId, list);
  }
  return out;
}

function bodyMemberRows(db: Db, bodyId: number): MemberRow[] {
  return db.select().from(member).where(eq(member.bodyId, bodyId)).orderBy(asc(member.name), asc(member.id)).all();
}

/** Everyone with a term covering `date`, named substitutes included (their substituteForId is set). */
export function membersOnDate(ws: Workspace, bodyId: number, date: string): MemberOnDate[] {
  const members = bodyMemberRows(ws.db, bodyId);
  const terms = termsByMember(
    ws.db,
    members.map((m) => m.id),
  );
  const out: MemberOnDate[] = [];
  for (const m of members) {
    const list = terms.get(m.id) ?? [];
    // Terms never overlap, but if an old workspace holds two, the later start wins.
    const i = list.findLastIndex((t) => termCovers(t, date));
    if (i < 0) continue;
    const next = list[i + 1];
    out.push({
      id: m.id,
      name: m.name,
      organisation: m.organisation,
      councillorOrOfficer: m.councillorOrOfficer,
      substituteForId: m.substituteForId,
      term: termInfo(list[i]!),
      nextTerm: next ? termInfo(next) : null,
    });
  }
  return out;
}

/** Counted in the membership (for the quorum and the forum's proportions): a voting member, not a substitute, an observer or an officer in attendance. */
export function countsAsMember(m: Pick<MemberOnDate, 'substituteForId' | 'term'>): boolean {
  return m.substituteForId === null && m.term.voting && m.term.role !== 'observer' && m.term.role !== 'officer_in_attendance';
}

/** The total membership on a day, as the quorum counts it. */
export function membershipOnDate(ws: Workspace, bodyId: number, date: string): number {
  return membersOnDate(ws, bodyId, date).filter(countsAsMember).length;
}

const ROLE_ORDER = new Map(MEMBER_ROLES.map((r, i) => [r, i]));

function toMemberInfo(m: MemberRow, terms: MemberTermRow[], today: string, names: Map<number, string>): MemberInfo {
  const inForce = terms.findLast((t) => termCovers(t, today));
  const current = inForce ?? terms[terms.length - 1];
  return {
    id: m.id,
    bodyId: m.bodyId,
    name: m.name,
    organisation: m.organisation,
    email: m.email,
    councillorOrOfficer: m.councillorOrOfficer,
    substituteForId: m.substituteForId,
    substituteForName: m.substituteForId === null ? null : (names.get(m.substituteForId) ?? null),
    current: current ? termInfo(current) : null,
    inTermToday: inForce !== undefined,
    terms: terms.map(termInfo),
  };
}

/** The body's people: those in term today first (chair, vice-chair, members, observers, officers), then substitutes, then past and future members. */
export function membersOf(ws: Workspace, bodyId: number): MemberInfo[] {
  const today = todayOf(ws);
  const members = bodyMemberRows(ws.db, bodyId);
  const terms = termsByMember(
    ws.db,
    members.map((m) => m.id),
  );
  const names = new Map(members.map((m) => [m.id, m.name]));
  const infos = members.map((m) => toMemberInfo(m, terms.get(m.id) ?? [], today, names));
  const rank = (i: MemberInfo) => (i.inTermToday ? 0 : 2) + (i.substituteForId === null ? 0 : 1);
  return infos.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (ROLE_ORDER.get(a.current?.role ?? 'member') ?? 9) - (ROLE_ORDER.get(b.current?.role ?? 'member') ?? 9) ||
      a.name.localeCompare(b.name, 'en-GB') ||
      a.id - b.id,
  );
}

export function memberInfo(ws: Workspace, id: number): MemberInfo {
  const m = requireMember(ws, id);
  const found = membersOf(ws, m.bodyId).find((i) => i.id === id);
  if (!found) throw new Error(`member ${id} missing from its body ${m.bodyId}`);
  return found;
}

export function parseTemplate(row: Pick<BodyRow, 'paperTemplate'>): PaperTemplate {
  return JSON.parse(row.paperTemplate) as PaperTemplate;
}

export function parseStandingItems(row: Pick<BodyRow, 'standingItems'>): StandingItem[] {
  return JSON.parse(row.standingItems) as StandingItem[];
}

export function toBodyInfo(ws: Workspace, row: BodyRow, today = todayOf(ws)): BodyInfo {
  const onDate = membersOnDate(ws, row.id, today);
  const composition = compositionCheck(onDate, row.kind, today);
  const memberCount = onDate.filter(countsAsMember).length;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    quorumKind: row.quorumKind,
    quorumNumerator: row.quorumNumerator,
    quorumDenominator: row.quorumDenominator,
    quorumFixed: row.quorumFixed,
    quorumText: quorumText(row, memberCount),
    papersDeadlineDays: row.papersDeadlineDays,
    paperTemplate: parseTemplate(row),
    standingItems: parseStandingItems(row),
    clerkName: row.clerkName,
    clerkEmail: row.clerkEmail,
    clerkPhone: row.clerkPhone,
    defaultVenue: row.defaultVenue,
    memberCount,
    composition,
  };
}

export function bodyInfo(ws: Workspace, id: number): BodyInfo {
  return toBodyInfo(ws, requireBody(ws, id));
}

export function allBodies(ws: Workspace): BodyInfo[] {
  const today = todayOf(ws);
  // The forum first: it is what most clerks here run.
  return ws.db
    .select()
    .from(body)
    .orderBy(sql`${body.kind} <> 'schools_forum'`, asc(body.name))
    .all()
    .map((row) => toBodyInfo(ws, row, today));
}
