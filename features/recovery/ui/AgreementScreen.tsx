import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Link, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { ArrowLeftRegular, DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ukDate, ukLongDate } from '../../../electron/shared/dates';
import { DialogButtons } from '../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../renderer/src/components/focus-return';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { RefusalBar } from '../../../renderer/src/components/RefusalBar';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import type { AgreementDetail } from '../types';
import { AGREEMENT_TYPE_LABELS } from '../words';
import { AgreementForm } from './agreements/AgreementForm';
import { AlertBadge } from './agreements/AlertsCard';
import { ConditionsCard } from './agreements/ConditionsCard';
import { useAgreement, useAgreementsOverview, useDeleteAgreement } from './agreements/data';
import { ExtensionsCard } from './agreements/ExtensionsCard';
import { ProjectsCard } from './agreements/ProjectsCard';
import { ReportsCard } from './agreements/ReportsCard';
import './agreements/agreements.css';

/**
 * One agreement: its alerts and figures first, then every field in one form (with the key
 * decision and call-in flags, their reasons and overrides), its terms and extensions, its
 * conditions and reports, and the projects it delivers.
 */
export default function AgreementScreen() {
  const { agreementId } = useParams();
  const id = Number(agreementId);
  const { data: agreement, isLoading, error } = useAgreement(id);
  const overview = useAgreementsOverview();
  const [deleting, setDeleting] = useState(false);

  if (isLoading && !agreement) return <Spinner className="loading" label="Opening the agreement" />;
  if (!agreement) {
    return (
      <section className="screen empty" aria-labelledby="agreement-title">
        <h1 id="agreement-title">Agreement not found</h1>
        <p>{error instanceof Error ? error.message : 'There is no such agreement in this workspace.'}</p>
        <Button as="a" href="#/agreements">
          Back to all agreements
        </Button>
      </section>
    );
  }
  const today = overview.data?.today ?? null;
  const { offered, taken } = agreement.extensions;
  return (
    <section className="screen scroll agr-screen" aria-labelledby="agreement-title">
      <Link href="#/agreements" className="agr-back">
        <ArrowLeftRegular aria-hidden /> All agreements
      </Link>
      <ScreenHead
        titleId="agreement-title"
        title={`${agreement.reference}: ${agreement.counterparty}`}
        sub={`${AGREEMENT_TYPE_LABELS[agreement.type]}, ${ukDate(agreement.startOn)} to ${ukDate(agreement.currentEndOn)}${agreement.purpose ? `. ${agreement.purpose}` : ''}`}
      >
        <Button icon={<DeleteRegular />} onClick={() => setDeleting(true)}>
          Delete agreement…
        </Button>
      </ScreenHead>
      {agreement.alerts.length > 0 && (
        <MessageBar intent="warning" className="agr-page-alerts">
          <MessageBarBody>
            <ul aria-label={`Alerts for ${agreement.reference}`}>
              {agreement.alerts.map((a) => (
                <li key={`${a.kind}-${a.on}-${a.text}`}>
                  <AlertBadge kind={a.kind} /> {a.text}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a row of headline figures, not a form's fieldset */}
      <div className="kpis" role="group" aria-label="Value">
        <KpiCard label="Annual value" pence={agreement.annualValuePence} />
        <KpiCard
          label="Total to date"
          pence={agreement.totalValuePence}
          note={taken === 0 ? 'The initial term' : `The initial term and ${taken} extension${taken === 1 ? '' : 's'}`}
        />
        <KpiCard
          label="Total with every extension"
          pence={agreement.totalWithExtensionsPence}
          note={offered === 0 ? 'No extensions offered' : `Ending ${ukLongDate(agreement.finalEndOn)}`}
        />
      </div>
      <AgreementForm key={agreement.id} agreement={agreement} />
      {today && <ExtensionsCard agreement={agreement} today={today} />}
      <div className="agr-cards">
        <ConditionsCard agreement={agreement} />
        <ReportsCard agreement={agreement} />
        <ProjectsCard agreement={agreement} />
      </div>
      <DeleteAgreementDialog open={deleting} agreement={agreement} onClose={() => setDeleting(false)} />
    </section>
  );
}

function DeleteAgreementDialog({ open, agreement, onClose }: { open: boolean; agreement: AgreementDetail; onClose(): void }) {
  useFocusReturn(open);
  const remove = useDeleteAgreement();
  const navigate = useNavigate();
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="agr-dialog">
        <DialogBody>
          <DialogTitle>Delete {agreement.reference}?</DialogTitle>
          <DialogContent className="dialog-form">
            <p>
              {agreement.reference} with {agreement.counterparty} goes, with its extensions, conditions and reports, and its links to projects. Undo brings it
              back.
            </p>
            <RefusalBar refused={refused} prefix="Not deleted: " />
          </DialogContent>
          <DialogButtons
            busy={remove.busy}
            onCancel={onClose}
            onConfirm={async () => {
              setRefused(null);
              const out = await remove.run({ id: agreement.id });
              if (!out) return setRefused(remove.lastError());
              onClose();
              navigate('/agreements');
            }}
          >
            Delete agreement
          </DialogButtons>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
