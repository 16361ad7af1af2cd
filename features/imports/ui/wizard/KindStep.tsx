import { Button, DialogActions, DialogContent, Dropdown, Field, Option, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { PERIODS, periodLongLabel } from '../../../../electron/shared/periods';
import type { KindInfo, KindName } from '../../../../electron/shared/workbook-types';
import { yearOptions } from '../../../../renderer/src/components/YearOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import { ErrorBar } from './ErrorBar';

export interface KindChoice {
  kind: KindName;
  year: string;
  period?: number;
}

interface Props {
  fileName: string;
  sheets: string[];
  kinds: KindInfo[];
  initial: KindChoice | null;
  busy: boolean;
  error: unknown;
  onNext(choice: KindChoice): void;
  onCancel(): void;
}

/** What a workbook HNB Desk did not write holds, and for which year (and period). */
export function KindStep({ fileName, sheets, kinds, initial, busy, error, onNext, onCancel }: Props) {
  const app = useApp();
  const [kind, setKind] = useState<KindName | ''>(initial?.kind ?? '');
  const [year, setYear] = useState(initial?.year ?? app.year ?? '');
  const [period, setPeriod] = useState(initial?.period ?? app.period);
  const info = kinds.find((k) => k.kind === kind);
  const ready = !!info && !!year;
  return (
    <>
      <DialogContent className="wizard-content">
        <p className="wizard-lead">
          <strong>{fileName}</strong> was not exported by HNB Desk. Say what it holds; its columns are matched to HNB Desk's next.
        </p>
        <div className="kind-form">
          <Field label="What does the workbook hold?" required>
            <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as KindName)}>
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
                        {k.canAdd ? '; new lines can be added' : ''}
                      </span>
                    </>
                  }
                />
              ))}
            </RadioGroup>
          </Field>
          <div className="kind-scope">
            <Field label="Financial year" required>
              <Dropdown value={year} selectedOptions={year ? [year] : []} onOptionSelect={(_, d) => d.optionValue && setYear(d.optionValue)}>
                {yearOptions(app.years)}
              </Dropdown>
            </Field>
            {info?.needsPeriod && (
              <Field label="Period" required>
                <Dropdown
                  className="period-dropdown"
                  value={year ? periodLongLabel(year, period) : `P${period}`}
                  selectedOptions={[String(period)]}
                  onOptionSelect={(_, d) => d.optionValue && setPeriod(Number(d.optionValue))}
                >
                  {PERIODS.map((p) => (
                    <Option key={p} value={String(p)} text={year ? periodLongLabel(year, p) : `P${p}`}>
                      {year ? periodLongLabel(year, p) : `P${p}`}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
            )}
          </div>
          <p className="muted">
            {sheets.length === 1 ? 'Its sheet: ' : 'Its sheets: '}
            {sheets.join(', ')}
          </p>
        </div>
        <ErrorBar error={error} />
      </DialogContent>
      <DialogActions>
        <Button appearance="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          appearance="primary"
          disabled={!ready || busy}
          icon={busy ? <Spinner size="tiny" /> : undefined}
          onClick={() => info && onNext({ kind: info.kind, year, period: info.needsPeriod ? period : undefined })}
        >
          Next: match columns
        </Button>
      </DialogActions>
    </>
  );
}
