import { Dropdown, Field, Input, Textarea } from '@fluentui/react-components';
import { MoneyInput } from '../../../../renderer/src/components/MoneyInput';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { DateField, readDate } from '../../../../renderer/src/components/DateField';
import { AGREEMENT_TYPE_LABELS, AGREEMENT_TYPES, LEGAL_BASES, LEGAL_BASIS_LABELS, type AgreementType, type LegalBasis } from '../../words';
import type { AgreementErrors, AgreementFormState } from './agreement-form';

export interface FieldsProps {
  state: AgreementFormState;
  set(patch: Partial<AgreementFormState>): void;
  /** Problems to show: only once the form has been sent. */
  errors: AgreementErrors;
}

interface TextProps {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string;
  max: number;
  required?: boolean;
  hint?: string;
  rows?: number;
}

/** A labelled text box (or, given rows, a text area) with its problem under it. */
export function TextField({ label, value, onChange, error, max, required, hint, rows }: TextProps) {
  return (
    <Field label={label} required={required} hint={hint} validationMessage={error} validationState={error ? 'error' : 'none'}>
      {rows ? (
        <Textarea value={value} maxLength={max} rows={rows} resize="vertical" onChange={(_, d) => onChange(d.value)} />
      ) : (
        <Input value={value} maxLength={max} onChange={(_, d) => onChange(d.value)} />
      )}
    </Field>
  );
}

/** A date typed dd/mm/yyyy, its problem shown once the form has been sent. */
export function TypedDateField({
  label,
  value,
  onChange,
  error,
  required,
  hint,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string;
  required?: boolean;
  hint?: string;
}) {
  return (
    <DateField
      label={label}
      required={required}
      hint={hint}
      value={{ ...readDate(value, label, !!required), error: error ?? null }}
      onText={onChange}
      showError={!!error}
    />
  );
}

export function NumberField({
  label,
  value,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string;
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint} validationMessage={error} validationState={error ? 'error' : 'none'}>
      <Input type="number" inputMode="numeric" value={value} onChange={(_, d) => onChange(d.value)} className="agr-number" />
    </Field>
  );
}

/** What the agreement is and who with: reference, counterparty, type, purpose, legal basis. */
export function IdentityFields({ state, set, errors, withPurpose }: FieldsProps & { withPurpose: boolean }) {
  return (
    <>
      <div className="agr-form-grid">
        <TextField label="Reference" required max={60} value={state.reference} onChange={(reference) => set({ reference })} error={errors.reference} />
        <TextField
          label="Counterparty"
          required
          max={200}
          value={state.counterparty}
          onChange={(counterparty) => set({ counterparty })}
          error={errors.counterparty}
        />
        <Field label="Type">
          <Dropdown
            value={AGREEMENT_TYPE_LABELS[state.type]}
            selectedOptions={[state.type]}
            onOptionSelect={(_, d) => d.optionValue && set({ type: d.optionValue as AgreementType })}
          >
            {textOptions(AGREEMENT_TYPES, (t) => [t, AGREEMENT_TYPE_LABELS[t]])}
          </Dropdown>
        </Field>
        <Field label="Legal basis">
          <Dropdown
            value={LEGAL_BASIS_LABELS[state.legalBasis]}
            selectedOptions={[state.legalBasis]}
            onOptionSelect={(_, d) => d.optionValue && set({ legalBasis: d.optionValue as LegalBasis })}
          >
            {textOptions(LEGAL_BASES, (b) => [b, LEGAL_BASIS_LABELS[b]])}
          </Dropdown>
        </Field>
        <TypedDateField
          label="Legal basis date"
          hint="The day the basis was relied on: dd/mm/yyyy"
          value={state.legalBasisOn}
          onChange={(legalBasisOn) => set({ legalBasisOn })}
          error={errors.legalBasisOn}
        />
      </div>
      {withPurpose && <TextField label="Purpose" rows={2} max={2000} value={state.purpose} onChange={(purpose) => set({ purpose })} />}
    </>
  );
}

/** The term and its value: start, end, a year's value, and the extensions offered. */
export function TermFields({ state, set, errors, withNotice }: FieldsProps & { withNotice: boolean }) {
  return (
    <div className="agr-form-grid">
      <TypedDateField label="Start" required value={state.startOn} onChange={(startOn) => set({ startOn })} error={errors.startOn} />
      <TypedDateField
        label="End"
        required
        hint="The initial term's last day: dd/mm/yyyy"
        value={state.endOn}
        onChange={(endOn) => set({ endOn })}
        error={errors.endOn}
      />
      <MoneyInput label="Annual value" pence={state.annualValuePence} onChange={(annualValuePence) => set({ annualValuePence })} />
      <NumberField
        label="Extensions offered"
        value={state.extensionsOffered}
        onChange={(extensionsOffered) => set({ extensionsOffered })}
        error={errors.extensionsOffered}
      />
      <NumberField
        label="Months each"
        hint="How long each extension runs"
        value={state.extensionMonths}
        onChange={(extensionMonths) => set({ extensionMonths })}
        error={errors.extensionMonths}
      />
      {withNotice && (
        <NumberField
          label="Notice before an extension, days"
          hint="The decision on the next extension is due this many days before the end"
          value={state.extensionNoticeDays}
          onChange={(extensionNoticeDays) => set({ extensionNoticeDays })}
          error={errors.extensionNoticeDays}
        />
      )}
    </div>
  );
}

/** The decision behind it and what it must report. */
export function DecisionFields({ state, set, errors }: FieldsProps) {
  return (
    <div className="agr-form-grid">
      <TextField
        label="Decision reference"
        hint="Such as D52724"
        max={60}
        value={state.decisionReference}
        onChange={(decisionReference) => set({ decisionReference })}
      />
      <TypedDateField
        label="Decision date"
        hint="The thresholds in force that day apply; blank: the start"
        value={state.decisionOn}
        onChange={(decisionOn) => set({ decisionOn })}
        error={errors.decisionOn}
      />
      <TextField
        label="Forward plan reference"
        hint="Such as FP/280521"
        max={60}
        value={state.forwardPlanReference}
        onChange={(forwardPlanReference) => set({ forwardPlanReference })}
      />
    </div>
  );
}
