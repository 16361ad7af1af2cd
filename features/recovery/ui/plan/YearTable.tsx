import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ScrollBox } from '../../../../renderer/src/components/ScrollBox';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PlanYearResult } from '../../types';

interface Props {
  label: string;
  baseYear: string;
  openingCumulativePence: number;
  years: PlanYearResult[];
  /** Mitigated: project costs and savings shown between the lines and the net expenditure. */
  mitigated: boolean;
  firstInYearSurplus: string | null;
}

/**
 * The plan year by year: funding, expenditure (for a mitigated scenario, the lines, the projects'
 * HNB-funded costs added and their savings taken off), in-year, contributions and cumulative,
 * from the base year's carried forward. Negatives (deficits) in red and in the workspace's style.
 */
export function YearTable({ label, baseYear, openingCumulativePence, years, mitigated, firstInYearSurplus }: Props) {
  const { money } = useApp();
  const cell = (pence: number, signed = false) => <TableCell className={`num${signed && pence < 0 ? ' neg' : ''}`}>{money.format(pence)}</TableCell>;
  const columns = mitigated ? 9 : 6;
  return (
    <ScrollBox label={label}>
      <Table aria-label={label} size="small" className="plan-table plan-year-table plan-figures">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Year</TableHeaderCell>
            <TableHeaderCell className="num">Funding</TableHeaderCell>
            <TableHeaderCell className="num">{mitigated ? 'Expenditure on lines' : 'Expenditure'}</TableHeaderCell>
            {mitigated && <TableHeaderCell className="num">Project costs (HNB)</TableHeaderCell>}
            {mitigated && <TableHeaderCell className="num">Savings</TableHeaderCell>}
            {mitigated && <TableHeaderCell className="num">Net expenditure</TableHeaderCell>}
            <TableHeaderCell className="num">In-year</TableHeaderCell>
            <TableHeaderCell className="num">Contributions</TableHeaderCell>
            <TableHeaderCell className="num">Cumulative</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          <TableRow className="plan-base-row">
            <TableCell>{baseYear} (base)</TableCell>
            {Array.from({ length: columns - 2 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: empty cells of a fixed row
              <TableCell key={i} />
            ))}
            {cell(openingCumulativePence, true)}
          </TableRow>
          {years.map((y) => (
            <TableRow key={y.year} className={y.year === firstInYearSurplus ? 'plan-surplus-row' : undefined}>
              <TableCell className="plan-year-cell">
                {y.year}
                {y.year === firstInYearSurplus ? <span className="plan-row-note"> first in-year surplus</span> : null}
              </TableCell>
              {cell(y.fundingPence)}
              {cell(y.linesPence)}
              {mitigated && cell(y.projectCostsPence)}
              {mitigated && <TableCell className="num">{y.savingsPence === 0 ? money.format(0) : money.format(-y.savingsPence)}</TableCell>}
              {mitigated && cell(y.expenditurePence)}
              {cell(y.inYearPence, true)}
              {cell(y.contributionsPence)}
              {cell(y.cumulativePence, true)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollBox>
  );
}
