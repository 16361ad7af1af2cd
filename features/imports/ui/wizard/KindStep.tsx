import { Dropdown, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { PERIODS } from '../../../../electron/shared/periods';
import type { KindInfo, KindScope, ScopeFieldInfo } from '../../../../electron/shared/workbook-types';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { yearOptions } from '../../../../renderer/src/components/YearOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import { inSentence, periodText, scopeYear } from './kind-text';
import { StepFrame } from './StepFrame';

export interface KindChoice {
  kind: string;
  /** Only the chosen kind's scope fields, blanks left out. */
  scope: Record<string, string | number>;
}

interface Props {
  fileName: string;
  sheets: string[];
  kinds: KindInfo[];
  initial: KindChoice | null;
  busy: boolean;
  error: unknown;
  onNext(choice: KindChoice): void;
  onBack(): void;
  onCancel(): void;
}

/** The scope to send for a kind: its own fields only, blanks left out. */
function scopeFor(kind: KindInfo, values: KindScope): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of kind.scopeFields) {
    const v = values[f.name];
    if (typeof v === 'number') out[f.name] = v;
    else if (typeof v === 'string' && v.trim()) out[f.name] = v.trim();
  }
  return out;
}

/** What a workbook HNB Desk did not write holds, and what it covers (its year, period…), as its kind asks. */
export function KindStep({ fileName, sheets, kinds, initial, busy, error, onNext, onBack, onCancel }: Props) {
  const app = useApp();
  const [kind, setKind] = useState(initial?.kind ?? '');
  // Every field any kind asks for, so a year chosen for one kind stays when another is picked.
  const [values, setValues] = useState<KindScope>(() => {
    const v: KindScope = {};
    for (const f of kinds.flatMap((k) => k.scopeFields)) {
      if (f.input === 'year' && app.year) v[f.name] = app.year;
      if (f.input === 'period') v[f.name] = app.period;
    }
    return { ...v, ...initial?.scope };
  });
  const info = kinds.find((k) => k.kind === kind);
  const set = (name: string, value: string | number) => setValues((v) => ({ ...v, [name]: value }));
  const missing = info ? info.scopeFields.filter((f) => f.required && (values[f.name] === undefined || String(values[f.name]).trim() === '')) : [];
  const ready = !!info && missing.length === 0;
  // Said once a kind is chosen: before that, the empty choice speaks for itself.
  const why = info && missing.length ? `Choose the ${missing.map((f) => inSentence(f.label)).join(' and ')}.` : null;
  return (
    <StepFrame
      error={error}
      blocked={{ id: 'kind-not-ready', text: why }}
      onCancel={onCancel}
      back={{ label: 'Choose another file', disabled: busy, onClick: onBack }}
      next={
        <BusyButton
          appearance="primary"
          busy={busy}
          disabled={!ready}
          aria-describedby={why ? 'kind-not-ready' : undefined}
          onClick={() => info && onNext({ kind: info.kind, scope: scopeFor(info, values) })}
        >
          Next: match columns
        </BusyButton>
      }
    >
      <p className="wizard-lead">
        <strong>{fileName}</strong> was not exported by HNB Desk. Say what it holds; its columns are matched to HNB Desk's next.
      </p>
      <div className="kind-form">
        <Field label="What does the workbook hold?" required>
          <RadioGroup value={kind} onChange={(_, d) => setKind(d.value)}>
            {kinds.map((k) => (
              <Radio
                key={k.kind}
                value={k.kind}
                label={
                  <>
                    {k.title}
                    <span className="radio-hint">
                      {' '}
                      —{' '}
                      {k.fields
                        .filter((f) => f.editable && f.type !== 'id')
                        .map((f) => f.header.toLowerCase())
                        .join(', ')}
                      {k.canAdd ? '; new rows can be added' : ''}
                    </span>
                  </>
                }
              />
            ))}
          </RadioGroup>
        </Field>
        {info && info.scopeFields.length > 0 && (
          <div className="kind-scope">
            {info.scopeFields.map((f) => (
              <ScopeInput key={f.name} field={f} year={scopeYear(info, values)} value={values[f.name]} onChange={(v) => set(f.name, v)} />
            ))}
          </div>
        )}
        <p className="muted">
          {sheets.length === 1 ? 'Its sheet: ' : 'Its sheets: '}
          {sheets.join(', ')}
        </p>
      </div>
    </StepFrame>
  );
}

/** One thing the kind must be told, asked for the way its `input` says: a year, a period, or text. */
function ScopeInput({
  field,
  year,
  value,
  onChange,
}: {
  field: ScopeFieldInfo;
  year: string | undefined;
  value: string | number | undefined;
  onChange(v: string | number): void;
}) {
  const { years } = useApp();
  if (field.input === 'year') {
    const v = typeof value === 'string' ? value : '';
    return (
      <Field label={field.label} required={field.required}>
        <Dropdown value={v} selectedOptions={v ? [v] : []} placeholder="Choose a year" onOptionSelect={(_, d) => d.optionValue && onChange(d.optionValue)}>
          {yearOptions(years)}
        </Dropdown>
      </Field>
    );
  }
  if (field.input === 'period') {
    const p = typeof value === 'number' ? value : Number(value) || undefined;
    return (
      <Field label={field.label} required={field.required}>
        <Dropdown
          className="period-dropdown"
          value={p ? periodText(year, p) : ''}
          selectedOptions={p ? [String(p)] : []}
          placeholder="Choose a period"
          onOptionSelect={(_, d) => d.optionValue && onChange(Number(d.optionValue))}
        >
          {textOptions(PERIODS, (n) => [n, periodText(year, n)])}
        </Dropdown>
      </Field>
    );
  }
  return (
    <Field label={field.label} required={field.required} hint={field.required ? undefined : `Optional: leave blank for every ${inSentence(field.label)}`}>
      <Input value={typeof value === 'string' ? value : value === undefined ? '' : String(value)} maxLength={200} onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
