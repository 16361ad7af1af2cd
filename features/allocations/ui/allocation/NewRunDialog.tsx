import { DialogBody, DialogContent, DialogTitle, Dropdown, Field, Input } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import type { RunDetail, RunInfo } from '../../types';
import { countingRun, previousYear, useCopyRun } from './data';
import { runOptionText } from './RunChooser';

/** What the dialog ends with: a run made as a copy, or a formula to set up from nothing. */
export type NewRunOutcome = { made: RunDetail } | { scratch: { year: string; name: string } };

interface Props {
  open: boolean;
  /** Copy this run; without it, a new run that may start from any run or from nothing. */
  from: RunInfo | null;
  year: string;
  years: string[];
  runs: RunInfo[];
  onClose(outcome?: NewRunOutcome): void;
}

const SCRATCH = 'scratch';
const SCRATCH_TEXT = 'A new formula, set up here';

/**
 * A new draft run for a year: a copy of a run (this year's, last year's, any) worked out on the
 * year's data as it is today, or a formula set up from nothing. Copying is also how a locked run
 * is changed.
 */
export function NewRunDialog({ open, onClose, ...rest }: Props) {
  return (
    <FormDialog open={open} onClose={onClose} className="alloc-dialog">
      <NewRunForm {...rest} onClose={onClose} />
    </FormDialog>
  );
}

/** The run a new one most likely starts from: the year's own, else last year's, else the latest. */
function likelySource(runs: RunInfo[], year: string): RunInfo | undefined {
  return (
    countingRun(runs, year) ??
    countingRun(runs, previousYear(year)) ??
    runs
      .slice()
      .sort((a, b) => a.id - b.id)
      .at(-1)
  );
}

function NewRunForm({ from, year: startYear, years, runs, onClose }: Omit<Props, 'open'>) {
  const copy = useCopyRun();
  const [year, setYear] = useState(startYear);
  const [source, setSource] = useState<string>(String(from?.id ?? likelySource(runs, startYear)?.id ?? SCRATCH));
  const [name, setName] = useState(from ? `${from.name} (copy)` : '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const chosen = runs.find((r) => String(r.id) === source);
  const nameError = name.trim() === '' ? `Give the run a name, such as "${year} formula"` : undefined;
  const newest = [...runs].sort((a, b) => b.year.localeCompare(a.year) || b.id - a.id);
  const sources: Array<[string, string]> = [...newest.map((r): [string, string] => [String(r.id), `${r.year}: ${runOptionText(r)}`]), [SCRATCH, SCRATCH_TEXT]];

  const send = async () => {
    setTried(true);
    if (nameError) return;
    if (!chosen) return onClose({ scratch: { year, name: name.trim() } });
    setRefused(null);
    const made = await copy.run({ runId: chosen.id, name: name.trim(), year });
    if (made) onClose({ made });
    else setRefused(copy.lastError());
  };

  return (
    <SubmitForm onSubmit={send}>
      <DialogBody>
        <DialogTitle>{from ? `Copy ${from.name}` : 'New allocation run'}</DialogTitle>
        <DialogContent className="dialog-form">
          <p>
            {from
              ? `The copy has the same pot, rate, factors and places as ${from.name}, is worked out on the year's school data and membership as they are today, and is a draft until it is approved${from.locked ? `; ${from.name} stays as it is` : ''}.`
              : 'A new run is a draft, worked out on the year’s school data and membership as they are today. Start it from the inputs of a run you have, or set the formula up from nothing.'}
          </p>
          <Field label="Name" required validationMessage={tried ? nameError : undefined} validationState={tried && nameError ? 'error' : 'none'}>
            <Input value={name} maxLength={120} onChange={(_, d) => setName(d.value)} />
          </Field>
          <Field label="Year">
            <Dropdown value={year} selectedOptions={[year]} onOptionSelect={(_, d) => d.optionValue && setYear(d.optionValue)}>
              {textOptions(years, (y) => [y, y])}
            </Dropdown>
          </Field>
          {!from && (
            <Field label="Start from">
              <Dropdown
                value={chosen ? `${chosen.year}: ${runOptionText(chosen)}` : SCRATCH_TEXT}
                selectedOptions={[source]}
                onOptionSelect={(_, d) => d.optionValue && setSource(d.optionValue)}
              >
                {textOptions(sources, (o) => o)}
              </Dropdown>
            </Field>
          )}
          <RefusalBar refused={refused} prefix="Not made: " />
        </DialogContent>
        <DialogButtons busy={copy.busy} icon={chosen ? <CopyRegular /> : undefined} onCancel={() => onClose()}>
          {chosen ? (from ? 'Copy run' : 'Make the run') : 'Set up the formula'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
