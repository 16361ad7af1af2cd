import { Button, Spinner } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukLongDate } from '../../../electron/shared/dates';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { AgreementsTable } from './agreements/AgreementsTable';
import { AlertsCard } from './agreements/AlertsCard';
import { useAgreementsOverview } from './agreements/data';
import { NewAgreementDialog } from './agreements/NewAgreementDialog';
import { ThresholdsCard } from './agreements/ThresholdsCard';
import { summaryRow, Timeline } from './agreements/Timeline';
import './agreements/agreements.css';

/**
 * Agreements and contracts: what needs doing first (alerts), then every agreement in a sortable
 * table, their terms and extensions on a timeline, and the thresholds the key-decision and
 * call-in flags are worked out from.
 */
export default function AgreementsScreen() {
  const { data: overview, isLoading, error } = useAgreementsOverview();
  const [adding, setAdding] = useState(false);
  return (
    <section className="screen scroll agr-screen" aria-labelledby="agreements-title">
      <ScreenHead
        titleId="agreements-title"
        title="Agreements"
        sub={
          overview
            ? `The contracts and agreements that deliver the recovery plan, as of ${ukLongDate(overview.today)}.`
            : 'The contracts and agreements that deliver the recovery plan.'
        }
      >
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setAdding(true)}>
          New agreement…
        </Button>
      </ScreenHead>
      {isLoading && !overview ? (
        <Spinner label="Loading agreements" />
      ) : !overview ? (
        <p role="alert">{error instanceof Error ? error.message : 'The agreements could not be read.'}</p>
      ) : (
        <>
          <AlertsCard overview={overview} />
          {overview.agreements.length === 0 ? (
            <section className="card" aria-label="Agreements">
              <p className="agr-none">No agreements yet. Add one with New agreement.</p>
            </section>
          ) : (
            <>
              <AgreementsTable agreements={overview.agreements} />
              <section className="card" aria-labelledby="agr-terms-title">
                <h2 id="agr-terms-title">Terms and extensions</h2>
                <Timeline
                  id="agr-overview-timeline"
                  caption="Each agreement’s initial term, the extensions taken and those still offered, by financial year"
                  rows={[...overview.agreements].sort((a, b) => a.startOn.localeCompare(b.startOn) || a.reference.localeCompare(b.reference)).map(summaryRow)}
                  today={overview.today}
                />
              </section>
            </>
          )}
          <ThresholdsCard thresholds={overview.thresholds} />
        </>
      )}
      <NewAgreementDialog open={adding} onClose={() => setAdding(false)} />
    </section>
  );
}
