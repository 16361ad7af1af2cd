import { Dropdown, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { DeclarationInfo, MeetingDetail } from '../../types';
import { useDeleteDeclaration, useSaveDeclaration } from './data';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

/** Who may declare: the members on the roll and the substitutes attending in their place. */
function declarants(detail: MeetingDetail): Array<{ id: number; name: string }> {
  const out = detail.attendance.map((a) => ({ id: a.memberId, name: a.name }));
  for (const a of detail.attendance) {
    if (a.status === 'substitute' && a.substituteId && a.substituteName) out.push({ id: a.substituteId, name: `${a.substituteName} (substitute)` });
  }
  return out;
}

/** Declarations of interest: who, on which item, and the interest, as the minutes record them. */
export function DeclarationsCard({ detail }: { detail: MeetingDetail }) {
  const save = useSaveDeclaration();
  const remove = useDeleteDeclaration();
  const heading = useRef<HTMLHeadingElement>(null);
  const people = declarants(detail);
  const items = [...detail.items].sort((a, b) => a.position - b.position);
  const [memberId, setMemberId] = useState<number | null>(null);
  const [itemId, setItemId] = useState<number | null>(null);
  const [interest, setInterest] = useState('');
  const [tried, setTried] = useState(false);
  const [removing, setRemoving] = useState<number | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const memberError = memberId === null ? 'Choose who is declaring' : undefined;
  const interestError = interest.trim() === '' ? 'Say what the interest is' : undefined;
  const item = items.find((i) => i.id === itemId);

  const add = async () => {
    setTried(true);
    if (memberError || interestError || memberId === null) return;
    setRefused(null);
    const done = await save.run({ meetingId: detail.meeting.id, memberId, itemId, interest: interest.trim() });
    if (!done) return setRefused(save.lastError());
    setInterest('');
    setTried(false);
  };
  const drop = async (d: DeclarationInfo) => {
    setRefused(null);
    setRemoving(d.id);
    const done = await remove.run({ id: d.id });
    setRemoving(null);
    if (!done) return setRefused(remove.lastError());
    heading.current?.focus();
  };

  return (
    <section className="card" aria-labelledby="declarations-title">
      <h2 id="declarations-title" ref={heading} tabIndex={-1}>
        Declarations of interest
      </h2>
      <Table size="small" aria-labelledby="declarations-title">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className="col-name">Member</TableHeaderCell>
            <TableHeaderCell className="col-item">Item</TableHeaderCell>
            <TableHeaderCell>Interest</TableHeaderCell>
            <TableHeaderCell className="action-col">
              <span className="visually-hidden">Remove</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {detail.declarations.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} className="muted">
                None declared.
              </TableCell>
            </TableRow>
          )}
          {detail.declarations.map((d) => (
            <TableRow key={d.id}>
              <TableCell>{d.memberName}</TableCell>
              <TableCell>{d.itemNumber ? `Item ${d.itemNumber}` : 'General'}</TableCell>
              <TableCell>{d.interest}</TableCell>
              <TableCell>
                <BusyButton
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  busy={removing === d.id}
                  disabledFocusable={remove.busy}
                  aria-label={`Remove ${d.memberName}'s declaration${d.itemNumber ? ` on item ${d.itemNumber}` : ''}`}
                  onClick={() => void drop(d)}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <SubmitForm className="inline-form" aria-label="Add a declaration of interest" onSubmit={add}>
        <Field label="Member" validationMessage={tried ? memberError : undefined} validationState={tried && memberError ? 'error' : 'none'}>
          <Dropdown
            placeholder="Choose a member"
            value={people.find((p) => p.id === memberId)?.name ?? ''}
            selectedOptions={memberId === null ? [] : [String(memberId)]}
            onOptionSelect={(_, d) => setMemberId(d.optionValue ? Number(d.optionValue) : null)}
          >
            {textOptions(people, (p) => [p.id, p.name])}
          </Dropdown>
        </Field>
        <Field label="Item">
          <Dropdown
            value={item ? `${item.number}. ${item.title}` : 'Not a particular item'}
            selectedOptions={[itemId === null ? '' : String(itemId)]}
            onOptionSelect={(_, d) => setItemId(d.optionValue ? Number(d.optionValue) : null)}
            className="item-choice"
          >
            {textOptions(items, (i) => [i.id, `${i.number}. ${i.title}`], 'Not a particular item')}
          </Dropdown>
        </Field>
        <Field
          label="Interest"
          className="grow"
          validationMessage={tried ? interestError : undefined}
          validationState={tried && interestError ? 'error' : 'none'}
        >
          <Input
            value={interest}
            maxLength={1000}
            onChange={(_, d) => setInterest(d.value)}
            placeholder="For example: headteacher of a school named in the paper"
          />
        </Field>
        <BusyButton type="submit" icon={<AddRegular />} busy={save.busy}>
          Add declaration
        </BusyButton>
      </SubmitForm>
      <RefusalBar refused={refused} prefix="Not saved: " />
    </section>
  );
}
