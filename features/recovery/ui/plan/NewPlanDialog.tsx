import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PlanInfo } from '../../types';
import { MAX_HORIZON, MIN_HORIZON } from '../../words';
import { useCreatePlan } from './data';

const HORIZONS = Array.from({ length: MAX_HORIZON - MIN_HORIZON + 1 }, (_, i) => MIN_HORIZON + i);

/** "2031-32": the year `n` years after `year`. */
function yearsAfter(year: string, n: number): string {
  const start = Number(year.slice(0, 4)) + n;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

interface Props {
  open: boolean;
  onClose(created?: PlanInfo): void;
}

/** A new plan from a year the workspace holds: its forecast (or outturn, once closed) is the base. */
export function NewPlanDialog({ open, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>{open && <NewPlanForm onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function NewPlanForm({ onClose }: Omit<Props, 'open'>) {
  const { years, year: shownYear } = useApp();
  const create = useCreatePlan();
  const [name, setName] = useState('');
  const [baseYear, setBaseYear] = useState(shownYear ?? years.at(-1)?.id ?? '');
  const [horizon, setHorizon] = useState(7);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const base = years.find((y) => y.id === baseYear);
  const nameError = name.trim() === '' ? 'Give the plan a name, such as "DSG management plan 2026"' : undefined;
  const yearError = !base ? 'Choose the base year: add it under Years and funding first if it is not listed' : undefined;

  const submit = async () => {
    setTried(true);
    if (nameError || yearError) return;
    setRefused(null);
    const made = await create.run({ name: name.trim(), baseYear, horizonYears: horizon });
    if (made) onClose(made);
    else setRefused(create.lastError());
  };
  const err = (e: string | undefined) => (tried ? e : undefined);

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>New plan</DialogTitle>
        <DialogContent className="dialog-form">
          <p>
            The plan starts from a year the workspace holds: its budget lines and their forecast at the latest period (or its outturn, once closed), its High
            Needs allocation and its carried forward balance. It gets an unmitigated scenario with those assumptions and an empty mitigated one to attach
            projects to.
          </p>
          <Field label="Name" required validationMessage={err(nameError)} validationState={err(nameError) ? 'error' : 'none'}>
            <Input value={name} maxLength={120} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Field
            label="Base year"
            required
            validationMessage={err(yearError)}
            validationState={err(yearError) ? 'error' : 'none'}
            hint={
              base
                ? base.status === 'closed'
                  ? `${base.id} is closed: its outturn is the base`
                  : `${base.id} is open: its latest forecast is the base`
                : undefined
            }
          >
            <Dropdown value={baseYear} selectedOptions={baseYear ? [baseYear] : []} onOptionSelect={(_, d) => d.optionValue && setBaseYear(d.optionValue)}>
              {textOptions([...years].reverse(), (y) => [y.id, `${y.id}${y.status === 'closed' ? ' (closed)' : ''}`])}
            </Dropdown>
          </Field>
          <Field label="Years after the base" hint={baseYear ? `${yearsAfter(baseYear, 1)} to ${yearsAfter(baseYear, horizon)}` : undefined}>
            <Dropdown
              value={`${horizon} years`}
              selectedOptions={[String(horizon)]}
              onOptionSelect={(_, d) => d.optionValue && setHorizon(Number(d.optionValue))}
            >
              {textOptions(HORIZONS, (n) => [n, `${n} years`])}
            </Dropdown>
          </Field>
          <RefusalBar refused={refused} prefix="Not created: " />
        </DialogContent>
        <DialogButtons busy={create.busy} onCancel={() => onClose()}>
          Create plan
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
