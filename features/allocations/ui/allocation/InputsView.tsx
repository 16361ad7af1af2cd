import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useApp } from '../../../../renderer/src/state/app-state';
import { ScrollBox } from '../../../../renderer/src/components/ScrollBox';
import { formatBp } from '../../../../renderer/src/components/percent';
import type { RunDetail } from '../../types';
import { weightsText } from './inputs-form';
import { PlacesTable } from './PlacesTable';

/** "Pupils × 1 + FSM × 0.5": a factor's data columns and the weight of each inside it. */
export function columnsText(f: RunDetail['factors'][number]): string {
  return f.columns.map((c) => `${c.name} × ${Number(c.weight.toFixed(4))}`).join(' + ');
}

/**
 * A run's inputs as they were worked out: the pot and rate, the factors with their weights and
 * the data columns each weighs, and the places given to each partnership.
 */
export function InputsView({ run }: { run: RunDetail }) {
  const { money } = useApp();
  const weights = run.factors.reduce((a, f) => a + f.weightBp, 0);
  const withPlaces = run.allocations.filter((a) => a.places > 0);
  return (
    <div className="alloc-inputs">
      <dl className="facts alloc-facts">
        <dt>Formula pot</dt>
        <dd>{money.format(run.formulaPotPence)}</dd>
        <dt>Rate per place</dt>
        <dd>{money.format(run.placeRatePence)}</dd>
        {run.note ? (
          <>
            <dt>Note</dt>
            <dd>{run.note}</dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="alloc-factors-title" className="alloc-section">
        <h2 id="alloc-factors-title">Factors</h2>
        <p className="muted">
          Each factor shares its part of the pot by a weighted sum of school data: a partnership's share is its member schools' total against every
          partnership's. The weights add up to {weightsText(weights)}.
        </p>
        <ScrollBox label={`Factors of ${run.name}`}>
          <Table aria-label={`Factors of ${run.name}`} size="small" className="alloc-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Factor</TableHeaderCell>
                <TableHeaderCell className="num">Weight</TableHeaderCell>
                <TableHeaderCell className="num">Its share of the pot</TableHeaderCell>
                <TableHeaderCell>Data columns, each × its weight</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {run.factors.map((f) => (
                <TableRow key={f.id}>
                  <TableCell>{f.name}</TableCell>
                  <TableCell className="num">{formatBp(f.weightBp)}</TableCell>
                  <TableCell className="num">{money.format(f.potPence, { pence: f.potPence % 100 !== 0 })}</TableCell>
                  <TableCell className="alloc-wrap">{columnsText(f)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollBox>
      </section>
      <section aria-labelledby="alloc-places-title" className="alloc-section">
        <h2 id="alloc-places-title">Places</h2>
        {withPlaces.length === 0 ? (
          <p className="muted">No places are funded in this run.</p>
        ) : (
          <PlacesTable label={`Places funded in ${run.name}`}>
            {withPlaces.map((a) => (
              <TableRow key={a.partnershipId}>
                <TableCell>{a.partnership}</TableCell>
                <TableCell className="num">{a.places}</TableCell>
                <TableCell className="num">{money.format(a.placesPence)}</TableCell>
              </TableRow>
            ))}
          </PlacesTable>
        )}
      </section>
    </div>
  );
}
