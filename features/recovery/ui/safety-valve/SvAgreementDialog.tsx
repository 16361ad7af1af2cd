import { DialogBody, DialogContent, DialogTitle, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { MoneyInput } from '../../../../renderer/src/components/MoneyInput';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { dateText, readDate } from '../../../../renderer/src/components/DateField';
import type { SvAgreementInfo } from '../../types';
import { SV_KIND_LABELS, SV_KINDS, type SvKind } from '../../words';
import { TextField, TypedDateField } from '../agreements/AgreementFields';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import { useSaveSvAgreement } from './data';

interface Props {
  open: boolean;
  /** The agreement to edit; null adds one. */
  agreement: SvAgreementInfo | null;
  onClose(saved?: SvAgreementInfo): void;
}

/** A Safety Valve (or DBV) agreement with the DfE: its name, when it was signed, and its total. */
export function SvAgreementDialog({ open, agreement, onClose }: Props) {
  return (
    <FormDialog open={open} onClose={onClose}>
      <SvAgreementForm agreement={agreement} onClose={onClose} />
    </FormDialog>
  );
}

function SvAgreementForm({ agreement, onClose }: Omit<Props, 'open'>) {
  const save = useSaveSvAgreement();
  const [name, setName] = useState(agreement?.name ?? '');
  const [kind, setKind] = useState<SvKind>(agreement?.kind ?? 'safety_valve');
  const [counterparty, setCounterparty] = useState(agreement?.counterparty ?? 'Department for Education');
  const [signed, setSigned] = useState(dateText(agreement?.signedOn));
  const [total, setTotal] = useState<number | null>(agreement?.totalPence ?? null);
  const [capital, setCapital] = useState<number | null>(agreement?.capitalPence ?? null);
  const [note, setNote] = useState(agreement?.note ?? '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const signedOn = readDate(signed, 'Signed', true);
  const nameError = name.trim() === '' ? 'Name the agreement, such as "Safety Valve agreement 2023"' : undefined;
  const totalError = total === null ? 'Total is needed: the revenue the DfE agreed to pay towards the deficit' : undefined;
  const submit = async () => {
    setTried(true);
    if (nameError || totalError || signedOn.error) return;
    setRefused(null);
    const out = await save.run({
      id: agreement?.id,
      name: name.trim(),
      kind,
      counterparty: counterparty.trim(),
      signedOn: signedOn.iso!,
      totalPence: total!,
      capitalPence: capital ?? 0,
      note: note.trim(),
    });
    if (!out) return setRefused(save.lastError());
    onClose(out.find((a) => a.name === name.trim()));
  };
  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{agreement ? `Edit ${agreement.name}` : 'New Safety Valve or DBV agreement'}</DialogTitle>
        <DialogContent className="dialog-form">
          <Field label="Kind">
            <RadioGroup layout="horizontal" value={kind} onChange={(_, d) => setKind(d.value as SvKind)}>
              {SV_KINDS.map((k) => (
                <Radio key={k} value={k} label={SV_KIND_LABELS[k]} />
              ))}
            </RadioGroup>
          </Field>
          <div className="agr-form-grid">
            <TextField label="Name" required max={200} value={name} onChange={setName} error={tried ? nameError : undefined} />
            <TextField label="Counterparty" max={200} value={counterparty} onChange={setCounterparty} />
            <TypedDateField label="Signed" required value={signed} onChange={setSigned} error={tried ? (signedOn.error ?? undefined) : undefined} />
            <div>
              <MoneyInput label="Total (revenue)" pence={total} onChange={setTotal} hint="Paid in instalments towards the deficit" />
              {tried && totalError && <p className="agr-field-error">{totalError}</p>}
            </div>
            <MoneyInput label="Capital" pence={capital} onChange={setCapital} hint="Blank: none" />
          </div>
          <TextField label="Note" rows={2} max={2000} value={note} onChange={setNote} />
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={() => onClose()}>
          {agreement ? 'Save agreement' : 'Add agreement'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
