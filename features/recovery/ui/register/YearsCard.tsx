import { Button, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { type KeyboardEvent, useState } from 'react';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { ProjectDetail, ProjectYearInfo } from '../../types';
import { useDeleteProjectYear, usePlans, useSaveProjectYear } from './data';
import { moneyText, readMoney, readYear } from './fields';

/** The plans whose years a project's years must fall in: those of the scenarios it counts in. */
function usePlanYears(p: ProjectDetail): string | null {
  const { data: plans } = usePlans(p.scenarios.length > 0);
  const names = new Set(p.scenarios.map((s) => s.planName));
  const mine = (plans ?? []).filter((x) => names.has(x.name));
  if (mine.length === 0) return null;
  return mine.map((x) => `${x.years[0]} to ${x.years[x.years.length - 1]} (${x.name})`).join('; ');
}

/**
 * Savings or cost avoidance by year, target and delivered, and what the project costs the High
 * Needs Block that year: a small grid edited a row at a time. A delivered saving left blank is not
 * yet known (it counts as nothing when a scenario is re-based on delivered savings).
 */
export function YearsCard({ project: p }: { project: ProjectDetail }) {
  const { money } = useApp();
  const remove = useDeleteProjectYear();
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const planYears = usePlanYears(p);
  const years = [...p.years].sort((a, b) => a.year.localeCompare(b.year));
  const sum = (f: (y: ProjectYearInfo) => number) => years.reduce((s, y) => s + f(y), 0);
  const saving = p.savingKind === 'cost_avoidance' ? 'cost avoidance' : 'saving';

  const del = async (year: string) => {
    setRefused(null);
    const done = await remove.run({ projectId: p.id, year });
    if (!done) setRefused(remove.refusal());
  };

  return (
    <section className="card wide-card" aria-labelledby="years-title">
      <div className="card-head">
        <h2 id="years-title">Savings and costs by year</h2>
        <span className="muted">
          {planYears ? `Years must fall within the plan: ${planYears}.` : 'Not counted in any scenario yet, so any year can be entered.'}
        </span>
      </div>
      <RefusalBar refused={refused} prefix="Not changed: " />
      <Table size="small" aria-label="Savings and costs by year" className="reg-table years-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className="reg-col-year">Year</TableHeaderCell>
            <TableHeaderCell className="num">HNB cost</TableHeaderCell>
            <TableHeaderCell className="num">Target {saving}</TableHeaderCell>
            <TableHeaderCell className="num">Delivered {saving}</TableHeaderCell>
            <TableHeaderCell className="num">Target net of cost</TableHeaderCell>
            <TableHeaderCell className="reg-col-actions two">
              <span className="visually-hidden">Actions</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {years.length === 0 && editing !== 'new' && (
            <TableRow>
              <TableCell colSpan={6} className="muted">
                No years entered yet: add the first with Add a year.
              </TableCell>
            </TableRow>
          )}
          {years.map((y) =>
            editing === y.year ? (
              <YearRow key={y.year} project={p} row={y} onDone={() => setEditing(null)} />
            ) : (
              <TableRow key={y.year}>
                <TableCell>{y.year}</TableCell>
                <TableCell className="num">{money.format(y.costPence)}</TableCell>
                <TableCell className="num">{money.format(y.targetSavingPence)}</TableCell>
                <TableCell className="num">
                  {y.deliveredSavingPence === null ? <span className="muted wrap">not yet known</span> : money.format(y.deliveredSavingPence)}
                </TableCell>
                <TableCell className="num">{money.format(y.targetSavingPence - y.costPence)}</TableCell>
                <TableCell>
                  <div className="reg-row-actions">
                    <Button size="small" appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${y.year}`} onClick={() => setEditing(y.year)} />
                    <BusyButton
                      size="small"
                      appearance="subtle"
                      icon={<DeleteRegular />}
                      aria-label={`Remove ${y.year}`}
                      busy={remove.busy}
                      onClick={() => void del(y.year)}
                    />
                  </div>
                </TableCell>
              </TableRow>
            ),
          )}
          {editing === 'new' && <YearRow project={p} row={null} onDone={() => setEditing(null)} />}
          {years.length > 0 && (
            <TableRow className="reg-total-row">
              <TableCell>Total</TableCell>
              <TableCell className="num">{money.format(sum((y) => y.costPence))}</TableCell>
              <TableCell className="num">{money.format(sum((y) => y.targetSavingPence))}</TableCell>
              <TableCell className="num">{money.format(sum((y) => y.deliveredSavingPence ?? 0))}</TableCell>
              <TableCell className="num">{money.format(sum((y) => y.targetSavingPence - y.costPence))}</TableCell>
              <TableCell />
            </TableRow>
          )}
        </TableBody>
      </Table>
      {editing === null && (
        <Button className="reg-add" icon={<AddRegular />} onClick={() => setEditing('new')}>
          Add a year
        </Button>
      )}
    </section>
  );
}

/** One year's row being edited (or added): Enter saves, Escape leaves it as it was. */
function YearRow({ project: p, row, onDone }: { project: ProjectDetail; row: ProjectYearInfo | null; onDone(): void }) {
  const save = useSaveProjectYear();
  const [year, setYear] = useState(row?.year ?? '');
  const [cost, setCost] = useState(moneyText(row?.costPence ?? null));
  const [target, setTarget] = useState(moneyText(row?.targetSavingPence ?? null));
  const [delivered, setDelivered] = useState(moneyText(row?.deliveredSavingPence ?? null));
  const [problems, setProblems] = useState<string | null>(null);

  const submit = async () => {
    const y = row ? { value: row.year, error: null } : readYear(year);
    const c = readMoney(cost, 'HNB cost', { blank: 0 });
    const t = readMoney(target, 'Target saving', { blank: 0 });
    const d = readMoney(delivered, 'Delivered saving', { blank: null, allowNegative: true });
    const errors = [y.error, c.error, t.error, d.error].filter(Boolean);
    if (errors.length || !y.value) return setProblems(errors.join('. '));
    if (!row && p.years.some((x) => x.year === y.value)) return setProblems(`Year: ${y.value} is already entered; edit its row instead`);
    setProblems(null);
    const done = await save.run({ projectId: p.id, year: y.value, costPence: c.value ?? 0, targetSavingPence: t.value ?? 0, deliveredSavingPence: d.value });
    if (done) onDone();
    else setProblems(save.refusal());
  };
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onDone();
    }
  };
  const what = row ? row.year : 'the new year';
  return (
    <>
      <TableRow className="reg-editing" onKeyDown={keys}>
        <TableCell>
          {row ? (
            row.year
          ) : (
            <Input aria-label="Year" placeholder="2027-28" value={year} onChange={(_, d) => setYear(d.value)} className="reg-year-input" autoFocus />
          )}
        </TableCell>
        <TableCell>
          <Input aria-label={`HNB cost, ${what}`} contentBefore="£" inputMode="decimal" value={cost} onChange={(_, d) => setCost(d.value)} autoFocus={!!row} />
        </TableCell>
        <TableCell>
          <Input aria-label={`Target saving, ${what}`} contentBefore="£" inputMode="decimal" value={target} onChange={(_, d) => setTarget(d.value)} />
        </TableCell>
        <TableCell>
          <Input
            aria-label={`Delivered saving, ${what} (blank if not yet known)`}
            contentBefore="£"
            inputMode="decimal"
            value={delivered}
            onChange={(_, d) => setDelivered(d.value)}
          />
        </TableCell>
        <TableCell className="muted">Enter saves, Escape cancels</TableCell>
        <TableCell>
          <div className="reg-row-actions">
            <BusyButton size="small" appearance="primary" busy={save.busy} onClick={() => void submit()}>
              {row ? 'Save' : 'Add'}
            </BusyButton>
            <Button size="small" onClick={onDone}>
              Cancel
            </Button>
          </div>
        </TableCell>
      </TableRow>
      {problems && (
        <TableRow className="reg-problem-row">
          <TableCell colSpan={6}>
            <RefusalBar refused={problems} prefix={`${row ? row.year : 'The year'} was not saved: `} />
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
