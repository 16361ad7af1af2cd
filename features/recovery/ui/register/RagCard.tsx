import { Field, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ukDate, ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { DateField, readDate } from '../../../../renderer/src/components/DateField';
import { todayUk } from '../../../../renderer/src/components/uk-date';
import type { ProjectDetail } from '../../types';
import { RAG_LABELS, RAGS, type Rag } from '../../words';
import { RagBadge } from '../shared/RagBadge';
import { useRecordRag } from './data';

/** The project's RAG now, a new assessment recorded with its reason and date, and every earlier one, newest first. */
export function RagCard({ project: p }: { project: ProjectDetail }) {
  const record = useRecordRag();
  const [rag, setRag] = useState<Rag | ''>('');
  const [reason, setReason] = useState('');
  const [asOf, setAsOf] = useState(todayUk());
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const date = readDate(asOf, 'Assessed on', true);
  const ragError = rag === '' ? 'Choose red, amber or green' : undefined;
  const reasonError = rag !== '' && rag !== 'green' && reason.trim() === '' ? `Say why it is ${RAG_LABELS[rag].toLowerCase()}` : undefined;
  const history = [...p.ragHistory].sort((a, b) => b.asOf.localeCompare(a.asOf) || b.id - a.id);

  const submit = async () => {
    setTried(true);
    if (ragError || reasonError || !date.iso || rag === '') return;
    setRefused(null);
    const done = await record.run({ projectId: p.id, rag, reason: reason.trim(), asOf: date.iso });
    if (done) {
      setTried(false);
      setRag('');
      setReason('');
    } else setRefused(record.refusal());
  };

  return (
    <section className="card" aria-labelledby="rag-title">
      <h2 id="rag-title">RAG</h2>
      <div className="rag-now">
        <RagBadge rag={p.rag} size="large" />
        <div>
          {p.rag ? (
            <>
              <div>{p.ragReason || <span className="muted">No reason given.</span>}</div>
              <div className="muted">Assessed on {ukLongDate(p.ragAsOf!)}</div>
            </>
          ) : (
            <div className="muted">Not assessed yet.</div>
          )}
        </div>
      </div>
      <SubmitForm onSubmit={submit} aria-label="Record a RAG assessment" className="reg-subform">
        <h3 className="reg-subhead">Record an assessment</h3>
        <RefusalBar refused={refused} prefix="Not recorded: " />
        <Field label="RAG" required validationMessage={tried ? ragError : undefined} validationState={tried && ragError ? 'error' : 'none'}>
          <RadioGroup layout="horizontal" value={rag} onChange={(_, d) => setRag(d.value as Rag)}>
            {RAGS.map((r) => (
              <Radio key={r} value={r} label={RAG_LABELS[r]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="Reason" validationMessage={tried ? reasonError : undefined} validationState={tried && reasonError ? 'error' : 'none'}>
          <Textarea value={reason} maxLength={1000} resize="vertical" rows={2} onChange={(_, d) => setReason(d.value)} />
        </Field>
        <div className="reg-form-actions start">
          <DateField label="Assessed on" value={date} onText={setAsOf} showError={tried} required />
          <BusyButton type="submit" appearance="primary" busy={record.busy}>
            Record RAG
          </BusyButton>
        </div>
      </SubmitForm>
      <h3 className="reg-subhead">History</h3>
      {history.length === 0 ? (
        <p className="muted">No assessments recorded.</p>
      ) : (
        <Table size="small" aria-label="RAG history, newest first" className="reg-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell className="reg-col-date">Assessed on</TableHeaderCell>
              <TableHeaderCell className="reg-col-rag">RAG</TableHeaderCell>
              <TableHeaderCell>Reason</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {history.map((h) => (
              <TableRow key={h.id}>
                <TableCell>{ukDate(h.asOf)}</TableCell>
                <TableCell>
                  <RagBadge rag={h.rag} size="small" />
                </TableCell>
                <TableCell>{h.reason || <span className="muted">No reason given</span>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
