import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import type { MeetingDetail } from '../../types';
import { useSetMeetingStatus } from './data';
import { meetingWhen } from './when';

interface Props {
  open: boolean;
  meeting: MeetingDetail['meeting'];
  onClose(): void;
}

/** Cancelling a meeting not yet held: the reason is shown with the meeting and kept in the audit trail. */
export function CancelMeetingDialog({ open, meeting, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>{open && <CancelForm meeting={meeting} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function CancelForm({ meeting, onClose }: Omit<Props, 'open'>) {
  const write = useSetMeetingStatus();
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const confirm = async () => {
    setRefused(null);
    const done = await write.run({ id: meeting.id, status: 'cancelled', reason: reason.trim() });
    if (done) onClose();
    else setRefused(write.lastError());
  };
  return (
    <DialogBody>
      <DialogTitle>Cancel the meeting</DialogTitle>
      <DialogContent className="dialog-form">
        <p>
          The {meeting.bodyName} meeting on {meetingWhen(meeting.startsAt)} will be marked cancelled. It stays in the list with the reason; a cancelled meeting
          cannot be reinstated, so add a new meeting if it is rearranged.
        </p>
        <Field label="Reason" required hint="For example: not quorate; rearranged to 17 December">
          <Textarea value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} resize="vertical" />
        </Field>
        <RefusalBar refused={refused} prefix="Not cancelled: " />
      </DialogContent>
      <DialogButtons busy={write.busy} disabled={reason.trim() === ''} onConfirm={() => void confirm()} onCancel={onClose} cancelLabel="Keep the meeting">
        Cancel meeting
      </DialogButtons>
    </DialogBody>
  );
}
