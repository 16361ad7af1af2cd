import { Button, Link, Spinner } from '@fluentui/react-components';
import { ArrowExportRegular, ArrowImportRegular, ClipboardTaskListLtrRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ukDate } from '../../../electron/shared/dates';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { EmptyYears } from '../../../renderer/src/components/EmptyYears';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useApp } from '../../../renderer/src/state/app-state';
import type { ReturnsOverview } from '../types';
import { RUN_STATUS_LABELS } from '../words';
import { usePartnerships, useReturns, useSetUpReturns } from './returns/data';
import { exportAllReturns, exportReturns } from './returns/export';
import { missingPeriods } from './returns/figures';
import { HeadingsCard } from './returns/HeadingsCard';
import { PartnershipCard } from './returns/PartnershipCard';
import { ReturnsTable } from './returns/ReturnsTable';
import './returns/returns.css';

/**
 * Partnership returns for the year chosen in the header: each partnership's allocation (from the
 * year's run), its returns by period with their status, spend against the allocation, and the
 * year-end underspend test with its flag and reason; then one partnership's returns to record,
 * its figures and its development plan. Return workbooks go out one per partnership and come
 * back through Import workbook.
 */
export default function ReturnsScreen() {
  const app = useApp();
  const { year } = app;
  const { data: overview, isLoading, error } = useReturns(year);
  if (!year) return <EmptyYears />;
  return (
    <section className="screen scroll ret-screen" aria-labelledby="returns-title">
      {isLoading && !overview ? (
        <>
          <ScreenHead titleId="returns-title" title="Partnership returns" sub={`${year}: reading the returns.`} />
          <Spinner label="Loading the returns" />
        </>
      ) : !overview ? (
        <>
          <ScreenHead titleId="returns-title" title="Partnership returns" sub={year} />
          <p role="alert">{error instanceof Error ? error.message : 'The returns could not be read.'}</p>
        </>
      ) : (
        <ReturnsView overview={overview} />
      )}
    </section>
  );
}

function runWords(o: ReturnsOverview): string {
  if (!o.run) return `${o.year}: no allocation run yet, so no partnership has an allocation to report against.`;
  const r = o.run;
  const how = r.status === 'approved' && r.approvedOn ? `approved on ${ukDate(r.approvedOn)}` : RUN_STATUS_LABELS[r.status].toLowerCase();
  return `${o.year}: allocations from the run “${r.name}” (${how}). Spend counts once a return is received; the underspend test applies when every period is in.`;
}

function ReturnsView({ overview: o }: { overview: ReturnsOverview }) {
  const app = useApp();
  const setUp = useSetUpReturns();
  const partnershipInfo = usePartnerships(o.year);
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState<number | 'all' | null>(null);
  const asked = Number(params.get('partnership'));
  const chosen = o.partnerships.find((p) => p.partnershipId === asked) ?? o.partnerships[0] ?? null;
  const toSetUp = o.partnerships.filter((p) => missingPeriods(p).length > 0).length;
  const withReturns = o.partnerships.filter((p) => p.returns.length > 0);
  const flagged = o.partnerships.filter((p) => p.flagged);
  const sum = (f: (p: ReturnsOverview['partnerships'][number]) => number) => o.partnerships.reduce((s, p) => s + f(p), 0);

  // The keyboard follows a choice down to the partnership's own card, once it is drawn.
  const [focusId, setFocusId] = useState<number | null>(null);
  const choose = (id: number) => {
    setParams({ partnership: String(id) }, { replace: true });
    setFocusId(id);
  };
  const run = async (which: number | 'all', work: () => Promise<void>) => {
    setExporting(which);
    try {
      await work();
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <ScreenHead titleId="returns-title" title="Partnership returns" sub={runWords(o)}>
        {o.run && toSetUp > 0 && (
          <BusyButton appearance="primary" icon={<ClipboardTaskListLtrRegular />} busy={setUp.busy} onClick={() => void setUp.run({ year: o.year })}>
            Set up the year’s returns
          </BusyButton>
        )}
        <BusyButton
          icon={<ArrowExportRegular />}
          busy={exporting === 'all'}
          disabled={withReturns.length === 0 || exporting !== null}
          onClick={() => void run('all', () => exportAllReturns(app, o.year, withReturns))}
        >
          Export every partnership’s workbook
        </BusyButton>
        <Button icon={<ArrowImportRegular />} onClick={() => app.setImporting(true)}>
          Import a return…
        </Button>
      </ScreenHead>
      {!o.run ? (
        <section className="card" aria-label="No allocation run">
          <p className="ret-none">
            Returns are set up from the year’s allocations. Work out a run for {o.year} on <Link href="#/allocation">Allocation runs</Link> first.
          </p>
        </section>
      ) : o.partnerships.length === 0 ? (
        <section className="card" aria-label="No allocations">
          <p className="ret-none">No partnership has an allocation in the run “{o.run.name}”.</p>
        </section>
      ) : (
        <>
          {/* biome-ignore lint/a11y/useSemanticElements: a row of headline figures, not a form's fieldset */}
          <div className="kpis" role="group" aria-label={`${o.year} in all`}>
            <KpiCard label="Allocated" pence={sum((p) => p.allocationPence)} note={`${o.partnerships.length} partnerships`} />
            <KpiCard label="Spend reported" pence={sum((p) => p.spendPence)} note="In the returns received" />
            <KpiCard
              label="Underspend"
              pence={sum((p) => p.underspendPence)}
              note={o.partnerships.every((p) => p.yearComplete) ? 'At year end' : 'So far: not every return is in'}
            />
            <KpiCard
              label="Flagged for return"
              pence={flagged.reduce((s, p) => s + p.toReturnPence, 0)}
              tone={flagged.length > 0 ? 'cost' : 'neutral'}
              note={
                flagged.length === 0
                  ? 'No partnership flagged'
                  : `${flagged.length} partnership${flagged.length === 1 ? '' : 's'}: ${flagged.map((p) => p.partnership).join(', ')}`
              }
            />
          </div>
          <ReturnsTable year={o.year} partnerships={o.partnerships} chosenId={chosen?.partnershipId ?? null} onChoose={choose} />
          {chosen && (
            <PartnershipCard
              key={`${o.year}-${chosen.partnershipId}`}
              year={o.year}
              p={chosen}
              info={partnershipInfo.data?.find((x) => x.id === chosen.partnershipId)}
              categories={o.categories}
              measures={o.measures}
              exporting={exporting === chosen.partnershipId}
              takeFocus={focusId === chosen.partnershipId}
              onFocusTaken={() => setFocusId(null)}
              onExport={() => void run(chosen.partnershipId, () => exportReturns(app, o.year, chosen))}
            />
          )}
        </>
      )}
      <HeadingsCard categories={o.categories} measures={o.measures} />
    </>
  );
}
