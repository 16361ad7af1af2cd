/**
 * A meeting's life: draft → papers published → held → minutes approved, or cancelled (with a
 * reason) before it is held. The rule is a pure function so each move is tested on its own.
 */
import { ukLongDate } from '../../../electron/shared/dates';
import { AppError } from '../../../electron/shared/errors';
import { MEETING_STATUS_LABELS, type MeetingStatus } from '../words';

/** "10 December 2026 at 14:00" */
export function meetingWhen(startsAt: string): string {
  return `${ukLongDate(startsAt.slice(0, 10))} at ${startsAt.slice(11, 16)}`;
}

export interface StatusMove {
  from: MeetingStatus;
  to: MeetingStatus;
  /** The meeting's day has come (today in London is on or after it). */
  dateHasCome: boolean;
  startsAt: string;
  reason: string;
}

/** Why the move is refused, as a sentence the clerk can act on; null when it is allowed. */
export function statusMoveProblem(move: StatusMove): { rule: string; message: string } | null {
  const { from, to } = move;
  if (from === to) return null;
  const when = meetingWhen(move.startsAt);
  if (from === 'cancelled') {
    return {
      rule: 'a cancelled meeting stays cancelled',
      message: `The meeting on ${when} was cancelled, so its status cannot change. Add a new meeting instead.`,
    };
  }
  if (from === 'approved') {
    return { rule: 'approved minutes are final', message: `The minutes of the meeting on ${when} have been approved, so its status cannot change.` };
  }
  if (to === 'approved') {
    return {
      rule: 'minutes are approved at a later meeting',
      message: `Minutes are approved at a later meeting: record the approval on that meeting's "minutes of the last meeting" item, and this meeting becomes approved.`,
    };
  }
  if (to === 'cancelled') {
    if (from === 'held')
      return { rule: 'only a meeting not yet held can be cancelled', message: `The meeting on ${when} has been held, so it cannot be cancelled.` };
    if (!move.reason.trim())
      return { rule: 'cancelling needs a reason', message: `Give a reason for cancelling the meeting on ${when}: it is shown with the meeting.` };
    return null;
  }
  if (to === 'published') {
    if (from === 'draft') return null;
    return {
      rule: 'papers are published before the meeting',
      message: `The meeting on ${when} has been held, so its papers can no longer be marked as published.`,
    };
  }
  if (to === 'held') {
    if (from === 'draft') {
      return {
        rule: 'papers are published before the meeting is held',
        message: `Mark the papers for the meeting on ${when} as published before marking the meeting held.`,
      };
    }
    if (!move.dateHasCome)
      return { rule: 'a meeting is held on or after its date', message: `The meeting on ${when} has not happened yet: mark it held on or after that day.` };
    return null;
  }
  // Back to draft.
  return {
    rule: 'a meeting does not go back to draft',
    message: `A meeting cannot go back from ${MEETING_STATUS_LABELS[from].toLowerCase()} to draft: once papers are published, re-issue the pack to change them.`,
  };
}

/** Refuses a change to a meeting's record once it is cancelled or its minutes are approved. */
export function assertRecordOpen(m: { status: MeetingStatus; startsAt: string }, what: string): void {
  const when = meetingWhen(m.startsAt);
  if (m.status === 'cancelled') {
    throw new AppError('INVALID_INPUT', `The meeting on ${when} was cancelled, so its ${what} cannot change.`, {
      issues: [{ field: 'meetingId', rule: 'meeting must not be cancelled', message: `the meeting on ${when} was cancelled` }],
    });
  }
  if (m.status === 'approved') {
    throw new AppError(
      'LOCKED',
      `The minutes of the meeting on ${when} have been approved, so its ${what} cannot change. Record a correction in the minutes of a later meeting.`,
      {
        issues: [{ field: 'meetingId', rule: 'minutes must not be approved', message: `the minutes of the meeting on ${when} are approved` }],
      },
    );
  }
}
