import { Button, Spinner, Tab, TabList } from '@fluentui/react-components';
import { AddRegular, ArrowExportRegular, ArrowImportRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ukLongDate } from '../../../electron/shared/dates';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useApp } from '../../../renderer/src/state/app-state';
import { exportWorkbookAs } from '../../imports/ui/export-actions';
import type { SvAgreementInfo } from '../types';
import { SV_KIND_LABELS } from '../words';
import { useServerToday, useSvAgreements } from './safety-valve/data';
import { InstalmentsCard } from './safety-valve/InstalmentsCard';
import { MonitoringCard, openingQuarter } from './safety-valve/MonitoringCard';
import type { Quarter } from './safety-valve/quarters';
import { SvAgreementDialog } from './safety-valve/SvAgreementDialog';
import { SvConditionsCard } from './safety-valve/SvConditionsCard';
import './agreements/agreements.css';
import './safety-valve/safety-valve.css';

/**
 * The Safety Valve (or DBV) agreement with the DfE: its total and what has been received, the
 * instalments by year (a received one is a contribution in that year's DSG position), the
 * numbered conditions, and each quarter's monitoring of them, which also goes out and comes back
 * as the quarterly return workbook.
 */
export default function SafetyValveScreen() {
  const { data: agreements, isLoading, error } = useSvAgreements();
  const today = useServerToday();
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<{ open: boolean; agreement: SvAgreementInfo | null }>({ open: false, agreement: null });
  const asked = Number(params.get('agreement'));
  const chosen = agreements?.find((a) => a.id === asked) ?? agreements?.[0] ?? null;
  const choose = (id: number) => setParams({ agreement: String(id) }, { replace: true });

  return (
    <section className="screen scroll agr-screen" aria-labelledby="sv-title">
      <ScreenHead
        titleId="sv-title"
        title="Safety Valve"
        sub="The agreement with the DfE: instalments towards the deficit while the quarterly monitoring of each condition shows progress."
      >
        <Button icon={<AddRegular />} onClick={() => setDialog({ open: true, agreement: null })}>
          New agreement…
        </Button>
      </ScreenHead>
      {(isLoading && !agreements) || !today ? (
        <Spinner label="Loading the Safety Valve" />
      ) : !agreements ? (
        <p role="alert">{error instanceof Error ? error.message : 'The Safety Valve agreements could not be read.'}</p>
      ) : agreements.length === 0 || !chosen ? (
        <section className="card" aria-label="No agreement">
          <p className="agr-none">No Safety Valve or DBV agreement yet. Add one with New agreement.</p>
        </section>
      ) : (
        <>
          {agreements.length > 1 && (
            <TabList selectedValue={String(chosen.id)} onTabSelect={(_, d) => choose(Number(d.value))} aria-label="Agreements">
              {agreements.map((a) => (
                <Tab key={a.id} value={String(a.id)}>
                  {a.name}
                </Tab>
              ))}
            </TabList>
          )}
          <SvAgreementView key={chosen.id} agreement={chosen} today={today} onEdit={() => setDialog({ open: true, agreement: chosen })} />
        </>
      )}
      <SvAgreementDialog
        open={dialog.open}
        agreement={dialog.agreement}
        onClose={(saved) => {
          setDialog((d) => ({ ...d, open: false }));
          if (saved) choose(saved.id);
        }}
      />
    </section>
  );
}

function SvAgreementView({ agreement, today, onEdit }: { agreement: SvAgreementInfo; today: string; onEdit(): void }) {
  const app = useApp();
  const [quarter, setQuarter] = useState<Quarter>(() => openingQuarter(today));
  const [exporting, setExporting] = useState(false);
  const exportReturn = async () => {
    setExporting(true);
    try {
      await exportWorkbookAs(app, 'safety-valve-return', { agreement: agreement.id, year: quarter.year, quarter: quarter.quarter });
    } finally {
      setExporting(false);
    }
  };
  const due = agreement.instalments.filter((i) => i.status === 'due').reduce((s, i) => s + i.expectedPence, 0);
  return (
    <>
      <section className="card sv-facts" aria-labelledby="sv-agreement-title">
        <div className="card-head">
          <h2 id="sv-agreement-title">{agreement.name}</h2>
          <span className="muted">
            {SV_KIND_LABELS[agreement.kind]} with {agreement.counterparty}, signed {ukLongDate(agreement.signedOn)}
          </span>
          <Button className="card-head-end" icon={<EditRegular />} onClick={onEdit}>
            Edit agreement…
          </Button>
        </div>
        {agreement.note && <p className="agr-duties">{agreement.note}</p>}
        {/* biome-ignore lint/a11y/useSemanticElements: a row of headline figures, not a form's fieldset */}
        <div className="kpis" role="group" aria-label="The agreement’s figures">
          <KpiCard label="Total (revenue)" pence={agreement.totalPence} />
          <KpiCard label="Capital" pence={agreement.capitalPence} />
          <KpiCard label="Received" pence={agreement.receivedPence} note="Counted in the DSG position" />
          <KpiCard label="Still due" pence={due} />
          <KpiCard label="Withheld" pence={agreement.withheldPence} tone={agreement.withheldPence > 0 ? 'cost' : 'neutral'} />
        </div>
      </section>
      <InstalmentsCard agreement={agreement} today={today} />
      <SvConditionsCard agreement={agreement} />
      <MonitoringCard agreement={agreement} today={today} quarter={quarter} onQuarter={setQuarter} />
      <section className="card sv-return" aria-labelledby="sv-return-title">
        <h2 id="sv-return-title">Quarterly return workbook</h2>
        <p className="agr-none">
          The return for {quarter.year} Q{quarter.quarter}: a row for each condition, with its rating, narrative and figures to fill in. Every change is shown
          before it is applied when it comes back.
        </p>
        <div className="agr-form-actions">
          <BusyButton icon={<ArrowExportRegular />} busy={exporting} onClick={() => void exportReturn()} disabled={agreement.conditions.length === 0}>
            Export the {quarter.year} Q{quarter.quarter} return
          </BusyButton>
          <Button icon={<ArrowImportRegular />} onClick={() => app.setImporting(true)}>
            Import a return…
          </Button>
        </div>
      </section>
    </>
  );
}
