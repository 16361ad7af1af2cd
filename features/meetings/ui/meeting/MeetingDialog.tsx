import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { BodyInfo, MeetingDetail } from '../../types';
import { DateField, dateText, readDate } from '../../../../renderer/src/components/DateField';
import { useSaveMeeting } from './data';
import { meetingDay, meetingTime } from './when';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

interface Props {
  open: boolean;
  bodies: BodyInfo[];
  /** The meeting to change; null schedules a new one. */
  meeting: MeetingDetail['meeting'] | null;
  /** The body a new meeting is for, when the list is showing one. */
  bodyId?: number | null;
  onClose(saved?: MeetingDetail): void;
}

/** Scheduling a meeting (it starts with its body's standing items), or moving one: body, date, time, venue or online link. */
export function MeetingDialog({ open, bodies, meeting, bodyId, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="wide-dialog">{open && <MeetingForm bodies={bodies} meeting={meeting} bodyId={bodyId} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function MeetingForm({ bodies, meeting, bodyId, onClose }: Omit<Props, 'open'>) {
  const save = useSaveMeeting();
  const first = bodies.find((b) => b.id === (meeting?.bodyId ?? bodyId)) ?? bodies[0];
  const [body, setBody] = useState<BodyInfo | undefined>(first);
  const [date, setDate] = useState(readDate(dateText(meeting ? meetingDay(meeting.startsAt) : null), 'Date', true));
  const [time, setTime] = useState(meeting ? meetingTime(meeting.startsAt) : '14:00');
  const [venue, setVenue] = useState(meeting?.venue ?? first?.defaultVenue ?? '');
  const [link, setLink] = useState(meeting?.onlineLink ?? '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const timeError = TIME.test(time) ? undefined : 'Time must be written HH:MM on the 24-hour clock, such as 14:00';
  const bodyError = body ? undefined : 'Add a body first, under Bodies and members';

  const chooseBody = (id: number) => {
    const b = bodies.find((x) => x.id === id);
    // The venue follows the body while it is still the last body's default.
    if (b && (venue === '' || venue === body?.defaultVenue)) setVenue(b.defaultVenue);
    setBody(b);
  };

  const submit = async () => {
    setTried(true);
    if (!body || date.error || !date.iso || timeError) return;
    setRefused(null);
    const saved = await save.run({
      id: meeting?.id,
      bodyId: body.id,
      startsAt: `${date.iso}T${time}`,
      venue: venue.trim(),
      onlineLink: link.trim(),
    });
    if (saved) onClose(saved);
    else setRefused(save.lastError());
  };

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{meeting ? 'Change the meeting' : 'New meeting'}</DialogTitle>
        <DialogContent className="dialog-form">
          {!meeting && (
            <p>The agenda starts with the body's standing items: apologies, declarations of interest, the minutes of the last meeting and matters arising.</p>
          )}
          <Field label="Body" required validationMessage={bodyError} validationState={bodyError ? 'error' : 'none'}>
            <Dropdown
              value={body?.name ?? ''}
              selectedOptions={body ? [String(body.id)] : []}
              disabled={!!meeting}
              onOptionSelect={(_, d) => d.optionValue && chooseBody(Number(d.optionValue))}
            >
              {textOptions(bodies, (b) => [b.id, b.name])}
            </Dropdown>
          </Field>
          <div className="form-grid">
            <DateField label="Date" required value={date} onText={(t) => setDate(readDate(t, 'Date', true))} showError={tried} />
            <Field
              label="Time"
              required
              hint="24-hour clock, UK time"
              validationMessage={tried ? timeError : undefined}
              validationState={tried && timeError ? 'error' : 'none'}
            >
              <Input type="time" value={time} onChange={(_, d) => setTime(d.value)} className="narrow-input" />
            </Field>
          </div>
          <Field label="Venue">
            <Input value={venue} maxLength={300} onChange={(_, d) => setVenue(d.value)} />
          </Field>
          <Field label="Online link" hint="For a remote or hybrid meeting; leave blank if there is none">
            <Input type="url" value={link} maxLength={500} onChange={(_, d) => setLink(d.value)} placeholder="https://" />
          </Field>
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} disabled={!body} onCancel={() => onClose()}>
          {meeting ? 'Save meeting' : 'Create meeting'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
