import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { wholeNumbers } from '../../db/schema/checks';
import {
  ACTION_STATUSES,
  AGENDA_PURPOSES,
  ATTENDANCE_STATUSES,
  BODY_KINDS,
  MEETING_STATUSES,
  MEMBER_ROLES,
  OUTCOMES,
  PACK_VARIANTS,
  QUORUM_KINDS,
  SEAT_CATEGORIES,
  STANDING_KINDS,
  VOTE_CHOICES,
  VOTING_CONSTITUENCIES,
} from './words';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * A body that meets: the Schools Forum, Cabinet, a scrutiny board, a programme board. Its rules
 * (quorum, papers deadline, paper template, standing items) are data, so a new board needs no code.
 */
export const body = sqliteTable(
  'body',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    kind: text('kind', { enum: BODY_KINDS }).notNull(),
    /** fraction: numerator/denominator of the voting membership, rounded up; fixed: quorumFixed members. */
    quorumKind: text('quorum_kind', { enum: QUORUM_KINDS }).notNull(),
    quorumNumerator: integer('quorum_numerator').notNull().default(2),
    quorumDenominator: integer('quorum_denominator').notNull().default(5),
    quorumFixed: integer('quorum_fixed'),
    /** Clear working days between the papers going out and the meeting (bank holidays and weekends excluded). */
    papersDeadlineDays: integer('papers_deadline_days').notNull().default(5),
    /** PaperTemplate as JSON (types.ts), editable per body. */
    paperTemplate: text('paper_template').notNull(),
    /** StandingItem[] as JSON: added to every new meeting's agenda. */
    standingItems: text('standing_items').notNull(),
    clerkName: text('clerk_name').notNull().default(''),
    clerkEmail: text('clerk_email').notNull().default(''),
    clerkPhone: text('clerk_phone').notNull().default(''),
    defaultVenue: text('default_venue').notNull().default(''),
  },
  (t) => [
    uniqueIndex('body_name').on(t.name),
    check('body_kind', sql`${t.kind} IN (${inList(BODY_KINDS)})`),
    check('body_quorum_kind', sql`${t.quorumKind} IN (${inList(QUORUM_KINDS)})`),
    check('body_quorum_fraction', sql`${t.quorumNumerator} > 0 AND ${t.quorumDenominator} >= ${t.quorumNumerator}`),
    check('body_whole_numbers', wholeNumbers(t.quorumNumerator, t.quorumDenominator, t.quorumFixed, t.papersDeadlineDays)),
  ],
);

/** A person on a body. Their seat, role and voting right live on their terms, so history survives re-appointment. */
export const member = sqliteTable(
  'member',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bodyId: integer('body_id')
      .notNull()
      .references(() => body.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    organisation: text('organisation').notNull().default(''),
    email: text('email').notNull().default(''),
    /** A councillor or officer of the authority may not chair a Schools Forum. */
    councillorOrOfficer: integer('councillor_or_officer', { mode: 'boolean' }).notNull().default(false),
    /** A named substitute stands in for this member (not counted in the membership). */
    substituteForId: integer('substitute_for_id'),
  },
  (t) => [index('member_body').on(t.bodyId)],
);

