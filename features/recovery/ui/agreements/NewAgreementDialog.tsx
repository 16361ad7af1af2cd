import { DialogBody, DialogContent, DialogTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import { type AgreementFormState, checkAgreement, emptyAgreement } from './agreement-form';
import { IdentityFields, TermFields } from './AgreementFields';
import { useSaveAgreement } from './data';

/** A new agreement from what it must have; the rest (decision, conditions, reports) on its own page. */
export function NewAgreementDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <NewAgreementForm onClose={onClose} />
    </FormDialog>
  );
}

function NewAgreementForm({ onClose }: { onClose(): void }) {
  const save = useSaveAgreement();
  const navigate = useNavigate();
  const [state, setState] = useState<AgreementFormState>(emptyAgreement);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const set = (patch: Partial<AgreementFormState>) => setState((s) => ({ ...s, ...patch }));
  const checked = checkAgreement(state);
  const errors = tried ? checked.errors : {};

  const submit = async () => {
    setTried(true);
    if (!checked.input) return;
    setRefused(null);
    const saved = await save.run(checked.input);
    if (!saved) return setRefused(save.lastError());
    onClose();
    navigate(`/agreements/${saved.id}`);
  };

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>New agreement</DialogTitle>
        <DialogContent className="dialog-form">
          <IdentityFields state={state} set={set} errors={errors} withPurpose={false} />
          <TermFields state={state} set={set} errors={errors} withNotice={false} />
          <p className="muted">The decision, conditions and reports are added on the agreement’s page, which opens once it is saved.</p>
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          Add agreement
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
