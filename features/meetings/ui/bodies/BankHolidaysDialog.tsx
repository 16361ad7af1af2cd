import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { DateField, readDate } from '../../../../renderer/src/components/DateField';
import { dayName, todayIso } from '../meeting/when';
import { useBankHolidays, useDeleteBankHoliday, useSaveBankHoliday } from './data';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

/**
 * English bank holidays, which the papers deadline skips when it counts clear working days. Held
 * as data (pre-filled to 2030) so a substitute day or an extra one, as for a coronation, can be added.
 */
export function BankHolidaysDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="wide-dialog">{open && <BankHolidays onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function BankHolidays({ onClose }: { onClose(): void }) {
  const { data, isLoading } = useBankHolidays(true);
  const save = useSaveBankHoliday();
  const remove = useDeleteBankHoliday();
  const heading = useRef<HTMLHeadingElement>(null);
  const [year, setYear] = useState(todayIso().slice(0, 4));
  const [date, setDate] = useState(readDate('', 'Date', true));
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const years = [...new Set((data ?? []).map((h) => h.date.slice(0, 4)))].sort();
  const shown = (data ?? []).filter((h) => h.date.startsWith(year));
  const nameError = name.trim() === '' ? 'Name the day, such as "Early May bank holiday"' : undefined;

  const add = async () => {
    setTried(true);
    if (date.error || !date.iso || nameError) return;
    setRefused(null);
    const done = await save.run({ date: date.iso, name: name.trim() });
    if (!done) return setRefused(save.lastError());
    setYear(date.iso.slice(0, 4));
    setDate(readDate('', 'Date', true));
    setName('');
    setTried(false);
  };
  const drop = async (iso: string) => {
    setRefused(null);
    setRemoving(iso);
    const done = await remove.run({ date: iso });
    setRemoving(null);
    if (!done) return setRefused(remove.lastError());
    // The row and its button are gone: carry on from the list's heading.
    heading.current?.focus();
  };

  return (
    <DialogBody>
      <DialogTitle>Bank holidays</DialogTitle>
      <DialogContent className="dialog-form">
        <p>Papers deadlines count clear working days: weekends and these days are skipped. Add a day the government announces; remove one that moved.</p>
        <div className="inline-form tight">
          <h3 ref={heading} tabIndex={-1} className="dialog-subhead">
            Bank holidays in {year}
          </h3>
          <Field label="Year" orientation="horizontal" className="inline-field">
            <Dropdown value={year} selectedOptions={[year]} onOptionSelect={(_, d) => d.optionValue && setYear(d.optionValue)} className="year-choice">
              {textOptions(years.includes(year) ? years : [...years, year].sort(), (y) => [y, y])}
            </Dropdown>
          </Field>
        </div>
        {isLoading && !data ? (
          <Spinner size="small" label="Loading bank holidays" />
        ) : (
          <Table size="small" aria-label={`Bank holidays in ${year}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Date</TableHeaderCell>
                <TableHeaderCell>Name</TableHeaderCell>
                <TableHeaderCell className="action-col">
                  <span className="visually-hidden">Remove</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.length === 0 && (
                <TableRow>
                  <TableCell colSpan={3} className="muted">
                    None held for {year}.
                  </TableCell>
                </TableRow>
              )}
              {shown.map((h) => (
                <TableRow key={h.date}>
                  <TableCell>
                    {dayName(h.date)} {ukLongDate(h.date)}
                  </TableCell>
                  <TableCell>{h.name}</TableCell>
                  <TableCell>
                    <BusyButton
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      busy={removing === h.date}
                      disabledFocusable={remove.busy}
                      aria-label={`Remove ${h.name}, ${ukLongDate(h.date)}`}
                      onClick={() => void drop(h.date)}
                    />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <SubmitForm className="inline-form" aria-label="Add a bank holiday" onSubmit={add}>
          <DateField label="Date (dd/mm/yyyy)" hint="" value={date} onText={(t) => setDate(readDate(t, 'Date', true))} showError={tried} />
          <Field label="Name" className="grow" validationMessage={tried ? nameError : undefined} validationState={tried && nameError ? 'error' : 'none'}>
            <Input value={name} maxLength={100} onChange={(_, d) => setName(d.value)} />
          </Field>
          <BusyButton type="submit" icon={<AddRegular />} busy={save.busy}>
            Add bank holiday
          </BusyButton>
        </SubmitForm>
        <RefusalBar refused={refused} />
      </DialogContent>
      <DialogActions>
        <Button appearance="primary" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