export const memberTerm = sqliteTable(
  'member_term',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id, { onDelete: 'cascade' }),
    seatCategory: text('seat_category', { enum: SEAT_CATEGORIES }).notNull(),
    role: text('role', { enum: MEMBER_ROLES }).notNull(),
    voting: integer('voting', { mode: 'boolean' }).notNull(),
    startDate: text('start_date').notNull(),
    /** Null: open-ended. */
    endDate: text('end_date'),
  },
  (t) => [
    index('member_term_member').on(t.memberId, t.startDate),
    check('member_term_seat', sql`${t.seatCategory} IN (${inList(SEAT_CATEGORIES)})`),
    check('member_term_role', sql`${t.role} IN (${inList(MEMBER_ROLES)})`),
    check('member_term_dates', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

/** English bank holidays: data, pre-filled to 2030 and editable, for the papers deadline in clear working days. */
export const bankHoliday = sqliteTable('bank_holiday', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

export const meeting = sqliteTable(
  'meeting',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bodyId: integer('body_id')
      .notNull()
      .references(() => body.id, { onDelete: 'restrict' }),
    /** Wall-clock time in Europe/London, "2026-12-10T14:00". */
    startsAt: text('starts_at').notNull(),
    venue: text('venue').notNull().default(''),
    onlineLink: text('online_link').notNull().default(''),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('draft'),
    statusReason: text('status_reason').notNull().default(''),
  },
  (t) => [index('meeting_body').on(t.bodyId, t.startsAt), check('meeting_status', sql`${t.status} IN (${inList(MEETING_STATUSES)})`)],
);

/** An agenda line. Numbers (1, 2, 2a) are worked out from position and subItem, never stored. */
export const agendaItem = sqliteTable(
  'agenda_item',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** Numbered as a letter under the item above it (2a). */
    subItem: integer('sub_item', { mode: 'boolean' }).notNull().default(false),
    title: text('title').notNull(),
    purpose: text('purpose', { enum: AGENDA_PURPOSES }).notNull(),
    presenter: text('presenter').notNull().default(''),
    votingConstituency: text('voting_constituency', { enum: VOTING_CONSTITUENCIES }).notNull().default('none'),
    exempt: integer('exempt', { mode: 'boolean' }).notNull().default(false),
    /** Schedule 12A paragraph, 1 to 7, when exempt. */
    exemptParagraph: integer('exempt_paragraph'),
    publicSummary: text('public_summary').notNull().default(''),
    standingKind: text('standing_kind', { enum: STANDING_KINDS }),
    resolution: text('resolution').notNull().default(''),
    outcome: text('outcome', { enum: OUTCOMES }),
    /** Show-of-hands counts, when votes were not recorded by name. */
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
  },
  (t) => [
    index('agenda_item_meeting').on(t.meetingId, t.position),
    check(
      'agenda_item_exempt_paragraph',
      sql`(${t.exempt} = 0 AND ${t.exemptParagraph} IS NULL) OR (${t.exempt} = 1 AND ${t.exemptParagraph} IS NOT NULL AND ${t.exemptParagraph} BETWEEN 1 AND 7)`,
    ),
    check('agenda_item_purpose', sql`${t.purpose} IN (${inList(AGENDA_PURPOSES)})`),
    check('agenda_item_constituency', sql`${t.votingConstituency} IN (${inList(VOTING_CONSTITUENCIES)})`),
    check('agenda_item_votes', sql`coalesce(${t.votesFor}, 0) >= 0 AND coalesce(${t.votesAgainst}, 0) >= 0 AND coalesce(${t.votesAbstain}, 0) >= 0`),
    check('agenda_item_whole_numbers', wholeNumbers(t.position, t.exemptParagraph, t.votesFor, t.votesAgainst, t.votesAbstain)),
  ],
);

/** The paper behind an agenda item, in its body's template: header fields and rich-text sections as JSON. */
export const paper = sqliteTable(
  'paper',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => agendaItem.id, { onDelete: 'cascade' }),
    /** The template's kind when the paper was written ("forum", "council"). */
    template: text('template').notNull(),
    /** Record<fieldKey, string>. */
    header: text('header').notNull(),
    /** Record<sectionKey, RichDoc>. */
    sections: text('sections').notNull(),
    /** When the paper was first added: after the body's deadline it is late. */
    addedAt: text('added_at').notNull(),
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    lateReason: text('late_reason').notNull().default(''),
  },
  (t) => [uniqueIndex('paper_item').on(t.itemId), check('paper_late_reason', sql`${t.late} = 0 OR length(trim(${t.lateReason})) > 0`)],
);

/**
 * Files kept in the workspace by their SHA-256: appendices and published packs. Insert-only and
 * content-addressed, so the audited rows that point at them stay small and a file never changes.
 */
export const storedFile = sqliteTable('stored_file', {
  sha256: text('sha256').primaryKey(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  size: integer('size').notNull(),
});

export const appendix = sqliteTable(
  'appendix',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    paperId: integer('paper_id')
      .notNull()
      .references(() => paper.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['pdf', 'xlsx'] }).notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => storedFile.sha256),
    /** Pages, for a PDF. */
    pages: integer('pages'),
  },
  (t) => [index('appendix_paper').on(t.paperId, t.position)],
);

