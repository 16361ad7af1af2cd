import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useApp } from '../../../../renderer/src/state/app-state';
import { ScrollBox } from '../../../../renderer/src/components/ScrollBox';
import { formatBp } from '../../../../renderer/src/components/percent';
import type { RunDetail } from '../../types';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Each partnership's allocation: its schools, each factor's exact share to the penny, the exact
 * formula total, the formula total in whole pounds after the largest-remainder rounding, its
 * places and their funding, and the total. The totals row adds up each column; the formula
 * totals add up to the pot exactly, and the line under the table says so in words.
 */
export function ResultsTable({ run }: { run: RunDetail }) {
  const { money } = useApp();
  const pence = (p: number) => money.format(p, { pence: true });
  const rows = run.allocations;
  const label = `Allocations of ${run.name}, ${run.year}`;
  const places = sum(rows.map((r) => r.places));
  return (
    <>
      <ScrollBox label={label}>
        <Table aria-label={label} size="small" className="alloc-table alloc-figures">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Partnership</TableHeaderCell>
              <TableHeaderCell className="num">Schools</TableHeaderCell>
              {run.factors.map((f) => (
                <TableHeaderCell key={f.id} className="num">
                  {f.name} ({formatBp(f.weightBp)})
                </TableHeaderCell>
              ))}
              <TableHeaderCell className="num">Formula, exact</TableHeaderCell>
              <TableHeaderCell className="num">Formula total</TableHeaderCell>
              <TableHeaderCell className="num">Places</TableHeaderCell>
              <TableHeaderCell className="num">Place funding</TableHeaderCell>
              <TableHeaderCell className="num">Total</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.partnershipId}>
                <TableCell>{r.partnership}</TableCell>
                <TableCell className="num">{r.schools}</TableCell>
                {run.factors.map((f) => (
                  <TableCell key={f.id} className="num">
                    {pence(r.byFactor[f.name] ?? 0)}
                  </TableCell>
                ))}
                <TableCell className="num alloc-exact">{pence(r.exactFormulaPence)}</TableCell>
                <TableCell className="num">{money.format(r.formulaPence)}</TableCell>
                <TableCell className="num">{r.places}</TableCell>
                <TableCell className="num">{money.format(r.placesPence)}</TableCell>
                <TableCell className="num alloc-total">{money.format(r.totalPence)}</TableCell>
              </TableRow>
            ))}
            <TableRow className="alloc-total-row">
              <TableCell>Total</TableCell>
              <TableCell className="num">{sum(rows.map((r) => r.schools))}</TableCell>
              {run.factors.map((f) => (
                <TableCell key={f.id} className="num">
                  {pence(sum(rows.map((r) => r.byFactor[f.name] ?? 0)))}
                </TableCell>
              ))}
              <TableCell className="num alloc-exact">{pence(sum(rows.map((r) => r.exactFormulaPence)))}</TableCell>
              <TableCell className="num">{money.format(run.formulaTotalPence)}</TableCell>
              <TableCell className="num">{places}</TableCell>
              <TableCell className="num">{money.format(run.placesTotalPence)}</TableCell>
              <TableCell className="num alloc-total">{money.format(run.totalPence)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </ScrollBox>
      <p className="alloc-check">
        {run.formulaTotalPence === run.formulaPotPence
          ? `The formula totals add up to ${money.format(run.formulaPotPence)}, the pot, exactly.`
          : `The formula totals add up to ${money.format(run.formulaTotalPence)}, not the pot of ${money.format(run.formulaPotPence)}.`}{' '}
        Place funding of {money.format(run.placesTotalPence)} ({places.toLocaleString('en-GB')} places at {money.format(run.placeRatePence)}) is added on top:{' '}
        {money.format(run.totalPence)} in all.
      </p>
    </>
  );
}
