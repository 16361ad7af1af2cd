/**
 * Everything a pack is made from, as plain JSON: the meeting, its body and clerk, the agenda and
 * each paper with its live blocks' data. A pack is rendered from this alone, so a published
 * version is stored with it and a re-issue can say what moved.
 */
import type { NegativeStyle } from '../../../electron/shared/money';
import type { Workspace } from '../../../electron/server/workspace';
import { meetingDetail } from '../agenda/queries';
import { type PaperSnapshot, snapshotPaper } from '../papers/render';
import type { AgendaPurpose, BodyKind, MeetingStatus, VotingConstituency } from '../words';

export interface PackItemSnapshot {
  id: number;
  number: string;
  title: string;
  presenter: string;
  purpose: AgendaPurpose;
  votingConstituency: VotingConstituency;
  exempt: boolean;
  exemptParagraph: number | null;
  publicSummary: string;
  late: boolean;
  lateReason: string;
  paper: PaperSnapshot | null;
}

export interface PackSnapshot {
  /** Bumped if the shape changes, so an old stored snapshot can still be read. */
  format: 1;
  takenAt: string;
  supplementary: boolean;
  authority: string;
  negativeStyle: NegativeStyle;
  meeting: { id: number; startsAt: string; venue: string; onlineLink: string; status: MeetingStatus };
  body: { id: number; name: string; kind: BodyKind };
  clerk: { name: string; email: string; phone: string };
  items: PackItemSnapshot[];
}

/** A supplementary pack holds only the items whose papers came in after the deadline. */
export function takeSnapshot(ws: Workspace, meetingId: number, options: { supplementary?: boolean } = {}): PackSnapshot {
  const detail = meetingDetail(ws, meetingId);
  const supplementary = options.supplementary === true;
  const items = detail.items
    .filter((i) => !supplementary || i.paper?.late === true)
    .map(
      (i): PackItemSnapshot => ({
        id: i.id,
        number: i.number,
        title: i.title,
        presenter: i.presenter,
        purpose: i.purpose,
        votingConstituency: i.votingConstituency,
        exempt: i.exempt,
        exemptParagraph: i.exemptParagraph,
        publicSummary: i.publicSummary,
        late: i.paper?.late ?? false,
        lateReason: i.paper?.lateReason ?? '',
        paper: i.paper ? snapshotPaper(ws, i.id) : null,
      }),
    );
  return {
    format: 1,
    takenAt: ws.actor.now().toISOString(),
    supplementary,
    authority: ws.info().name,
    negativeStyle: ws.money().negative,
    meeting: {
      id: detail.meeting.id,
      startsAt: detail.meeting.startsAt,
      venue: detail.meeting.venue,
      onlineLink: detail.meeting.onlineLink,
      status: detail.meeting.status,
    },
    body: { id: detail.body.id, name: detail.body.name, kind: detail.body.kind },
    clerk: { name: detail.body.clerkName, email: detail.body.clerkEmail, phone: detail.body.clerkPhone },
    items,
  };
}
