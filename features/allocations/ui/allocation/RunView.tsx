import { Button, Spinner, Tab, TabList } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { KpiCard } from '../../../../renderer/src/components/KpiCard';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { RunDetail, RunInfo } from '../../types';
import { CompareView } from './CompareView';
import { countingRun, useRun } from './data';
import { InputsEditor } from './InputsEditor';
import { InputsView } from './InputsView';
import { draftOf } from './inputs-form';
import { ResultsTable } from './ResultsTable';
import { type RunAction, RunCommands } from './RunCommands';
import { ApproveDialog, DeleteRunDialog } from './RunDialogs';
import { RunStatus } from './RunStatus';

export const TABS = [
  ['results', 'Results'],
  ['inputs', 'Inputs'],
  ['compare', 'Compare'],
] as const;
export type TabId = (typeof TABS)[number][0];

interface Props {
  info: RunInfo;
  runs: RunInfo[];
  tab: TabId;
  onTab(tab: TabId): void;
  onShow(id: number): void;
  onCopy(): void;
}

/** One run: where it stands, what can be done with it, its headline figures, and a tab each for its results, its inputs and a comparison. */
export function RunView({ info, runs, tab, onTab, onShow, onCopy }: Props) {
  const { data: run, isLoading, error } = useRun(info.id);
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<'approve' | 'delete' | null>(null);
  const counting = countingRun(runs, info.year);

  const act = (a: RunAction) => {
    if (a === 'copy') return onCopy();
    if (a === 'edit') {
      setEditing(true);
      return onTab('inputs');
    }
    setDialog(a);
  };

  if (isLoading && !run) return <Spinner size="small" label={`Working out ${info.name}`} />;
  if (!run)
    return (
      <p role="alert" className="alloc-compare-none">
        {error instanceof Error ? error.message : `${info.name} could not be read.`}
      </p>
    );
  return (
    <>
      <RunCommands run={run} onAction={act} />
      <RunStatus run={run} counts={counting?.id === run.id} copiedFrom={runs.find((r) => r.id === run.copiedFromId)} onCopy={onCopy} />
      <RunKpis run={run} />
      <TabList selectedValue={tab} onTabSelect={(_, d) => onTab(d.value as TabId)} aria-label="Parts of the run" className="alloc-tabs">
        {TABS.map(([value, label]) => (
          <Tab key={value} value={value} id={`alloc-tab-${value}`} aria-controls={value === tab ? `alloc-panel-${value}` : undefined}>
            {label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`alloc-panel-${tab}`} aria-labelledby={`alloc-tab-${tab}`} className="alloc-panel">
        {tab === 'results' && <ResultsPanel run={run} />}
        {tab === 'inputs' &&
          // A run locked while its inputs are open keeps the form, so the refusal is read beside what was typed.
          (editing ? (
            <InputsEditor target={{ run }} initial={draftOf(run)} onDone={() => setEditing(false)} />
          ) : (
            <>
              {!run.locked && (
                <Button icon={<EditRegular />} onClick={() => setEditing(true)} className="alloc-edit-button">
                  Change the inputs
                </Button>
              )}
              {run.locked && <p className="muted">Read-only: the run is locked. Copy it to change the copy.</p>}
              <InputsView run={run} />
            </>
          ))}
        {tab === 'compare' && <CompareView run={run} runs={runs} />}
      </div>
      <ApproveDialog open={dialog === 'approve'} run={run} onClose={() => setDialog(null)} />
      <DeleteRunDialog
        open={dialog === 'delete'}
        run={run}
        onClose={(deleted) => {
          setDialog(null);
          const next = runs.filter((r) => r.year === run.year && r.id !== run.id).at(-1) ?? runs.find((r) => r.id !== run.id);
          if (deleted && next) onShow(next.id);
        }}
      />
    </>
  );
}

function RunKpis({ run }: { run: RunDetail }) {
  const { money } = useApp();
  const places = run.allocations.reduce((a, r) => a + r.places, 0);
  return (
    <div className="kpis alloc-kpis">
      <KpiCard label="Formula pot" pence={run.formulaPotPence} note={`shared by ${run.factors.length} ${run.factors.length === 1 ? 'factor' : 'factors'}`} />
      <KpiCard label="Place funding" pence={run.placesTotalPence} note={`${places.toLocaleString('en-GB')} places at ${money.format(run.placeRatePence)}`} />
      <KpiCard
        label="Total allocated"
        pence={run.totalPence}
        note={`to ${run.allocations.length} ${run.allocations.length === 1 ? 'partnership' : 'partnerships'}`}
      />
    </div>
  );
}

/** The table, then the rounding rule in words. */
function ResultsPanel({ run }: { run: RunDetail }) {
  return (
    <div className="alloc-results">
      <ResultsTable run={run} />
      <section aria-labelledby="alloc-rounding-title" className="alloc-rounding">
        <h2 id="alloc-rounding-title">How the figures are rounded</h2>
        <p>{run.roundingNote}</p>
      </section>
    </div>
  );
}
