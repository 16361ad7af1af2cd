import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import type { MemberInfo } from '../../types';
import { dateText, readDate } from '../../../../renderer/src/components/DateField';
import { todayIso } from '../meeting/when';
import { useAddMemberTerm } from './data';
import { TermFields, type TermDraft } from './member-fields';
import { useMemberSavedNotice } from './MemberDialog';
import { TermHistory } from './TermHistory';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

interface Props {
  open: boolean;
  member: MemberInfo | null;
  onClose(): void;
}

/** The day after a term ends, as a calendar day. */
function dayAfter(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A new term for a member (re-appointment, a change of seat or role); the terms before it are kept. */
export function TermDialog({ open, member, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="wide-dialog">{open && member && <TermForm member={member} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function TermForm({ member, onClose }: { member: MemberInfo; onClose(): void }) {
  const write = useAddMemberTerm();
  const savedNotice = useMemberSavedNotice();
  const current = member.current;
  const startIso = current?.endDate ? dayAfter(current.endDate) : todayIso();
  const [term, setTerm] = useState<TermDraft>({
    seat: current?.seatCategory ?? 'other',
    role: current?.role ?? 'member',
    voting: current?.voting ?? true,
    start: readDate(dateText(startIso), 'Term start', true),
    end: readDate('', 'Term end', false),
  });
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const orderError = term.start.iso && term.end.iso && term.end.iso < term.start.iso ? 'Term end must be on or after the term start' : undefined;

  const submit = async () => {
    setTried(true);
    if (term.start.error || term.end.error || orderError || !term.start.iso) return;
    setRefused(null);
    const saved = await write.run({
      memberId: member.id,
      seatCategory: term.seat,
      role: term.role,
      voting: term.voting,
      termStart: term.start.iso,
      termEnd: term.end.iso,
    });
    if (!saved) return setRefused(write.lastError());
    onClose();
    savedNotice(saved, `New term for ${member.name} from ${ukLongDate(term.start.iso)}.`);
  };

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>New term for {member.name}</DialogTitle>
        <DialogContent className="dialog-form">
          <p>A re-appointment or a change of seat or role starts a new term. The terms before it stay in {member.name}'s history.</p>
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
          <h3 className="dialog-subhead">Terms so far</h3>
          <TermHistory member={member} />
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={write.busy} onCancel={onClose}>
          Add term
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
