import { Field, Input } from '@fluentui/react-components';
import { SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api } from '../../../../renderer/src/api/api';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import type { DataColumnInfo, SchoolYearRow } from '../../types';
import { useFormWrite } from './data';
import { dataFieldText, parseDataValue } from './data-values';
import { SavedBar } from './SavedBar';

interface Props {
  year: string;
  school: SchoolYearRow;
  columns: DataColumnInfo[];
}

/**
 * The school's figures for the year, one field per data column: a blank field has no figure.
 * A figure that is negative, not a number or finer than four decimal places is refused before
 * anything is sent, naming the column; only the figures changed are sent.
 */
export function SchoolDataForm({ year, school, columns }: Props) {
  const labels = Object.fromEntries(columns.map((c) => [`values.${c.id}`, c.name]));
  const save = useFormWrite(api.setSchoolData, { ...labels, values: 'Data' }, { success: () => `${school.name}’s data for ${year} saved.` });
  const [texts, setTexts] = useState<Record<number, string>>(() => Object.fromEntries(columns.map((c) => [c.id, dataFieldText(school.data[c.key])])));
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const parsed = columns.map((c) => ({ c, p: parseDataValue(texts[c.id] ?? '', c.name) }));
  const errors = parsed.filter((x) => !x.p.ok);

  const submit = async () => {
    setTried(true);
    setSaved(null);
    if (errors.length) return;
    const values: Record<string, number | null> = {};
    for (const { c, p } of parsed) {
      if (!p.ok) continue;
      const before = school.data[c.key] ?? null;
      if (p.value !== before) values[String(c.id)] = p.value;
    }
    if (Object.keys(values).length === 0) return setSaved('Nothing to save: no figure has changed.');
    setRefused(null);
    const out = await save.run({ year, schoolId: school.id, values });
    if (!out) return setRefused(save.refusal());
    setSaved(`${Object.keys(values).length === 1 ? 'One figure' : `${Object.keys(values).length} figures`} saved for ${year}.`);
  };

  if (columns.length === 0) return <p className="alloc-none">There are no data columns yet: add them with Data columns on the Schools screen.</p>;
  return (
    <SubmitForm onSubmit={submit} aria-label={`Data for ${year}`} className="school-section">
      <p className="muted">Figures to four decimal places at most; a blank has no figure.</p>
      <div className="data-fields">
        {parsed.map(({ c, p }) => {
          const message = tried && !p.ok ? p.reason : undefined;
          return (
            <Field key={c.id} label={c.name} validationMessage={message} validationState={message ? 'error' : 'none'}>
              <Input
                value={texts[c.id] ?? ''}
                onChange={(_, d) => setTexts((t) => ({ ...t, [c.id]: d.value }))}
                inputMode="decimal"
                autoComplete="off"
                className="data-input"
              />
            </Field>
          );
        })}
      </div>
      {tried && errors.length > 0 && <RefusalBar refused={errors.map((e) => (e.p.ok ? '' : e.p.reason)).join('. ')} prefix="Not saved: " />}
      <RefusalBar refused={refused} prefix="Not saved: " />
      <SavedBar text={saved} />
      <div className="actions">
        <BusyButton type="submit" appearance="primary" icon={<SaveRegular />} busy={save.busy}>
          Save data
        </BusyButton>
      </div>
    </SubmitForm>
  );
}
