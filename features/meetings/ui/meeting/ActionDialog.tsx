import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { ActionInfo, MeetingDetail } from '../../types';
import { ACTION_STATUSES, type ActionStatus } from '../../words';
import { DateField, dateText, readDate } from '../../../../renderer/src/components/DateField';
import { useSaveAction } from './data';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', done: 'Done', dropped: 'Dropped' };

interface Props {
  open: boolean;
  detail: MeetingDetail;
  /** The action to edit; null raises one at this meeting. */
  action: ActionInfo | null;
  onClose(): void;
}

/** An action raised at the meeting: what, who, by when, and whether it is done. Open ones come up as the next meeting's matters arising. */
export function ActionDialog({ open, detail, action, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="wide-dialog">{open && <ActionForm detail={detail} action={action} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function ActionForm({ detail, action, onClose }: Omit<Props, 'open'>) {
  const save = useSaveAction();
  const items = [...detail.items].sort((a, b) => a.position - b.position);
  const [description, setDescription] = useState(action?.description ?? '');
  const [owner, setOwner] = useState(action?.owner ?? '');
  const [due, setDue] = useState(readDate(dateText(action?.dueDate), 'Due date', false));
  const [itemId, setItemId] = useState<number | null>(action?.itemId ?? null);
  const [status, setStatus] = useState<ActionStatus>(action?.status ?? 'open');
  const [note, setNote] = useState(action?.statusNote ?? '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const descriptionError = description.trim() === '' ? 'Say what is to be done' : undefined;
  const ownerError = owner.trim() === '' ? 'Name who will do it' : undefined;
  const item = items.find((i) => i.id === itemId);

  const submit = async () => {
    setTried(true);
    if (descriptionError || ownerError || due.error) return;
    setRefused(null);
    const done = await save.run({
      id: action?.id,
      meetingId: action?.meetingId ?? detail.meeting.id,
      itemId,
      description: description.trim(),
      owner: owner.trim(),
      dueDate: due.iso,
      status,
      statusNote: note.trim(),
    });
    if (done) onClose();
    else setRefused(save.lastError());
  };
  const err = (e: string | undefined) => (tried ? e : undefined);

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{action ? 'Edit action' : 'Add an action'}</DialogTitle>
        <DialogContent className="dialog-form">
          <Field label="Action" required validationMessage={err(descriptionError)} validationState={err(descriptionError) ? 'error' : 'none'}>
            <Textarea value={description} maxLength={1000} resize="vertical" onChange={(_, d) => setDescription(d.value)} />
          </Field>
          <div className="form-grid">
            <Field label="Owner" required validationMessage={err(ownerError)} validationState={err(ownerError) ? 'error' : 'none'}>
              <Input value={owner} maxLength={200} onChange={(_, d) => setOwner(d.value)} placeholder="For example: Head of SEND" />
            </Field>
            <DateField label="Due date" value={due} onText={(t) => setDue(readDate(t, 'Due date', false))} showError={tried} hint="dd/mm/yyyy; blank if none" />
            <Field label="Item">
              <Dropdown
                value={item ? `${item.number}. ${item.title}` : 'Not a particular item'}
                selectedOptions={[itemId === null ? '' : String(itemId)]}
                onOptionSelect={(_, d) => setItemId(d.optionValue ? Number(d.optionValue) : null)}
              >
                {textOptions(items, (i) => [i.id, `${i.number}. ${i.title}`], 'Not a particular item')}
              </Dropdown>
            </Field>
            <Field label="Status">
              <Dropdown
                value={ACTION_STATUS_LABELS[status]}
                selectedOptions={[status]}
                onOptionSelect={(_, d) => d.optionValue && setStatus(d.optionValue as ActionStatus)}
              >
                {textOptions(ACTION_STATUSES, (s) => [s, ACTION_STATUS_LABELS[s]])}
              </Dropdown>
            </Field>
          </div>
          {status !== 'open' && (
            <Field label="How it was closed">
              <Input value={note} maxLength={500} onChange={(_, d) => setNote(d.value)} />
            </Field>
          )}
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          {action ? 'Save action' : 'Add action'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
