import { Badge, Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PartnershipReturnsYear } from '../../types';
import { PERIODS_OF, RETURN_PERIOD_LABELS } from '../../words';
import { ShareLine, StatusBadge } from './bits';

/** The short name of a period in a crowded cell: "Summer", "Whole year". */
const PERIOD_SHORT = (label: string) => label.replace(/ term$/, '');

interface Props {
  year: string;
  partnerships: PartnershipReturnsYear[];
  chosenId: number | null;
  onChoose(id: number): void;
}

/**
 * Every partnership with an allocation, a row each: its returns' status by period, and its
 * figures against the allocation, flagged where the year-end test says so. A name opens the
 * partnership below.
 */
export function ReturnsTable({ year, partnerships, chosenId, onChoose }: Props) {
  const { money } = useApp();
  const total = (f: (p: PartnershipReturnsYear) => number) => partnerships.reduce((s, p) => s + f(p), 0);
  const allocated = total((p) => p.allocationPence);
  const spent = total((p) => p.spendPence);
  const flaggedTotal = total((p) => p.toReturnPence);
  return (
    <section className="card" aria-labelledby="ret-table-title">
      <div className="card-head">
        <h2 id="ret-table-title">Returns by partnership</h2>
        <span className="muted">Spend counts once a return is received. Choose a partnership to see its returns and record them.</span>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it */}
      <section className="ret-table-wrap" aria-label="Returns by partnership, scrolls sideways" tabIndex={0}>
        <Table size="small" aria-label={`Returns by partnership, ${year}`} className="ret-table ret-summary">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Partnership and its returns</TableHeaderCell>
              <TableHeaderCell className="num">Allocation</TableHeaderCell>
              <TableHeaderCell className="num">Spend reported</TableHeaderCell>
              <TableHeaderCell className="num">Underspend</TableHeaderCell>
              <TableHeaderCell>Year end</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {partnerships.map((p) => {
              const chosen = p.partnershipId === chosenId;
              return (
                <TableRow key={p.partnershipId} className={chosen ? 'is-current' : undefined} aria-current={chosen ? 'true' : undefined}>
                  <TableCell>
                    <Link
                      href={`#/returns?partnership=${p.partnershipId}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onChoose(p.partnershipId);
                      }}
                    >
                      {p.partnership}
                    </Link>
                    <ul className="ret-periods" aria-label={`${p.partnership}’s returns`}>
                      {PERIODS_OF[p.returnFrequency].map((period) => {
                        const r = p.returns.find((x) => x.period === period);
                        return (
                          <li key={period}>
                            <span className="ret-period-name">{PERIOD_SHORT(RETURN_PERIOD_LABELS[period])}</span>{' '}
                            {r ? <StatusBadge status={r.status} /> : <span className="muted">not set up</span>}
                          </li>
                        );
                      })}
                    </ul>
                  </TableCell>
                  <TableCell className="num">{money.format(p.allocationPence)}</TableCell>
                  <TableCell className="num">
                    {money.format(p.spendPence)}
                    <ShareLine part={p.spendPence} whole={p.allocationPence} />
                  </TableCell>
                  <TableCell className="num">{money.format(p.underspendPence)}</TableCell>
                  <TableCell>
                    {p.flagged ? (
                      <span className="ret-flagged">
                        <Badge appearance="filled" color="danger">
                          Flagged
                        </Badge>{' '}
                        <span className="ret-nowrap">{money.format(p.toReturnPence)} to return</span>
                      </span>
                    ) : p.yearComplete ? (
                      p.developmentPlanApprovedOn && p.underspendPence > 0 ? (
                        'Plan approved'
                      ) : (
                        'Clear'
                      )
                    ) : (
                      <span className="muted">Year not complete</span>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
          <tfoot>
            <TableRow className="ret-total-row">
              <TableCell>All partnerships</TableCell>
              <TableCell className="num">{money.format(allocated)}</TableCell>
              <TableCell className="num">
                {money.format(spent)}
                <ShareLine part={spent} whole={allocated} />
              </TableCell>
              <TableCell className="num">{money.format(total((p) => p.underspendPence))}</TableCell>
              <TableCell>{flaggedTotal > 0 ? `${money.format(flaggedTotal)} to return` : ''}</TableCell>
            </TableRow>
          </tfoot>
        </Table>
      </section>
    </section>
  );
}
