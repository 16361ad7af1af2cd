import { Button, Dropdown, Field, Input, Spinner, TableCell, TableRow, Textarea } from '@fluentui/react-components';
import { AddRegular, CalculatorRegular, DeleteRegular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { parseMoney } from '../../../../electron/shared/money';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { DataColumnInfo, RunDetail } from '../../types';
import { useCreateRun, useDataColumns, usePartnerships, useUpdateRun } from './data';
import { type FactorDraft, type InputsDraft, newColumn, newFactor, readDraft, weightsAddUp, weightsText } from './inputs-form';
import { PlacesTable } from './PlacesTable';

interface Props {
  /** The draft run being changed, or the year a new run is for. */
  target: { run: RunDetail } | { year: string };
  initial: InputsDraft;
  onDone(saved?: RunDetail): void;
}

/**
 * The inputs of a draft run (or a new one) as a form: its name, pot and rate, the factors with
 * their weights (added up as they are typed) and the data columns each weighs, and places per
 * partnership with their funding. Saving works the run out on today's data; a refusal (the
 * weights not adding up to 100%, a run locked meanwhile) is shown in the server's words and
 * nothing is saved.
 */
export function InputsEditor({ target, initial, onDone }: Props) {
  const { money } = useApp();
  const run = 'run' in target ? target.run : null;
  const year = run ? run.year : (target as { year: string }).year;
  const { data: columns } = useDataColumns();
  const { data: partnerships } = usePartnerships(year);
  const create = useCreateRun();
  const update = useUpdateRun();
  const write = run ? update : create;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const reading = readDraft(draft, columns ?? []);
  const error = (field: string) => (tried ? reading.errors[field] : undefined);
  const rate = parseMoney(draft.rate.trim() === '' ? '0' : draft.rate);

  const set = (patch: Partial<InputsDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setFactor = (i: number, patch: Partial<FactorDraft>) =>
    setDraft((d) => ({ ...d, factors: d.factors.map((f, k) => (k === i ? { ...f, ...patch } : f)) }));

  // Places go to the area partnerships (a cluster's schools count in its parent's), and to any the run already funds.
  const named = new Map<number, string>((partnerships ?? []).filter((p) => p.parentId === null).map((p) => [p.id, p.name]));
  for (const a of run?.allocations ?? []) if (a.places > 0 && !named.has(a.partnershipId)) named.set(a.partnershipId, a.partnership);
  const placeRows = [...named].sort((a, b) => a[1].localeCompare(b[1], 'en-GB'));

  const save = async () => {
    setTried(true);
    const inputs = reading.inputs;
    if (!inputs) return;
    setRefused(null);
    const { name, note, ...rest } = inputs;
    const saved = run ? await update.run({ runId: run.id, name, note, ...rest }) : await create.run({ year, name, note, ...rest });
    if (saved) return onDone(saved);
    setRefused(write.lastError());
    // Refused: the run may have been locked or changed elsewhere meanwhile, so the screen reads it again.
    void queryClient.invalidateQueries({ queryKey: ['allocations'] });
  };

  const title = run ? `Change the inputs of ${run.name}` : `New run for ${year}`;
  const placesTotal = placeRows.reduce((a, [id]) => a + (Number((draft.places[id] ?? '').replace(/,/g, '')) || 0), 0);
  return (
    <SubmitForm onSubmit={save} className="alloc-editor" aria-labelledby="alloc-editor-title">
      <h2 id="alloc-editor-title">{title}</h2>
      <p className="muted">
        {run
          ? 'Saving works the run out again on today’s school data and membership.'
          : `The run is worked out on ${year}’s school data and membership as they are today, and kept as a draft until it is approved.`}
      </p>
      <div className="alloc-editor-row">
        <Field label="Name" required validationMessage={error('name')} validationState={error('name') ? 'error' : 'none'} className="alloc-name-field">
          <Input value={draft.name} maxLength={120} onChange={(_, d) => set({ name: d.value })} />
        </Field>
        <Field
          label="Formula pot"
          required
          hint="Whole pounds, shared by the factors"
          validationMessage={error('pot')}
          validationState={error('pot') ? 'error' : 'none'}
        >
          <Input contentBefore="£" inputMode="decimal" value={draft.pot} onChange={(_, d) => set({ pot: d.value })} className="alloc-money-input" />
        </Field>
        <Field label="Rate per place" hint="Whole pounds a place" validationMessage={error('rate')} validationState={error('rate') ? 'error' : 'none'}>
          <Input contentBefore="£" inputMode="decimal" value={draft.rate} onChange={(_, d) => set({ rate: d.value })} className="alloc-money-input" />
        </Field>
      </div>

      <section aria-labelledby="alloc-edit-factors" className="alloc-section">
        <h3 id="alloc-edit-factors">Factors</h3>
        {!columns ? (
          <Spinner size="tiny" label="Reading the data columns" />
        ) : (
          draft.factors.map((f, i) => (
            <FactorFields
              key={f.key}
              index={i}
              factor={f}
              columns={columns}
              error={error}
              onChange={(patch) => setFactor(i, patch)}
              onRemove={draft.factors.length > 1 ? () => set({ factors: draft.factors.filter((_, k) => k !== i) }) : undefined}
            />
          ))
        )}
        <div className="alloc-factor-foot">
          <Button icon={<AddRegular />} onClick={() => set({ factors: [...draft.factors, newFactor()] })}>
            Add a factor
          </Button>
          <p className={`alloc-weights ${weightsAddUp(reading.weightsBp) ? 'is-good' : 'is-bad'}`} role="status">
            {weightsAddUp(reading.weightsBp)
              ? 'The weights add up to 100%.'
              : `The weights add up to ${weightsText(reading.weightsBp)}: they must add up to exactly 100% for the run to be worked out.`}
          </p>
        </div>
      </section>

      <section aria-labelledby="alloc-edit-places" className="alloc-section">
        <h3 id="alloc-edit-places">Places</h3>
        <p className="muted">Funded at the rate per place on top of the formula. Leave a partnership blank for none.</p>
        {!partnerships ? (
          <Spinner size="tiny" label="Reading the partnerships" />
        ) : placeRows.length === 0 ? (
          <p>No area partnerships yet: add them on the Partnerships screen.</p>
        ) : (
          <PlacesTable label="Places by partnership">
            {placeRows.map(([id, name]) => {
              const text = draft.places[id] ?? '';
              const n = Number(text.replace(/,/g, ''));
              const message = error(`places.${id}`);
              return (
                <TableRow key={id}>
                  <TableCell>{name}</TableCell>
                  <TableCell className="num">
                    <Field validationMessage={message} validationState={message ? 'error' : 'none'}>
                      <Input
                        aria-label={`Places for ${name}`}
                        inputMode="numeric"
                        value={text}
                        onChange={(_, d) => set({ places: { ...draft.places, [id]: d.value } })}
                        className="alloc-places-input"
                      />
                    </Field>
                  </TableCell>
                  <TableCell className="num">{text.trim() !== '' && rate.ok && Number.isInteger(n) ? money.format(n * rate.pence) : ''}</TableCell>
                </TableRow>
              );
            })}
            <TableRow className="alloc-total-row">
              <TableCell>Total</TableCell>
              <TableCell className="num">{placesTotal.toLocaleString('en-GB')}</TableCell>
              <TableCell className="num">{rate.ok ? money.format(placesTotal * rate.pence) : ''}</TableCell>
            </TableRow>
          </PlacesTable>
        )}
      </section>

      <Field label="Note" hint="What this run is for, for whoever reads it next" className="alloc-note-field">
        <Textarea value={draft.note} maxLength={2000} onChange={(_, d) => set({ note: d.value })} resize="vertical" />
      </Field>
      <RefusalBar refused={refused} prefix="Not saved: " />
      {tried && !reading.inputs && (
        <p className="alloc-form-problems" role="alert">
          Not saved: {Object.keys(reading.errors).length === 1 ? 'one field needs' : `${Object.keys(reading.errors).length} fields need`} correcting, marked
          above.
        </p>
      )}
      <div className="alloc-editor-actions">
        <Button onClick={() => onDone()}>Cancel</Button>
        <BusyButton type="submit" appearance="primary" busy={write.busy} icon={<CalculatorRegular />}>
          {run ? 'Save and work out' : 'Create and work out'}
        </BusyButton>
      </div>
    </SubmitForm>
  );
}

interface FactorProps {
  index: number;
  factor: FactorDraft;
  columns: DataColumnInfo[];
  error(field: string): string | undefined;
  onChange(patch: Partial<FactorDraft>): void;
  onRemove?(): void;
}

/** One factor: its name, its weight, and the data columns it adds up with the weight of each. */
function FactorFields({ index, factor, columns, error, onChange, onRemove }: FactorProps) {
  const n = index + 1;
  const setColumn = (j: number, patch: Partial<FactorDraft['columns'][number]>) =>
    onChange({ columns: factor.columns.map((c, k) => (k === j ? { ...c, ...patch } : c)) });
  const nameError = error(`factor.${index}.name`);
  const weightError = error(`factor.${index}.weight`);
  return (
    <fieldset className="alloc-factor">
      <legend>Factor {n}</legend>
      <div className="alloc-editor-row">
        <Field label="Name" required validationMessage={nameError} validationState={nameError ? 'error' : 'none'} className="alloc-name-field">
          <Input value={factor.name} maxLength={80} onChange={(_, d) => onChange({ name: d.value })} />
        </Field>
        <Field label="Weight" required hint="Percent of the pot" validationMessage={weightError} validationState={weightError ? 'error' : 'none'}>
          <Input value={factor.weight} inputMode="decimal" contentAfter="%" onChange={(_, d) => onChange({ weight: d.value })} className="alloc-weight-input" />
        </Field>
        {onRemove && (
          <Button appearance="subtle" icon={<DeleteRegular />} onClick={onRemove} className="alloc-remove-factor">
            Remove factor {n}
          </Button>
        )}
      </div>
      <ul className="alloc-columns" aria-label={`Data columns of factor ${n}`}>
        {factor.columns.map((c, j) => {
          const chosen = columns.find((x) => x.id === c.columnId);
          const message = error(`factor.${index}.column.${j}`);
          return (
            <li key={c.key} className="alloc-column-row">
              <Field label={`Data column ${j + 1}`} validationMessage={message} validationState={message ? 'error' : 'none'}>
                <Dropdown
                  value={chosen?.name ?? ''}
                  placeholder="Choose a column"
                  selectedOptions={chosen ? [String(chosen.id)] : []}
                  onOptionSelect={(_, d) => d.optionValue && setColumn(j, { columnId: Number(d.optionValue) })}
                  className="alloc-column-dropdown"
                >
                  {textOptions(columns, (x) => [x.id, x.name])}
                </Dropdown>
              </Field>
              <Field label={`Weight of column ${j + 1}`}>
                <Input value={c.weight} inputMode="decimal" onChange={(_, d) => setColumn(j, { weight: d.value })} className="alloc-weight-input" />
              </Field>
              {factor.columns.length > 1 && (
                <Button
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={`Remove data column ${j + 1}${chosen ? ` (${chosen.name})` : ''} from factor ${n}`}
                  onClick={() => onChange({ columns: factor.columns.filter((_, k) => k !== j) })}
                />
              )}
            </li>
          );
        })}
      </ul>
      <Button size="small" icon={<AddRegular />} onClick={() => onChange({ columns: [...factor.columns, newColumn()] })}>
        Add a data column
      </Button>
    </fieldset>
  );
}
