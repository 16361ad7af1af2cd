/** What the meetings feature returns to the window and the command line. Dates are ISO; screens show them in UK form. */
import type { RichDoc } from '../../electron/shared/rich-doc';
import type {
  ActionStatus,
  AgendaPurpose,
  AttendanceStatus,
  BodyKind,
  MeetingStatus,
  MemberRole,
  Outcome,
  PackVariant,
  QuorumKind,
  SeatCategory,
  StandingKind,
  VoteChoice,
  VotingConstituency,
} from './words';

/** A header field of a paper template ("Report of", "Key decision"). */
export interface TemplateField {
  key: string;
  label: string;
  kind: 'text' | 'date' | 'yesno';
}
/** A numbered section of a paper ("1 Purpose"); a section with children is a heading over them (corporate considerations). */
export interface TemplateSection {
  key: string;
  heading: string;
  children?: Array<{ key: string; heading: string }>;
}
export interface PaperTemplate {
  kind: 'forum' | 'council';
  name: string;
  fields: TemplateField[];
  /** Sections shown before the numbered ones, unnumbered (the council report's summary and recommendations). */
  preamble: TemplateSection[];
  sections: TemplateSection[];
}

export interface StandingItem {
  kind: StandingKind | null;
  title: string;
  purpose: AgendaPurpose;
}

export interface CompositionCheck {
  /** Refusable problems are never refused: a forum can be out of balance between elections. These are warnings. */
  problems: string[];
  counts: { total: number; schools: number; nonSchools: number; other: number; voting: number };
  termsEndingSoon: Array<{ memberId: number; name: string; endDate: string }>;
}

export interface BodyInfo {
  id: number;
  name: string;
  kind: BodyKind;
  quorumKind: QuorumKind;
  quorumNumerator: number;
  quorumDenominator: number;
  quorumFixed: number | null;
  /** The quorum in words: "two-fifths of the membership, rounded up (10 of 24)". */
  quorumText: string;
  papersDeadlineDays: number;
  paperTemplate: PaperTemplate;
  standingItems: StandingItem[];
  clerkName: string;
  clerkEmail: string;
  clerkPhone: string;
  defaultVenue: string;
  /** Members in term today (named substitutes not counted). */
  memberCount: number;
  composition: CompositionCheck;
}

export interface MemberTermInfo {
  id: number;
  seatCategory: SeatCategory;
  role: MemberRole;
  voting: boolean;
  startDate: string;
  endDate: string | null;
}

export interface MemberInfo {
  id: number;
  bodyId: number;
  name: string;
  organisation: string;
  email: string;
  councillorOrOfficer: boolean;
  substituteForId: number | null;
  substituteForName: string | null;
  /** The term in force today, or the latest one. */
  current: MemberTermInfo | null;
  inTermToday: boolean;
  terms: MemberTermInfo[];
}

export interface BodyDetail {
  body: BodyInfo;
  members: MemberInfo[];
}

export interface MemberSaved {
  member: MemberInfo;
  /** Composition rules this change breaks: a warning, not a refusal. */
  warnings: string[];
}

export interface BankHolidayInfo {
  date: string;
  name: string;
}

export interface MeetingSummary {
  id: number;
  bodyId: number;
  bodyName: string;
  startsAt: string;
  venue: string;
  status: MeetingStatus;
  /** The last day papers can go out without being late, ISO. */
  papersDeadline: string;
  itemCount: number;
  latestPackVersion: number | null;
}

export interface AppendixInfo {
  id: number;
  title: string;
  fileName: string;
  format: 'pdf' | 'xlsx';
  sha256: string;
  pages: number | null;
  size: number;
}

export interface PaperSummary {
  id: number;
  template: 'forum' | 'council';
  title: string;
  late: boolean;
  lateReason: string;
  addedAt: string;
  appendices: number;
  blocks: number;
}

export interface VoteTally {
  for: number;
  against: number;
  abstain: number;
  /** Members present (or substituted) and entitled to vote on this item's constituency. */
  entitled: number;
  /**
   * Those members (by the id a vote is recorded under: the member, not their substitute), so the
   * meeting page lists exactly whom the server will accept.
   */
  entitledMemberIds: number[];
  /** Named votes, when recorded by name. */
  named: Array<{ memberId: number; name: string; choice: VoteChoice; castBy: string | null }>;
  source: 'named' | 'counts' | 'none';
}

