import { Dropdown, Field, Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { MeetingDetail, MeetingSummary } from '../../types';
import { useApproveMinutes, useMeeting, useMeetings, useMinutes } from './data';
import { MinutesEditor } from './MinutesEditor';
import { RichDocView } from './RichDocView';
import { meetingDay, meetingShort, meetingWhen, todayIso } from './when';

/**
 * The minutes: the draft built from the record (or as saved), and their approval. Minutes are
 * approved at a later meeting of the same body, on its "minutes of the last meeting" item, and
 * are then locked; the earlier meetings whose minutes wait for this one are listed here too.
 */
export function MinutesTab({ detail }: { detail: MeetingDetail }) {
  const m = detail.meeting;
  const { data: minutes, isLoading } = useMinutes(m.id);
  const { data: bodyMeetings } = useMeetings(m.bodyId);
  const later = (bodyMeetings ?? []).filter((x) => x.startsAt > m.startsAt && x.status !== 'cancelled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const earlierHeld = (bodyMeetings ?? []).filter((x) => x.startsAt < m.startsAt && x.status === 'held');
  const minutesItem = detail.items.find((i) => i.standingKind === 'minutes');
  const approvedAt = (bodyMeetings ?? []).find((x) => x.id === minutes?.approvedAtMeetingId);

  return (
    <div className="card-stack">
      {earlierHeld.length > 0 && (
        <section className="card" aria-labelledby="to-approve-title">
          <h2 id="to-approve-title">Minutes to approve at this meeting</h2>
          {earlierHeld.map((e) => (
            <ApproveHere key={e.id} earlier={e} here={m} atItemId={minutesItem?.id ?? null} atItemNumber={minutesItem?.number ?? null} />
          ))}
        </section>
      )}
      <section className="card" aria-labelledby="minutes-title">
        <div className="card-head">
          <h2 id="minutes-title">Minutes of this meeting</h2>
          {minutes && (
            <span className="muted">
              {minutes.approved
                ? `Approved${minutes.approvedOn ? ` on ${ukLongDate(minutes.approvedOn)}` : ''}${approvedAt ? ` at the meeting on ${meetingWhen(approvedAt.startsAt)}` : ''}: locked.`
                : minutes.generated
                  ? 'A draft built from the attendance, agenda, resolutions and actions. It is rebuilt as the record changes until it is saved.'
                  : 'Draft, as saved.'}
            </span>
          )}
        </div>
        {isLoading && !minutes ? (
          <Spinner size="small" label="Loading the minutes" />
        ) : minutes ? (
          <>
            {!minutes.approved && (m.status === 'held' || m.status === 'published') && <MinutesEditor meetingId={m.id} minutes={minutes} />}
            {(minutes.approved || !(m.status === 'held' || m.status === 'published')) && <RichDocView doc={minutes.doc} label="Minutes" />}
            {!minutes.approved && m.status === 'held' && <ApproveLater meeting={m} later={later} />}
            {m.status === 'draft' && <p className="muted">The minutes can be written once the papers are published and the meeting takes place.</p>}
          </>
        ) : null}
      </section>
    </div>
  );
}

/** An earlier meeting's minutes, approved here on this meeting's minutes item. */
function ApproveHere({
  earlier,
  here,
  atItemId,
  atItemNumber,
}: {
  earlier: MeetingSummary;
  here: MeetingDetail['meeting'];
  atItemId: number | null;
  atItemNumber: string | null;
}) {
  const approve = useApproveMinutes();
  const notYet = todayIso() < meetingDay(here.startsAt);
  const { notify } = useApp();
  const [refused, setRefused] = useState<string | null>(null);
  const run = async () => {
    if (atItemId === null) return;
    setRefused(null);
    const done = await approve.run({ meetingId: earlier.id, atItemId });
    if (done) notify('success', `The minutes of the meeting on ${meetingWhen(earlier.startsAt)} are approved at item ${atItemNumber}, and locked.`);
    else setRefused(approve.lastError());
  };
  return (
    <div className="approve-row">
      <p>
        <Link href={`#/meetings/${earlier.id}?tab=minutes`}>The meeting on {meetingWhen(earlier.startsAt)}</Link> was held; its minutes are not yet approved.
      </p>
      {atItemId === null ? (
        <p className="muted">This agenda has no "minutes of the last meeting" item: add one to approve them here.</p>
      ) : notYet ? (
        <p className="muted">
          They are approved at this meeting: record the approval on or after {ukLongDate(meetingDay(here.startsAt))}, at item {atItemNumber}.
        </p>
      ) : (
        <BusyButton appearance="primary" icon={<CheckmarkRegular />} busy={approve.busy} onClick={() => void run()}>
          Approve them at item {atItemNumber}
        </BusyButton>
      )}
      <RefusalBar refused={refused} prefix="Not approved: " />
    </div>
  );
}

/** This meeting's minutes, approved at a chosen later meeting's minutes item. */
function ApproveLater({ meeting, later }: { meeting: MeetingDetail['meeting']; later: MeetingSummary[] }) {
  const approve = useApproveMinutes();
  const { notify } = useApp();
  const [chosen, setChosen] = useState<number | null>(later[0]?.id ?? null);
  const at = useMeeting(chosen ?? 0);
  const item = at.data?.items.find((i) => i.standingKind === 'minutes');
  const [refused, setRefused] = useState<string | null>(null);
  const chosenMeeting = later.find((x) => x.id === chosen);
  const notYet = !!chosenMeeting && todayIso() < meetingDay(chosenMeeting.startsAt);
  const run = async () => {
    if (!item || !chosenMeeting) return;
    setRefused(null);
    const done = await approve.run({ meetingId: meeting.id, atItemId: item.id });
    if (done) notify('success', `Minutes approved at the meeting on ${meetingWhen(chosenMeeting.startsAt)}, item ${item.number}, and locked.`);
    else setRefused(approve.lastError());
  };
  if (later.length === 0) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>
          These minutes are approved at the body's next meeting: schedule it under Meetings, then approve them on its minutes item.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className="approve-row">
      <h3 className="card-subhead">Approve at a later meeting</h3>
      <div className="inline-form tight">
        <Field label="Meeting">
          <Dropdown
            value={chosenMeeting ? meetingShort(chosenMeeting.startsAt) : ''}
            selectedOptions={chosen ? [String(chosen)] : []}
            onOptionSelect={(_, d) => d.optionValue && setChosen(Number(d.optionValue))}
          >
            {textOptions(later, (x) => [x.id, meetingShort(x.startsAt)])}
          </Dropdown>
        </Field>
        <BusyButton
          appearance="primary"
          icon={<CheckmarkRegular />}
          busy={approve.busy}
          disabledFocusable={!item || notYet}
          aria-describedby={notYet ? 'approve-not-yet' : undefined}
          onClick={() => void run()}
        >
          {item ? `Approve at item ${item.number}` : 'Approve'}
        </BusyButton>
      </div>
      {notYet && chosenMeeting && (
        <p className="muted" id="approve-not-yet">
          That meeting has not happened yet: record the approval on or after {ukLongDate(meetingDay(chosenMeeting.startsAt))}.
        </p>
      )}
      {at.data && !item && <p className="muted">That meeting's agenda has no "minutes of the last meeting" item: add one there first.</p>}
      <RefusalBar refused={refused} prefix="Not approved: " />
    </div>
  );
}
