import { DialogBody, DialogContent, DialogTitle, Field, MessageBar, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { MoneyInput } from '../../../../renderer/src/components/MoneyInput';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { useApp } from '../../../../renderer/src/state/app-state';
import { dateText, readDate } from '../../../../renderer/src/components/DateField';
import type { InstalmentInfo, SvAgreementInfo } from '../../types';
import { INSTALMENT_STATUS_LABELS, INSTALMENT_STATUSES, type InstalmentStatus } from '../../words';
import { TextField, TypedDateField } from '../agreements/AgreementFields';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import { useRecordInstalment } from './data';

interface Props {
  open: boolean;
  agreement: SvAgreementInfo;
  instalment: InstalmentInfo | null;
  today: string;
  onClose(): void;
}

/** Records what happened to an instalment: received (it becomes a contribution in its year's DSG position), withheld, or still due. */
export function RecordInstalmentDialog({ open, ...rest }: Props) {
  return (
    <FormDialog open={open} onClose={rest.onClose}>
      {rest.instalment && <RecordForm {...rest} instalment={rest.instalment} />}
    </FormDialog>
  );
}

function RecordForm({ agreement, instalment, today, onClose }: Omit<Props, 'open'> & { instalment: InstalmentInfo }) {
  const { money } = useApp();
  const record = useRecordInstalment();
  const [status, setStatus] = useState<InstalmentStatus>(instalment.status === 'due' ? 'received' : instalment.status);
  const [amount, setAmount] = useState<number | null>(instalment.receivedPence ?? instalment.expectedPence);
  const [on, setOn] = useState(dateText(instalment.receivedOn ?? today));
  const [note, setNote] = useState(instalment.note);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const received = status === 'received';
  const date = readDate(on, 'Date received', received);
  const amountError = received && amount === null ? 'Amount received is needed: what the DfE paid' : undefined;
  const year = instalment.year;
  const submit = async () => {
    setTried(true);
    if (received && (amountError || date.error)) return;
    setRefused(null);
    const out = await record.run({
      id: instalment.id,
      status,
      ...(received ? { receivedPence: amount!, receivedOn: date.iso! } : {}),
      note: note.trim(),
    });
    if (!out) return setRefused(record.lastError());
    onClose();
  };
  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>The {year} instalment</DialogTitle>
        <DialogContent className="dialog-form">
          <p className="agr-none">
            {agreement.name}: {money.format(instalment.expectedPence)} expected in {year}, now {INSTALMENT_STATUS_LABELS[instalment.status].toLowerCase()}
            {instalment.receivedOn ? ` (received ${ukDate(instalment.receivedOn)})` : ''}.
          </p>
          <Field label="What happened">
            <RadioGroup layout="horizontal" value={status} onChange={(_, d) => setStatus(d.value as InstalmentStatus)}>
              {INSTALMENT_STATUSES.map((s) => (
                <Radio key={s} value={s} label={INSTALMENT_STATUS_LABELS[s]} />
              ))}
            </RadioGroup>
          </Field>
          {received && (
            <div className="agr-form-grid">
              <div>
                <MoneyInput label="Amount received" pence={amount} onChange={setAmount} hint="Less than expected if the DfE part-paid it" />
                {tried && amountError && <p className="agr-field-error">{amountError}</p>}
              </div>
              <TypedDateField label="Date received" required value={on} onChange={setOn} error={tried ? (date.error ?? undefined) : undefined} />
            </div>
          )}
          <MessageBar intent="info">
            <MessageBarBody>
              {received
                ? `Recorded as received, ${amount === null ? 'the amount' : money.format(amount)} becomes a Safety Valve contribution in ${year}’s DSG position, and in the plan’s contributions for ${year}.`
                : instalment.contributionId !== null
                  ? `Marked ${INSTALMENT_STATUS_LABELS[status].toLowerCase()}, its contribution is taken out of ${year}’s DSG position.`
                  : status === 'withheld'
                    ? `Withheld, it counts nothing in ${year}’s position or in the plan.`
                    : `Due, the plan counts the expected ${money.format(instalment.expectedPence)} in ${year}; the DSG position counts it once received.`}
            </MessageBarBody>
          </MessageBar>
          <TextField label="Note" rows={2} max={500} value={note} onChange={setNote} hint="Such as why it was withheld or part-paid" />
          <RefusalBar refused={refused} prefix="Not recorded: " />
        </DialogContent>
        <DialogButtons busy={record.busy} onCancel={onClose}>
          Record instalment
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
