import { Dropdown, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { ArrowMoveRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { api } from '../../../../renderer/src/api/api';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { DateField, dateText, readDate } from '../../../../renderer/src/components/DateField';
import type { PartnershipInfo, SchoolYearRow } from '../../types';
import { BUY_IN_STATUS_LABELS, BUY_IN_STATUSES, type BuyInStatus } from '../../words';
import { BUY_IN_LABELS, MEMBERSHIP_LABELS, useFormWrite } from './data';
import { partnershipLabel, partnershipsInOrder } from './partnership-tree';
import { SavedBar } from './SavedBar';

interface Props {
  year: string;
  school: SchoolYearRow;
  partnerships: PartnershipInfo[];
}

const NONE = 'none';

/**
 * Which partnership the school is in for the year. A school already in another partnership is
 * not moved at the first asking: the server's refusal names both, and moving it is a second,
 * deliberate step.
 */
export function MembershipForm({ year, school, partnerships }: Props) {
  const ordered = partnershipsInOrder(partnerships);
  const place = useFormWrite(api.setMembership, MEMBERSHIP_LABELS, {
    success: (_, input) => {
      const to = partnerships.find((p) => p.id === input.partnershipId);
      return to ? `${school.name} is in ${to.name} for ${year}.` : `${school.name} is in no partnership for ${year}.`;
    },
  });
  const [chosen, setChosen] = useState<number | null>(school.partnershipId);
  const [refused, setRefused] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** The move refused at the first asking, to be confirmed. */
  const [toConfirm, setToConfirm] = useState<number | null>(null);
  const current = partnerships.find((p) => p.id === chosen);
  const was = partnerships.find((p) => p.id === school.partnershipId);
  const choose = (id: number | null) => {
    setChosen(id);
    setToConfirm(null);
    setRefused(null);
  };

  const send = async (move: boolean) => {
    setRefused(null);
    setSaved(null);
    if (chosen === school.partnershipId) return setSaved(`No change: ${school.name} is already ${was ? `in ${was.name}` : 'in no partnership'} for ${year}.`);
    const out = await place.run({ year, schoolId: school.id, partnershipId: chosen, move });
    if (!out) {
      setRefused(place.refusal());
      setToConfirm(!move && was && chosen !== null ? chosen : null);
      return;
    }
    setToConfirm(null);
    setSaved(current ? `${was ? 'Moved' : 'Put'} in ${current.name} for ${year}.` : `Taken out of ${was?.name ?? 'its partnership'} for ${year}.`);
  };

  return (
    <SubmitForm onSubmit={() => send(false)} aria-label={`Partnership in ${year}`} className="school-section">
      <h3>Partnership in {year}</h3>
      <Field
        label="Partnership"
        hint={
          was
            ? `In ${partnershipLabel(was)} now. A school is in one partnership a year.`
            : `In no partnership in ${year} now. A school is in one partnership a year.`
        }
      >
        <Dropdown
          value={current ? partnershipLabel(current) : 'None'}
          selectedOptions={[chosen === null ? NONE : String(chosen)]}
          onOptionSelect={(_, d) => d.optionValue && choose(d.optionValue === NONE ? null : Number(d.optionValue))}
        >
          {textOptions([NONE, ...ordered], (p: typeof NONE | PartnershipInfo) => (typeof p === 'string' ? [NONE, 'None'] : [p.id, partnershipLabel(p)]))}
        </Dropdown>
      </Field>
      <RefusalBar refused={refused} prefix="Not moved: " />
      <SavedBar text={saved} />
      <div className="actions">
        {toConfirm !== null && toConfirm === chosen && was && current ? (
          <BusyButton type="button" appearance="primary" icon={<ArrowMoveRegular />} busy={place.busy} onClick={() => void send(true)}>
            Move from {was.name} to {current.name}
          </BusyButton>
        ) : (
          <BusyButton type="submit" appearance="primary" icon={<ArrowMoveRegular />} busy={place.busy}>
            Save partnership
          </BusyButton>
        )}
      </div>
    </SubmitForm>
  );
}

/** Not recorded: the school has no buy-in row for the year (it counts as yet to decide). */
const NOT_RECORDED = 'not_recorded';

/** The governing body's decision for the year: bought in, yet to decide or leaving, with its date and a note. */
export function BuyInForm({ year, school }: Omit<Props, 'partnerships'>) {
  const record = useFormWrite(api.setBuyIn, BUY_IN_LABELS, {
    success: (_, input) => `${school.name}: ${input.status ? BUY_IN_STATUS_LABELS[input.status].toLowerCase() : 'no decision recorded'} for ${year}.`,
  });
  const [status, setStatus] = useState<BuyInStatus | typeof NOT_RECORDED>(school.buyIn ?? NOT_RECORDED);
  const [decided, setDecided] = useState(() => readDate(dateText(school.buyInDecidedOn), 'Date of the decision', false));
  const [note, setNote] = useState(school.buyInNote);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const submit = async () => {
    setTried(true);
    setSaved(null);
    if (decided.error) return;
    setRefused(null);
    const out = await record.run({
      year,
      schoolId: school.id,
      status: status === NOT_RECORDED ? null : status,
      decidedOn: status === NOT_RECORDED ? null : decided.iso,
      note: status === NOT_RECORDED ? '' : note.trim(),
    });
    if (!out) return setRefused(record.refusal());
    setSaved(
      status === NOT_RECORDED
        ? `No decision recorded for ${year}.`
        : `Recorded: ${BUY_IN_STATUS_LABELS[status].toLowerCase()}${decided.iso ? `, decided on ${ukDate(decided.iso)}` : ''}.`,
    );
  };

  return (
    <SubmitForm onSubmit={submit} aria-label={`Buy-in for ${year}`} className="school-section">
      <h3>Buy-in for {year}</h3>
      {!school.partnershipId && <p className="muted">Not in a partnership in {year}: its decision counts in a cluster’s buy-in once it is in one.</p>}
      <Field label="Decision">
        <RadioGroup layout="horizontal" value={status} onChange={(_, d) => setStatus(d.value as BuyInStatus | typeof NOT_RECORDED)}>
          {BUY_IN_STATUSES.map((s) => (
            <Radio key={s} value={s} label={BUY_IN_STATUS_LABELS[s]} />
          ))}
          <Radio value={NOT_RECORDED} label="Not recorded" />
        </RadioGroup>
      </Field>
      {status !== NOT_RECORDED && (
        <div className="alloc-form-grid">
          <DateField
            label="Date of the decision"
            value={decided}
            onText={(t) => setDecided(readDate(t, 'Date of the decision', false))}
            showError={tried}
            hint="The governing body’s meeting, dd/mm/yyyy; blank if not known"
          />
          <Field label="Note">
            <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
          </Field>
        </div>
      )}
      <RefusalBar refused={refused} prefix="Not recorded: " />
      <SavedBar text={saved} />
      <div className="actions">
        <BusyButton type="submit" appearance="primary" icon={<CheckmarkRegular />} busy={record.busy}>
          Record buy-in
        </BusyButton>
      </div>
    </SubmitForm>
  );
}
