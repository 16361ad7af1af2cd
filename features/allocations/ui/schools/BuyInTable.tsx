import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { BuyInCount, PartnershipInfo } from '../../types';
import { BUY_IN_STATUS_LABELS, BUY_IN_STATUSES, type BuyInStatus } from '../../words';
import { addCounts, buyInGroups } from './partnership-tree';

const PUPILS: Record<BuyInStatus, 'boughtInPupils' | 'undecidedPupils' | 'leavingPupils'> = {
  bought_in: 'boughtInPupils',
  undecided: 'undecidedPupils',
  leaving: 'leavingPupils',
};
const COUNT: Record<BuyInStatus, 'boughtIn' | 'undecided' | 'leaving'> = { bought_in: 'boughtIn', undecided: 'undecided', leaving: 'leaving' };

/** 0.8241 → "82.4%": one place is as fine as a share of pupils is read. */
export function shareText(part: number | null, whole: number | null): string | null {
  if (part === null || whole === null || whole <= 0) return null;
  return `${((part / whole) * 100).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

const pupilsText = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });

function Figure({ c, status }: { c: BuyInCount; status: BuyInStatus }) {
  // A share of nought says nothing the count of nought does not.
  const share = c[COUNT[status]] > 0 ? shareText(c[PUPILS[status]], c.pupils) : null;
  return (
    <>
      <span className="figure-count">
        {c[COUNT[status]]}
        {status === 'undecided' && c.notRecorded > 0 ? ` (${c.notRecorded} not recorded)` : ''}
      </span>
      {share && <span className="figure-share">{share} of pupils</span>}
    </>
  );
}

/** The pupils in each state as one bar; hidden from screen readers, which have the same figures in the row. */
function ShareBar({ c }: { c: BuyInCount }) {
  if (c.pupils === null || c.pupils <= 0) return null;
  return (
    <span className="share-bar" aria-hidden="true">
      {BUY_IN_STATUSES.map((s) => (
        <span key={s} className={`share-${s}`} style={{ width: `${((c[PUPILS[s]] ?? 0) / c.pupils!) * 100}%` }} />
      ))}
    </span>
  );
}

function CountRow({ c, className, name, indent }: { c: BuyInCount; className?: string; name: string; indent?: boolean }) {
  return (
    <TableRow className={className}>
      <TableCell className={indent ? 'indent' : undefined}>
        {name}
        <ShareBar c={c} />
      </TableCell>
      <TableCell className="num">
        {c.schools}
        {c.pupils !== null && <span className="figure-share">{pupilsText(c.pupils)} pupils</span>}
      </TableCell>
      {BUY_IN_STATUSES.map((s) => (
        <TableCell key={s} className="num">
          <Figure c={c} status={s} />
        </TableCell>
      ))}
    </TableRow>
  );
}

/**
 * Which schools buy in, cluster by cluster, under the partnership each cluster sits in: how many
 * schools are bought in, yet to decide or leaving, and their share of the cluster's pupils. A
 * school with no decision recorded counts as yet to decide, and the row says how many those are.
 */
export function BuyInTable({ year, counts, partnerships }: { year: string; counts: BuyInCount[]; partnerships: PartnershipInfo[] }) {
  const groups = buyInGroups(counts, partnerships);
  const total = addCounts(
    'All partnerships',
    groups.flatMap((g) => g.rows),
  );
  const noPupils = total.schools > 0 && total.pupils === null;
  return (
    <section className="card" aria-labelledby="buyin-title">
      <div className="card-head">
        <h2 id="buyin-title">Buy-in by cluster, {year}</h2>
        <span className="muted">
          {noPupils
            ? `No pupil numbers are recorded for ${year}, so the shares of pupils are not shown.`
            : 'Shares are of the pupils in the cluster (the Pupils data column). A school with no decision recorded counts as yet to decide.'}
        </span>
      </div>
      {groups.length === 0 ? (
        <p className="alloc-none">No school is in a partnership in {year} yet: put schools in partnerships on the Schools screen.</p>
      ) : (
        <>
          {!noPupils && (
            <ul className="share-key" aria-hidden="true">
              {BUY_IN_STATUSES.map((s) => (
                <li key={s}>
                  <span className={`swatch share-${s}`} />
                  {BUY_IN_STATUS_LABELS[s]}
                </li>
              ))}
            </ul>
          )}
          <Table size="small" className="alloc-table buyin-table" aria-labelledby="buyin-title">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Cluster</TableHeaderCell>
                <TableHeaderCell className="num col-count">Schools</TableHeaderCell>
                {BUY_IN_STATUSES.map((s) => (
                  <TableHeaderCell key={s} className="num col-figure">
                    {BUY_IN_STATUS_LABELS[s]}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {groups.map((g) => {
                // A partnership counted as one unit (no clusters) is its own row; with clusters, a heading, its units and a subtotal.
                const single = g.rows.length === 1 && g.rows[0]!.partnershipId === g.partnership?.id;
                if (single) return <CountRow key={g.name} c={g.rows[0]!} name={g.name} />;
                return [
                  <TableRow key={`${g.name}-head`} className="group-row">
                    <TableCell colSpan={5}>{g.name}</TableCell>
                  </TableRow>,
                  ...g.rows.map((r) => (
                    <CountRow
                      key={r.partnershipId}
                      c={r}
                      indent
                      name={r.partnershipId === g.partnership?.id ? `${r.partnershipName} (its own schools)` : r.partnershipName}
                    />
                  )),
                  <CountRow key={`${g.name}-sub`} c={g.subtotal} className="subtotal-row" name={`Total, ${g.name}`} />,
                ];
              })}
              <CountRow c={total} className="total-row" name="All partnerships" />
            </TableBody>
          </Table>
        </>
      )}
    </section>
  );
}
