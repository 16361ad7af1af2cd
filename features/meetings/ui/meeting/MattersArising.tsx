import { ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import type { ActionInfo, MeetingDetail } from '../../types';
import { useSaveAction } from './data';
import { meetingWhen } from './when';

/** Open actions from the body's earlier meetings, shown under matters arising; each can be closed as done here. */
export function MattersArising({ detail }: { detail: MeetingDetail }) {
  const save = useSaveAction();
  const actions = detail.mattersArising;
  const done = (a: ActionInfo) =>
    void save.run({
      id: a.id,
      meetingId: a.meetingId,
      itemId: a.itemId,
      description: a.description,
      owner: a.owner,
      dueDate: a.dueDate,
      status: 'done',
      statusNote: `Reported done at the meeting on ${meetingWhen(detail.meeting.startsAt)}`,
    });
  return (
    <div className="matters-arising">
      <h4>Open actions from earlier meetings</h4>
      {actions.length === 0 ? (
        <p className="muted">None open.</p>
      ) : (
        <ul>
          {actions.map((a) => (
            <li key={a.id}>
              <span>
                {a.description} <span className="muted">— {a.owner}</span>
                {a.dueDate && <span className="muted">, due {ukLongDate(a.dueDate)}</span>}
                <span className="muted">
                  {' '}
                  (from {ukLongDate(a.meetingDate.slice(0, 10))}
                  {a.itemNumber ? `, item ${a.itemNumber}` : ''})
                </span>
              </span>
              <BusyButton size="small" busy={false} disabledFocusable={save.busy} aria-label={`Mark done: ${a.description}`} onClick={() => done(a)}>
                Mark done
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
