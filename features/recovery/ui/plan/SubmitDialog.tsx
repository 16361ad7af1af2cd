import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Textarea } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { useApp } from '../../../../renderer/src/state/app-state';
import { DateField, readDate } from '../../../../renderer/src/components/DateField';
import { todayUk } from '../../../../renderer/src/components/uk-date';
import type { ScenarioInfo } from '../../types';
import { useSubmitScenario } from './data';

interface Props {
  open: boolean;
  scenario: ScenarioInfo;
  /** A mitigated scenario's parent: locked with it. */
  parent: ScenarioInfo | null;
  onClose(): void;
}

/** Submits and locks a scenario with the date it went and a note of where ("sent to DfE", "Schools Forum 12 March"). */
export function SubmitDialog({ open, scenario, parent, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>{open && <SubmitScenarioForm scenario={scenario} parent={parent} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function SubmitScenarioForm({ scenario, parent, onClose }: Omit<Props, 'open'>) {
  const { notify } = useApp();
  const submit = useSubmitScenario();
  const [dateText, setDateText] = useState(todayUk());
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const date = readDate(dateText, 'Date submitted', true);
  const noteError = note.trim() === '' ? 'Say where it went, such as "sent to DfE" or "Schools Forum 12 March"' : undefined;
  const alsoParent = scenario.kind === 'mitigated' && parent && !parent.locked ? parent : null;

  const send = async () => {
    setTried(true);
    if (date.error || noteError || !date.iso) return;
    setRefused(null);
    const done = await submit.run({ id: scenario.id, submittedOn: date.iso, note: note.trim() });
    if (!done) return setRefused(submit.lastError());
    notify(
      'success',
      `${scenario.name} submitted on ${ukLongDate(date.iso)} and locked${alsoParent ? `, with ${alsoParent.name}` : ''}. To change it, copy it.`,
    );
    onClose();
  };

  return (
    <SubmitForm onSubmit={send}>
      <DialogBody>
        <DialogTitle>Submit and lock {scenario.name}</DialogTitle>
        <DialogContent className="dialog-form">
          <p>
            A submitted scenario is locked: its assumptions{scenario.kind === 'mitigated' ? ', its projects' : ''} and its name never change again, from this
            screen, the command line or an import. The figures as submitted are kept beside the live ones. To change it later, copy it.
          </p>
          {alsoParent && (
            <p>
              <strong>{alsoParent.name} is locked too:</strong> {scenario.name} rests on its assumptions, so it is submitted with it.
            </p>
          )}
          <DateField label="Date submitted" value={date} onText={setDateText} showError={tried} required />
          <Field
            label="Note"
            required
            hint="Where it went: sent to DfE, Schools Forum 12 March"
            validationMessage={tried ? noteError : undefined}
            validationState={tried && noteError ? 'error' : 'none'}
          >
            <Textarea value={note} maxLength={500} onChange={(_, d) => setNote(d.value)} resize="vertical" />
          </Field>
          <RefusalBar refused={refused} prefix="Not submitted: " />
        </DialogContent>
        <DialogButtons busy={submit.busy} icon={<LockClosedRegular />} onCancel={onClose}>
          Submit and lock
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
