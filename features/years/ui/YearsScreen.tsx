import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Option,
  Dropdown,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular, LockClosedRegular, LockOpenRegular, SaveRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { formatPence } from '../../../electron/shared/money';
import { isYearId, nextYearId, yearIdFromStart } from '../../../electron/shared/periods';
import { BLOCK_NAMES, CONTRIBUTION_NAMES, type AllocationBlock, type ContributionKind, type YearInfo } from '../../../electron/shared/types';
import { api } from '../../../renderer/src/api/api';
import { MoneyInput } from '../../../renderer/src/components/MoneyInput';
import { ReasonDialog } from '../../../renderer/src/components/ReasonDialog';
import { useApp, useLoad } from '../../../renderer/src/state/app-state';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';

export function YearsScreen() {
  const { years, year, setYear, refresh, reportError, notify } = useApp();
  const [statusFor, setStatusFor] = useState<YearInfo | null>(null);
  const selected = years.find((y) => y.id === year);

  const setStatus = async (y: YearInfo, reason: string) => {
    try {
      await api.setYearStatus({ year: y.id, status: y.status === 'open' ? 'closed' : 'open', reason });
      notify('success', `${y.id} ${y.status === 'open' ? 'closed' : 'reopened'}`);
      refresh();
    } catch (e) {
      reportError(e);
    }
    setStatusFor(null);
  };

  return (
    <section className="screen scroll" aria-labelledby="years-title">
      <ScreenHead
        titleId="years-title"
        title="Years and funding"
        sub="Financial years run April to March. A closed year's figures cannot change until it is reopened with a reason."
      />
      <div className="cards">
        <div className="card">
          <h2>Years</h2>
          <Table aria-label="Financial years" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Year</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Latest return</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {years.map((y) => (
                <TableRow key={y.id} className={y.id === year ? 'is-current' : undefined}>
                  <TableCell>
                    <Button appearance="transparent" onClick={() => setYear(y.id)} aria-pressed={y.id === year}>
                      {y.id}
                    </Button>
                  </TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={y.status === 'open' ? 'success' : 'informative'}>
                      {y.status === 'open' ? 'Open' : 'Closed'}
                    </Badge>
                  </TableCell>
                  <TableCell>{y.latestPeriod ? `P${y.latestPeriod}` : 'none yet'}</TableCell>
                  <TableCell>
                    <Button size="small" icon={y.status === 'open' ? <LockClosedRegular /> : <LockOpenRegular />} onClick={() => setStatusFor(y)}>
                      {y.status === 'open' ? 'Close year' : 'Reopen'}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {/* Keyed on the last year, so the suggestion moves on once a year is added. */}
          <AddYear
            key={years[years.length - 1]?.id ?? 'none'}
            years={years}
            onAdded={(id) => {
              refresh();
              setYear(id);
            }}
          />
        </div>
        <div className="card-stack">
          {selected && <Contributions year={selected.id} closed={selected.status === 'closed'} />}
          {selected?.isEarliest && <OpeningBalance key={`${selected.id}:${selected.openingBalancePence}`} y={selected} />}
        </div>
        {selected && <Allocations key={selected.id} year={selected.id} closed={selected.status === 'closed'} />}
      </div>
      {statusFor && (
        <ReasonDialog
          open
          title={statusFor.status === 'open' ? `Close ${statusFor.id}` : `Reopen ${statusFor.id}`}
          explanation={
            statusFor.status === 'open'
              ? 'Closing fixes the year as outturn: no budget, forecast or allocation in it can change until it is reopened.'
              : 'Reopening lets the year change again. The reason is kept in the audit trail.'
          }
          confirmLabel={statusFor.status === 'open' ? 'Close year' : 'Reopen year'}
          onConfirm={(r) => void setStatus(statusFor, r)}
          onCancel={() => setStatusFor(null)}
        />
      )}
    </section>
  );
}

function AddYear({ years, onAdded }: { years: YearInfo[]; onAdded(id: string): void }) {
  const { reportError, notify } = useApp();
  const last = years[years.length - 1];
  const suggested = last ? nextYearId(last.id) : yearIdFromStart(new Date().getMonth() >= 3 ? new Date().getFullYear() : new Date().getFullYear() - 1);
  const [id, setId] = useState(suggested);
  const [copyFrom, setCopyFrom] = useState<string>(last?.id ?? '');
  const valid = isYearId(id);
  const add = async () => {
    try {
      await api.createYear({ year: id, copyBudgetsFrom: copyFrom || undefined });
      notify('success', `Added ${id}${copyFrom ? `, with budgets copied from ${copyFrom}'s revised budgets` : ''}`);
      onAdded(id);
    } catch (e) {
      reportError(e);
    }
  };
  return (
    <div className="inline-form">
      <Field label="New year" validationMessage={valid ? undefined : 'Write it as 2025-26'} validationState={valid ? 'none' : 'error'}>
        <Input value={id} onChange={(_, d) => setId(d.value)} placeholder="2025-26" />
      </Field>
      {years.length > 0 && (
        <Field label="Start budgets from">
          <Dropdown value={copyFrom || 'Nothing (start at nil)'} selectedOptions={[copyFrom]} onOptionSelect={(_, d) => setCopyFrom(d.optionValue ?? '')}>
            <Option value="" text="Nothing (start at nil)">
              Nothing (start at nil)
            </Option>
            {years.map((y) => (
              <Option key={y.id} value={y.id} text={`${y.id} revised budgets`}>
                {y.id} revised budgets
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      <Button appearance="primary" icon={<AddRegular />} disabled={!valid} onClick={() => void add()}>
        Add year
      </Button>
    </div>
  );
}

function Allocations({ year, closed }: { year: string; closed: boolean }) {
  const { refresh, reportError, notify } = useApp();
  const { data } = useLoad(() => api.getAllocations({ year }), [year]);
  const [draft, setDraft] = useState<Record<string, Partial<AllocationBlock>>>({});
  // Whatever was typed and not saved goes when the figures are read again (a save, an undo).
  useEffect(() => setDraft({}), [data]);
  const [newVersion, setNewVersion] = useState(false);
  const save = async (b: AllocationBlock) => {
    const d = { ...b, ...draft[b.block] };
    try {
      await api.saveAllocation({
        year,
        block: b.block,
        allocationPence: d.allocationPence ?? 0,
        deductionsPence: d.deductionsPence ?? 0,
        adjustmentsPence: d.adjustmentsPence ?? 0,
        transfersPence: d.transfersPence ?? 0,
      });
      setDraft((x) => ({ ...x, [b.block]: {} }));
      notify('success', `${BLOCK_NAMES[b.block]} block saved for ${year}`);
      refresh();
    } catch (e) {
      reportError(e);
    }
  };
  const set = (block: string, field: keyof AllocationBlock, pence: number | null) => setDraft((x) => ({ ...x, [block]: { ...x[block], [field]: pence ?? 0 } }));
  return (
    <div className="card wide">
      <div className="card-head">
        <h2>DSG allocation {year}</h2>
        <span className="muted">
          {data?.version ? `In force: ${data.version.label}, published ${data.version.publishedOn}` : 'No allocation entered yet'}
          {data && data.versions.length > 1 ? ` (${data.versions.length} versions kept)` : ''}
        </span>
        <Button size="small" icon={<AddRegular />} disabled={closed} onClick={() => setNewVersion(true)}>
          New published version
        </Button>
        {closed && <span className="muted">The year is closed: reopen it to change its allocation.</span>}
      </div>
      <Table aria-label={`DSG allocation ${year}`} size="small" className="alloc-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell style={{ width: '170px' }}>Block</TableHeaderCell>
            <TableHeaderCell>Allocation</TableHeaderCell>
            <TableHeaderCell>Deductions (recoupment)</TableHeaderCell>
            <TableHeaderCell>Import/export adjustment</TableHeaderCell>
            <TableHeaderCell>Block transfers (+ in, − out)</TableHeaderCell>
            <TableHeaderCell className="num" style={{ width: '130px' }}>
              Net
            </TableHeaderCell>
            <TableHeaderCell style={{ width: '90px' }}>
              <span className="visually-hidden">Save</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data?.blocks.map((b) => {
            const d = { ...b, ...draft[b.block] };
            const net = (d.allocationPence ?? 0) - (d.deductionsPence ?? 0) + (d.adjustmentsPence ?? 0) + (d.transfersPence ?? 0);
            const name = BLOCK_NAMES[b.block];
            const dirty = Object.keys(draft[b.block] ?? {}).length > 0;
            return (
              <TableRow key={b.block}>
                <TableCell className="alloc-name">{name}</TableCell>
                <TableCell>
                  <MoneyInput
                    hideLabel
                    disabled={closed}
                    label={`${name} allocation`}
                    pence={b.allocationPence}
                    onChange={(p) => set(b.block, 'allocationPence', p)}
                  />
                </TableCell>
                <TableCell>
                  <MoneyInput
                    hideLabel
                    disabled={closed}
                    label={`${name} deductions`}
                    pence={b.deductionsPence}
                    onChange={(p) => set(b.block, 'deductionsPence', p)}
                  />
                </TableCell>
                <TableCell>
                  <MoneyInput
                    hideLabel
                    disabled={closed}
                    label={`${name} import/export adjustment`}
                    pence={b.adjustmentsPence}
                    allowNegative
                    onChange={(p) => set(b.block, 'adjustmentsPence', p)}
                  />
                </TableCell>
                <TableCell>
                  <MoneyInput
                    hideLabel
                    disabled={closed}
                    label={`${name} block transfers`}
                    pence={b.transfersPence}
                    allowNegative
                    onChange={(p) => set(b.block, 'transfersPence', p)}
                  />
                </TableCell>
                <TableCell className="num alloc-net">{formatPence(net)}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    appearance={dirty ? 'primary' : 'secondary'}
                    disabled={closed}
                    icon={<SaveRegular />}
                    aria-label={`Save ${name} block`}
                    onClick={() => void save(b)}
                  >
                    Save
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
          <TableRow className="alloc-total">
            <TableCell>Total DSG</TableCell>
            <TableCell />
            <TableCell />
            <TableCell />
            <TableCell />
            <TableCell className="num alloc-net">{data ? formatPence(data.totalNetPence) : ''}</TableCell>
            <TableCell />
          </TableRow>
        </TableBody>
      </Table>
      {newVersion && (
        <NewVersionDialog
          year={year}
          onDone={() => {
            setNewVersion(false);
            refresh();
          }}
        />
      )}
    </div>
  );
}

function NewVersionDialog({ year, onDone }: { year: string; onDone(): void }) {
  const { reportError } = useApp();
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [label, setLabel] = useState('DSG allocations update');
  const create = async () => {
    try {
      await api.addAllocationVersion({ year, publishedOn: date, label });
      onDone();
    } catch (e) {
      reportError(e);
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onDone()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>New published allocation for {year}</DialogTitle>
          <DialogContent>
            <p>
              The DfE republishes allocations during the year. The new version starts from the figures in force; change what the DfE changed. Earlier versions
              are kept.
            </p>
            <Field label="Published on">
              <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
            </Field>
            <Field label="Label">
              <Input value={label} onChange={(_, d) => setLabel(d.value)} />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button onClick={onDone}>Cancel</Button>
            <Button appearance="primary" onClick={() => void create()}>
              Create version
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function Contributions({ year, closed }: { year: string; closed: boolean }) {
  const { refresh, reportError } = useApp();
  const { data } = useLoad(() => api.listContributions({ year }), [year]);
  const [kind, setKind] = useState<ContributionKind>('safety_valve');
  const [amount, setAmount] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const add = async () => {
    try {
      await api.saveContribution({ year, kind, amountPence: amount ?? 0, note });
      setAmount(null);
      setNote('');
      refresh();
    } catch (e) {
      reportError(e);
    }
  };
  const remove = async (id: number) => {
    try {
      await api.deleteContribution({ id });
      refresh();
    } catch (e) {
      reportError(e);
    }
  };
  return (
    <div className="card">
      <h2>Contributions towards the deficit, {year}</h2>
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
              <TableCell className="num">{formatPence(c.amountPence)}</TableCell>
              <TableCell>{c.note}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={closed}
                  icon={<DeleteRegular />}
                  aria-label={`Remove ${CONTRIBUTION_NAMES[c.kind]} ${formatPence(c.amountPence)}`}
                  onClick={() => void remove(c.id)}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {!closed && (
        <div className="inline-form">
          <Field label="Kind">
            <Dropdown
              value={CONTRIBUTION_NAMES[kind]}
              selectedOptions={[kind]}
              onOptionSelect={(_, d) => d.optionValue && setKind(d.optionValue as ContributionKind)}
            >
              {(Object.keys(CONTRIBUTION_NAMES) as ContributionKind[]).map((k) => (
                <Option key={k} value={k} text={CONTRIBUTION_NAMES[k]}>
                  {CONTRIBUTION_NAMES[k]}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <MoneyInput label="Amount" pence={amount} onChange={setAmount} />
          <Field label="Note">
            <Input value={note} onChange={(_, d) => setNote(d.value)} />
          </Field>
          <Button icon={<AddRegular />} disabled={!amount} onClick={() => void add()}>
            Add
          </Button>
        </div>
      )}
    </div>
  );
}

function OpeningBalance({ y }: { y: YearInfo }) {
  const { refresh, reportError, notify } = useApp();
  const [value, setValue] = useState<number | null>(y.openingBalancePence);
  const save = async () => {
    try {
      await api.setOpeningBalance({ year: y.id, openingBalancePence: value ?? 0 });
      notify('success', `Opening balance for ${y.id} saved`);
      refresh();
    } catch (e) {
      reportError(e);
    }
  };
  return (
    <div className="card">
      <h2>DSG balance at 1 April {y.id.slice(0, 4)}</h2>
      <p className="muted">
        The earliest year starts from this balance (negative for a deficit); every later year brings forward the year before's carried forward.
      </p>
      <div className="inline-form">
        <MoneyInput
          label="Opening balance"
          pence={y.openingBalancePence}
          allowNegative
          onChange={setValue}
          hint={`Now ${formatPence(y.openingBalancePence ?? 0)}`}
        />
        <Button icon={<SaveRegular />} onClick={() => void save()}>
          Save
        </Button>
      </div>
    </div>
  );
}
