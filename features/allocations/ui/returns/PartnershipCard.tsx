import { Button, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ArrowExportRegular, DocumentEditRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { KpiCard } from '../../../../renderer/src/components/KpiCard';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PartnershipInfo, PartnershipReturnsYear, ReturnCategoryInfo, ReturnInfo, ReturnMeasureInfo } from '../../types';
import { RETURN_FREQUENCY_LABELS, RETURN_PERIOD_LABELS } from '../../words';
import { useSetReturnStatus, useSetUpReturns } from './data';
import { DevelopmentPlan } from './DevelopmentPlan';
import { inPeriodOrder, isIn, missingPeriods, nextStep, periodWords, returnsIn, shareText } from './figures';
import { ShareLine, StatusBadge } from './bits';
import { ReturnDialog } from './ReturnDialog';
import { StatusDialog } from './StatusDialog';
import { UnderspendTest } from './UnderspendTest';

/** The days a return moved on, each on its line under its status. */
function StatusDates({ r }: { r: ReturnInfo }) {
  const steps: Array<[string, string | null]> = [
    ['Sent', r.sentOn],
    ['Received', r.receivedOn],
    ['Checked', r.checkedOn],
  ];
  const done = steps.filter(([, on]) => on !== null);
  if (done.length === 0) return null;
  return (
    <ul className="ret-dates">
      {done.map(([word, on]) => (
        <li key={word}>
          {word} {ukDate(on!)}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  year: string;
  p: PartnershipReturnsYear;
  info: PartnershipInfo | undefined;
  categories: ReturnCategoryInfo[];
  measures: ReturnMeasureInfo[];
  exporting: boolean;
  onExport(): void;
  /** Chosen from the table: the card takes the keyboard's focus once drawn. */
  takeFocus: boolean;
  onFocusTaken(): void;
}

/** One partnership's year: its allocation and spend, the underspend test, its returns by period, and its development plan. */
export function PartnershipCard({ year, p, info, categories, measures, exporting, onExport, takeFocus, onFocusTaken }: Props) {
  const { money } = useApp();
  const step = useSetReturnStatus();
  const setUp = useSetUpReturns();
  const [editing, setEditing] = useState<ReturnInfo | null>(null);
  const [status, setStatus] = useState<ReturnInfo | null>(null);
  const counted = returnsIn(p);
  const missing = missingPeriods(p);
  const titleId = `ret-p-${p.partnershipId}`;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!takeFocus) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
    onFocusTaken();
  }, [takeFocus, onFocusTaken]);
  return (
    <section className="card ret-partnership" aria-labelledby={titleId}>
      <div className="card-head">
        <h2 id={titleId} tabIndex={-1} ref={heading}>
          {p.partnership}
        </h2>
        <span className="muted">
          {RETURN_FREQUENCY_LABELS[p.returnFrequency]} returns
          {info?.agreementId && info.agreementLabel ? (
            <>
              {' '}
              under <Link href={`#/agreements/${info.agreementId}`}>{info.agreementLabel}</Link>
            </>
          ) : (
            ', no agreement linked'
          )}
        </span>
        <BusyButton className="card-head-end" icon={<ArrowExportRegular />} busy={exporting} disabled={p.returns.length === 0} onClick={onExport}>
          Export {p.partnership}’s return workbook
        </BusyButton>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of headline figures, not a form's fieldset */}
      <div className="kpis" role="group" aria-label={`${p.partnership}’s figures`}>
        <KpiCard label="Allocation" pence={p.allocationPence} note={p.places > 0 ? `Including ${p.places} places` : undefined} />
        <KpiCard label="Spend reported" pence={p.spendPence} note={`In ${counted.in} of ${counted.of} returns received`} />
        <KpiCard
          label="Underspend"
          pence={p.underspendPence}
          note={
            p.yearComplete
              ? `${shareText(p.underspendPence, p.allocationPence) ?? ''} of the allocation at year end`
              : `So far: the year ends when every return is in`
          }
        />
        <KpiCard label="To return" pence={p.toReturnPence} tone={p.flagged ? 'cost' : 'neutral'} note={p.flagged ? 'Flagged at year end' : 'Not flagged'} />
      </div>
      <UnderspendTest p={p} />
      <h3 className="ret-subhead">Returns for {year}</h3>
      {missing.length > 0 && (
        <div className="ret-setup">
          <p className="ret-none">
            {missing.length === counted.of
              ? 'No returns set up yet'
              : `Not set up yet: ${missing.map((m) => RETURN_PERIOD_LABELS[m].toLowerCase()).join(', ')}`}
            .
          </p>
          <BusyButton busy={setUp.busy} onClick={() => void setUp.run({ year, partnershipId: p.partnershipId })}>
            Set up {p.partnership}’s returns
          </BusyButton>
        </div>
      )}
      {p.returns.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it
        <section className="ret-table-wrap" aria-label={`${p.partnership}’s returns, scrolls sideways`} tabIndex={0}>
          <Table size="small" aria-label={`Returns of ${p.partnership}, ${year}`} className="ret-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Period</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell className="num">Spend</TableHeaderCell>
                <TableHeaderCell className="num">Places used</TableHeaderCell>
                <TableHeaderCell>
                  <span className="visually-hidden">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {inPeriodOrder(p.returns).map((r) => {
                const next = nextStep(r.status);
                const words = periodWords(r.period);
                return (
                  <TableRow key={r.id}>
                    <TableCell>{RETURN_PERIOD_LABELS[r.period]}</TableCell>
                    <TableCell>
                      <StatusBadge status={r.status} />
                      <StatusDates r={r} />
                    </TableCell>
                    <TableCell className="num">
                      {money.format(r.spendPence)}
                      {isIn(r.status) ? <ShareLine part={r.spendPence} whole={p.allocationPence} /> : null}
                    </TableCell>
                    <TableCell className="num">{r.placesUsed === null ? '' : r.placesUsed}</TableCell>
                    <TableCell>
                      <span className="ret-row-actions">
                        {next && (
                          <BusyButton
                            size="small"
                            busy={step.busy}
                            aria-label={`${next.verb}: ${words}`}
                            onClick={() => void step.run({ returnId: r.id, status: next.status, on: null })}
                          >
                            {next.verb}
                          </BusyButton>
                        )}
                        <Button size="small" icon={<DocumentEditRegular />} aria-label={`Figures of ${words}`} onClick={() => setEditing(r)}>
                          Figures…
                        </Button>
                        <Button size="small" appearance="subtle" aria-label={`Status of ${words}`} onClick={() => setStatus(r)}>
                          Status…
                        </Button>
                      </span>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </section>
      )}
      {p.returns.some((r) => r.commentary) && (
        <details className="ret-commentary">
          <summary>Commentary in the returns</summary>
          <dl>
            {inPeriodOrder(p.returns)
              .filter((r) => r.commentary)
              .map((r) => (
                <div key={r.id}>
                  <dt>{RETURN_PERIOD_LABELS[r.period]}</dt>
                  <dd>{r.commentary}</dd>
                </div>
              ))}
          </dl>
        </details>
      )}
      <DevelopmentPlan key={`${year}-${p.partnershipId}`} year={year} partnership={p} />
      <ReturnDialog ret={editing} partnership={p} categories={categories} measures={measures} onClose={() => setEditing(null)} />
      <StatusDialog ret={status} partnership={p.partnership} onClose={() => setStatus(null)} />
    </section>
  );
}
