import { Button, Dropdown, Field, Link, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ukLongDate } from '../../../electron/shared/dates';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { textOptions } from '../../../renderer/src/components/TextOptions';
import type { MeetingSummary } from '../types';
import { useBodies } from './bodies/data';
import { useMeetings } from './meeting/data';
import { MeetingDialog } from './meeting/MeetingDialog';
import { StatusBadge } from './meeting/StatusBadge';
import { meetingDay, meetingWhen, plural, todayIso } from './meeting/when';
import './meetings.css';

/** Meetings of the forum and the boards: upcoming ones first (soonest at the top), then past ones (latest first). */
export default function MeetingsScreen() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const { data: bodies } = useBodies();
  const asked = params.get('body');
  const bodyId = asked && bodies?.some((b) => String(b.id) === asked) ? Number(asked) : null;
  const { data: meetings, isLoading } = useMeetings(bodyId);
  const [newOpen, setNewOpen] = useState(false);
  const today = todayIso();
  const upcoming = (meetings ?? []).filter((m) => meetingDay(m.startsAt) >= today).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = (meetings ?? []).filter((m) => meetingDay(m.startsAt) < today).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const bodyName = bodies?.find((b) => b.id === bodyId)?.name;

  return (
    <section className="screen scroll" aria-labelledby="meetings-title">
      <ScreenHead
        titleId="meetings-title"
        title="Meetings"
        sub="Each meeting's agenda, papers, attendance, votes, actions and minutes, and its pack. Times are UK time."
      >
        <Field label="Body" orientation="horizontal" className="inline-field body-filter">
          <Dropdown
            value={bodyName ?? 'All bodies'}
            selectedOptions={[bodyId === null ? '' : String(bodyId)]}
            onOptionSelect={(_, d) => setParams(d.optionValue ? { body: d.optionValue } : {}, { replace: true })}
          >
            {textOptions(bodies ?? [], (b) => [b.id, b.name], 'All bodies')}
          </Dropdown>
        </Field>
        <Button appearance="primary" icon={<AddRegular />} disabled={!bodies?.length} onClick={() => setNewOpen(true)}>
          New meeting…
        </Button>
      </ScreenHead>
      {bodies && bodies.length === 0 && (
        <p>
          There are no bodies yet. <Link href="#/bodies">Add the Schools Forum or a board under Bodies and members</Link>, then schedule its meetings here.
        </p>
      )}
      {isLoading && !meetings ? (
        <Spinner label="Loading meetings" />
      ) : (
        <>
          <MeetingTable
            id="upcoming"
            title="Upcoming"
            meetings={upcoming}
            showBody={bodyId === null}
            empty="No meetings to come: schedule one with New meeting."
          />
          <MeetingTable id="past" title="Past" meetings={past} showBody={bodyId === null} empty="No past meetings." />
        </>
      )}
      <MeetingDialog
        open={newOpen}
        bodies={bodies ?? []}
        meeting={null}
        bodyId={bodyId}
        onClose={(saved) => {
          setNewOpen(false);
          if (saved) navigate(`/meetings/${saved.meeting.id}`);
        }}
      />
    </section>
  );
}

function MeetingTable({ id, title, meetings, showBody, empty }: { id: string; title: string; meetings: MeetingSummary[]; showBody: boolean; empty: string }) {
  const cols = showBody ? 4 : 3;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {title} <span className="muted">({meetings.length})</span>
      </h2>
      <Table size="small" aria-labelledby={`${id}-title`} className="meetings-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Meeting and venue</TableHeaderCell>
            {showBody && <TableHeaderCell className="col-body">Body</TableHeaderCell>}
            <TableHeaderCell className="col-status">Status</TableHeaderCell>
            <TableHeaderCell className="col-papers">Papers</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {meetings.length === 0 && (
            <TableRow>
              <TableCell colSpan={cols} className="muted">
                {empty}
              </TableCell>
            </TableRow>
          )}
          {meetings.map((m) => (
            <TableRow key={m.id}>
              <TableCell>
                <Link href={`#/meetings/${m.id}`} aria-label={`${m.bodyName}, ${meetingWhen(m.startsAt)}`} className="meeting-link">
                  {meetingWhen(m.startsAt)}
                </Link>
                <div className="muted">{m.venue || 'No venue set'}</div>
                {showBody && <div className="member-compact muted">{m.bodyName}</div>}
              </TableCell>
              {showBody && <TableCell className="col-body">{m.bodyName}</TableCell>}
              <TableCell>
                <StatusBadge status={m.status} />
              </TableCell>
              <TableCell>
                <div>Due by {ukLongDate(m.papersDeadline)}</div>
                <div className="muted">
                  {plural(m.itemCount, 'item')} · {m.latestPackVersion ? `pack version ${m.latestPackVersion} published` : 'pack not published'}
                </div>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}