export const attendance = sqliteTable(
  'attendance',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id, { onDelete: 'restrict' }),
    status: text('status', { enum: ATTENDANCE_STATUSES }).notNull(),
    /** Who came in the member's place (one of their named substitutes), when status is substitute. */
    substituteId: integer('substitute_id').references(() => member.id, { onDelete: 'restrict' }),
  },
  (t) => [
    uniqueIndex('attendance_member').on(t.meetingId, t.memberId),
    check('attendance_status', sql`${t.status} IN (${inList(ATTENDANCE_STATUSES)})`),
    check('attendance_substitute', sql`(${t.status} = 'substitute') = (${t.substituteId} IS NOT NULL)`),
  ],
);

/** A recorded vote by name: the member whose vote it is (a substitute votes in the member's place). */
export const vote = sqliteTable(
  'vote',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => agendaItem.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id, { onDelete: 'restrict' }),
    choice: text('choice', { enum: VOTE_CHOICES }).notNull(),
  },
  (t) => [uniqueIndex('vote_member').on(t.itemId, t.memberId), check('vote_choice', sql`${t.choice} IN (${inList(VOTE_CHOICES)})`)],
);

export const declaration = sqliteTable(
  'declaration',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    memberId: integer('member_id')
      .notNull()
      .references(() => member.id, { onDelete: 'restrict' }),
    itemId: integer('item_id').references(() => agendaItem.id, { onDelete: 'cascade' }),
    interest: text('interest').notNull(),
  },
  (t) => [index('declaration_meeting').on(t.meetingId)],
);

export const meetingAction = sqliteTable(
  'meeting_action',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    itemId: integer('item_id').references(() => agendaItem.id, { onDelete: 'set null' }),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    dueDate: text('due_date'),
    status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
    /** The meeting at which it was closed, or the note of how. */
    statusNote: text('status_note').notNull().default(''),
  },
  (t) => [index('meeting_action_meeting').on(t.meetingId), check('meeting_action_status', sql`${t.status} IN (${inList(ACTION_STATUSES)})`)],
);

/** Draft minutes (a RichDoc as JSON), approved at a later meeting and then locked. */
export const minutes = sqliteTable('minutes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  meetingId: integer('meeting_id')
    .notNull()
    .unique()
    .references(() => meeting.id, { onDelete: 'cascade' }),
  doc: text('doc').notNull(),
  /** The meeting (its agenda item) at which they were approved. */
  approvedAtItemId: integer('approved_at_item_id').references(() => agendaItem.id, { onDelete: 'restrict' }),
  approvedOn: text('approved_on'),
});

/**
 * A published pack: version 1, then re-issues. Never updated once written; the snapshot holds
 * every block's figures and every paper's text, so a later version can say what moved.
 */
export const packVersion = sqliteTable(
  'pack_version',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    supplementary: integer('supplementary', { mode: 'boolean' }).notNull().default(false),
    reason: text('reason').notNull().default(''),
    publishedAt: text('published_at').notNull(),
    publishedBy: text('published_by').notNull(),
    /** PackSnapshot as JSON. */
    snapshot: text('snapshot').notNull(),
    /** PackDifference[] as JSON, against the version before (empty for version 1). */
    differences: text('differences').notNull().default('[]'),
  },
  (t) => [uniqueIndex('pack_version_number').on(t.meetingId, t.version), check('pack_version_whole', wholeNumbers(t.version))],
);

export const packFile = sqliteTable(
  'pack_file',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => packVersion.id, { onDelete: 'restrict' }),
    variant: text('variant', { enum: PACK_VARIANTS }).notNull(),
    format: text('format', { enum: ['pdf', 'xlsx'] }).notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => storedFile.sha256),
    size: integer('size').notNull(),
    pages: integer('pages'),
  },
  (t) => [uniqueIndex('pack_file_kind').on(t.versionId, t.variant, t.format)],
);
