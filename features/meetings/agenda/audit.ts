import { auditTable } from '../../../electron/server/audit/registry';
import type { Db } from '../../../db/client';
import { entityRef } from '../../../electron/shared/entity-ref';
import { MINUTES_ENTITY } from '../locks';
import { agendaItem, attendance, declaration, meeting, meetingAction, minutes, vote } from '../schema';

const meetingOf = (row: Record<string, unknown>) => entityRef('meeting', Number(row.meetingId));
/**
 * Approved minutes lock what they were approved from: the minutes' text, and the attendance,
 * agenda, votes and declarations they record. Actions are not under the lock: an action raised
 * at an approved meeting is still closed at a later one.
 */
const approvedMinutesOf = (row: Record<string, unknown>) => entityRef(MINUTES_ENTITY, Number(row.meetingId));

const memberName = (value: unknown, db: Db) =>
  typeof value === 'number' ? ((db.$client.prepare('SELECT name FROM member WHERE id = ?').pluck().get(value) as string | undefined) ?? null) : null;

export const agendaAudit = [
  auditTable(meeting, {
    fields: { startsAt: 'Date and time', venue: 'Venue', onlineLink: 'Online link', status: 'Meeting status', statusReason: 'Reason' },
    subject: (row) => entityRef('meeting', Number(row.id)),
  }),
  auditTable(agendaItem, {
    fields: {
      position: 'Place on the agenda',
      subItem: 'Sub-item',
      title: 'Title',
      purpose: 'Purpose',
      presenter: 'Presenter',
      votingConstituency: 'Who votes',
      exempt: 'Exempt',
      exemptParagraph: 'Schedule 12A paragraph',
      publicSummary: 'Public summary',
      resolution: 'Resolution',
      outcome: 'Outcome',
      votesFor: 'Votes for',
      votesAgainst: 'Votes against',
      votesAbstain: 'Abstentions',
    },
    scope: approvedMinutesOf,
    subject: meetingOf,
  }),
  auditTable(attendance, {
    fields: { status: 'Attendance', substituteId: 'Substitute', memberId: 'Member' },
    scope: approvedMinutesOf,
    subject: meetingOf,
    values: { memberId: memberName, substituteId: memberName },
  }),
  auditTable(vote, {
    fields: { choice: 'Vote', memberId: 'Member' },
    scope: (row, db) => {
      const meetingId = db.$client.prepare('SELECT meeting_id FROM agenda_item WHERE id = ?').pluck().get(row.itemId) as number | undefined;
      return meetingId === undefined ? null : entityRef(MINUTES_ENTITY, meetingId);
    },
    subject: (row) => entityRef('agenda_item', Number(row.itemId)),
    values: { memberId: memberName },
  }),
  auditTable(declaration, {
    fields: { interest: 'Interest', memberId: 'Member', itemId: 'Item' },
    scope: approvedMinutesOf,
    subject: meetingOf,
    values: { memberId: memberName },
  }),
  auditTable(meetingAction, {
    fields: { description: 'Action', owner: 'Owner', dueDate: 'Due', status: 'Action status', statusNote: 'Note', itemId: 'Item' },
    subject: meetingOf,
  }),
  auditTable(minutes, {
    fields: { doc: 'Minutes', approvedAtItemId: 'Approved at item', approvedOn: 'Approved on' },
    scope: approvedMinutesOf,
    subject: meetingOf,
  }),
];
