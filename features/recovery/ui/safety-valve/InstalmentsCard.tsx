import {
  Badge,
  type BadgeProps,
  Button,
  DialogBody,
  DialogContent,
  DialogTitle,
  Dropdown,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { yearIdFromStart, yearStartYear } from '../../../../electron/shared/periods';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { MoneyInput } from '../../../../renderer/src/components/MoneyInput';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { InstalmentInfo, SvAgreementInfo } from '../../types';
import { INSTALMENT_STATUS_LABELS, type InstalmentStatus } from '../../words';
import { yearIdOf } from '../agreements/timeline-scale';
import { TextField } from '../agreements/AgreementFields';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import { RowActions } from '../shared/RowActions';
import { useDeleteInstalment, useSaveInstalment } from './data';
import { RecordInstalmentDialog } from './RecordInstalmentDialog';

const STATUS_COLOURS: Record<InstalmentStatus, BadgeProps['color']> = { due: 'informative', received: 'success', withheld: 'danger' };

export function StatusBadge({ status }: { status: InstalmentStatus }) {
  return (
    <Badge appearance="tint" color={STATUS_COLOURS[status]}>
      {INSTALMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** The instalments by year: expected, what happened, and what was received and when. */
export function InstalmentsCard({ agreement, today }: { agreement: SvAgreementInfo; today: string }) {
  const { money } = useApp();
  const remove = useDeleteInstalment();
  const [recording, setRecording] = useState<{ open: boolean; instalment: InstalmentInfo | null }>({ open: false, instalment: null });
  const [editing, setEditing] = useState<{ open: boolean; instalment: InstalmentInfo | null }>({ open: false, instalment: null });
  const closeEditing = () => setEditing((e) => ({ ...e, open: false }));
  const expected = agreement.instalments.reduce((s, i) => s + i.expectedPence, 0);
  return (
    <section className="card" aria-labelledby={`sv-instalments-${agreement.id}`}>
      <div className="card-head">
        <h2 id={`sv-instalments-${agreement.id}`}>Instalments</h2>
        <span className="muted">
          {money.format(expected)} expected in all; a received instalment is a Safety Valve contribution in its year’s DSG position.
        </span>
        <Button className="card-head-end" icon={<AddRegular />} onClick={() => setEditing({ open: true, instalment: null })}>
          Add instalment…
        </Button>
      </div>
      {agreement.instalments.length === 0 ? (
        <p className="agr-none">No instalments yet.</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it
        <section className="agr-table-wrap" aria-label="Instalments table, scrolls sideways" tabIndex={0}>
          <Table size="small" aria-label={`Instalments of ${agreement.name}`} className="sv-instalments">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Year</TableHeaderCell>
                <TableHeaderCell className="num">Expected</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell className="num">Received</TableHeaderCell>
                <TableHeaderCell>Received on</TableHeaderCell>
                <TableHeaderCell>Note</TableHeaderCell>
                <TableHeaderCell>
                  <span className="visually-hidden">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {agreement.instalments.map((i) => (
                <TableRow key={i.id}>
                  <TableCell>{i.year}</TableCell>
                  <TableCell className="num">{money.format(i.expectedPence)}</TableCell>
                  <TableCell>
                    <StatusBadge status={i.status} />
                  </TableCell>
                  <TableCell className="num">{i.receivedPence === null ? '' : money.format(i.receivedPence)}</TableCell>
                  <TableCell>{i.receivedOn ? ukDate(i.receivedOn) : ''}</TableCell>
                  <TableCell>{i.note}</TableCell>
                  <TableCell>
                    <RowActions
                      name={`the ${i.year} instalment`}
                      size="small"
                      onEdit={() => setEditing({ open: true, instalment: i })}
                      onDelete={() => void remove.run({ id: i.id })}
                      deleting={remove.busy}
                    >
                      <Button size="small" onClick={() => setRecording({ open: true, instalment: i })} aria-label={`Record the ${i.year} instalment`}>
                        Record…
                      </Button>
                    </RowActions>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
      <RecordInstalmentDialog
        open={recording.open}
        agreement={agreement}
        instalment={recording.instalment}
        today={today}
        onClose={() => setRecording((r) => ({ ...r, open: false }))}
      />
      <FormDialog open={editing.open} onClose={closeEditing}>
        <InstalmentForm agreement={agreement} instalment={editing.instalment} onClose={closeEditing} />
      </FormDialog>
    </section>
  );
}

/** Ten years from the one the agreement was signed in: agreements have run to nine. */
function yearChoices(agreement: SvAgreementInfo, keep: string | null): string[] {
  const first = yearStartYear(yearIdOf(agreement.signedOn));
  const taken = new Set(agreement.instalments.map((i) => i.year));
  return Array.from({ length: 10 }, (_, k) => yearIdFromStart(first + k)).filter((y) => y === keep || !taken.has(y));
}

function InstalmentForm({ agreement, instalment, onClose }: { agreement: SvAgreementInfo; instalment: InstalmentInfo | null; onClose(): void }) {
  const save = useSaveInstalment();
  const years = yearChoices(agreement, instalment?.year ?? null);
  const [year, setYear] = useState(instalment?.year ?? years[0] ?? '');
  const [expected, setExpected] = useState<number | null>(instalment?.expectedPence ?? null);
  const [note, setNote] = useState(instalment?.note ?? '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const expectedError = expected === null ? 'Expected is needed: the sum the agreement sets for the year' : undefined;
  const yearError = year === '' ? 'Choose the year the instalment is for' : undefined;
  const submit = async () => {
    setTried(true);
    if (expectedError || yearError) return;
    setRefused(null);
    const out = await save.run({ agreementId: agreement.id, id: instalment?.id, year, expectedPence: expected!, note: note.trim() });
    if (!out) return setRefused(save.lastError());
    onClose();
  };
  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{instalment ? `Edit the ${instalment.year} instalment` : 'Add an instalment'}</DialogTitle>
        <DialogContent className="dialog-form">
          <div className="agr-form-grid">
            <Field label="Year" validationMessage={tried ? yearError : undefined} validationState={tried && yearError ? 'error' : 'none'}>
              <Dropdown value={year} selectedOptions={[year]} onOptionSelect={(_, d) => d.optionValue && setYear(d.optionValue)}>
                {textOptions(years, (y) => [y, y])}
              </Dropdown>
            </Field>
            <div>
              <MoneyInput label="Expected" pence={expected} onChange={setExpected} />
              {tried && expectedError && <p className="agr-field-error">{expectedError}</p>}
            </div>
          </div>
          <TextField label="Note" rows={2} max={500} value={note} onChange={setNote} />
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          {instalment ? 'Save instalment' : 'Add instalment'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
