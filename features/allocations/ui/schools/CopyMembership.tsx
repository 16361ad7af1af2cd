import { Checkbox, Dropdown, Field } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api } from '../../../../renderer/src/api/api';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { COPY_LABELS, useFormWrite } from './data';

/**
 * Shown while no school is in a partnership in the year: start the year from another year's
 * membership (and, if wanted, its data), then move the schools that changed.
 */
export function CopyMembership({ year, years }: { year: string; years: string[] }) {
  const others = years.filter((y) => y !== year);
  const earlier = others.filter((y) => y < year);
  const [from, setFrom] = useState<string | null>(earlier[earlier.length - 1] ?? others[0] ?? null);
  const [withData, setWithData] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const copy = useFormWrite(api.copyMembership, COPY_LABELS, {
    success: (r, input) => `${r.schools} ${r.schools === 1 ? 'school' : 'schools'} put in the partnerships they were in in ${input.fromYear}.`,
  });
  if (!from) return null;
  const submit = async () => {
    setRefused(null);
    const out = await copy.run({ fromYear: from, toYear: year, withData });
    if (!out) setRefused(copy.refusal());
  };
  return (
    <section className="card schools-copy" aria-labelledby="copy-title">
      <h2 id="copy-title">No school is in a partnership in {year} yet</h2>
      <p className="alloc-none">Start from another year’s membership, then move the schools that have changed.</p>
      <SubmitForm onSubmit={submit} aria-label="Copy membership" className="inline-form">
        <Field label="Copy from">
          <Dropdown value={from} selectedOptions={[from]} onOptionSelect={(_, d) => d.optionValue && setFrom(d.optionValue)}>
            {textOptions(others, (y) => [y, y])}
          </Dropdown>
        </Field>
        <Checkbox checked={withData} onChange={(_, d) => setWithData(!!d.checked)} label="With its school data" />
        <BusyButton type="submit" appearance="primary" icon={<CopyRegular />} busy={copy.busy}>
          Copy membership
        </BusyButton>
      </SubmitForm>
      <RefusalBar refused={refused} prefix="Not copied: " />
    </section>
  );
}
