import { Button, DialogBody, DialogContent, DialogTitle, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import type { AgreementDetail, ConditionInfo } from '../../types';
import { CONDITION_KIND_LABELS, CONDITION_KINDS, type ConditionKind, RETURN_BASES, RETURN_BASIS_LABELS, type ReturnBasis } from '../../words';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import { bpToEditText, formatBp, parsePercent } from '../../../../renderer/src/components/percent';
import { RowActions } from '../shared/RowActions';
import { TextField } from './AgreementFields';
import { useDeleteCondition, useSaveCondition } from './data';

/** What an underspend condition sends back, in words. */
export function conditionTerms(c: ConditionInfo): string | null {
  if (c.kind !== 'underspend_return' || c.thresholdBp === null) return null;
  const basis = c.returnBasis === 'above_threshold' ? 'only the part above it goes back' : 'the whole underspend goes back';
  return `An underspend above ${formatBp(c.thresholdBp)} at year end: ${basis}.`;
}

/** The agreement's conditions, such as an underspend above a share returned at year end. */
export function ConditionsCard({ agreement }: { agreement: AgreementDetail }) {
  const remove = useDeleteCondition();
  const [editing, setEditing] = useState<{ open: boolean; condition: ConditionInfo | null }>({ open: false, condition: null });
  const close = () => setEditing((e) => ({ ...e, open: false }));
  return (
    <section className="card agr-conditions" aria-labelledby="agr-conditions-title">
      <div className="card-head">
        <h2 id="agr-conditions-title">Conditions</h2>
        <Button className="card-head-end" icon={<AddRegular />} onClick={() => setEditing({ open: true, condition: null })}>
          Add condition…
        </Button>
      </div>
      {agreement.conditions.length === 0 ? (
        <p className="agr-none">No conditions recorded.</p>
      ) : (
        <ol className="agr-conditions-list">
          {agreement.conditions.map((c, i) => (
            <li key={c.id}>
              <div className="agr-condition-text">
                <span className="agr-condition-kind">{CONDITION_KIND_LABELS[c.kind]}</span>
                <span>{c.text}</span>
                {conditionTerms(c) && <span className="agr-condition-terms">{conditionTerms(c)}</span>}
              </div>
              <RowActions
                name={`condition ${i + 1}`}
                onEdit={() => setEditing({ open: true, condition: c })}
                onDelete={() => void remove.run({ id: c.id })}
                deleting={remove.busy}
              />
            </li>
          ))}
        </ol>
      )}
      <FormDialog open={editing.open} onClose={close}>
        <ConditionForm agreementId={agreement.id} condition={editing.condition} onClose={close} />
      </FormDialog>
    </section>
  );
}

function ConditionForm({ agreementId, condition, onClose }: { agreementId: number; condition: ConditionInfo | null; onClose(): void }) {
  const save = useSaveCondition();
  const [kind, setKind] = useState<ConditionKind>(condition?.kind ?? 'underspend_return');
  const [text, setText] = useState(condition?.text ?? '');
  const [threshold, setThreshold] = useState(bpToEditText(condition?.thresholdBp ?? 1500));
  const [basis, setBasis] = useState<ReturnBasis>(condition?.returnBasis ?? 'whole');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const underspend = kind === 'underspend_return';
  const parsed = parsePercent(threshold);
  const thresholdError = !underspend
    ? undefined
    : !parsed.ok
      ? `Threshold ${parsed.reason}`
      : parsed.bp < 0 || parsed.bp > 10_000
        ? 'Threshold must be from 0% to 100%'
        : undefined;
  const textError = text.trim() === '' ? 'Write the condition as the agreement words it' : undefined;
  const submit = async () => {
    setTried(true);
    if (thresholdError || textError) return;
    setRefused(null);
    const out = await save.run({
      agreementId,
      id: condition?.id,
      kind,
      text: text.trim(),
      thresholdBp: underspend && parsed.ok ? parsed.bp : null,
      returnBasis: underspend ? basis : null,
    });
    if (!out) return setRefused(save.lastError());
    onClose();
  };
  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{condition ? 'Edit condition' : 'Add a condition'}</DialogTitle>
        <DialogContent className="dialog-form">
          <Field label="Kind of condition">
            <RadioGroup layout="horizontal" value={kind} onChange={(_, d) => setKind(d.value as ConditionKind)}>
              {CONDITION_KINDS.map((k) => (
                <Radio key={k} value={k} label={CONDITION_KIND_LABELS[k]} />
              ))}
            </RadioGroup>
          </Field>
          <TextField
            label="Condition"
            required
            rows={3}
            max={1000}
            hint={underspend ? 'Such as: an underspend above 15% at year end is returned unless a development plan is approved' : undefined}
            value={text}
            onChange={setText}
            error={tried ? textError : undefined}
          />
          {underspend && (
            <>
              <Field
                label="Underspend threshold, %"
                hint="An underspend above this share of the year’s funding is returned"
                validationMessage={tried ? thresholdError : undefined}
                validationState={tried && thresholdError ? 'error' : 'none'}
              >
                <Input value={threshold} onChange={(_, d) => setThreshold(d.value)} contentAfter="%" inputMode="decimal" className="agr-number" />
              </Field>
              <Field label="What goes back">
                <RadioGroup value={basis} onChange={(_, d) => setBasis(d.value as ReturnBasis)}>
                  {RETURN_BASES.map((b) => (
                    <Radio key={b} value={b} label={RETURN_BASIS_LABELS[b]} />
                  ))}
                </RadioGroup>
              </Field>
            </>
          )}
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          {condition ? 'Save condition' : 'Add condition'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
