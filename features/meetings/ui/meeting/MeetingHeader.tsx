import { Button, Link } from '@fluentui/react-components';
import { ArrowLeftRegular, CheckmarkRegular, DismissCircleRegular, DocumentPdfRegular, EditRegular, SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import type { MeetingDetail } from '../../types';
import { CancelMeetingDialog } from './CancelMeetingDialog';
import { useSetMeetingStatus } from './data';
import { MeetingDialog } from './MeetingDialog';
import { StatusBadge } from './StatusBadge';
import { meetingDay, meetingWhen, todayIso } from './when';

/** What comes next for a meeting at each status, in a line under it. */
function nextStep(d: MeetingDetail, dateHasCome: boolean): string {
  const m = d.meeting;
  switch (m.status) {
    case 'draft':
      return `Next: build the agenda and papers, then publish them from the pack. Papers are due by ${ukLongDate(m.papersDeadline)}.`;
    case 'published':
      return dateHasCome
        ? 'Next: record attendance, votes and actions, and mark the meeting held.'
        : `The papers are out. On the day, record attendance, votes and actions; it can be marked held from ${ukLongDate(meetingDay(m.startsAt))}.`;
    case 'held':
      return 'Its minutes are approved at the next meeting, on that meeting\'s "minutes of the last meeting" item.';
    case 'approved':
      return 'The record of this meeting is final.';
    case 'cancelled':
      return m.statusReason ? `Reason: ${m.statusReason}` : 'No reason was recorded.';
  }
}

/** The meeting's body, day and time, venue, status and the step it allows next; the pack is a button away. */
export function MeetingHeader({ detail }: { detail: MeetingDetail }) {
  const m = detail.meeting;
  const status = useSetMeetingStatus();
  const [cancelOpen, setCancelOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const dateHasCome = todayIso() >= meetingDay(m.startsAt);
  const open = m.status === 'draft' || m.status === 'published';

  return (
    <header className="meeting-head">
      <Link href="#/meetings" className="meeting-back">
        <ArrowLeftRegular aria-hidden /> All meetings
      </Link>
      <div className="screen-head">
        <div>
          <h1 id="meeting-title">
            {m.bodyName}: {meetingWhen(m.startsAt)}
          </h1>
          <p className="screen-sub meeting-where">
            {m.venue || 'No venue set'}
            {m.onlineLink && (
              <>
                {' · Online: '}
                <span className="path">{m.onlineLink}</span>
              </>
            )}
          </p>
        </div>
        <div className="screen-tools">
          <Button as="a" href={`#/meetings/${m.id}/pack`} icon={<DocumentPdfRegular />}>
            Pack
          </Button>
          {open && (
            <Button icon={<EditRegular />} onClick={() => setEditOpen(true)}>
              Change details…
            </Button>
          )}
          {m.status === 'draft' && (
            <Button as="a" appearance="primary" href={`#/meetings/${m.id}/pack`} icon={<SendRegular />}>
              Publish papers…
            </Button>
          )}
          {m.status === 'published' && (
            <BusyButton appearance="primary" icon={<CheckmarkRegular />} busy={status.busy} onClick={() => void status.run({ id: m.id, status: 'held' })}>
              Mark as held
            </BusyButton>
          )}
          {open && (
            <Button icon={<DismissCircleRegular />} onClick={() => setCancelOpen(true)}>
              Cancel meeting…
            </Button>
          )}
        </div>
      </div>
      <p className="meeting-status">
        <StatusBadge status={m.status} /> <span>{nextStep(detail, dateHasCome)}</span>
      </p>
      <CancelMeetingDialog open={cancelOpen} meeting={m} onClose={() => setCancelOpen(false)} />
      <MeetingDialog open={editOpen} bodies={[detail.body]} meeting={m} onClose={() => setEditOpen(false)} />
    </header>
  );
}
