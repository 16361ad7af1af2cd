import { Dropdown, Field, Input, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { shortcutOf } from '../../../electron/shared/menu';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { MoneyInput } from '../../../renderer/src/components/MoneyInput';
import { textOptions } from '../../../renderer/src/components/TextOptions';
import { useApp } from '../../../renderer/src/state/app-state';
import { CONTRIBUTION_NAMES, type ContributionInfo, type ContributionKind } from '../types';
import { useContributions, useDeleteContribution, useSaveContribution } from './data';

const KINDS = Object.keys(CONTRIBUTION_NAMES) as ContributionKind[];

/** Contributions towards the deficit (Safety Valve instalments, council money), which add to the carried-forward balance. */
export function ContributionsCard({ year, closed }: { year: string; closed: boolean }) {
  const { money, notify } = useApp();
  const { data, isLoading } = useContributions(year);
  const add = useSaveContribution();
  const remove = useDeleteContribution();
  const heading = useRef<HTMLHeadingElement>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const [kind, setKind] = useState<ContributionKind>('safety_valve');
  const [amount, setAmount] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const fmt = (p: number) => money.format(p, { pence: p % 100 !== 0 });
  const total = (data ?? []).reduce((s, c) => s + c.amountPence, 0);

  const save = async () => {
    // Not a disabled button: the amount is read when its field is left, and Tab skips a disabled button.
    if (!amount) return notify('error', 'Enter the amount of the contribution (more than £0) to add it.');
    const done = await add.run({ year, kind, amountPence: amount, note: note.trim() });
    if (!done) return;
    notify('success', `${CONTRIBUTION_NAMES[kind]} of ${fmt(amount)} added to ${year}.`);
    setAmount(null);
    setNote('');
  };
  const drop = async (c: ContributionInfo) => {
    setRemoving(c.id);
    const done = await remove.run({ id: c.id });
    setRemoving(null);
    if (!done) return;
    // The row and its button are gone: the keyboard carries on from the card's heading.
    heading.current?.focus();
    notify('success', `Removed the ${CONTRIBUTION_NAMES[c.kind]} of ${fmt(c.amountPence)} from ${year}. Undo (${shortcutOf('undo')}) brings it back.`);
  };

  return (
    <div className="card">
      <h2 ref={heading} tabIndex={-1}>
        Contributions towards the deficit, {year}
      </h2>
      {closed && <p className="muted">{year} is closed: reopen it to add or remove contributions.</p>}
      {isLoading && !data ? (
        <Spinner size="small" label="Loading contributions" />
      ) : (
        <Table aria-label={`Contributions ${year}`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Kind</TableHeaderCell>
              <TableHeaderCell className="num">Amount</TableHeaderCell>
              <TableHeaderCell>Note</TableHeaderCell>
              <TableHeaderCell>
                <span className="visually-hidden">Remove</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data?.length === 0 && (
              <TableRow>
                <TableCell colSpan={4} className="muted">
                  None recorded for {year}.
                </TableCell>
              </TableRow>
            )}
            {data?.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{CONTRIBUTION_NAMES[c.kind]}</TableCell>
                <TableCell className="num">{fmt(c.amountPence)}</TableCell>
                <TableCell>{c.note}</TableCell>
                <TableCell>
                  <BusyButton
                    size="small"
                    appearance="subtle"
                    busy={removing === c.id}
                    icon={<DeleteRegular />}
                    disabled={closed}
                    disabledFocusable={remove.busy}
                    aria-label={`Remove ${CONTRIBUTION_NAMES[c.kind]} of ${fmt(c.amountPence)}`}
                    onClick={() => void drop(c)}
                  />
                </TableCell>
              </TableRow>
            ))}
            {data && data.length > 1 && (
              <TableRow className="alloc-total">
                <TableCell>Total</TableCell>
                <TableCell className="num">{fmt(total)}</TableCell>
                <TableCell />
                <TableCell />
              </TableRow>
            )}
          </TableBody>
        </Table>
      )}
      {!closed && (
        <div className="inline-form">
          <Field label="Kind">
            <Dropdown
              value={CONTRIBUTION_NAMES[kind]}
              selectedOptions={[kind]}
              onOptionSelect={(_, d) => d.optionValue && setKind(d.optionValue as ContributionKind)}
            >
              {textOptions(KINDS, (k) => [k, CONTRIBUTION_NAMES[k]])}
            </Dropdown>
          </Field>
          <MoneyInput label="Amount" pence={amount} onChange={setAmount} />
          <Field label="Note" className="grow">
            <Input value={note} maxLength={500} onChange={(_, d) => setNote(d.value)} />
          </Field>
          <BusyButton busy={add.busy} icon={<AddRegular />} onClick={() => void save()}>
            Add contribution
          </BusyButton>
        </div>
      )}
    </div>
  );
}
