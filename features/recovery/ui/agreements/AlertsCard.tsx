import { Badge, type BadgeProps, Field, Input, Link } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import type { AgreementAlert, AgreementsOverview, AgreementSummary } from '../../types';
import { useSetAlertDays } from './data';

export const ALERT_LABELS: Record<AgreementAlert['kind'], string> = {
  ending: 'Ending',
  'extension-decision': 'Extension decision due',
  'no-decision-reference': 'No decision reference',
  'report-overdue': 'Report overdue',
};
const ALERT_COLOURS: Record<AgreementAlert['kind'], BadgeProps['color']> = {
  ending: 'warning',
  'extension-decision': 'warning',
  'no-decision-reference': 'danger',
  'report-overdue': 'danger',
};

/** An alert's kind in words; the colour only repeats them. */
export function AlertBadge({ kind }: { kind: AgreementAlert['kind'] }) {
  return (
    <Badge appearance="tint" color={ALERT_COLOURS[kind]} className="agr-alert-badge">
      {ALERT_LABELS[kind]}
    </Badge>
  );
}

interface Row {
  agreement: AgreementSummary;
  alert: AgreementAlert;
}

/** Soonest first; alerts with no date (a missing decision reference) after the dated ones. */
function byDate(a: Row, b: Row): number {
  const ao = a.alert.on ?? '9999-12-31';
  const bo = b.alert.on ?? '9999-12-31';
  return ao.localeCompare(bo) || a.agreement.reference.localeCompare(b.agreement.reference);
}

/** What needs doing, first on the screen: each alert naming its agreement and its date, linking to it. */
export function AlertsCard({ overview }: { overview: AgreementsOverview }) {
  const rows = overview.agreements.flatMap((agreement) => agreement.alerts.map((alert) => ({ agreement, alert }))).sort(byDate);
  return (
    <section className="card agr-alerts" aria-labelledby="agr-alerts-title">
      <div className="card-head">
        <h2 id="agr-alerts-title">{rows.length === 0 ? 'No alerts' : `Alerts: ${rows.length}`}</h2>
        <span className="muted">
          As of {ukLongDate(overview.today)}: ends and extension decisions due in the next {overview.alertDays} days, key decisions with no decision reference,
          and reports overdue.
        </span>
        <AlertWindowForm days={overview.alertDays} />
      </div>
      {rows.length === 0 ? (
        <p className="agr-none">Nothing needs attention in the next {overview.alertDays} days.</p>
      ) : (
        <ul className="agr-alert-list" aria-label="Alerts">
          {rows.map(({ agreement, alert }) => (
            <li key={`${agreement.id}-${alert.kind}-${alert.on}-${alert.text}`}>
              <AlertBadge kind={alert.kind} />
              <span className="agr-alert-body">
                <Link href={`#/agreements/${agreement.id}`}>
                  {agreement.reference}: {agreement.counterparty}
                </Link>
                <span className="agr-alert-text">{alert.text}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** How far ahead the alerts look, in days (the workspace's setting). */
function AlertWindowForm({ days }: { days: number }) {
  const write = useSetAlertDays();
  const [text, setText] = useState(String(days));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(days)), [days]);
  const submit = async () => {
    const t = text.trim();
    if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > 730) return setError('The alert window must be a whole number of days from 1 to 730');
    setError(null);
    await write.run({ days: Number(t) });
  };
  return (
    <SubmitForm onSubmit={submit} className="agr-window-form card-head-end">
      <Field label="Alert window, days" validationMessage={error ?? undefined} validationState={error ? 'error' : 'none'}>
        <Input type="number" inputMode="numeric" value={text} onChange={(_, d) => setText(d.value)} className="agr-number" />
      </Field>
      <BusyButton type="submit" busy={write.busy} disabled={text.trim() === String(days)}>
        Set window
      </BusyButton>
    </SubmitForm>
  );
}
