import { DialogBody, DialogContent, DialogTitle, Field, Textarea } from '@fluentui/react-components';
import { DeleteRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { useApp } from '../../../../renderer/src/state/app-state';
import { DateField, readDate } from '../../../../renderer/src/components/DateField';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import { todayUk } from '../../../../renderer/src/components/uk-date';
import type { RunInfo } from '../../types';
import { useApproveRun, useDeleteRun } from './data';

interface Props {
  open: boolean;
  run: RunInfo;
  onClose(done?: boolean): void;
}

/** Approves a run with the date it was agreed and where ("Schools Forum 12 March"), which locks it. */
export function ApproveDialog({ open, run, onClose }: Props) {
  return (
    <FormDialog open={open} onClose={onClose} className="alloc-dialog">
      <ApproveForm run={run} onClose={onClose} />
    </FormDialog>
  );
}

function ApproveForm({ run, onClose }: Omit<Props, 'open'>) {
  const { notify } = useApp();
  const approve = useApproveRun();
  const [dateText, setDateText] = useState(todayUk());
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const date = readDate(dateText, 'Date approved', true);
  const noteError = note.trim() === '' ? 'Say who approved it, such as "Schools Forum 12 March"' : undefined;

  const send = async () => {
    setTried(true);
    if (date.error || noteError || !date.iso) return;
    setRefused(null);
    const done = await approve.run({ runId: run.id, approvedOn: date.iso, note: note.trim() });
    if (!done) return setRefused(approve.lastError());
    notify('success', `${run.name} approved on ${ukLongDate(date.iso)} and locked. To change it, copy it.`);
    onClose(true);
  };

  return (
    <SubmitForm onSubmit={send}>
      <DialogBody>
        <DialogTitle>Approve and lock {run.name}</DialogTitle>
        <DialogContent className="dialog-form">
          <p>
            An approved run is locked: its inputs and its results never change again, from this screen, the command line or an import, whatever happens to the
            school data later. It becomes the run that counts for {run.year}: the partnerships' returns are held against its allocations. To change it later,
            copy it.
          </p>
          <DateField label="Date approved" value={date} onText={setDateText} showError={tried} required />
          <Field
            label="Note"
            required
            hint="Who approved it: Schools Forum 12 March, Director's decision"
            validationMessage={tried ? noteError : undefined}
            validationState={tried && noteError ? 'error' : 'none'}
          >
            <Textarea value={note} maxLength={2000} onChange={(_, d) => setNote(d.value)} resize="vertical" />
          </Field>
          <RefusalBar refused={refused} prefix="Not approved: " />
        </DialogContent>
        <DialogButtons busy={approve.busy} icon={<LockClosedRegular />} onCancel={() => onClose()}>
          Approve and lock
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}

/** Deletes a draft run (an approved one is locked and stays). */
export function DeleteRunDialog({ open, run, onClose }: Props) {
  return (
    <FormDialog open={open} onClose={onClose} className="alloc-dialog">
      <DeleteForm run={run} onClose={onClose} />
    </FormDialog>
  );
}

function DeleteForm({ run, onClose }: Omit<Props, 'open'>) {
  const { notify } = useApp();
  const del = useDeleteRun();
  const [refused, setRefused] = useState<string | null>(null);
  const send = async () => {
    setRefused(null);
    const done = await del.run({ runId: run.id });
    if (!done) return setRefused(del.lastError());
    notify('success', `${run.name} deleted. Undo brings it back.`);
    onClose(true);
  };
  return (
    <SubmitForm onSubmit={send}>
      <DialogBody>
        <DialogTitle>Delete {run.name}?</DialogTitle>
        <DialogContent className="dialog-form">
          <p>The draft run's inputs and the data it was worked out on go. The schools, their data and the other runs of {run.year} stay as they are.</p>
          <RefusalBar refused={refused} prefix="Not deleted: " />
        </DialogContent>
        <DialogButtons busy={del.busy} icon={<DeleteRegular />} onCancel={() => onClose()}>
          Delete run
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
