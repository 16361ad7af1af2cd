import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ScrollBox } from '../../../../renderer/src/components/ScrollBox';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { ScenarioCompare } from '../../types';

type DiffKey = Exclude<keyof ScenarioCompare['years'][number], 'year'>;

/** The columns, and which way is better for the deficit: more funding is, more spending is not. */
const COLUMNS: Array<{ key: DiffKey; label: string; higherIsBetter: boolean }> = [
  { key: 'fundingDiffPence', label: 'Funding', higherIsBetter: true },
  { key: 'expenditureDiffPence', label: 'Expenditure', higherIsBetter: false },
  { key: 'inYearDiffPence', label: 'In-year', higherIsBetter: true },
  { key: 'contributionsDiffPence', label: 'Contributions', higherIsBetter: true },
  { key: 'cumulativeDiffPence', label: 'Cumulative', higherIsBetter: true },
];

interface Props {
  compare: ScenarioCompare;
  aName: string;
  bName: string;
}

/**
 * The second scenario less the first, year by year. Every figure carries its sign (+£1,234 or
 * the workspace's negative), and its colour says whether it is better or worse for the
 * deficit; a screen reader hears "better" or "worse" too.
 */
export function CompareTable({ compare, aName, bName }: Props) {
  const { money } = useApp();
  const signed = (pence: number) => (pence > 0 ? `+${money.format(pence)}` : money.format(pence));
  return (
    <ScrollBox label={`Differences by year: ${bName} less ${aName}`}>
      <Table aria-label={`Differences by year: ${bName} less ${aName}`} size="small" className="plan-table compare-table plan-figures">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Year</TableHeaderCell>
            {COLUMNS.map((c) => (
              <TableHeaderCell key={c.key} className="num">
                {c.label}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {compare.years.map((y) => (
            <TableRow key={y.year}>
              <TableCell>{y.year}</TableCell>
              {COLUMNS.map((c) => {
                const v = y[c.key];
                const better = v !== 0 && v > 0 === c.higherIsBetter;
                const tone = v === 0 ? '' : better ? ' diff-better' : ' diff-worse';
                return (
                  <TableCell key={c.key} className={`num${tone}`}>
                    {signed(v)}
                    {v !== 0 && <span className="visually-hidden">{better ? ', better' : ', worse'}</span>}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollBox>
  );
}
