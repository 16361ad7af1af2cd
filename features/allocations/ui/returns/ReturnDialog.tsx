import { DialogBody, DialogContent, DialogTitle, Field, Input, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { penceToFieldText } from '../../../../renderer/src/grid/MoneyEditor';
import { useApp } from '../../../../renderer/src/state/app-state';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import type { PartnershipReturnsYear, ReturnCategoryInfo, ReturnInfo, ReturnMeasureInfo } from '../../types';
import { RETURN_PERIOD_LABELS, RETURN_STATUS_LABELS } from '../../words';
import { useSaveReturn } from './data';
import { isIn, measureText, type Read, readMeasure, readPlaces, readSpend, shareText } from './figures';

interface Props {
  /** The return being filled in; null while the dialog is shut. */
  ret: ReturnInfo | null;
  partnership: PartnershipReturnsYear;
  categories: ReturnCategoryInfo[];
  measures: ReturnMeasureInfo[];
  onClose(): void;
}

/** A return's figures, typed in from what the partnership sent: spend by category, places used, outcome measures and commentary. */
export function ReturnDialog({ ret, partnership, categories, measures, onClose }: Props) {
  return (
    <FormDialog open={ret !== null} onClose={onClose} className="ret-dialog">
      {ret && <ReturnForm ret={ret} partnership={partnership} categories={categories} measures={measures} onClose={onClose} />}
    </FormDialog>
  );
}

type Texts = Record<number, string>;

function ReturnForm({ ret, partnership, categories, measures, onClose }: Props & { ret: ReturnInfo }) {
  const { money } = useApp();
  const save = useSaveReturn();
  const [spend, setSpend] = useState<Texts>(() => Object.fromEntries(categories.map((c) => [c.id, penceToFieldText(ret.spend[c.id])])));
  const [measure, setMeasure] = useState<Texts>(() => Object.fromEntries(measures.map((m) => [m.id, measureText(ret.measures[m.id])])));
  const [places, setPlaces] = useState(ret.placesUsed === null ? '' : String(ret.placesUsed));
  const [commentary, setCommentary] = useState(ret.commentary);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const spendRead = new Map(categories.map((c) => [c.id, readSpend(spend[c.id] ?? '', c.name)]));
  const measureRead = new Map(measures.map((m) => [m.id, readMeasure(measure[m.id] ?? '', m.name, m.unit)]));
  const placesRead = readPlaces(places);
  const problems = [...spendRead.values(), placesRead, ...measureRead.values()].flatMap((r) => (r.ok ? [] : [r.message]));
  const total = [...spendRead.values()].reduce((s, r) => s + (r.ok && r.value !== null ? r.value : 0), 0);
  const share = shareText(total, partnership.allocationPence);
  const error = (r: Read<unknown>) => (tried && !r.ok ? r.message : undefined);
  const period = RETURN_PERIOD_LABELS[ret.period].toLowerCase();

  const submit = async () => {
    setTried(true);
    setRefused(null);
    if (problems.length > 0) {
      setRefused(problems.length === 1 ? problems[0]! : `${problems[0]} And ${problems.length - 1} more to put right.`);
      // The keyboard goes to the first figure to put right.
      setTimeout(() => document.querySelector<HTMLElement>('.ret-dialog [aria-invalid="true"]')?.focus(), 0);
      return;
    }
    const value = <T,>(r: Read<T>) => (r.ok ? r.value : null);
    const out = await save.run({
      returnId: ret.id,
      spend: Object.fromEntries(categories.map((c) => [String(c.id), value(spendRead.get(c.id)!)])),
      placesUsed: value(placesRead),
      measures: Object.fromEntries(measures.map((m) => [String(m.id), value(measureRead.get(m.id)!)])),
      commentary: commentary.trim(),
    });
    if (!out) return setRefused(save.lastError());
    onClose();
  };

  return (
    <SubmitForm onSubmit={submit} aria-label={`${partnership.partnership}, ${period} return`}>
      <DialogBody>
        <DialogTitle>
          {partnership.partnership}: {period} return, <span className="ret-nowrap">{ret.year}</span>
        </DialogTitle>
        <DialogContent className="dialog-form">
          <p className="ret-lead">
            {statusLine(ret)} Allocation for the year {money.format(partnership.allocationPence)}
            {partnership.places > 0 ? `, with ${partnership.places} places funded` : ''}.
            {isIn(ret.status) ? '' : ' Saving figures marks the return received today.'}
          </p>
          <fieldset className="ret-fieldset">
            <legend>Spend by category</legend>
            {categories.length === 0 ? (
              <p className="ret-none">No spend categories yet.</p>
            ) : (
              <div className="ret-form-grid">
                {categories.map((c) => (
                  <Field
                    key={c.id}
                    label={c.name}
                    validationMessage={error(spendRead.get(c.id)!)}
                    validationState={error(spendRead.get(c.id)!) ? 'error' : 'none'}
                  >
                    <Input
                      contentBefore="£"
                      inputMode="decimal"
                      autoComplete="off"
                      value={spend[c.id] ?? ''}
                      onChange={(_, d) => setSpend((s) => ({ ...s, [c.id]: d.value }))}
                    />
                  </Field>
                ))}
              </div>
            )}
            <p className="ret-total" aria-live="polite">
              Spend in this return: <strong>{money.format(total, { pence: total % 100 !== 0 })}</strong>
              {share ? `, ${share} of the year’s allocation` : ''}
            </p>
          </fieldset>
          <div className="ret-form-grid">
            <Field
              label="Places used"
              hint={partnership.places > 0 ? `Of the ${partnership.places} places funded` : 'No places funded this year'}
              validationMessage={error(placesRead)}
              validationState={error(placesRead) ? 'error' : 'none'}
            >
              <Input inputMode="numeric" autoComplete="off" value={places} onChange={(_, d) => setPlaces(d.value)} />
            </Field>
          </div>
          {measures.length > 0 && (
            <fieldset className="ret-fieldset">
              <legend>Outcome measures</legend>
              <div className="ret-form-grid">
                {measures.map((m) => (
                  <Field
                    key={m.id}
                    label={m.name}
                    validationMessage={error(measureRead.get(m.id)!)}
                    validationState={error(measureRead.get(m.id)!) ? 'error' : 'none'}
                  >
                    <Input
                      inputMode="decimal"
                      autoComplete="off"
                      contentAfter={m.unit || undefined}
                      value={measure[m.id] ?? ''}
                      onChange={(_, d) => setMeasure((s) => ({ ...s, [m.id]: d.value }))}
                    />
                  </Field>
                ))}
              </div>
            </fieldset>
          )}
          <Field label="Commentary" hint="What the partnership says about the period: what the money did, and what is planned">
            <Textarea value={commentary} maxLength={10_000} rows={4} resize="vertical" onChange={(_, d) => setCommentary(d.value)} />
          </Field>
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          Save return
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}

/** Where the return has got to, in a sentence. */
export function statusLine(r: ReturnInfo): string {
  const dates = [
    r.sentOn ? `sent ${ukDate(r.sentOn)}` : null,
    r.receivedOn ? `received ${ukDate(r.receivedOn)}` : null,
    r.checkedOn ? `checked ${ukDate(r.checkedOn)}` : null,
  ].filter(Boolean);
  return `${RETURN_STATUS_LABELS[r.status]}${dates.length ? ` (${dates.join(', ')})` : ''}.`;
}
