import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukDate, ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { readDate } from '../../../../renderer/src/components/DateField';
import type { AgreementDetail } from '../../types';
import { TextField, TypedDateField } from './AgreementFields';
import { useRemoveExtension, useTakeExtension } from './data';
import { detailRow, TERM_STATE_LABELS, Timeline } from './Timeline';

/** The agreement's terms on a timeline and in a table, the extensions taken, and taking the next one. */
export function ExtensionsCard({ agreement, today }: { agreement: AgreementDetail; today: string }) {
  const remove = useRemoveExtension();
  const { offered, taken, months } = agreement.extensions;
  const takenByNumber = new Map(agreement.extensionsTaken.map((e) => [e.number, e]));
  const last = agreement.extensionsTaken.reduce<AgreementDetail['extensionsTaken'][number] | null>((m, e) => (!m || e.number > m.number ? e : m), null);
  let extension = 0;
  return (
    <section className="card agr-terms" aria-labelledby="agr-terms-title">
      <div className="card-head">
        <h2 id="agr-terms-title">Terms and extensions</h2>
        <span className="muted">
          {offered === 0 ? 'No extensions offered.' : `${taken} of ${offered} extensions of ${months} months taken.`} Ends {ukLongDate(agreement.currentEndOn)}
          {agreement.finalEndOn !== agreement.currentEndOn && `; ${ukLongDate(agreement.finalEndOn)} with every extension`}.
        </span>
      </div>
      <Timeline id="agr-detail-timeline" caption={`${agreement.reference}: its terms by financial year`} rows={[detailRow(agreement)]} today={today} />
      <Table size="small" aria-label={`Terms of ${agreement.reference}`} className="agr-small-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Term</TableHeaderCell>
            <TableHeaderCell>From</TableHeaderCell>
            <TableHeaderCell>To</TableHeaderCell>
            <TableHeaderCell>State</TableHeaderCell>
            <TableHeaderCell>Taken on</TableHeaderCell>
            <TableHeaderCell>Decision reference</TableHeaderCell>
            <TableHeaderCell>
              <span className="visually-hidden">Undo</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {agreement.terms.map((t) => {
            // Extensions are listed in order after the initial term: the nth is extension n.
            const n = t.state === 'initial' ? 0 : ++extension;
            const record = takenByNumber.get(n);
            return (
              <TableRow key={`${t.label}-${t.startOn}`}>
                <TableCell>{t.label}</TableCell>
                <TableCell>{ukDate(t.startOn)}</TableCell>
                <TableCell>{ukDate(t.endOn)}</TableCell>
                <TableCell>{TERM_STATE_LABELS[t.state]}</TableCell>
                <TableCell>{record ? ukDate(record.takenOn) : ''}</TableCell>
                <TableCell>{record?.decisionReference ?? ''}</TableCell>
                <TableCell>
                  {record && record === last && (
                    <Button
                      appearance="subtle"
                      size="small"
                      className="agr-nowrap"
                      icon={<ArrowUndoRegular />}
                      disabled={remove.busy}
                      onClick={() => void remove.run({ id: record.id })}
                    >
                      Not taken after all
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {taken < offered ? (
        <TakeExtensionForm agreement={agreement} number={taken + 1} />
      ) : (
        <p className="agr-none">{offered === 0 ? 'The agreement offers no extensions to take.' : `All ${offered} extensions offered have been taken.`}</p>
      )}
    </section>
  );
}

function TakeExtensionForm({ agreement, number }: { agreement: AgreementDetail; number: number }) {
  const take = useTakeExtension();
  const [on, setOn] = useState('');
  const [reference, setReference] = useState('');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const date = readDate(on, 'Date taken', true);
  const submit = async () => {
    setTried(true);
    if (date.error) return;
    setRefused(null);
    const out = await take.run({ agreementId: agreement.id, number, takenOn: date.iso!, decisionReference: reference.trim() });
    if (!out) return setRefused(take.lastError());
    setTried(false);
    setOn('');
    setReference('');
  };
  return (
    <SubmitForm onSubmit={submit} className="agr-add-form" aria-label={`Take extension ${number}`}>
      <h3 className="agr-subhead">Take extension {number}</h3>
      <div className="agr-form-grid">
        <TypedDateField label="Date taken" required value={on} onChange={setOn} error={tried ? (date.error ?? undefined) : undefined} />
        <TextField label="Decision reference" hint="The decision to extend, such as D52724" max={60} value={reference} onChange={setReference} />
      </div>
      <RefusalBar refused={refused} prefix="Not taken: " />
      <div>
        <BusyButton type="submit" appearance="primary" busy={take.busy}>
          Take extension {number}
        </BusyButton>
      </div>
    </SubmitForm>
  );
}
