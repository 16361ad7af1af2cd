import { Button, Spinner, Tab, TabList } from '@fluentui/react-components';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { ActionsCard } from './meeting/ActionsCard';
import { AgendaTab } from './meeting/AgendaTab';
import { AttendanceTab } from './meeting/AttendanceTab';
import { useMeeting } from './meeting/data';
import { DeclarationsCard } from './meeting/DeclarationsCard';
import { MeetingHeader } from './meeting/MeetingHeader';
import { MinutesTab } from './meeting/MinutesTab';
import { VotesTab } from './meeting/VotesTab';
import './meetings.css';

const TABS = [
  ['agenda', 'Agenda and papers'],
  ['attendance', 'Attendance'],
  ['votes', 'Votes and resolutions'],
  ['record', 'Declarations and actions'],
  ['minutes', 'Minutes'],
] as const;
type TabId = (typeof TABS)[number][0];

/**
 * A meeting: its header (body, day, venue, status and the next step) and, a tab each, the agenda
 * builder with papers and matters arising, attendance and the quorum, votes and resolutions,
 * declarations and actions, and the minutes. The tab is kept in the address, so coming back
 * from a paper lands where the clerk was.
 */
export default function MeetingScreen() {
  const { meetingId } = useParams();
  const id = Number(meetingId);
  const { data: detail, isLoading, error } = useMeeting(id);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: TabId = TABS.some(([t]) => t === asked) ? (asked as TabId) : 'agenda';
  const [minutesSeen, setMinutesSeen] = useState(tab === 'minutes');
  if (tab === 'minutes' && !minutesSeen) setMinutesSeen(true);

  if (isLoading && !detail) return <Spinner className="loading" label="Opening the meeting" />;
  if (!detail) {
    return (
      <section className="screen empty" aria-labelledby="meeting-title">
        <h1 id="meeting-title">Meeting not found</h1>
        <p>{error instanceof Error ? error.message : 'There is no such meeting in this workspace.'}</p>
        <Button as="a" href="#/meetings">
          Back to all meetings
        </Button>
      </section>
    );
  }

  return (
    <section className="screen scroll meeting-screen" aria-labelledby="meeting-title">
      <MeetingHeader detail={detail} />
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => setParams(d.value === 'agenda' ? {} : { tab: String(d.value) }, { replace: true })}
        aria-label="Parts of the meeting"
        className="meeting-tabs"
      >
        {TABS.map(([value, label]) => (
          <Tab key={value} value={value} id={`tab-${value}`} aria-controls={value === tab ? `panel-${value}` : undefined}>
            {label}
          </Tab>
        ))}
      </TabList>
      {tab !== 'minutes' && (
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="meeting-panel">
          {tab === 'agenda' && <AgendaTab detail={detail} />}
          {tab === 'attendance' && <AttendanceTab detail={detail} />}
          {tab === 'votes' && <VotesTab detail={detail} />}
          {tab === 'record' && (
            <div className="card-stack">
              <DeclarationsCard detail={detail} />
              <ActionsCard detail={detail} />
            </div>
          )}
        </div>
      )}
      {/* Kept once opened, so minutes being written survive a look at another tab. */}
      {minutesSeen && (
        <div role="tabpanel" id="panel-minutes" aria-labelledby="tab-minutes" className="meeting-panel" hidden={tab !== 'minutes'}>
          <MinutesTab key={detail.meeting.id} detail={detail} />
        </div>
      )}
    </section>
  );
}
