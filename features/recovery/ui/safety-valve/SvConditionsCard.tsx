import { Button, DialogBody, DialogContent, DialogTitle } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import type { SvAgreementInfo, SvConditionInfo } from '../../types';
import { NumberField, TextField } from '../agreements/AgreementFields';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import { RagBadge } from '../shared/RagBadge';
import { RowActions } from '../shared/RowActions';
import { useDeleteSvCondition, useSaveSvCondition } from './data';

/** The agreement's numbered conditions, each with its target and its latest rating. */
export function SvConditionsCard({ agreement }: { agreement: SvAgreementInfo }) {
  const remove = useDeleteSvCondition();
  const [editing, setEditing] = useState<{ open: boolean; condition: SvConditionInfo | null }>({ open: false, condition: null });
  const close = () => setEditing((e) => ({ ...e, open: false }));
  return (
    <section className="card" aria-labelledby={`sv-conditions-${agreement.id}`}>
      <div className="card-head">
        <h2 id={`sv-conditions-${agreement.id}`}>Conditions</h2>
        <span className="muted">The DfE pays each instalment while the quarterly monitoring of these shows progress.</span>
        <Button className="card-head-end" icon={<AddRegular />} onClick={() => setEditing({ open: true, condition: null })}>
          Add condition…
        </Button>
      </div>
      {agreement.conditions.length === 0 ? (
        <p className="agr-none">No conditions yet.</p>
      ) : (
        <ul className="sv-conditions" aria-label={`Conditions of ${agreement.name}`}>
          {agreement.conditions.map((c) => (
            <li key={c.id}>
              <span className="sv-condition-number" aria-hidden>
                {c.number}
              </span>
              <div className="sv-condition-body">
                <span className="visually-hidden">Condition {c.number}: </span>
                <span>{c.text}</span>
                {c.target && <span className="sv-condition-target">Target: {c.target}</span>}
              </div>
              <span className="sv-condition-latest">
                <RagBadge rag={c.latest?.rag ?? null} size="small" />
                {c.latest && (
                  <span className="muted">
                    {c.latest.year} Q{c.latest.quarter}
                  </span>
                )}
              </span>
              <RowActions
                name={`condition ${c.number}`}
                onEdit={() => setEditing({ open: true, condition: c })}
                onDelete={() => void remove.run({ id: c.id })}
                deleting={remove.busy}
              />
            </li>
          ))}
        </ul>
      )}
      <FormDialog open={editing.open} onClose={close}>
        <SvConditionForm agreement={agreement} condition={editing.condition} onClose={close} />
      </FormDialog>
    </section>
  );
}

function SvConditionForm({ agreement, condition, onClose }: { agreement: SvAgreementInfo; condition: SvConditionInfo | null; onClose(): void }) {
  const save = useSaveSvCondition();
  const next = agreement.conditions.reduce((m, c) => Math.max(m, c.number), 0) + 1;
  const [number, setNumber] = useState(String(condition?.number ?? next));
  const [text, setText] = useState(condition?.text ?? '');
  const [target, setTarget] = useState(condition?.target ?? '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const n = Number(number.trim());
  const numberError = !/^\d+$/.test(number.trim()) || n < 1 || n > 99 ? 'Number must be a whole number from 1 to 99' : undefined;
  const textError = text.trim() === '' ? 'Write the condition as the agreement words it' : undefined;
  const submit = async () => {
    setTried(true);
    if (numberError || textError) return;
    setRefused(null);
    const out = await save.run({ agreementId: agreement.id, id: condition?.id, number: n, text: text.trim(), target: target.trim() });
    if (!out) return setRefused(save.lastError());
    onClose();
  };
  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{condition ? `Edit condition ${condition.number}` : 'Add a condition'}</DialogTitle>
        <DialogContent className="dialog-form">
          <NumberField label="Number" value={number} onChange={setNumber} error={tried ? numberError : undefined} />
          <TextField label="Condition" required rows={3} max={1000} value={text} onChange={setText} error={tried ? textError : undefined} />
          <TextField label="Target" rows={2} max={1000} hint="Such as: EHC plans in mainstream schools 45% by March 2027" value={target} onChange={setTarget} />
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          {condition ? 'Save condition' : 'Add condition'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
