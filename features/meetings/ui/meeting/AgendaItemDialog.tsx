import { Checkbox, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { AgendaItemInfo, MeetingDetail } from '../../types';
import {
  AGENDA_PURPOSES,
  type AgendaPurpose,
  CONSTITUENCY_LABELS,
  PURPOSE_LABELS,
  SCHEDULE_12A,
  VOTING_CONSTITUENCIES,
  type VotingConstituency,
} from '../../words';
import { useSaveAgendaItem } from './data';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

interface Props {
  open: boolean;
  meetingId: number;
  /** The item to edit; null adds one at the end. */
  item: AgendaItemInfo | null;
  /** A new item is the first on the agenda: it cannot be a sub-item. */
  first: boolean;
  onClose(saved?: MeetingDetail): void;
}

const PARAGRAPHS = [1, 2, 3, 4, 5, 6, 7];

/** An agenda item: title, purpose, presenter, who votes, exempt (with its Schedule 12A paragraph and public summary), sub-item. */
export function AgendaItemDialog({ open, meetingId, item, first, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="wide-dialog">{open && <ItemForm meetingId={meetingId} item={item} first={first} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function ItemForm({ meetingId, item, first, onClose }: Omit<Props, 'open'>) {
  const save = useSaveAgendaItem();
  const [title, setTitle] = useState(item?.title ?? '');
  const [purpose, setPurpose] = useState<AgendaPurpose>(item?.purpose ?? 'decision');
  const [presenter, setPresenter] = useState(item?.presenter ?? '');
  const [constituency, setConstituency] = useState<VotingConstituency>(item?.votingConstituency ?? 'whole_forum');
  const [exempt, setExempt] = useState(item?.exempt ?? false);
  const [paragraph, setParagraph] = useState<number>(item?.exemptParagraph ?? 3);
  const [summary, setSummary] = useState(item?.publicSummary ?? '');
  const [subItem, setSubItem] = useState(item?.subItem ?? false);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const titleError = title.trim() === '' ? 'Give the item a title' : undefined;
  const summaryError = exempt && summary.trim() === '' ? 'Give a public summary: the public agenda shows it in place of the paper' : undefined;
  const canBeSub = item ? item.position > 0 : !first;

  const submit = async () => {
    setTried(true);
    if (titleError || summaryError) return;
    setRefused(null);
    const saved = await save.run({
      id: item?.id,
      meetingId,
      title: title.trim(),
      purpose,
      presenter: presenter.trim(),
      votingConstituency: constituency,
      exempt,
      exemptParagraph: exempt ? paragraph : null,
      publicSummary: exempt ? summary.trim() : '',
      subItem: canBeSub ? subItem : false,
    });
    if (saved) onClose(saved);
    else setRefused(save.lastError());
  };
  const err = (e: string | undefined) => (tried ? e : undefined);

  return (
    <SubmitForm onSubmit={submit}>
      <DialogBody>
        <DialogTitle>{item ? `Edit item ${item.number}` : 'Add an agenda item'}</DialogTitle>
        <DialogContent className="dialog-form">
          <Field label="Title" required validationMessage={err(titleError)} validationState={err(titleError) ? 'error' : 'none'}>
            <Input value={title} maxLength={300} onChange={(_, d) => setTitle(d.value)} />
          </Field>
          <Field label="Purpose">
            <RadioGroup layout="horizontal" value={purpose} onChange={(_, d) => setPurpose(d.value as AgendaPurpose)}>
              {AGENDA_PURPOSES.map((p) => (
                <Radio key={p} value={p} label={PURPOSE_LABELS[p]} />
              ))}
            </RadioGroup>
          </Field>
          <div className="form-grid">
            <Field label="Presenter">
              <Input value={presenter} maxLength={200} onChange={(_, d) => setPresenter(d.value)} placeholder="For example: Head of SEND" />
            </Field>
            <Field label="Who may vote" hint="The voting constituency: only these members' votes count">
              <Dropdown
                value={CONSTITUENCY_LABELS[constituency]}
                selectedOptions={[constituency]}
                onOptionSelect={(_, d) => d.optionValue && setConstituency(d.optionValue as VotingConstituency)}
              >
                {textOptions(VOTING_CONSTITUENCIES, (c) => [c, CONSTITUENCY_LABELS[c]])}
              </Dropdown>
            </Field>
          </div>
          {canBeSub && <Checkbox checked={subItem} onChange={(_, d) => setSubItem(!!d.checked)} label="A sub-item, numbered under the item above it (as 2a)" />}
          <fieldset className="form-set">
            <legend>Public access</legend>
            <Checkbox
              checked={exempt}
              onChange={(_, d) => setExempt(!!d.checked)}
              label="Exempt: the paper is kept out of the public pack (Local Government Act 1972, Schedule 12A)"
            />
            {exempt && (
              <>
                <Field label="Schedule 12A paragraph">
                  <Dropdown
                    value={`Paragraph ${paragraph}: ${SCHEDULE_12A[paragraph]}`}
                    selectedOptions={[String(paragraph)]}
                    onOptionSelect={(_, d) => d.optionValue && setParagraph(Number(d.optionValue))}
                    className="wide-dropdown"
                  >
                    {textOptions(PARAGRAPHS, (p) => [p, `Paragraph ${p}: ${SCHEDULE_12A[p]}`])}
                  </Dropdown>
                </Field>
                <Field label="Public summary" required validationMessage={err(summaryError)} validationState={err(summaryError) ? 'error' : 'none'}>
                  <Input value={summary} maxLength={500} onChange={(_, d) => setSummary(d.value)} placeholder="One line the public agenda shows" />
                </Field>
              </>
            )}
          </fieldset>
          <RefusalBar refused={refused} prefix="Not saved: " />
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={() => onClose()}>
          {item ? 'Save item' : 'Add item'}
        </DialogButtons>
      </DialogBody>
    </SubmitForm>
  );
}
