import { Button, Spinner } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyYears } from '../../../renderer/src/components/EmptyYears';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useApp } from '../../../renderer/src/state/app-state';
import type { RunInfo } from '../types';
import { countingRun, useDataColumns, useRuns } from './allocation/data';
import { InputsEditor } from './allocation/InputsEditor';
import { blankDraft } from './allocation/inputs-form';
import { NewRunDialog, type NewRunOutcome } from './allocation/NewRunDialog';
import { RunChooser } from './allocation/RunChooser';
import { RunView, TABS, type TabId } from './allocation/RunView';
import './allocation/allocation.css';

/** The years a run can be for: the workspace's, any a run is already for, and the one after the latest (next year's allocations are set in the spring). */
function yearsOffered(workspaceYears: string[], runs: RunInfo[], shown: string): string[] {
  const all = new Set([...workspaceYears, ...runs.map((r) => r.year), shown]);
  const latest = [...all].sort().at(-1);
  if (latest) {
    const start = Number(latest.slice(0, 4)) + 1;
    all.add(`${start}-${String((start + 1) % 100).padStart(2, '0')}`);
  }
  return [...all].sort().reverse();
}

/**
 * Allocation runs: choose a year and one of its runs (or start one), and see the run's results
 * (each partnership's allocation by factor and by places, adding up to the pot), its inputs, and
 * how it compares with last year's run or any other. The run, year and tab are kept in the
 * address, so the back button and a link land on them. A year opens on the run that counts for
 * it (the approved one, else the latest).
 */
export default function AllocationScreen() {
  const app = useApp();
  const { data: runs, isLoading } = useRuns();
  const [params, setParams] = useSearchParams();
  const [newRun, setNewRun] = useState<{ from: RunInfo | null } | null>(null);
  const [scratch, setScratch] = useState<{ year: string; name: string } | null>(null);
  const { data: columns } = useDataColumns(scratch !== null);

  const all = runs ?? [];
  const asked = all.find((r) => r.id === Number(params.get('run')));
  const latestRunYear = all
    .map((r) => r.year)
    .sort()
    .at(-1);
  const year = asked?.year ?? params.get('year') ?? app.year ?? latestRunYear ?? null;
  const run = asked ?? (year ? countingRun(all, year) : undefined);
  const askedTab = params.get('tab');
  const tab: TabId = TABS.some(([t]) => t === askedTab) ? (askedTab as TabId) : 'results';
  const workspaceYears = app.years.map((y) => y.id);
  const years = year ? yearsOffered(workspaceYears, all, year) : [];
  const { setYear } = app;

  // The header's financial year and the screen's keep in step where the workspace holds the
  // year: choosing one here moves the header, and choosing one in the header shows its run.
  const headerYear = useRef(app.year);
  useEffect(() => {
    const before = headerYear.current;
    headerYear.current = app.year;
    // The first year read is not a choice; only a change of it is.
    if (before === null || app.year === null || before === app.year || app.year === year) return;
    const counting = countingRun(runs ?? [], app.year);
    setScratch(null);
    setParams(counting ? { run: String(counting.id) } : { year: app.year });
  }, [app.year, year, runs, setParams]);
  const holdsYear = year !== null && workspaceYears.includes(year);
  useEffect(() => {
    if (!holdsYear || !year || year === headerYear.current) return;
    headerYear.current = year;
    setYear(year);
  }, [year, holdsYear, setYear]);

  const show = (r: RunInfo | { id: number }, nextTab: TabId = tab) => {
    setScratch(null);
    setParams({ run: String(r.id), ...(nextTab === 'results' ? {} : { tab: nextTab }) });
  };
  const closeNew = (outcome?: NewRunOutcome) => {
    setNewRun(null);
    if (!outcome) return;
    if ('made' in outcome) show(outcome.made, 'results');
    else setScratch(outcome.scratch);
  };

  if (isLoading && !runs) return <Spinner className="loading" label="Opening the allocation runs" />;
  if (!year) return <EmptyYears />;
  return (
    <section className="screen scroll alloc-screen" aria-labelledby="alloc-title">
      <ScreenHead
        titleId="alloc-title"
        title="Allocation runs"
        sub="A formula pot shared between the area partnerships by weighted factors of their schools' data, with funding for places on top"
      />
      <RunChooser
        years={years}
        year={year}
        runs={all}
        run={scratch ? undefined : run}
        onYear={(y) => {
          setScratch(null);
          const counting = countingRun(all, y);
          setParams(counting ? { run: String(counting.id) } : { year: y });
        }}
        onRun={(id) => show({ id })}
      >
        <Button icon={<AddRegular />} onClick={() => setNewRun({ from: null })}>
          New run…
        </Button>
      </RunChooser>
      {scratch ? (
        columns ? (
          <InputsEditor
            key={`${scratch.year}:${scratch.name}`}
            target={{ year: scratch.year }}
            initial={blankDraft(scratch.name, columns)}
            onDone={(made) => (made ? show(made, 'results') : setScratch(null))}
          />
        ) : (
          <Spinner size="small" label="Reading the data columns" />
        )
      ) : run ? (
        <RunView
          key={run.id}
          info={run}
          runs={all}
          tab={tab}
          onTab={(t) => show(run, t)}
          onShow={(id) => show({ id })}
          onCopy={() => setNewRun({ from: run })}
        />
      ) : (
        <div className="card alloc-empty">
          <h2>No allocation run for {year} yet</h2>
          <p>
            A run shares a formula pot between the area partnerships by factors of their member schools' data (pupil numbers, free school meals, IDACI bands and
            any column you add), with places funded at a rate on top. Start one from last year's run or set the formula up here.
          </p>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setNewRun({ from: null })}>
            New run…
          </Button>
        </div>
      )}
      <NewRunDialog open={newRun !== null} from={newRun?.from ?? null} year={newRun?.from?.year ?? year} years={years} runs={all} onClose={closeNew} />
    </section>
  );
}
