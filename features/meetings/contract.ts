import { z } from 'zod';
import { channel, empty, fileBytes, isoDate, recordId, requiredText, text } from '../../electron/shared/contract-kit';
import { richDoc } from '../../electron/shared/rich-doc';
import type {
  ActionInfo,
  BankHolidayInfo,
  BlockKindInfo,
  BlockPreview,
  BodyDetail,
  BodyInfo,
  MeetingDetail,
  MeetingSummary,
  MemberSaved,
  MinutesInfo,
  PackBuilt,
  PackProgress,
  PackVersionInfo,
  PaperDetail,
} from './types';
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

/** "2026-12-10T14:00", wall-clock time in Europe/London. */
export const localDateTime = z
  .string({ error: 'must be a date and time' })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a date and time written YYYY-MM-DDTHH:MM' })
  .refine((s) => !Number.isNaN(Date.parse(`${s.slice(0, 10)}T00:00:00Z`)) && new Date(`${s.slice(0, 10)}T00:00:00Z`).toISOString().startsWith(s.slice(0, 10)), {
    error: 'must be a real calendar date',
  });

const templateKey = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, { error: 'must be a short key of lower-case letters' });

export const paperTemplateField = z.strictObject({
  kind: z.enum(['forum', 'council']),
  name: requiredText(100),
  fields: z.array(z.strictObject({ key: templateKey, label: requiredText(100), kind: z.enum(['text', 'date', 'yesno']) })).max(30),
  preamble: z.array(z.strictObject({ key: templateKey, heading: requiredText(120) })).max(10),
  sections: z
    .array(
      z.strictObject({
        key: templateKey,
        heading: requiredText(120),
        children: z
          .array(z.strictObject({ key: templateKey, heading: requiredText(120) }))
          .max(20)
          .optional(),
      }),
    )
    .min(1, { error: 'must have at least one section' })
    .max(30),
});

export const standingItemField = z.strictObject({
  kind: z.enum(STANDING_KINDS).nullable(),
  title: requiredText(200),
  purpose: z.enum(AGENDA_PURPOSES),
});

const blockSettings = z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.null()]));

