import type { Db } from '../../../db/client';
import { ukDate } from '../../../electron/shared/dates';
import { type EntityRef, entityRef } from '../../../electron/shared/entity-ref';
import { auditTable } from '../../../electron/server/audit/registry';
import { bankHoliday, body, member, memberTerm } from '../schema';
import type { PaperTemplate, StandingItem } from '../types';
import { BODY_KIND_LABELS, type BodyKind, type MemberRole, ROLE_LABELS, SEAT_LABELS, type SeatCategory } from '../words';

export const BODY_ENTITY = 'body';
export const MEMBER_ENTITY = 'member';
export const bodyRef = (id: number | string): EntityRef => entityRef(BODY_ENTITY, id);
/** A member's history holds their own record and every term they have served. */
export const memberRef = (id: number | string): EntityRef => entityRef(MEMBER_ENTITY, id);
/** The bank holidays are one list, with one history. */
export const BANK_HOLIDAYS_REF: EntityRef = entityRef('bank_holiday', 'england');

const nameOf = (table: 'body' | 'member') => (id: unknown, db: Db) =>
  (db.$client.prepare(`SELECT name FROM ${table} WHERE id = ?`).pluck().get(id) as string | undefined) ?? null;

function templateText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const t = JSON.parse(v) as PaperTemplate;
    const headings = t.sections.map((s, i) => `${i + 1} ${s.heading}`).join(', ');
    return `${t.name}: ${headings}`;
  } catch {
    return null;
  }
}

function standingText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  try {
    const items = JSON.parse(v) as StandingItem[];
    return items.length === 0 ? 'None' : items.map((i) => i.title).join('; ');
  } catch {
    return null;
  }
}

export const bodiesAudit = [
  auditTable(body, {
    fields: {
      name: 'Name',
      kind: 'Kind of body',
      quorumKind: 'Quorum rule',
      quorumNumerator: 'Quorum fraction (top)',
      quorumDenominator: 'Quorum fraction (bottom)',
      quorumFixed: 'Quorum (members)',
      papersDeadlineDays: 'Papers deadline (clear working days)',
      paperTemplate: 'Paper template',
      standingItems: 'Standing items',
      clerkName: 'Clerk',
      clerkEmail: "Clerk's email",
      clerkPhone: "Clerk's phone",
      defaultVenue: 'Usual venue',
    },
    subject: (row) => bodyRef(String(row.id)),
    values: {
      kind: (v) => BODY_KIND_LABELS[v as BodyKind] ?? null,
      quorumKind: (v) => (v === 'fixed' ? 'A fixed number of members' : v === 'fraction' ? 'A fraction of the membership' : null),
      paperTemplate: templateText,
      standingItems: standingText,
    },
  }),
  auditTable(member, {
    fields: {
      bodyId: 'Body',
      name: 'Name',
      organisation: 'Organisation',
      email: 'Email',
      councillorOrOfficer: 'Councillor or officer of the authority',
      substituteForId: 'Substitute for',
    },
    subject: (row) => memberRef(String(row.id)),
    values: { bodyId: nameOf('body'), substituteForId: nameOf('member') },
  }),
  auditTable(memberTerm, {
    fields: { memberId: 'Member', seatCategory: 'Seat', role: 'Role', voting: 'Voting', startDate: 'Term starts', endDate: 'Term ends' },
    subject: (row) => memberRef(String(row.memberId)),
    values: {
      memberId: nameOf('member'),
      seatCategory: (v) => SEAT_LABELS[v as SeatCategory] ?? null,
      role: (v) => ROLE_LABELS[v as MemberRole] ?? null,
    },
  }),
  auditTable(bankHoliday, {
    fields: { name: 'Bank holiday' },
    subject: () => BANK_HOLIDAYS_REF,
    part: (row) => (typeof row.id === 'string' ? ukDate(row.id) : null),
  }),
];
