import { Dropdown, MessageBar, MessageBarBody, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { AttendanceInfo, MeetingDetail } from '../../types';
import { ATTENDANCE_LABELS, ATTENDANCE_STATUSES, type AttendanceStatus, ROLE_LABELS, SEAT_LABELS } from '../../words';
import { useSetAttendance } from './data';

/** "Quorate: 11 present, 9 needed" — worked out by the server from the body's rule, shown as it changes. */
export function QuorumLine({ detail }: { detail: MeetingDetail }) {
  const q = detail.quorum;
  return (
    <MessageBar intent={q.quorate ? 'success' : 'warning'} className="quorum-line" role="status" aria-live="polite">
      <MessageBarBody>
        <strong>{q.quorate ? 'Quorate' : 'Not quorate'}</strong>: {q.present} present, {q.required} needed
        <span className="muted"> · the quorum is {detail.body.quorumText}</span>
      </MessageBarBody>
    </MessageBar>
  );
}

/** Each member's attendance: present, apologies, a named substitute in their place, or absent; the quorum follows. */
export function AttendanceTab({ detail }: { detail: MeetingDetail }) {
  const write = useSetAttendance();
  const [saving, setSaving] = useState<number | null>(null);
  const [refused, setRefused] = useState<{ memberId: number; message: string } | null>(null);
  const meetingId = detail.meeting.id;
  const recorded = detail.attendance.filter((a) => a.status !== null).length;

  const set = async (a: AttendanceInfo, status: AttendanceStatus | null, substituteId: number | null = null) => {
    setSaving(a.memberId);
    setRefused(null);
    const done = await write.run({ meetingId, memberId: a.memberId, status, substituteId: status === 'substitute' ? substituteId : null });
    setSaving(null);
    if (!done) setRefused({ memberId: a.memberId, message: write.lastError() ?? 'Not saved.' });
  };

  const statusOptions = (a: AttendanceInfo) => ATTENDANCE_STATUSES.filter((s) => s !== 'substitute' || a.substitutes.length > 0);

  return (
    <section className="card" aria-labelledby="attendance-title">
      <div className="card-head">
        <h2 id="attendance-title">Attendance</h2>
        <span className="muted">
          {recorded} of {detail.attendance.length} recorded. A substitute attends in a member's place and votes for them.
        </span>
      </div>
      <QuorumLine detail={detail} />
      <Table size="small" aria-labelledby="attendance-title" className="attendance-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className="col-name">Member</TableHeaderCell>
            <TableHeaderCell className="col-seat">Seat and role</TableHeaderCell>
            <TableHeaderCell className="col-voting">Voting</TableHeaderCell>
            <TableHeaderCell className="col-attendance">Attendance</TableHeaderCell>
            <TableHeaderCell className="col-substitute">Substitute</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {detail.attendance.length === 0 && (
            <TableRow>
              <TableCell colSpan={5} className="muted">
                No members in term on the meeting's date: add them under Bodies and members.
              </TableCell>
            </TableRow>
          )}
          {detail.attendance.map((a) => {
            const statusText = a.status ? ATTENDANCE_LABELS[a.status] : 'Not recorded';
            const busy = saving === a.memberId;
            return (
              <TableRow key={a.memberId}>
                <TableCell>
                  <div className="member-name">{a.name}</div>
                  {a.organisation && <div className="muted">{a.organisation}</div>}
                  <div className="member-compact muted">
                    {a.seatCategory ? SEAT_LABELS[a.seatCategory] : ''}
                    {a.role && a.role !== 'member' ? `, ${ROLE_LABELS[a.role].toLowerCase()}` : ''} · {a.voting ? 'voting' : 'not voting'}
                  </div>
                </TableCell>
                <TableCell className="col-seat">
                  {a.seatCategory ? SEAT_LABELS[a.seatCategory] : ''}
                  {a.role && a.role !== 'member' && <div className="muted">{ROLE_LABELS[a.role]}</div>}
                </TableCell>
                <TableCell className="col-voting">{a.voting ? 'Yes' : 'No'}</TableCell>
                <TableCell>
                  <div className="attendance-cell">
                    <Dropdown
                      aria-label={`Attendance of ${a.name}`}
                      value={statusText}
                      selectedOptions={[a.status ?? '']}
                      onOptionSelect={(_, d) => {
                        const s = (d.optionValue || null) as AttendanceStatus | null;
                        if (s === a.status) return;
                        // The first named substitute is named at once; another can be chosen beside it.
                        if (s === 'substitute') return void set(a, s, a.substituteId ?? a.substitutes[0]!.id);
                        void set(a, s);
                      }}
                      className="attendance-choice"
                    >
                      {textOptions(statusOptions(a), (s) => [s, ATTENDANCE_LABELS[s]], 'Not recorded')}
                    </Dropdown>
                    {busy && <Spinner size="extra-tiny" aria-label="Saving" />}
                  </div>
                  {refused?.memberId === a.memberId && (
                    <p className="field-error" role="alert">
                      {refused.message}
                    </p>
                  )}
                </TableCell>
                <TableCell>
                  {a.status === 'substitute' ? (
                    <Dropdown
                      aria-label={`Substitute attending for ${a.name}`}
                      value={a.substituteName ?? ''}
                      selectedOptions={a.substituteId ? [String(a.substituteId)] : []}
                      onOptionSelect={(_, d) => d.optionValue && Number(d.optionValue) !== a.substituteId && void set(a, 'substitute', Number(d.optionValue))}
                      className="attendance-choice"
                    >
                      {textOptions(a.substitutes, (s) => [s.id, s.name])}
                    </Dropdown>
                  ) : a.substitutes.length > 0 ? (
                    <span className="muted">Named: {a.substitutes.map((s) => s.name).join(', ')}</span>
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}
