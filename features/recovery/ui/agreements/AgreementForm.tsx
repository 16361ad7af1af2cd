import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import type { AgreementDetail } from '../../types';
import { type AgreementFormState, agreementState, checkAgreement } from './agreement-form';
import { DecisionFields, IdentityFields, TermFields, TextField } from './AgreementFields';
import { useSaveAgreement } from './data';
import { DecisionFlagField } from './DecisionFlagField';

/**
 * Every field of an agreement in one form, saved together: what it is, its term and value, the
 * decision behind it (with the key-decision and call-in flags and their overrides), and its
 * reporting duties.
 */
export function AgreementForm({ agreement }: { agreement: AgreementDetail }) {
  const save = useSaveAgreement();
  const [saved, setSaved] = useState(() => agreementState(agreement));
  const [state, setState] = useState<AgreementFormState>(saved);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  // Another write (an undo, an import) changed it: show that, unless there are edits not yet saved.
  const fresh = agreementState(agreement);
  const dirty = JSON.stringify(state) !== JSON.stringify(saved);
  if (JSON.stringify(fresh) !== JSON.stringify(saved)) {
    setSaved(fresh);
    if (!dirty) setState(fresh);
  }
  const set = (patch: Partial<AgreementFormState>) => setState((s) => ({ ...s, ...patch }));
  const checked = checkAgreement(state, agreement.id);
  const errors = tried ? checked.errors : {};

  const submit = async () => {
    setTried(true);
    if (!checked.input) return;
    setRefused(null);
    const out = await save.run(checked.input);
    if (!out) return setRefused(save.lastError());
    setTried(false);
    const next = agreementState(out);
    setSaved(next);
    setState(next);
  };

  return (
    <SubmitForm onSubmit={submit} className="card agr-form" aria-labelledby="agr-form-title">
      <div className="card-head">
        <h2 id="agr-form-title">Details</h2>
        {dirty && <span className="agr-dirty">Changes not saved yet</span>}
      </div>
      <IdentityFields state={state} set={set} errors={errors} withPurpose />
      {agreement.legalBasisWarning && (
        <MessageBar intent="warning">
          <MessageBarBody>{agreement.legalBasisWarning}</MessageBarBody>
        </MessageBar>
      )}
      <h3 className="agr-subhead">Term and value</h3>
      <TermFields state={state} set={set} errors={errors} withNotice />
      <h3 className="agr-subhead">Decision</h3>
      <DecisionFields state={state} set={set} errors={errors} />
      <div className="agr-flags">
        <DecisionFlagField
          name="Key decision"
          flag={agreement.keyDecision}
          value={state.keyDecision}
          reason={state.keyDecisionReason}
          onValue={(keyDecision) => set({ keyDecision })}
          onReason={(keyDecisionReason) => set({ keyDecisionReason })}
          error={errors.keyDecisionReason}
        />
        <DecisionFlagField
          name="Call-in"
          flag={agreement.callIn}
          value={state.callIn}
          reason={state.callInReason}
          onValue={(callIn) => set({ callIn })}
          onReason={(callInReason) => set({ callInReason })}
          error={errors.callInReason}
        />
      </div>
      <h3 className="agr-subhead">Reporting and notes</h3>
      <div className="agr-form-grid agr-form-grid-wide">
        <TextField
          label="Reporting duties"
          hint="Such as termly returns and an annual report"
          rows={3}
          max={2000}
          value={state.reportingDuties}
          onChange={(reportingDuties) => set({ reportingDuties })}
        />
        <TextField label="Note" rows={3} max={2000} value={state.note} onChange={(note) => set({ note })} />
      </div>
      <RefusalBar refused={refused} prefix="Not saved: " />
      <div className="agr-form-actions">
        <BusyButton type="submit" appearance="primary" icon={<SaveRegular />} busy={save.busy}>
          Save agreement
        </BusyButton>
        <Button
          type="button"
          disabled={!dirty || save.busy}
          onClick={() => {
            setState(saved);
            setTried(false);
            setRefused(null);
          }}
        >
          Discard changes
        </Button>
      </div>
    </SubmitForm>
  );
}
