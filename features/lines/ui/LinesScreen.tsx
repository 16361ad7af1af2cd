import {
  Badge,
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
} from '@fluentui/react-components';
import { AddRegular, EditRegular, HistoryRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../../renderer/src/api/api';
import { errorMessage } from '../../../renderer/src/api/api-error';
import { DialogButtons } from '../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../renderer/src/components/RefusalBar';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { textOptions } from '../../../renderer/src/components/TextOptions';
import { useWrite } from '../../../renderer/src/data/use-write';
import { HistoryDrawer } from '../../history/ui/HistoryDrawer';
import type { BudgetLineInfo, ProvisionGroupInfo, S251LineInfo } from '../types';

/** A line as the dialog edits it: no id while it is being added. */
interface Draft {
  id?: number;
  code: string;
  name: string;
  s251Code: string | null;
  groupId: number;
  holder: string;
  active: boolean;
}

/** The most each text may hold (the contract's limits), so the field says so before the save is refused. */
const MAX = { code: 40, name: 200, holder: 200 };

function useLines() {
  const lines = useQuery({ queryKey: ['lines', 'all'], queryFn: () => api.listLines({ includeInactive: true }) });
  const groups = useQuery({ queryKey: ['lines', 'groups'], queryFn: () => api.listGroups({}) });
  const s251 = useQuery({ queryKey: ['lines', 's251'], queryFn: () => api.listS251Lines({}) });
  return { lines, groups, s251 };
}

export default function LinesScreen() {
  const { lines, groups, s251 } = useLines();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [history, setHistory] = useState<BudgetLineInfo | null>(null);
  const firstGroup = groups.data?.[0]?.id;
  const loading = lines.isLoading || groups.isLoading || s251.isLoading;
  const failed = lines.error ?? groups.error ?? s251.error;
  const retired = lines.data?.filter((l) => !l.active).length ?? 0;

  return (
    <section className="screen scroll" aria-labelledby="lines-title">
      <ScreenHead
        titleId="lines-title"
        title="Budget lines"
        sub="Your cost centres, each under a section 251 line and a provision group. Retire a line rather than delete it: its history stays."
      >
        <Button
          appearance="primary"
          icon={<AddRegular />}
          disabled={firstGroup === undefined}
          onClick={() => firstGroup !== undefined && setDraft({ code: '', name: '', s251Code: null, groupId: firstGroup, holder: '', active: true })}
        >
          Add line
        </Button>
      </ScreenHead>
      {failed ? (
        <MessageBar intent="error">
          <MessageBarBody>The budget lines could not be read: {errorMessage(failed)}</MessageBarBody>
        </MessageBar>
      ) : loading ? (
        <Spinner label="Loading budget lines" />
      ) : (
        <div className="card">
          <p className="muted">
            {lines.data?.length ?? 0} lines{retired > 0 ? `, ${retired} of them retired` : ''}.
          </p>
          {lines.data?.length === 0 ? (
            <p>There are no budget lines yet. Add one with Add line.</p>
          ) : (
            <Table aria-label="Budget lines" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '80px' }}>Code</TableHeaderCell>
                  <TableHeaderCell style={{ width: '32%' }}>Name</TableHeaderCell>
                  <TableHeaderCell style={{ width: '90px' }}>s251 line</TableHeaderCell>
                  <TableHeaderCell>Provision group</TableHeaderCell>
                  <TableHeaderCell>Budget holder</TableHeaderCell>
                  <TableHeaderCell style={{ width: '90px' }}>Status</TableHeaderCell>
                  <TableHeaderCell style={{ width: '96px' }}>Actions</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {lines.data?.map((l) => (
                  <TableRow key={l.id}>
                    <TableCell>{l.code}</TableCell>
                    <TableCell>{l.name}</TableCell>
                    <TableCell>{l.s251Code ? <abbr title={s251.data?.find((s) => s.code === l.s251Code)?.name}>{l.s251Code}</abbr> : ''}</TableCell>
                    <TableCell>{l.groupName}</TableCell>
                    <TableCell>{l.holder}</TableCell>
                    <TableCell>
                      {l.active ? (
                        <Badge appearance="tint" color="success">
                          In use
                        </Badge>
                      ) : (
                        <Badge appearance="tint" color="subtle">
                          Retired
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell>
                      <Tooltip content={`Edit ${l.code} ${l.name}`} relationship="label">
                        <Button
                          size="small"
                          appearance="subtle"
                          icon={<EditRegular />}
                          onClick={() =>
                            setDraft({ id: l.id, code: l.code, name: l.name, s251Code: l.s251Code, groupId: l.groupId, holder: l.holder, active: l.active })
                          }
                        />
                      </Tooltip>
                      <Tooltip content={`History of ${l.code} ${l.name}`} relationship="label">
                        <Button size="small" appearance="subtle" icon={<HistoryRegular />} onClick={() => setHistory(l)} />
                      </Tooltip>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </div>
      )}
      <LineDialog draft={draft} lines={lines.data ?? []} groups={groups.data ?? []} s251={s251.data ?? []} onClose={() => setDraft(null)} />
      <HistoryDrawer
        subject={history ? `budget_line:${history.id}` : null}
        title={history ? `${history.code} ${history.name}` : ''}
        onClose={() => setHistory(null)}
      />
    </section>
  );
}

interface DialogProps {
  /** The line being added or edited; null while the dialog is closed. */
  draft: Draft | null;
  lines: BudgetLineInfo[];
  groups: ProvisionGroupInfo[];
  s251: S251LineInfo[];
  onClose(): void;
}

/** What is wrong with each field, in words that say what to fix; empty when it can be saved. */
function problemsOf(d: Draft, lines: BudgetLineInfo[]): Partial<Record<'code' | 'name' | 'holder', string>> {
  const out: Partial<Record<'code' | 'name' | 'holder', string>> = {};
  const code = d.code.trim();
  const clash = lines.find((l) => l.code.trim().toLowerCase() === code.toLowerCase() && l.id !== d.id);
  if (!code) out.code = 'Enter a code for the line, such as HN12.';
  else if (code.length > MAX.code) out.code = `Shorten the code to ${MAX.code} characters or fewer.`;
  else if (clash) out.code = `${clash.code} is already used by "${clash.name}": choose another code.`;
  if (!d.name.trim()) out.name = 'Enter a name for the line.';
  else if (d.name.trim().length > MAX.name) out.name = `Shorten the name to ${MAX.name} characters or fewer.`;
  if (d.holder.trim().length > MAX.holder) out.holder = `Shorten the budget holder to ${MAX.holder} characters or fewer.`;
  return out;
}

function LineDialog({ draft, lines, groups, s251, onClose }: DialogProps) {
  const open = draft !== null;
  // Each opening starts a fresh form; the last one stays drawn while the dialog fades out.
  const [shown, setShown] = useState<{ draft: Draft; n: number } | null>(null);
  if (draft && draft !== shown?.draft) setShown({ draft, n: (shown?.n ?? 0) + 1 });
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, x) => !x.open && onClose()}>
      <DialogSurface>{shown && <LineForm key={shown.n} draft={shown.draft} lines={lines} groups={groups} s251={s251} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function LineForm({ draft, lines, groups, s251, onClose }: DialogProps & { draft: Draft }) {
  const save = useWrite(api.saveLine, {
    topics: ['lines', 'budget', 'monitoring', 'history'],
    success: (saved, input) => `${input.id === undefined ? 'Added' : 'Saved'} line ${saved.code} ${saved.name}${saved.active ? '' : ' (retired)'}.`,
  });
  const [d, setD] = useState<Draft>(draft);
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const problems = problemsOf(d, lines);
  const shown = tried ? problems : {};
  const group = groups.find((g) => g.id === d.groupId);
  const s251Line = s251.find((s) => s.code === d.s251Code);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (save.busy) return;
    setTried(true);
    setRefused(null);
    if (Object.keys(problems).length > 0) return;
    const saved = await save.run({
      id: d.id,
      code: d.code.trim(),
      name: d.name.trim(),
      s251Code: d.s251Code,
      groupId: d.groupId,
      holder: d.holder.trim(),
      active: d.active,
    });
    if (saved) onClose();
    else setRefused(save.lastError());
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogBody>
        <DialogTitle>{d.id === undefined ? 'Add a budget line' : `Edit ${draft.code} ${draft.name}`}</DialogTitle>
        <DialogContent className="dialog-form">
          <RefusalBar prefix="Not saved: " refused={refused} />
          <Field
            label="Code"
            required
            validationMessage={shown.code}
            validationState={shown.code ? 'error' : 'none'}
            hint="Your own cost-centre code, unique across lines"
          >
            <Input value={d.code} onChange={(_, x) => setD({ ...d, code: x.value })} />
          </Field>
          <Field label="Name" required validationMessage={shown.name} validationState={shown.name ? 'error' : 'none'}>
            <Input value={d.name} onChange={(_, x) => setD({ ...d, name: x.value })} />
          </Field>
          <Field label="Section 251 line" hint="The DfE budget statement line this cost centre reports under">
            <Dropdown
              value={s251Line ? `${s251Line.code} ${s251Line.name}` : 'None'}
              selectedOptions={[d.s251Code ?? '']}
              onOptionSelect={(_, x) => setD({ ...d, s251Code: x.optionValue || null })}
            >
              {textOptions(s251, (s) => [s.code, `${s.code} ${s.name}`], 'None')}
            </Dropdown>
          </Field>
          <Field label="Provision group" required>
            <Dropdown
              value={group?.name ?? ''}
              selectedOptions={[String(d.groupId)]}
              onOptionSelect={(_, x) => x.optionValue && setD({ ...d, groupId: Number(x.optionValue) })}
            >
              {textOptions(groups, (g) => [g.id, g.name])}
            </Dropdown>
          </Field>
          <Field
            label="Budget holder"
            validationMessage={shown.holder}
            validationState={shown.holder ? 'error' : 'none'}
            hint="Who answers for this line's forecast"
          >
            <Input value={d.holder} onChange={(_, x) => setD({ ...d, holder: x.value })} />
          </Field>
          <div>
            <Switch label="In use" checked={d.active} aria-describedby="line-active-hint" onChange={(_, x) => setD({ ...d, active: x.checked })} />
            <p id="line-active-hint" className="muted">
              {d.active
                ? 'In use: shown on budgets, monitoring and budget holders’ returns.'
                : 'Retired: kept, with its history, in any year where it holds figures, but left out of other years and of returns.'}
            </p>
          </div>
        </DialogContent>
        <DialogButtons busy={save.busy} onCancel={onClose} cancelDisabled={save.busy}>
          {save.busy ? 'Saving…' : d.id === undefined ? 'Add line' : 'Save'}
        </DialogButtons>
      </DialogBody>
    </form>
  );
}
