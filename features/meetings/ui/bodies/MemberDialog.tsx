import { Checkbox, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { BodyInfo, MemberInfo, MemberSaved } from '../../types';
import { dateText, readDate } from '../../../../renderer/src/components/DateField';
import { todayIso } from '../meeting/when';
import { useDeleteMember, useSaveMember } from './data';
import { TermFields, type TermDraft } from './member-fields';
import { TermHistory } from './TermHistory';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

interface Props {
  open: boolean;
  body: BodyInfo;
  /** The member to edit; null adds one. */
  member: MemberInfo | null;
  /** Everyone on the body, for "substitute for". */
  members: MemberInfo[];
  onClose(): void;
}

/** Adding a member (their first term) or editing one (their details and current term). */
export function MemberDialog({ open, body, member, members, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="wide-dialog">{open && <MemberForm body={body} member={member} members={members} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

/**
 * A save that breaks a forum's composition rules is saved all the same: forums are often out of
 * balance between elections. The notice says so, so it is not read as a refusal.
 */
export function useMemberSavedNotice() {
  const { notify } = useApp();
  return (saved: MemberSaved, what: string) => {
    if (saved.warnings.length === 0) return notify('success', what);
    notify('warning', `${what} Warning, not a refusal: the forum's composition rules are not met.`, saved.warnings);
  };
}

function MemberForm({ body, member, members, onClose }: Omit<Props, 'open'>) {
  const save = useSaveMember();
  const remove = useDeleteMember();
  const savedNotice = useMemberSavedNotice();
  const { notify } = useApp();
  const current = member?.current;
  const [name, setName] = useState(member?.name ?? '');
  const [organisation, setOrganisation] = useState(member?.organisation ?? '');
  const [email, setEmail] = useState(member?.email ?? '');
  const [councillor, setCouncillor] = useState(member?.councillorOrOfficer ?? false);
  const [substituteFor, setSubstituteFor] = useState<number | null>(member?.substituteForId ?? null);
  const [term, setTerm] = useState<TermDraft>({
    seat: current?.seatCategory ?? (body.kind === 'schools_forum' ? 'maintained_primary_head' : 'other'),
    role: current?.role ?? 'member',
    voting: current?.voting ?? true,
    start: readDate(dateText(current?.startDate ?? todayIso()), 'Term start', true),
    end: readDate(dateText(current?.endDate), 'Term end', false),
  });
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);

  const nameError = name.trim() === '' ? 'Give the member a name' : undefined;
  const orderError = term.start.iso && term.end.iso && term.end.iso < term.start.iso ? 'Term end must be on or after the term start' : undefined;
  const principals = members.filter((m) => m.id !== member?.id && m.substituteForId === null);
  const principalName = principals.find((m) => m.id === substituteFor)?.name;

  const submit = async () => {
    setTried(true);
    if (nameError || term.start.error || term.end.error || orderError || !term.start.iso) return;
    setRefused(null);
    const saved = await save.run({
      id: member?.id,
      bodyId: body.id,
      name: name.trim(),
      organisation: organisation.trim(),
      email: email.trim(),
      councillorOrOfficer: councillor,
      substituteForId: substituteFor,
      seatCategory: term.seat,
      role: term.role,
      voting: term.voting,
      termStart: term.start.iso,
      termEnd: term.end.iso,
    });
    if (!saved) return setRefused(save.lastError());
    onClose();
    savedNotice(saved, member ? `${saved.member.name} saved.` : `${saved.member.name} added to ${body.name}.`);
  };

  const drop = async () => {
    if (!member) return;
    setRefused(null);
    const done = await remove.run({ id: member.id });
    if (!done) return setRefused(remove.lastError());
    onClose();
    notify('success', `${member.name} removed from ${body.name}.`);
  };

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{member ? `Edit ${member.name}` : `Add a member to ${body.name}`}</DialogTitle>
        <DialogContent className="dialog-form">
          <div className="form-grid">
            <Field label="Name" required validationMessage={tried ? nameError : undefined} validationState={tried && nameError ? 'error' : 'none'}>
              <Input value={name} maxLength={120} onChange={(_, d) => setName(d.value)} />
            </Field>
            <Field label="Organisation">
              <Input value={organisation} maxLength={200} onChange={(_, d) => setOrganisation(d.value)} />
            </Field>
            <Field label="Email">
              <Input type="email" value={email} maxLength={200} onChange={(_, d) => setEmail(d.value)} />
            </Field>
            <Field label="Substitute for" hint="A named substitute attends in the member's place and is not counted in the membership">
              <Dropdown
                value={principalName ? principalName : 'Not a substitute'}
                selectedOptions={[substituteFor === null ? '' : String(substituteFor)]}
                onOptionSelect={(_, d) => setSubstituteFor(d.optionValue ? Number(d.optionValue) : null)}
              >
                {textOptions(principals, (m) => [m.id, m.name], 'Not a substitute')}
              </Dropdown>
            </Field>
          </div>
          <Checkbox
            checked={councillor}
            onChange={(_, d) => setCouncillor(!!d.checked)}
            label="A councillor or an officer of the authority (may not chair a Schools Forum)"
          />
          <fieldset className="form-set">
            <legend>{member ? 'Current term' : 'First term'}</legend>
            <TermFields
              term={term}
              onChange={setTerm}
              onStartText={(t) => setTerm((x) => ({ ...x, start: readDate(t, 'Term start', true) }))}
              onEndText={(t) => setTerm((x) => ({ ...x, end: readDate(t, 'Term end', false) }))}
              showErrors={tried}
            />
            {tried && orderError && (
              <p className="field-error" role="alert">
                {orderError}
              </p>
            )}
          </fieldset>
          {member && member.terms.length > 1 && <TermHistory member={member} />}
          <RefusalBar refused={refused} prefix="Not saved: " />
          {member && (
            <div>
              <BusyButton type="button" appearance="subtle" icon={<DeleteRegular />} busy={remove.busy} onClick={() => void drop()}>
                Remove {member.name} from the body
              </BusyButton>
              <p className="muted">Only someone with nothing recorded at a meeting can be removed; otherwise end their term, and their history is kept.</p>
            </div>
          )}
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose}>
          {member ? 'Save member' : 'Add member'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