export const meetingsContract = {
  // Bodies and members
  listBodies: channel(empty).returns<BodyInfo[]>(),
  getBody: channel(z.strictObject({ id: recordId })).returns<BodyDetail>(),
  saveBody: channel(
    z.strictObject({
      id: recordId.optional(),
      name: requiredText(120),
      kind: z.enum(BODY_KINDS),
      quorumKind: z.enum(QUORUM_KINDS),
      quorumNumerator: z.int().min(1).max(20).optional(),
      quorumDenominator: z.int().min(1).max(20).optional(),
      quorumFixed: z.int().min(1).max(200).nullable().optional(),
      papersDeadlineDays: z.int({ error: 'must be a whole number of working days' }).min(0).max(30),
      paperTemplate: paperTemplateField.optional(),
      /** Start from this standard template when none is given. */
      templateKind: z.enum(['forum', 'council']).optional(),
      standingItems: z.array(standingItemField).max(20).optional(),
      clerkName: text(120).optional(),
      clerkEmail: text(200).optional(),
      clerkPhone: text(60).optional(),
      defaultVenue: text(300).optional(),
    }),
  ).returns<BodyInfo>(),
  saveMember: channel(
    z.strictObject({
      id: recordId.optional(),
      bodyId: recordId,
      name: requiredText(120),
      organisation: text(200).optional(),
      email: text(200).optional(),
      councillorOrOfficer: z.boolean().optional(),
      substituteForId: recordId.nullable().optional(),
      /** The current term's details; for a new member, the first term. */
      seatCategory: z.enum(SEAT_CATEGORIES),
      role: z.enum(MEMBER_ROLES),
      voting: z.boolean(),
      termStart: isoDate,
      termEnd: isoDate.nullable(),
    }),
  ).returns<MemberSaved>(),
  /** A new term (re-appointment, a change of seat): the old term stays in the member's history. */
  addMemberTerm: channel(
    z.strictObject({
      memberId: recordId,
      seatCategory: z.enum(SEAT_CATEGORIES),
      role: z.enum(MEMBER_ROLES),
      voting: z.boolean(),
      termStart: isoDate,
      termEnd: isoDate.nullable(),
    }),
  ).returns<MemberSaved>(),
  /** Only a member with no attendance, votes or declarations recorded; otherwise end their term. */
  deleteMember: channel(z.strictObject({ id: recordId })).returns<{ deleted: number }>(),
  listBankHolidays: channel(empty).returns<BankHolidayInfo[]>(),
  saveBankHoliday: channel(z.strictObject({ date: isoDate, name: requiredText(100) })).returns<BankHolidayInfo[]>(),
  deleteBankHoliday: channel(z.strictObject({ date: isoDate })).returns<BankHolidayInfo[]>(),

  // Meetings and agenda
  listMeetings: channel(z.strictObject({ bodyId: recordId.optional() })).returns<MeetingSummary[]>(),
  getMeeting: channel(z.strictObject({ id: recordId })).returns<MeetingDetail>(),
  /** A new meeting starts with its body's standing items. */
  saveMeeting: channel(
    z.strictObject({ id: recordId.optional(), bodyId: recordId, startsAt: localDateTime, venue: text(300).optional(), onlineLink: text(500).optional() }),
  ).returns<MeetingDetail>(),
  setMeetingStatus: channel(z.strictObject({ id: recordId, status: z.enum(MEETING_STATUSES), reason: text(500).optional() })).returns<MeetingDetail>(),
  saveAgendaItem: channel(
    z.strictObject({
      id: recordId.optional(),
      meetingId: recordId,
      title: requiredText(300),
      purpose: z.enum(AGENDA_PURPOSES),
      presenter: text(200).optional(),
      votingConstituency: z.enum(VOTING_CONSTITUENCIES),
      exempt: z.boolean(),
      exemptParagraph: z
        .int()
        .min(1, { error: 'must be a Schedule 12A paragraph from 1 to 7' })
        .max(7, { error: 'must be a Schedule 12A paragraph from 1 to 7' })
        .nullable()
        .optional(),
      publicSummary: text(500).optional(),
      subItem: z.boolean().optional(),
      /** Where a new item goes (0-based); at the end when left out. */
      position: z.int().min(0).max(500).optional(),
    }),
  ).returns<MeetingDetail>(),
  /** Moves an item to a 0-based position, and optionally makes it a sub-item (2a) or a main item. */
  moveAgendaItem: channel(z.strictObject({ id: recordId, toPosition: z.int().min(0).max(500), subItem: z.boolean().optional() })).returns<MeetingDetail>(),
  deleteAgendaItem: channel(z.strictObject({ id: recordId })).returns<MeetingDetail>(),

  // Papers
  /** Null when the item has no paper yet. */
  getPaper: channel(z.strictObject({ itemId: recordId })).returns<PaperDetail | null>(),
  savePaper: channel(
    z.strictObject({
      itemId: recordId,
      header: z.record(z.string().max(40), text(2000)),
      sections: z.record(z.string().max(40), richDoc),
      /** Needed when the paper is first added after the body's papers deadline. */
      lateReason: text(1000).optional(),
    }),
  ).returns<PaperDetail>(),
  deletePaper: channel(z.strictObject({ itemId: recordId })).returns<{ deleted: number }>(),
  addAppendix: channel(z.strictObject({ paperId: recordId, title: requiredText(200), file: fileBytes })).returns<PaperDetail>(),
  removeAppendix: channel(z.strictObject({ id: recordId })).returns<PaperDetail>(),
  listBlockKinds: channel(empty).returns<BlockKindInfo[]>(),
  previewBlock: channel(z.strictObject({ kind: requiredText(60), settings: blockSettings, meetingId: recordId.optional() })).returns<BlockPreview>(),

  // At and after the meeting
  setAttendance: channel(
    z.strictObject({ meetingId: recordId, memberId: recordId, status: z.enum(ATTENDANCE_STATUSES).nullable(), substituteId: recordId.nullable().optional() }),
  ).returns<MeetingDetail>(),
  recordVotes: channel(
    z.discriminatedUnion('mode', [
      z.strictObject({
        mode: z.literal('named'),
        itemId: recordId,
        votes: z.array(z.strictObject({ memberId: recordId, choice: z.enum(VOTE_CHOICES) })).max(200),
      }),
      z.strictObject({
        mode: z.literal('counts'),
        itemId: recordId,
        for: z.int().min(0).max(200),
        against: z.int().min(0).max(200),
        abstain: z.int().min(0).max(200),
      }),
      z.strictObject({ mode: z.literal('clear'), itemId: recordId }),
    ]),
  ).returns<MeetingDetail>(),
  setResolution: channel(z.strictObject({ itemId: recordId, resolution: text(5000), outcome: z.enum(OUTCOMES).nullable() })).returns<MeetingDetail>(),
  saveDeclaration: channel(
    z.strictObject({ id: recordId.optional(), meetingId: recordId, memberId: recordId, itemId: recordId.nullable().optional(), interest: requiredText(1000) }),
  ).returns<MeetingDetail>(),
  deleteDeclaration: channel(z.strictObject({ id: recordId })).returns<MeetingDetail>(),
  saveAction: channel(
    z.strictObject({
      id: recordId.optional(),
      meetingId: recordId,
      itemId: recordId.nullable().optional(),
      description: requiredText(1000),
      owner: requiredText(200),
      dueDate: isoDate.nullable().optional(),
      status: z.enum(ACTION_STATUSES).optional(),
      statusNote: text(500).optional(),
    }),
  ).returns<ActionInfo>(),
  getMinutes: channel(z.strictObject({ meetingId: recordId })).returns<MinutesInfo>(),
  saveMinutes: channel(z.strictObject({ meetingId: recordId, doc: richDoc })).returns<MinutesInfo>(),
  /** Approved as an item of a later meeting of the same body; then locked. */
  approveMinutes: channel(z.strictObject({ meetingId: recordId, atItemId: recordId })).returns<MinutesInfo>(),

  // The pack
  buildPack: channel(z.strictObject({ meetingId: recordId, variant: z.enum(PACK_VARIANTS), supplementary: z.boolean().optional() })).returns<PackBuilt>(),
  getPackProgress: channel(empty).returns<PackProgress>(),
  cancelPackBuild: channel(empty).returns<PackProgress>(),
  publishPack: channel(
    z.strictObject({ meetingId: recordId, reason: text(1000).optional(), supplementary: z.boolean().optional() }),
  ).returns<PackVersionInfo>(),
  listPackVersions: channel(z.strictObject({ meetingId: recordId })).returns<PackVersionInfo[]>(),
  getPackFile: channel(z.strictObject({ versionId: recordId, variant: z.enum(PACK_VARIANTS), format: z.enum(['pdf', 'xlsx']) })).returns<{
    fileName: string;
    base64: string;
    sha256: string;
  }>(),
};
