import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useFocusReturn } from './focus-return';

interface Props {
  open: boolean;
  title: string;
  explanation: string;
  confirmLabel: string;
  onConfirm(reason: string): void;
  onCancel(): void;
}

/** Closing or reopening a year always records why. */
export function ReasonDialog({ open, title, explanation, confirmLabel, onConfirm, onCancel }: Props) {
  const [reason, setReason] = useState('');
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <p>{explanation}</p>
            <Field label="Reason" required>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={reason.trim() === ''} onClick={() => onConfirm(reason.trim())}>
              {confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
