import { Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { DateField, dateText, readDate } from '../../../../renderer/src/components/DateField';
import type { PartnershipReturnsYear } from '../../types';
import { useSetDevelopmentPlan } from './data';

/** The note after the date, ending as a sentence does. */
const sentence = (note: string) => (note ? `: ${note}${/[.!?]$/.test(note) ? '' : '.'}` : '.');

/**
 * The development plan that keeps an underspend with the partnership: the day it was approved
 * (with the forum's views) and a note. Recorded, it clears the year-end flag; cleared, the flag
 * comes back if the underspend is still over the line.
 */
export function DevelopmentPlan({ year, partnership }: { year: string; partnership: PartnershipReturnsYear }) {
  const save = useSetDevelopmentPlan();
  const recorded = partnership.developmentPlanApprovedOn;
  const [on, setOn] = useState(dateText(recorded));
  const [note, setNote] = useState(partnership.developmentPlanNote);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const date = readDate(on, 'Approved on', true);
  const name = partnership.partnership;

  const submit = async () => {
    setTried(true);
    if (date.error) return;
    setRefused(null);
    const out = await save.run({ year, partnershipId: partnership.partnershipId, approvedOn: date.iso, note: note.trim() });
    if (!out) setRefused(save.lastError());
    else setTried(false);
  };
  const clear = async () => {
    setRefused(null);
    const out = await save.run({ year, partnershipId: partnership.partnershipId, approvedOn: null, note: '' });
    if (!out) return setRefused(save.lastError());
    setOn('');
    setNote('');
    setTried(false);
  };

  return (
    <section className="ret-plan" aria-labelledby={`ret-plan-${partnership.partnershipId}`}>
      <h3 id={`ret-plan-${partnership.partnershipId}`}>Development plan</h3>
      <p className="ret-none">
        {recorded
          ? `Approved on ${ukLongDate(recorded)}${sentence(partnership.developmentPlanNote)} An underspend this year stays with ${name}.`
          : `None recorded for ${year}. An approved plan keeps an underspend over the line with ${name}.`}
      </p>
      <SubmitForm onSubmit={submit} className="ret-inline-form" aria-label={`Development plan of ${name}`}>
        <DateField label="Approved on" required value={date} onText={setOn} showError={tried} className="ret-date" />
        <Field label="Note" hint="Such as the forum meeting that gave its views" className="ret-grow">
          <Input value={note} maxLength={2000} onChange={(_, d) => setNote(d.value)} />
        </Field>
        <div className="ret-actions">
          <BusyButton type="submit" appearance="primary" busy={save.busy}>
            {recorded ? 'Save development plan' : 'Record development plan'}
          </BusyButton>
          {recorded && (
            <Button type="button" disabled={save.busy} onClick={() => void clear()}>
              Clear development plan
            </Button>
          )}
        </div>
      </SubmitForm>
      <RefusalBar refused={refused} prefix="Not saved: " />
    </section>
  );
}
