import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { parseMoney } from '../../../electron/shared/money';
import { penceToFieldText } from '../grid/MoneyEditor';

interface Props {
  label: string;
  /** Hide the visible label (inside a table, where the column header says it); it stays for screen readers. */
  hideLabel?: boolean;
  disabled?: boolean;
  pence: number | null;
  allowNegative?: boolean;
  onChange(pence: number | null): void;
  hint?: string;
}

/** A money field that accepts what people type (£1,234, (1,234)) and says what is wrong. */
export function MoneyInput({ label, hideLabel, disabled, pence, allowNegative, onChange, hint }: Props) {
  const [text, setText] = useState(penceToFieldText(pence));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(penceToFieldText(pence)), [pence]);
  return (
    <Field label={hideLabel ? undefined : label} validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'} hint={hint}>
      <Input
        aria-label={hideLabel ? label : undefined}
        disabled={disabled}
        contentBefore="£"
        inputMode="decimal"
        value={text}
        onChange={(_, d) => setText(d.value)}
        onBlur={() => {
          if (text.trim() === '') {
            setError(null);
            return onChange(null);
          }
          const p = parseMoney(text);
          if (!p.ok) return setError(`${label} ${p.reason}`);
          if (!allowNegative && p.pence < 0) return setError(`${label} must not be negative`);
          setError(null);
          onChange(p.pence);
        }}
      />
    </Field>
  );
}
