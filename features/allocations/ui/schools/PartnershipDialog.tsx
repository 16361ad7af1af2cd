import { Combobox, DialogBody, DialogContent, DialogTitle, Dropdown, Field, Input, Option, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { api } from '../../../../renderer/src/api/api';
import { FormDialog } from '../../../../renderer/src/components/FormDialog';
import type { PartnershipInfo } from '../../types';
import {
  PARTNERSHIP_KIND_LABELS,
  PARTNERSHIP_KINDS,
  type PartnershipKind,
  RETURN_FREQUENCIES,
  RETURN_FREQUENCY_LABELS,
  type ReturnFrequency,
} from '../../words';
import { PARTNERSHIP_LABELS, useAgreementChoices, useFormWrite, useSchools } from './data';
import { partnershipGroups } from './partnership-tree';

/** What the dialog edits: a partnership, or a new one (a cluster when `parent` is given). */
export type PartnershipEdit = { partnership: PartnershipInfo } | { parent: PartnershipInfo | null };

interface Props {
  edit: PartnershipEdit | null;
  /** The year whose schools the lead school is chosen from. */
  year: string;
  partnerships: PartnershipInfo[];
  onClose(): void;
}

/** A partnership's details: name, kind, the partnership a cluster sits in, area, lead school, agreement, returns and a note. */
export function PartnershipDialog({ edit, year, partnerships, onClose }: Props) {
  return (
    <FormDialog open={edit !== null} onClose={onClose} className="alloc-dialog">
      {edit && <PartnershipForm edit={edit} year={year} partnerships={partnerships} onClose={onClose} />}
    </FormDialog>
  );
}

const schoolText = (s: { name: string; urn: number }) => `${s.name} (${s.urn})`;

function PartnershipForm({ edit, year, partnerships, onClose }: { edit: PartnershipEdit; year: string; partnerships: PartnershipInfo[]; onClose(): void }) {
  // The schools are read when the form opens, not with the partnerships: there may be thousands.
  const schools = useSchools(year).data?.schools ?? [];
  const existing = 'partnership' in edit ? edit.partnership : null;
  const presetParent = 'parent' in edit ? edit.parent : null;
  const save = useFormWrite(api.savePartnership, PARTNERSHIP_LABELS, {
    success: (p, input) => (input.id ? `${p.name} saved.` : `${p.name} added.`),
  });
  const { data: agreements } = useAgreementChoices(true);
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<PartnershipKind>(existing?.kind ?? (presetParent ? 'cluster' : 'area_inclusion'));
  const [parentId, setParentId] = useState<number | null>(existing?.parentId ?? presetParent?.id ?? null);
  const [area, setArea] = useState(existing?.area ?? presetParent?.area ?? '');
  const [leadId, setLeadId] = useState<number | null>(existing?.leadSchoolId ?? null);
  const lead = schools.find((s) => s.id === leadId);
  const [leadQuery, setLeadQuery] = useState(lead ? schoolText(lead) : (existing?.leadSchoolName ?? ''));
  const [agreementId, setAgreementId] = useState<number | null>(existing?.agreementId ?? presetParent?.agreementId ?? null);
  const [frequency, setFrequency] = useState<ReturnFrequency>(existing?.returnFrequency ?? presetParent?.returnFrequency ?? 'termly');
  const [note, setNote] = useState(existing?.note ?? '');
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  // A parent must stand on its own, and one with clusters cannot be put inside another: one level only.
  const hasClusters = !!existing && partnerships.some((p) => p.parentId === existing.id);
  const parents = partnershipGroups(partnerships)
    .map((g) => g.partnership)
    .filter((p) => p.id !== existing?.id);
  const parent = partnerships.find((p) => p.id === parentId);
  const agreement = agreements?.agreements.find((a) => a.id === agreementId);
  const agreementText = agreement ? `${agreement.reference}: ${agreement.counterparty}` : agreementId ? (existing?.agreementLabel ?? '') : 'None';
  // Typing narrows the list; the school chosen shows with every other while its name is in the box.
  const q = leadQuery.trim().toLowerCase();
  const narrowed = q !== '' && !(lead && leadQuery === schoolText(lead));
  const shown = schools
    .filter((s) => s.status === 'open' || s.id === leadId)
    .filter((s) => !narrowed || schoolText(s).toLowerCase().includes(q))
    .slice(0, 200);
  const nameError = name.trim() === '' ? 'Give the partnership a name' : undefined;

  const submit = async () => {
    setTried(true);
    if (nameError) return;
    setRefused(null);
    const saved = await save.run({
      id: existing?.id,
      name: name.trim(),
      area: area.trim(),
      kind,
      parentId,
      leadSchoolId: leadId,
      agreementId,
      returnFrequency: frequency,
      note: note.trim(),
    });
    if (!saved) return setRefused(save.refusal());
    onClose();
  };

  const title = existing ? `Edit ${existing.name}` : presetParent ? `New cluster in ${presetParent.name}` : 'New partnership';
  return (
    <SubmitForm onSubmit={submit} aria-label={title}>
      <DialogBody>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent className="dialog-form">
          <div className="alloc-form-grid">
            <Field label="Name" required validationMessage={tried ? nameError : undefined} validationState={tried && nameError ? 'error' : 'none'}>
              <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={120} />
            </Field>
            <Field label="Kind">
              <Dropdown
                value={PARTNERSHIP_KIND_LABELS[kind]}
                selectedOptions={[kind]}
                onOptionSelect={(_, d) => d.optionValue && setKind(d.optionValue as PartnershipKind)}
              >
                {textOptions(PARTNERSHIP_KINDS, (k) => [k, PARTNERSHIP_KIND_LABELS[k]])}
              </Dropdown>
            </Field>
            <Field
              label="Part of"
              hint={
                hasClusters
                  ? `${existing!.name} has clusters of its own, so it cannot sit inside another partnership.`
                  : 'A cluster’s schools count towards this partnership in an allocation run.'
              }
            >
              <Dropdown
                value={parent ? parent.name : 'None: it stands on its own'}
                selectedOptions={[parentId === null ? '' : String(parentId)]}
                disabled={hasClusters}
                onOptionSelect={(_, d) => setParentId(d.optionValue ? Number(d.optionValue) : null)}
              >
                {textOptions(parents, (p) => [p.id, p.name], 'None: it stands on its own')}
              </Dropdown>
            </Field>
            <Field label="Area">
              <Input value={area} onChange={(_, d) => setArea(d.value)} maxLength={120} />
            </Field>
            <Field label="Lead school" hint="Type part of its name or URN; empty the box for none">
              <Combobox
                value={leadQuery}
                selectedOptions={leadId === null ? [] : [String(leadId)]}
                onChange={(e) => setLeadQuery(e.target.value)}
                onOptionSelect={(_, d) => {
                  setLeadId(d.optionValue ? Number(d.optionValue) : null);
                  // Typing away from the choice clears it (no option given): the words typed stay.
                  if (d.optionValue !== undefined) setLeadQuery(d.optionValue ? (d.optionText ?? '') : '');
                }}
                onBlur={() => {
                  // An emptied box is no lead school; anything else typed and not chosen goes back to the choice.
                  if (leadQuery.trim() === '') setLeadId(null);
                  else setLeadQuery(lead ? schoolText(lead) : '');
                }}
              >
                {!narrowed && (
                  <Option value="" text="None">
                    None
                  </Option>
                )}
                {shown.map((s) => (
                  <Option key={s.id} value={String(s.id)} text={schoolText(s)}>
                    {schoolText(s)}
                  </Option>
                ))}
              </Combobox>
            </Field>
            <Field label="Agreement" hint="The agreement that funds it: its underspend condition applies to its returns.">
              <Dropdown
                value={agreementText}
                selectedOptions={[agreementId === null ? '' : String(agreementId)]}
                onOptionSelect={(_, d) => setAgreementId(d.optionValue ? Number(d.optionValue) : null)}
              >
                {textOptions(agreements?.agreements ?? [], (a) => [a.id, `${a.reference}: ${a.counterparty}`], 'None')}
              </Dropdown>
            </Field>
            <Field label="Returns" className="span-all">
              <RadioGroup layout="horizontal" value={frequency} onChange={(_, d) => setFrequency(d.value as ReturnFrequency)}>
                {RETURN_FREQUENCIES.map((f) => (
                  <Radio
                    key={f}
                    value={f}
                    label={f === 'termly' ? `${RETURN_FREQUENCY_LABELS[f]}: summer, autumn and spring` : `${RETURN_FREQUENCY_LABELS[f]}: one for the year`}
                  />
                ))}
              </RadioGroup>
            </Field>
            <Field label="Note" className="span-all">
              <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
            </Field>
          </div>
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          {existing ? 'Save partnership' : presetParent ? 'Add cluster' : 'Add partnership'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