export interface AgendaItemInfo {
  id: number;
  number: string;
  position: number;
  subItem: boolean;
  title: string;
  purpose: AgendaPurpose;
  presenter: string;
  votingConstituency: VotingConstituency;
  exempt: boolean;
  exemptParagraph: number | null;
  publicSummary: string;
  standingKind: StandingKind | null;
  resolution: string;
  outcome: Outcome | null;
  votes: VoteTally;
  paper: PaperSummary | null;
}

export interface AttendanceInfo {
  memberId: number;
  name: string;
  organisation: string;
  seatCategory: SeatCategory | null;
  role: MemberRole | null;
  voting: boolean;
  status: AttendanceStatus | null;
  substituteId: number | null;
  substituteName: string | null;
  /** Named substitutes this member may send. */
  substitutes: Array<{ id: number; name: string }>;
}

export interface QuorumInfo {
  required: number;
  present: number;
  quorate: boolean;
  text: string;
}

export interface DeclarationInfo {
  id: number;
  memberId: number;
  memberName: string;
  itemId: number | null;
  itemNumber: string | null;
  interest: string;
}

export interface ActionInfo {
  id: number;
  meetingId: number;
  meetingDate: string;
  itemId: number | null;
  itemNumber: string | null;
  description: string;
  owner: string;
  dueDate: string | null;
  status: ActionStatus;
  statusNote: string;
}

export interface MinutesInfo {
  doc: RichDoc;
  /** True when nothing has been saved yet and the doc is the draft built from the meeting's record. */
  generated: boolean;
  approved: boolean;
  approvedOn: string | null;
  approvedAtMeetingId: number | null;
}

export interface PackVersionInfo {
  id: number;
  version: number;
  supplementary: boolean;
  reason: string;
  publishedAt: string;
  publishedBy: string;
  files: Array<{ variant: PackVariant; format: 'pdf' | 'xlsx'; fileName: string; sha256: string; size: number; pages: number | null }>;
  differences: PackDifference[];
}

export type PackDifference =
  | { kind: 'paper-added' | 'paper-removed'; item: string; title: string }
  | { kind: 'text-changed'; item: string; title: string; section: string }
  | { kind: 'figure-moved'; item: string; title: string; block: string; figure: string; oldPence: number | null; newPence: number | null }
  | { kind: 'item-changed'; item: string; title: string; what: string };

export interface MeetingDetail {
  meeting: MeetingSummary & { onlineLink: string; statusReason: string };
  body: BodyInfo;
  items: AgendaItemInfo[];
  attendance: AttendanceInfo[];
  quorum: QuorumInfo;
  declarations: DeclarationInfo[];
  /** Actions raised at this meeting. */
  actions: ActionInfo[];
  /** Open actions from the body's earlier meetings: this meeting's matters arising. */
  mattersArising: ActionInfo[];
  packVersions: PackVersionInfo[];
  minutesApproved: boolean;
}

export interface PaperDetail {
  id: number;
  itemId: number;
  itemNumber: string;
  meetingId: number;
  template: PaperTemplate;
  header: Record<string, string>;
  sections: Record<string, RichDoc>;
  late: boolean;
  lateReason: string;
  addedAt: string;
  appendices: AppendixInfo[];
}

/** A live block kind, for the editor's "Insert" menu. */
export interface BlockKindInfo {
  kind: string;
  label: string;
  inline: boolean;
  /** The settings the block needs, as fields the editor asks for. */
  fields: Array<{ key: string; label: string; type: 'year' | 'period' | 'choice'; choices?: Array<{ value: string; label: string }> }>;
}

export interface BlockPreview {
  /** Print HTML (escaped by the server, safe to show in a sandboxed frame). */
  html: string;
  /** A one-line description: "High Needs monitoring, 2026-27 at P7". */
  caption: string;
  /** For an inline figure: the figure as text. */
  text: string | null;
  /** When the block's data no longer exists, why. */
  problem: string | null;
}

export interface PackBuilt {
  meetingId: number;
  variant: PackVariant;
  pdfBase64: string;
  workbookBase64: string;
  pdfFileName: string;
  workbookFileName: string;
  pages: number;
  contents: Array<{ number: string; title: string; page: number }>;
  exemptItems: string[];
  /** Workbook appendices, which go in the pack's folder beside the PDF (not in it), named for that folder. */
  attachments?: Array<{ item: string; title: string; fileName: string; sha256: string }>;
}

export interface PackProgress {
  active: boolean;
  meetingId: number | null;
  step: string;
  fraction: number | null;
  cancelled: boolean;
}
