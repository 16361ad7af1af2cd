import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { ukDate } from '../../../../electron/shared/dates';
import type { MemberInfo } from '../../types';
import { ROLE_LABELS, SEAT_LABELS } from '../../words';

/** A member's terms, latest first: the history kept when they are re-appointed or change seat. */
export function TermHistory({ member }: { member: MemberInfo }) {
  const terms = [...member.terms].sort((a, b) => b.startDate.localeCompare(a.startDate));
  return (
    <Table size="extra-small" aria-label={`Terms of ${member.name}`} className="terms-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>From</TableHeaderCell>
          <TableHeaderCell>To</TableHeaderCell>
          <TableHeaderCell>Seat</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell>Voting</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {terms.map((t) => (
          <TableRow key={t.id} className={t.id === member.current?.id ? 'is-current' : undefined}>
            <TableCell>{ukDate(t.startDate)}</TableCell>
            <TableCell>{t.endDate ? ukDate(t.endDate) : 'Open-ended'}</TableCell>
            <TableCell>
              {SEAT_LABELS[t.seatCategory]}
              {t.id === member.current?.id && <span className="muted"> (current)</span>}
            </TableCell>
            <TableCell>{ROLE_LABELS[t.role]}</TableCell>
            <TableCell>{t.voting ? 'Yes' : 'No'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
