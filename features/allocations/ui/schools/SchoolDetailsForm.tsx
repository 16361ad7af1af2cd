import { Button, Dropdown, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Radio, RadioGroup } from '@fluentui/react-components';
import { DeleteRegular, SaveRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api } from '../../../../renderer/src/api/api';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { SchoolInfo } from '../../types';
import {
  PHASE_LABELS,
  PHASES,
  type Phase,
  SCHOOL_STATUS_LABELS,
  SCHOOL_STATUSES,
  SCHOOL_TYPE_LABELS,
  SCHOOL_TYPES,
  type SchoolStatus,
  type SchoolType,
} from '../../words';
import { SCHOOL_LABELS, useFormWrite } from './data';
import { SavedBar } from './SavedBar';

interface Props {
  /** The school to edit; null adds one. */
  school: SchoolInfo | null;
  onSaved(school: SchoolInfo): void;
  onDeleted(): void;
}

/** A URN as typed: six digits, or why not. */
function readUrn(text: string): { urn: number | null; error: string | null } {
  const t = text.trim();
  if (t === '') return { urn: null, error: 'Give the school’s URN: six digits, as Get Information about Schools shows it' };
  if (!/^\d{6}$/.test(t)) return { urn: null, error: `URN "${t}" is not six digits` };
  return { urn: Number(t), error: null };
}

/** A school's own details: URN, name, phase, type, trust, open or closed. */
export function SchoolDetailsForm({ school, onSaved, onDeleted }: Props) {
  const save = useFormWrite(api.saveSchool, SCHOOL_LABELS, {
    success: (s, input) => (input.id ? `${s.name} saved.` : `${s.name} (${s.urn}) added.`),
  });
  const remove = useFormWrite(api.deleteSchool, SCHOOL_LABELS, { success: () => (school ? `${school.name} (${school.urn}) deleted.` : null) });
  const [urnText, setUrnText] = useState(school ? String(school.urn) : '');
  const [name, setName] = useState(school?.name ?? '');
  const [phase, setPhase] = useState<Phase>(school?.phase ?? 'primary');
  const [type, setType] = useState<SchoolType>(school?.type ?? 'maintained');
  const [trust, setTrust] = useState(school?.trust ?? '');
  const [status, setStatus] = useState<SchoolStatus>(school?.status ?? 'open');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleteRefused, setDeleteRefused] = useState<string | null>(null);

  const urn = readUrn(urnText);
  const errors = { urn: urn.error ?? undefined, name: name.trim() === '' ? 'Give the school’s name' : undefined };
  const shown = (e: string | undefined) => (tried ? e : undefined);
  const state = (e: string | undefined) => (tried && e ? ('error' as const) : ('none' as const));

  const submit = async () => {
    setTried(true);
    setSaved(null);
    if (errors.urn || errors.name || urn.urn === null) return;
    setRefused(null);
    const out = await save.run({ id: school?.id, urn: urn.urn, name: name.trim(), phase, type, trust: trust.trim(), status });
    if (!out) return setRefused(save.refusal());
    setSaved(school ? 'Details saved.' : null);
    onSaved(out);
  };

  const reallyDelete = async () => {
    if (!school) return;
    setDeleteRefused(null);
    const out = await remove.run({ id: school.id });
    if (!out) {
      setConfirming(false);
      return setDeleteRefused(remove.refusal());
    }
    onDeleted();
  };

  return (
    <SubmitForm onSubmit={submit} aria-label="School details" className="school-section">
      <div className="alloc-form-grid">
        <Field label="URN" required hint="Six digits" validationMessage={shown(errors.urn)} validationState={state(errors.urn)}>
          <Input value={urnText} onChange={(_, d) => setUrnText(d.value)} inputMode="numeric" maxLength={6} autoComplete="off" />
        </Field>
        <Field label="Name" required validationMessage={shown(errors.name)} validationState={state(errors.name)}>
          <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={200} />
        </Field>
        <Field label="Phase">
          <Dropdown value={PHASE_LABELS[phase]} selectedOptions={[phase]} onOptionSelect={(_, d) => d.optionValue && setPhase(d.optionValue as Phase)}>
            {textOptions(PHASES, (p) => [p, PHASE_LABELS[p]])}
          </Dropdown>
        </Field>
        <Field label="Type">
          <Dropdown value={SCHOOL_TYPE_LABELS[type]} selectedOptions={[type]} onOptionSelect={(_, d) => d.optionValue && setType(d.optionValue as SchoolType)}>
            {textOptions(SCHOOL_TYPES, (t) => [t, SCHOOL_TYPE_LABELS[t]])}
          </Dropdown>
        </Field>
        <Field label="Trust" hint="Blank for a school in no trust">
          <Input value={trust} onChange={(_, d) => setTrust(d.value)} maxLength={200} />
        </Field>
        <Field label="Open or closed">
          <RadioGroup layout="horizontal" value={status} onChange={(_, d) => setStatus(d.value as SchoolStatus)}>
            {SCHOOL_STATUSES.map((s) => (
              <Radio key={s} value={s} label={SCHOOL_STATUS_LABELS[s]} />
            ))}
          </RadioGroup>
        </Field>
      </div>
      <RefusalBar refused={refused} prefix="Not saved: " />
      <RefusalBar refused={deleteRefused} prefix="Not deleted: " />
      <SavedBar text={saved} />
      {confirming && school && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Delete {school.name} ({school.urn})? Its data, partnership and buy-in in every year go with it. Undo puts it all back.
          </MessageBarBody>
          <MessageBarActions>
            <BusyButton busy={remove.busy} appearance="primary" icon={<DeleteRegular />} onClick={() => void reallyDelete()}>
              Delete school
            </BusyButton>
            <Button onClick={() => setConfirming(false)}>Keep it</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className="actions">
        {school && !confirming && (
          <Button icon={<DeleteRegular />} onClick={() => setConfirming(true)}>
            Delete school…
          </Button>
        )}
        <BusyButton type="submit" appearance="primary" icon={<SaveRegular />} busy={save.busy}>
          {school ? 'Save details' : 'Add school'}
        </BusyButton>
      </div>
    </SubmitForm>
  );
}
