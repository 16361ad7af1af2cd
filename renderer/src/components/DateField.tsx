import { Field, Input } from '@fluentui/react-components';
import { ukDate } from '../../../electron/shared/dates';
import { parseUkDate } from './uk-date';

/** A date as typed (dd/mm/yyyy) and what it means: the ISO day, or why it is not one. Blank is null. */
export interface TypedDate {
  text: string;
  iso: string | null;
  error: string | null;
}

/** Reads a typed UK date; `label` starts the error so it names the field ("Term end must be…"). */
export function readDate(text: string, label: string, required: boolean): TypedDate {
  if (text.trim() === '') return { text, iso: null, error: required ? `${label} is needed: write it dd/mm/yyyy` : null };
  const p = parseUkDate(text);
  return p.ok ? { text, iso: p.iso, error: null } : { text, iso: null, error: `${label} ${p.reason}` };
}

/** The text a stored day starts as in a field: 03/12/2026, or blank. */
export const dateText = (iso: string | null | undefined): string => (iso ? ukDate(iso) : '');

interface Props {
  label: string;
  value: TypedDate;
  onText(text: string): void;
  /** Show the error: the field has been left, or the form was sent. */
  showError: boolean;
  onBlur?(): void;
  required?: boolean;
  hint?: string;
  /** In a table or a tight row, where the column or a legend names it. */
  hideLabel?: boolean;
  className?: string;
}

/** A day typed the way it is written in an English council: 03/12/2026, day first. */
export function DateField({ label, value, onText, showError, onBlur, required, hint, hideLabel, className }: Props) {
  const message = showError && value.error ? value.error : undefined;
  return (
    <Field
      label={hideLabel ? undefined : label}
      required={required}
      hint={hint ?? 'dd/mm/yyyy'}
      validationMessage={message}
      validationState={message ? 'error' : 'none'}
      className={className}
    >
      <Input
        aria-label={hideLabel ? label : undefined}
        value={value.text}
        onChange={(_, d) => onText(d.value)}
        onBlur={onBlur}
        placeholder="dd/mm/yyyy"
        inputMode="numeric"
        autoComplete="off"
        className="date-input"
      />
    </Field>
  );
}
