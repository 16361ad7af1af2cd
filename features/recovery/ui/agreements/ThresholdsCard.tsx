import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { MoneyInput } from '../../../../renderer/src/components/MoneyInput';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { useApp } from '../../../../renderer/src/state/app-state';
import { readDate } from '../../../../renderer/src/components/DateField';
import type { ThresholdInfo } from '../../types';
import { TextField, TypedDateField } from './AgreementFields';
import { useDeleteThreshold, useSaveThreshold } from './data';

/**
 * The authority's key-decision and call-in thresholds, each from the day it took effect: an
 * agreement is judged by the one in force on its decision date.
 */
export function ThresholdsCard({ thresholds }: { thresholds: ThresholdInfo[] }) {
  const { money } = useApp();
  const remove = useDeleteThreshold();
  const sorted = [...thresholds].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  return (
    <section className="card agr-thresholds" aria-labelledby="agr-thresholds-title">
      <div className="card-head">
        <h2 id="agr-thresholds-title">Key decision and call-in thresholds</h2>
        <span className="muted">A year’s value at or above a threshold makes the agreement a key decision, or open to call-in.</span>
      </div>
      {sorted.length === 0 ? (
        <p className="agr-none">No thresholds yet: no agreement is flagged as a key decision until one is added.</p>
      ) : (
        <Table size="small" aria-label="Thresholds" className="agr-small-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>In force from</TableHeaderCell>
              <TableHeaderCell className="num">Key decision, a year</TableHeaderCell>
              <TableHeaderCell className="num">Call-in, a year</TableHeaderCell>
              <TableHeaderCell>Note</TableHeaderCell>
              <TableHeaderCell>
                <span className="visually-hidden">Delete</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map((t) => (
              <TableRow key={t.id}>
                <TableCell>{ukLongDate(t.effectiveFrom)}</TableCell>
                <TableCell className="num">{money.format(t.keyDecisionPence)}</TableCell>
                <TableCell className="num">{t.callInPence === null ? 'as key decision' : money.format(t.callInPence)}</TableCell>
                <TableCell>{t.note}</TableCell>
                <TableCell>
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`Delete the threshold in force from ${ukLongDate(t.effectiveFrom)}`}
                    disabled={remove.busy}
                    onClick={() => void remove.run({ id: t.id })}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <AddThresholdForm />
    </section>
  );
}

function AddThresholdForm() {
  const save = useSaveThreshold();
  const [from, setFrom] = useState('');
  const [key, setKey] = useState<number | null>(null);
  const [callIn, setCallIn] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const date = readDate(from, 'In force from', true);
  const keyError = key === null || key <= 0 ? 'Key decision threshold is needed: a year’s value, more than £0' : undefined;
  const submit = async () => {
    setTried(true);
    if (date.error || keyError) return;
    setRefused(null);
    const out = await save.run({ effectiveFrom: date.iso!, keyDecisionPence: key!, callInPence: callIn, note: note.trim() });
    if (!out) return setRefused(save.lastError());
    setTried(false);
    setFrom('');
    setKey(null);
    setCallIn(null);
    setNote('');
  };
  return (
    <SubmitForm onSubmit={submit} className="agr-add-form" aria-label="Add a threshold">
      <h3 className="agr-subhead">Add a threshold</h3>
      <div className="agr-form-grid">
        <TypedDateField label="In force from" required value={from} onChange={setFrom} error={tried ? (date.error ?? undefined) : undefined} />
        <div>
          <MoneyInput label="Key decision threshold, a year" pence={key} onChange={setKey} />
          {tried && keyError && <p className="field-error agr-field-error">{keyError}</p>}
        </div>
        <MoneyInput label="Call-in threshold, a year" hint="Blank: the same as the key decision threshold" pence={callIn} onChange={setCallIn} />
        <TextField label="Note" max={500} value={note} onChange={setNote} hint="Such as the decision that set it" />
      </div>
      <RefusalBar refused={refused} prefix="Not saved: " />
      <div>
        <BusyButton type="submit" appearance="primary" busy={save.busy}>
          Add threshold
        </BusyButton>
      </div>
    </SubmitForm>
  );
}
