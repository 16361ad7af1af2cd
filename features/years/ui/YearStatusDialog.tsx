import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../renderer/src/components/RefusalBar';
import type { YearInfo } from '../types';
import { CloseCheckSummary } from './CloseCheckSummary';
import { useSetYearStatus, useYearCloseCheck } from './data';

interface Props {
  open: boolean;
  /** The year to close (when open) or reopen (when closed); kept while the dialog fades out. */
  year: YearInfo | null;
  onClose(): void;
}

/**
 * Closing or reopening a year, with the reason the audit trail keeps. Before a close, the year's
 * returns are checked and what is missing is shown above the Close button: a warning, not a bar.
 */
export function YearStatusDialog({ open, year, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>{year && <StatusForm year={year} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

/** Inside the surface, so the reason typed is gone each time the dialog opens again. */
function StatusForm({ year, onClose }: { year: YearInfo; onClose(): void }) {
  const closing = year.status === 'open';
  const [reason, setReason] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const write = useSetYearStatus();
  const check = useYearCloseCheck(closing ? year.id : null);
  // Read afresh each time the dialog opens: what was cached may be older than the last return.
  const checking = closing && check.isFetching;
  const confirm = async () => {
    setRefused(null);
    const done = await write.run({ year: year.id, status: closing ? 'closed' : 'open', reason: reason.trim() });
    if (done) onClose();
    else setRefused(write.lastError());
  };
  return (
    <DialogBody>
      <DialogTitle>{closing ? `Close ${year.id}` : `Reopen ${year.id}`}</DialogTitle>
      <DialogContent className="dialog-form">
        <p>
          {closing
            ? 'Closing fixes the year as outturn: no budget, forecast or allocation in it can change until it is reopened.'
            : 'Reopening lets the year change again: budgets, forecasts and allocations can be edited, and the outturn may move.'}{' '}
          The reason is kept in the audit trail.
        </p>
        {closing && <CloseCheckSummary check={check.data} loading={checking} error={check.error} />}
        <Field
          label="Reason"
          required
          hint={closing ? 'For example: outturn agreed with the s151 officer' : 'For example: late recoupment adjustment from the DfE'}
        >
          <Textarea value={reason} maxLength={500} onChange={(_, d) => setReason(d.value)} resize="vertical" />
        </Field>
        <RefusalBar refused={refused} />
      </DialogContent>
      <DialogButtons busy={write.busy} disabled={reason.trim() === '' || checking} onConfirm={() => void confirm()} onCancel={onClose}>
        {closing ? 'Close year' : 'Reopen year'}
      </DialogButtons>
    </DialogBody>
  );
}
