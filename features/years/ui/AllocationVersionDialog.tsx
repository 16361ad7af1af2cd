import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { ukLongDate } from '../../../electron/shared/dates';
import { DialogButtons } from '../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../renderer/src/components/RefusalBar';
import type { AllocationVersionInfo } from '../types';
import { useAddAllocationVersion } from './data';
import { parseUkDate, todayUk } from '../../../renderer/src/components/uk-date';

interface Props {
  open: boolean;
  year: string;
  /** The version in force: a new one may not be dated before it. */
  latest: AllocationVersionInfo | null;
  onClose(): void;
}

/** The DfE republishes allocations during the year: a new version starts from the figures in force. */
export function AllocationVersionDialog({ open, year, latest, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <VersionForm year={year} latest={latest} onClose={onClose} />
      </DialogSurface>
    </Dialog>
  );
}

/** Inside the surface, so each opening starts from today's date and the usual label. */
function VersionForm({ year, latest, onClose }: Omit<Props, 'open'>) {
  const write = useAddAllocationVersion();
  const [date, setDate] = useState(todayUk);
  const [label, setLabel] = useState('DSG allocations update');
  const [refused, setRefused] = useState<string | null>(null);
  /** Errors show once a field has been left, or Create was pressed. */
  const [shown, setShown] = useState({ date: false, label: false });
  const parsed = parseUkDate(date);
  const dateError = !parsed.ok
    ? `Published on ${parsed.reason}`
    : latest && parsed.iso < latest.publishedOn
      ? `Published on must be on or after ${ukLongDate(latest.publishedOn)}, the date of the version in force (${latest.label})`
      : undefined;
  const labelError = label.trim() === '' ? 'Give the version a label, such as "March 2025 update"' : undefined;

  const create = async () => {
    setShown({ date: true, label: true });
    if (!parsed.ok || dateError || labelError) return;
    setRefused(null);
    const done = await write.run({ year, publishedOn: parsed.iso, label: label.trim() });
    if (done) onClose();
    else setRefused(write.lastError());
  };
  const dateMessage = shown.date ? dateError : undefined;
  const labelMessage = shown.label ? labelError : undefined;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <DialogBody>
        <DialogTitle>New published allocation for {year}</DialogTitle>
        <DialogContent className="dialog-form">
          <p>
            The DfE republishes allocations during the year. The new version starts from the figures in force; change what the DfE changed. Earlier versions are
            kept.
          </p>
          <Field label="Published on" required hint="dd/mm/yyyy" validationMessage={dateMessage} validationState={dateMessage ? 'error' : 'none'}>
            <Input
              value={date}
              onChange={(_, d) => setDate(d.value)}
              onBlur={() => setShown((x) => ({ ...x, date: true }))}
              placeholder="dd/mm/yyyy"
              inputMode="numeric"
              autoComplete="off"
            />
          </Field>
          <Field label="Label" required validationMessage={labelMessage} validationState={labelMessage ? 'error' : 'none'}>
            <Input value={label} maxLength={200} onChange={(_, d) => setLabel(d.value)} onBlur={() => setShown((x) => ({ ...x, label: true }))} />
          </Field>
          <RefusalBar refused={refused} />
        </DialogContent>
        <DialogButtons busy={write.busy} onCancel={onClose}>
          Create version
        </DialogButtons>
      </DialogBody>
    </form>
  );
}
