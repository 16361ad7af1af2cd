import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { BodyInfo } from '../../types';
import { BODY_KIND_LABELS, BODY_KINDS, type BodyKind } from '../../words';
import { useSaveBody } from './data';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

interface Props {
  open: boolean;
  /** The body to edit; null adds one. */
  body: BodyInfo | null;
  onClose(saved?: BodyInfo): void;
}

/** The usual quorum fractions, named as standing orders name them. */
const FRACTIONS: Array<[number, number, string]> = [
  [1, 4, 'a quarter'],
  [1, 3, 'a third'],
  [2, 5, 'two-fifths (the Schools Forum rule)'],
  [1, 2, 'half'],
  [3, 5, 'three-fifths'],
  [2, 3, 'two-thirds'],
  [3, 4, 'three-quarters'],
];
const TEMPLATE_LABELS = {
  forum: 'Forum paper (to, date, title, author; purpose; recommendations…)',
  council: 'Council report (report of, key decision, wards affected…)',
};

/** Adding or editing a body: its kind, quorum rule, papers deadline, clerk and paper template. */
export function BodyDialog({ open, body, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="wide-dialog">{open && <BodyForm body={body} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function BodyForm({ body, onClose }: Omit<Props, 'open'>) {
  const save = useSaveBody();
  const [name, setName] = useState(body?.name ?? '');
  const [kind, setKind] = useState<BodyKind>(body?.kind ?? 'schools_forum');
  const [quorumKind, setQuorumKind] = useState(body?.quorumKind ?? 'fraction');
  const [fraction, setFraction] = useState(body ? `${body.quorumNumerator}/${body.quorumDenominator}` : '2/5');
  const [fixed, setFixed] = useState(String(body?.quorumFixed ?? 3));
  const [deadline, setDeadline] = useState(String(body?.papersDeadlineDays ?? 5));
  const [template, setTemplate] = useState<'forum' | 'council'>(body?.paperTemplate.kind ?? 'forum');
  const [clerkName, setClerkName] = useState(body?.clerkName ?? '');
  const [clerkEmail, setClerkEmail] = useState(body?.clerkEmail ?? '');
  const [clerkPhone, setClerkPhone] = useState(body?.clerkPhone ?? '');
  const [venue, setVenue] = useState(body?.defaultVenue ?? '');
  const [refused, setRefused] = useState<string | null>(null);
  const [tried, setTried] = useState(false);

  const [num, den] = fraction.split('/').map(Number) as [number, number];
  const days = Number(deadline);
  const fixedN = Number(fixed);
  const nameError = name.trim() === '' ? 'Give the body a name, such as "Schools Forum"' : undefined;
  const daysError = !/^\d+$/.test(deadline.trim()) || days > 30 ? 'Papers deadline must be a whole number of working days from 0 to 30' : undefined;
  const fixedError =
    quorumKind === 'fixed' && (!/^\d+$/.test(fixed.trim()) || fixedN < 1 || fixedN > 200) ? 'Members needed must be a whole number from 1 to 200' : undefined;
  const fractionLabel = FRACTIONS.find(([n, d]) => n === num && d === den)?.[2] ?? `${num}/${den}`;

  const chooseKind = (k: BodyKind) => {
    setKind(k);
    // A new body starts with the usual rules for its kind; an existing one keeps what it has.
    if (!body) {
      setTemplate(k === 'schools_forum' ? 'forum' : 'council');
      if (k === 'schools_forum') {
        setQuorumKind('fraction');
        setFraction('2/5');
      }
    }
  };

  const submit = async () => {
    setTried(true);
    if (nameError || daysError || fixedError) return;
    setRefused(null);
    const templateChanged = !body || body.paperTemplate.kind !== template;
    const saved = await save.run({
      id: body?.id,
      name: name.trim(),
      kind,
      quorumKind,
      quorumNumerator: quorumKind === 'fraction' ? num : undefined,
      quorumDenominator: quorumKind === 'fraction' ? den : undefined,
      quorumFixed: quorumKind === 'fixed' ? fixedN : null,
      papersDeadlineDays: days,
      templateKind: templateChanged ? template : undefined,
      clerkName: clerkName.trim(),
      clerkEmail: clerkEmail.trim(),
      clerkPhone: clerkPhone.trim(),
      defaultVenue: venue.trim(),
    });
    if (saved) onClose(saved);
    else setRefused(save.lastError());
  };
  const err = (e: string | undefined) => (tried ? e : undefined);

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{body ? `Edit ${body.name}` : 'Add a body'}</DialogTitle>
        <DialogContent className="dialog-form">
          <div className="form-grid">
            <Field label="Name" required validationMessage={err(nameError)} validationState={err(nameError) ? 'error' : 'none'}>
              <Input value={name} maxLength={120} onChange={(_, d) => setName(d.value)} />
            </Field>
            <Field label="Kind of body">
              <Dropdown
                value={BODY_KIND_LABELS[kind]}
                selectedOptions={[kind]}
                onOptionSelect={(_, d) => d.optionValue && chooseKind(d.optionValue as BodyKind)}
              >
                {textOptions(BODY_KINDS, (k) => [k, BODY_KIND_LABELS[k]])}
              </Dropdown>
            </Field>
          </div>
          <fieldset className="form-set">
            <legend>Quorum</legend>
            <RadioGroup layout="horizontal" value={quorumKind} onChange={(_, d) => setQuorumKind(d.value as 'fraction' | 'fixed')} aria-label="Quorum rule">
              <Radio value="fraction" label="A share of the membership" />
              <Radio value="fixed" label="A fixed number of members" />
            </RadioGroup>
            {quorumKind === 'fraction' ? (
              <Field label="Share of the membership present, rounded up">
                <Dropdown value={fractionLabel} selectedOptions={[fraction]} onOptionSelect={(_, d) => d.optionValue && setFraction(d.optionValue)}>
                  {textOptions(FRACTIONS, ([n, d, words]) => [`${n}/${d}`, words])}
                </Dropdown>
              </Field>
            ) : (
              <Field label="Members needed" validationMessage={err(fixedError)} validationState={err(fixedError) ? 'error' : 'none'}>
                <Input type="number" min={1} max={200} value={fixed} onChange={(_, d) => setFixed(d.value)} className="narrow-input" />
              </Field>
            )}
          </fieldset>
          <div className="form-grid">
            <Field
              label="Papers deadline, clear working days before the meeting"
              hint="Weekends and bank holidays do not count"
              validationMessage={err(daysError)}
              validationState={err(daysError) ? 'error' : 'none'}
            >
              <Input type="number" min={0} max={30} value={deadline} onChange={(_, d) => setDeadline(d.value)} className="narrow-input" />
            </Field>
            <Field label="Default venue">
              <Input value={venue} maxLength={300} onChange={(_, d) => setVenue(d.value)} />
            </Field>
          </div>
          <fieldset className="form-set">
            <legend>Clerk's contact (on the pack's cover)</legend>
            <div className="form-grid three">
              <Field label="Clerk's name">
                <Input value={clerkName} maxLength={120} onChange={(_, d) => setClerkName(d.value)} />
              </Field>
              <Field label="Email">
                <Input type="email" value={clerkEmail} maxLength={200} onChange={(_, d) => setClerkEmail(d.value)} />
              </Field>
              <Field label="Phone">
                <Input type="tel" value={clerkPhone} maxLength={60} onChange={(_, d) => setClerkPhone(d.value)} />
              </Field>
            </div>
          </fieldset>
          <Field
            label="Paper template"
            hint={body && body.paperTemplate.kind !== template ? 'New papers use the standard template chosen; papers already written keep theirs.' : undefined}
          >
            <RadioGroup value={template} onChange={(_, d) => setTemplate(d.value as 'forum' | 'council')}>
              <Radio value="forum" label={TEMPLATE_LABELS.forum} />
              <Radio value="council" label={TEMPLATE_LABELS.council} />
            </RadioGroup>
          </Field>
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={() => onClose()}>
          {body ? 'Save body' : 'Add body'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
