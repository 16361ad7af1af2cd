import {
  Checkbox,
  Dropdown,
  Field,
  Input,
  Radio,
  RadioGroup,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
} from '@fluentui/react-components';
import { DeleteRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { AgendaItemInfo, AttendanceInfo, MeetingDetail } from '../../types';
import { CONSTITUENCY_LABELS, OUTCOME_LABELS, OUTCOMES, type Outcome, type VoteChoice } from '../../words';
import { useRecordVotes, useSetResolution } from './data';
import { notEntitledReason, splitByEntitlement, voterName } from './entitlement';
import { plural } from './when';

const CHOICE_LABELS: Record<VoteChoice | '', string> = { for: 'For', against: 'Against', abstain: 'Abstain', '': 'No vote' };
const CHOICES: Array<VoteChoice | ''> = ['for', 'against', 'abstain', ''];

/** "For 5, against 1, abstaining 0" and how the votes were recorded. */
export function tallyText(item: AgendaItemInfo): string {
  const v = item.votes;
  if (v.source === 'none') return 'No votes recorded';
  return `For ${v.for}, against ${v.against}, abstaining ${v.abstain} (${v.source === 'named' ? 'recorded by name' : 'counted'})`;
}

/** An item's resolution and outcome, and its votes by name (members entitled and present) or as counts; a refusal shows beside the button. */
export function ItemVotes({ item, detail }: { item: AgendaItemInfo; detail: MeetingDetail }) {
  return (
    <div className="item-votes">
      <ResolutionForm item={item} />
      {item.votingConstituency === 'none' ? (
        <p className="muted">No vote is taken on this item: who may vote is "None". Change it with Edit on the agenda if a vote is needed.</p>
      ) : (
        <VotesForm item={item} attendance={detail.attendance} />
      )}
    </div>
  );
}

function ResolutionForm({ item }: { item: AgendaItemInfo }) {
  const write = useSetResolution();
  const [text, setText] = useState(item.resolution);
  const [outcome, setOutcome] = useState<Outcome | null>(item.outcome);
  const [refused, setRefused] = useState<string | null>(null);
  // What the server holds now (after an undo, say) replaces what was shown.
  useEffect(() => {
    setText(item.resolution);
    setOutcome(item.outcome);
  }, [item.resolution, item.outcome]);
  const changed = text !== item.resolution || outcome !== item.outcome;
  const save = async () => {
    setRefused(null);
    const done = await write.run({ itemId: item.id, resolution: text.trim(), outcome });
    if (!done) setRefused(write.lastError());
  };
  return (
    <div className="resolution-form">
      <Field label={`Resolution, item ${item.number}`} hint='As the minutes record it: "RESOLVED that …"'>
        <Textarea value={text} maxLength={5000} resize="vertical" onChange={(_, d) => setText(d.value)} placeholder="RESOLVED that …" />
      </Field>
      <div className="inline-form tight">
        <Field label="Outcome" orientation="horizontal" className="inline-field">
          <Dropdown
            value={outcome ? OUTCOME_LABELS[outcome] : 'Not recorded'}
            selectedOptions={[outcome ?? '']}
            onOptionSelect={(_, d) => setOutcome((d.optionValue || null) as Outcome | null)}
          >
            {textOptions(OUTCOMES, (o) => [o, OUTCOME_LABELS[o]], 'Not recorded')}
          </Dropdown>
        </Field>
        <BusyButton
          size="small"
          appearance={changed ? 'primary' : 'secondary'}
          icon={<SaveRegular />}
          busy={write.busy}
          aria-label={`Save resolution, item ${item.number}`}
          onClick={() => void save()}
        >
          Save resolution
        </BusyButton>
      </div>
      <RefusalBar refused={refused} prefix="Not saved: " />
    </div>
  );
}

function VotesForm({ item, attendance }: { item: AgendaItemInfo; attendance: AttendanceInfo[] }) {
  const write = useRecordVotes();
  const v = item.votes;
  const recorded = () => Object.fromEntries(v.named.map((n) => [n.memberId, n.choice])) as Record<number, VoteChoice>;
  const [mode, setMode] = useState<'named' | 'counts'>(v.source === 'counts' ? 'counts' : 'named');
  const [named, setNamed] = useState<Record<number, VoteChoice>>(recorded);
  const [counts, setCounts] = useState({ for: String(v.for), against: String(v.against), abstain: String(v.abstain) });
  const [showOthers, setShowOthers] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  // What the server holds now replaces what was typed once it is saved, or undone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again only when the recorded votes change
  useEffect(() => {
    setNamed(recorded());
    setCounts({ for: String(v.for), against: String(v.against), abstain: String(v.abstain) });
  }, [JSON.stringify(v)]);

  const { entitled, others } = splitByEntitlement(item, attendance);
  const label = `item ${item.number}`;
  const countError = (['for', 'against', 'abstain'] as const).some((k) => !/^\d{1,3}$/.test(counts[k].trim())) ? 'Each count must be a whole number' : null;

  const save = async () => {
    setRefused(null);
    if (mode === 'counts' && countError) return setRefused(countError);
    const done =
      mode === 'named'
        ? await write.run({
            mode: 'named',
            itemId: item.id,
            votes: Object.entries(named).map(([memberId, choice]) => ({ memberId: Number(memberId), choice })),
          })
        : await write.run({ mode: 'counts', itemId: item.id, for: Number(counts.for), against: Number(counts.against), abstain: Number(counts.abstain) });
    if (!done) setRefused(write.lastError());
  };
  const clear = async () => {
    setRefused(null);
    const done = await write.run({ mode: 'clear', itemId: item.id });
    if (!done) setRefused(write.lastError());
  };
  const choose = (memberId: number, choice: VoteChoice | '') =>
    setNamed((x) => {
      const { [memberId]: _old, ...rest } = x;
      return choice ? { ...rest, [memberId]: choice } : rest;
    });

  const voterRow = (a: AttendanceInfo, reason: string | null) => (
    <TableRow key={a.memberId} className={reason ? 'not-entitled' : undefined}>
      <TableCell>
        <div className="member-name">{voterName(a)}</div>
        {reason && <div className="muted">Not entitled: {reason}</div>}
      </TableCell>
      <TableCell>
        <RadioGroup
          layout="horizontal"
          aria-label={`Vote of ${a.name} on ${label}`}
          value={named[a.memberId] ?? ''}
          onChange={(_, d) => choose(a.memberId, d.value as VoteChoice | '')}
          className="vote-choice"
        >
          {CHOICES.map((c) => (
            <Radio key={c || 'none'} value={c} label={CHOICE_LABELS[c]} />
          ))}
        </RadioGroup>
      </TableCell>
    </TableRow>
  );

  return (
    <div className="votes-form">
      <p className="votes-summary">
        <strong>Who may vote: {CONSTITUENCY_LABELS[item.votingConstituency]}</strong> — {plural(v.entitled, 'member')} present and entitled. {tallyText(item)}.
      </p>
      <RadioGroup
        layout="horizontal"
        value={mode}
        onChange={(_, d) => setMode(d.value as 'named' | 'counts')}
        aria-label={`How the votes on ${label} are recorded`}
      >
        <Radio value="named" label="By name" />
        <Radio value="counts" label="As counts (a show of hands)" />
      </RadioGroup>
      {mode === 'named' ? (
        <>
          <Table size="small" aria-label={`Votes by name on ${label}`} className="votes-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className="col-name">Member (present and entitled)</TableHeaderCell>
                <TableHeaderCell>Vote</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entitled.length === 0 && (
                <TableRow>
                  <TableCell colSpan={2} className="muted">
                    Nobody entitled to vote on this item is recorded as present: record attendance first.
                  </TableCell>
                </TableRow>
              )}
              {entitled.map((a) => voterRow(a, null))}
              {showOthers && others.map((a) => voterRow(a, notEntitledReason(item, a) ?? "not in this item's constituency"))}
            </TableBody>
          </Table>
          {others.length > 0 && (
            <Checkbox
              checked={showOthers}
              onChange={(_, d) => setShowOthers(!!d.checked)}
              label={`Also list the ${plural(others.length, 'member')} present who may not vote on this item`}
            />
          )}
        </>
      ) : (
        <div className="inline-form tight counts-form">
          {(['for', 'against', 'abstain'] as const).map((k) => (
            <Field key={k} label={k === 'abstain' ? 'Abstaining' : CHOICE_LABELS[k]}>
              <Input
                type="number"
                min={0}
                max={200}
                value={counts[k]}
                onChange={(_, d) => setCounts((c) => ({ ...c, [k]: d.value }))}
                className="narrow-input"
                aria-label={`Votes ${k === 'abstain' ? 'abstaining' : k} on ${label}`}
              />
            </Field>
          ))}
        </div>
      )}
      <div className="inline-form tight">
        <BusyButton size="small" appearance="primary" icon={<SaveRegular />} busy={write.busy} onClick={() => void save()} aria-label={`Save votes, ${label}`}>
          Save votes
        </BusyButton>
        {v.source !== 'none' && (
          <BusyButton
            size="small"
            icon={<DeleteRegular />}
            busy={false}
            disabledFocusable={write.busy}
            onClick={() => void clear()}
            aria-label={`Clear votes, ${label}`}
          >
            Clear votes
          </BusyButton>
        )}
      </div>
      <RefusalBar refused={refused} prefix="Votes not saved: " />
    </div>
  );
}
