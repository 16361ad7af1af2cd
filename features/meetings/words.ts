/**
 * The fixed lists of the meetings feature and the words people read for each. Shared by the
 * schema, the contract, the server and the screens, so a label never drifts from its value.
 */

export const BODY_KINDS = ['schools_forum', 'cabinet', 'scrutiny', 'programme_board', 'transformation_board', 'partnership_board', 'other'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const BODY_KIND_LABELS: Record<BodyKind, string> = {
  schools_forum: 'Schools Forum',
  cabinet: 'Cabinet or Executive Board',
  scrutiny: 'Scrutiny board',
  programme_board: 'SEND programme board',
  transformation_board: 'Transformation board',
  partnership_board: "Area partnership's management board",
  other: 'Other body',
};

export const QUORUM_KINDS = ['fraction', 'fixed'] as const;
export type QuorumKind = (typeof QUORUM_KINDS)[number];

/** domain.md section 7: a forum's seats. Schools members are the first group, non-schools the second. */
export const SEAT_CATEGORIES = [
  'maintained_primary_head',
  'maintained_primary_governor',
  'maintained_secondary_head',
  'maintained_secondary_governor',
  'maintained_special',
  'maintained_nursery',
  'pru',
  'academy',
  'special_academy',
  'ap_academy',
  'early_years_provider',
  'post16_provider',
  'diocese',
  'union',
  'other_non_schools',
  'councillor',
  'officer',
  'other',
] as const;
export type SeatCategory = (typeof SEAT_CATEGORIES)[number];
export const SEAT_LABELS: Record<SeatCategory, string> = {
  maintained_primary_head: 'Maintained primary head',
  maintained_primary_governor: 'Maintained primary governor',
  maintained_secondary_head: 'Maintained secondary head',
  maintained_secondary_governor: 'Maintained secondary governor',
  maintained_special: 'Maintained special school',
  maintained_nursery: 'Maintained nursery school',
  pru: 'Pupil referral unit',
  academy: 'Academies (mainstream)',
  special_academy: 'Special academy',
  ap_academy: 'AP academy',
  early_years_provider: 'Early years provider (PVI)',
  post16_provider: '16-19 provider',
  diocese: 'Diocese',
  union: 'Trade union (joint consultative committee)',
  other_non_schools: 'Other non-schools member',
  councillor: 'Councillor',
  officer: 'Officer of the authority',
  other: 'Other',
};

/** Schools and academies members: at least two-thirds of a forum. */
export const SCHOOLS_SEATS: readonly SeatCategory[] = [
  'maintained_primary_head',
  'maintained_primary_governor',
  'maintained_secondary_head',
  'maintained_secondary_governor',
  'maintained_special',
  'maintained_nursery',
  'pru',
  'academy',
  'special_academy',
  'ap_academy',
];
/** Non-schools members: at most a third of a forum. */
export const NON_SCHOOLS_SEATS: readonly SeatCategory[] = ['early_years_provider', 'post16_provider', 'diocese', 'union', 'other_non_schools'];

export const MAINTAINED_PRIMARY_SEATS: readonly SeatCategory[] = ['maintained_primary_head', 'maintained_primary_governor'];
export const MAINTAINED_SECONDARY_SEATS: readonly SeatCategory[] = ['maintained_secondary_head', 'maintained_secondary_governor'];
/** Every maintained seat: the scheme for financing schools is theirs to decide. */
export const MAINTAINED_SEATS: readonly SeatCategory[] = [
  ...MAINTAINED_PRIMARY_SEATS,
  ...MAINTAINED_SECONDARY_SEATS,
  'maintained_special',
  'maintained_nursery',
  'pru',
];

/** The seats that vote in each constituency; 'all' is every voting member, whatever the seat. */
export const CONSTITUENCY_SEATS: Record<VotingConstituency, readonly SeatCategory[] | 'all'> = {
  whole_forum: 'all',
  schools_and_academies: SCHOOLS_SEATS,
  maintained_primary: MAINTAINED_PRIMARY_SEATS,
  maintained_secondary: MAINTAINED_SECONDARY_SEATS,
  maintained_schools: MAINTAINED_SEATS,
  none: [],
};

export const MEMBER_ROLES = ['chair', 'vice_chair', 'member', 'observer', 'officer_in_attendance'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const ROLE_LABELS: Record<MemberRole, string> = {
  chair: 'Chair',
  vice_chair: 'Vice-chair',
  member: 'Member',
  observer: 'Observer',
  officer_in_attendance: 'Officer in attendance',
};

export const MEETING_STATUSES = ['draft', 'published', 'held', 'approved', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: 'Draft',
  published: 'Papers published',
  held: 'Held',
  approved: 'Minutes approved',
  cancelled: 'Cancelled',
};

export const AGENDA_PURPOSES = ['decision', 'consultation', 'information'] as const;
export type AgendaPurpose = (typeof AGENDA_PURPOSES)[number];
export const PURPOSE_LABELS: Record<AgendaPurpose, string> = {
  decision: 'Decision',
  consultation: 'Consultation',
  information: 'Information',
};

/** domain.md section 7: who votes on an item. */
export const VOTING_CONSTITUENCIES = [
  'whole_forum',
  'schools_and_academies',
  'maintained_primary',
  'maintained_secondary',
  'maintained_schools',
  'none',
] as const;
export type VotingConstituency = (typeof VOTING_CONSTITUENCIES)[number];
export const CONSTITUENCY_LABELS: Record<VotingConstituency, string> = {
  whole_forum: 'Whole forum',
  schools_and_academies: 'Schools and academies members',
  maintained_primary: 'Maintained primary members',
  maintained_secondary: 'Maintained secondary members',
  maintained_schools: 'Maintained schools members',
  none: 'None',
};

export const STANDING_KINDS = ['apologies', 'declarations', 'minutes', 'matters_arising'] as const;
export type StandingKind = (typeof STANDING_KINDS)[number];

export const OUTCOMES = ['carried', 'not_carried', 'noted', 'deferred', 'withdrawn'] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  carried: 'Carried',
  not_carried: 'Not carried',
  noted: 'Noted',
  deferred: 'Deferred',
  withdrawn: 'Withdrawn',
};

export const ATTENDANCE_STATUSES = ['present', 'apologies', 'substitute', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Apologies',
  substitute: 'Substitute attended',
  absent: 'Absent',
};

export const VOTE_CHOICES = ['for', 'against', 'abstain'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const PACK_VARIANTS = ['full', 'public'] as const;
export type PackVariant = (typeof PACK_VARIANTS)[number];

/** Local Government Act 1972, Schedule 12A, Part 1. */
export const SCHEDULE_12A: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to consultations or negotiations in connection with labour relations matters',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained',
  6: 'Information which reveals that the authority proposes to give a notice or make an order or direction',
  7: 'Information relating to the prevention, investigation or prosecution of crime',
};
