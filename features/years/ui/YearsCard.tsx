import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { LockClosedRegular, LockOpenRegular } from '@fluentui/react-icons';
import { useIsFetching } from '@tanstack/react-query';
import { periodLongLabel } from '../../../electron/shared/periods';
import { useApp } from '../../../renderer/src/state/app-state';
import type { YearInfo } from '../types';
import { AddYearForm } from './AddYearForm';

/** The financial years: choose one to work on, close or reopen it, add the next (or an earlier) one. */
export function YearsCard({ onChangeStatus }: { onChangeStatus(year: YearInfo): void }) {
  const { years, year, setYear } = useApp();
  const fetching = useIsFetching({ queryKey: ['years'] }) > 0;
  const chosen = years.find((y) => y.id === year);
  return (
    <div className="card">
      <h2>Years</h2>
      <Table aria-label="Financial years" size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Year</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Latest return</TableHeaderCell>
            <TableHeaderCell>
              <span className="visually-hidden">Close or reopen</span>
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {years.length === 0 && (
            <TableRow>
              <TableCell colSpan={4} className="muted">
                {fetching ? 'Loading the years…' : 'No years yet: add the first one below.'}
              </TableCell>
            </TableRow>
          )}
          {years.map((y) => (
            <TableRow key={y.id} className={y.id === year ? 'is-current' : undefined}>
              <TableCell>
                <Button appearance="transparent" aria-pressed={y.id === year} aria-label={`Work on ${y.id}`} onClick={() => setYear(y.id)}>
                  {y.id}
                </Button>
              </TableCell>
              <TableCell>
                <Badge appearance="tint" color={y.status === 'open' ? 'success' : 'informative'}>
                  {y.status === 'open' ? 'Open' : 'Closed'}
                </Badge>
              </TableCell>
              <TableCell>{y.latestPeriod ? periodLongLabel(y.id, y.latestPeriod) : 'None yet'}</TableCell>
              <TableCell>
                <Button
                  size="small"
                  icon={y.status === 'open' ? <LockClosedRegular /> : <LockOpenRegular />}
                  aria-label={y.status === 'open' ? `Close ${y.id}` : `Reopen ${y.id}`}
                  onClick={() => onChangeStatus(y)}
                >
                  {y.status === 'open' ? 'Close' : 'Reopen'}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {chosen?.statusReason && (
        <p className="muted">
          {chosen.id} was {chosen.status === 'closed' ? 'closed' : 'reopened'}: {chosen.statusReason}
        </p>
      )}
      <AddYearForm />
    </div>
  );
}
