import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

interface Props {
  /** The server's words for why a reason is needed; null when closed. */
  why: string | null;
  busy: boolean;
  refused: string | null;
  onSave(reason: string): void;
  onCancel(): void;
}

/** A paper added after the body's papers deadline is marked late, and the reason is recorded with it. */
export function LateReasonDialog({ why, busy, refused, onSave, onCancel }: Props) {
  const open = why !== null;
  useFocusReturn(open);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (open) setTried(false);
  }, [open]);
  const blank = !reason.trim();
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && !busy && onCancel()}>
      <DialogSurface>
        <SubmitForm
          onSubmit={() => {
            setTried(true);
            if (!blank) onSave(reason.trim());
          }}
        >
          <DialogBody>
            <DialogTitle>Late paper: give the reason</DialogTitle>
            <DialogContent className="late-dialog">
              <p>{why}</p>
              <Field
                label="Why is this paper late?"
                required
                validationState={tried && blank ? 'error' : 'none'}
                validationMessage={tried && blank ? 'Give the reason: it is recorded with the paper and shown on the agenda.' : undefined}
              >
                <Textarea value={reason} onChange={(_, d) => setReason(d.value)} maxLength={1000} rows={3} resize="vertical" />
              </Field>
              <RefusalBar refused={refused} prefix="Not saved: " />
            </DialogContent>
            <DialogButtons busy={busy} onCancel={onCancel} cancelDisabled={busy}>
              Save late paper
            </DialogButtons>
          </DialogBody>
        </SubmitForm>
      </DialogSurface>
    </Dialog>
  );
}
