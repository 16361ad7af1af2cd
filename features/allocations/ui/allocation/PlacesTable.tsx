import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { ScrollBox } from '../../../../renderer/src/components/ScrollBox';

/** The places each partnership is funded for, as a run's inputs show and edit them: the rows are given. */
export function PlacesTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ScrollBox label={label}>
      <Table aria-label={label} size="small" className="alloc-table alloc-narrow">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Partnership</TableHeaderCell>
            <TableHeaderCell className="num">Places</TableHeaderCell>
            <TableHeaderCell className="num">Place funding</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </ScrollBox>
  );
}
