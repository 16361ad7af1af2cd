import { Link, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { type ReactNode, useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import type { MoneyFormat } from '../../../../electron/shared/money';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { AgreementSummary, DecisionFlag } from '../../types';
import { AGREEMENT_TYPE_LABELS, type AgreementType } from '../../words';

/** The type in a word or two, for a column; the agreement's page gives it in full. */
const SHORT_TYPES: Record<AgreementType, string> = {
  cooperation: 'Cooperation',
  direct_award: 'Direct award',
  tender: 'Tender',
  grant: 'Grant',
  sla: 'Service level agreement',
};

type Sortable = string | number;

interface Column {
  id: string;
  label: string;
  num?: boolean;
  sort(a: AgreementSummary): Sortable;
  cell(a: AgreementSummary, money: MoneyFormat): ReactNode;
}

/** Yes or No, and how it was reached when not from the thresholds. */
export function flagWords(f: DecisionFlag): string {
  const yes = f.value ? 'Yes' : 'No';
  if (f.source === 'override') return `${yes} (set by hand)`;
  if (f.source === 'no-threshold') return `${yes} (no threshold)`;
  return yes;
}

export function extensionWords(a: AgreementSummary): string {
  const { offered, taken, months } = a.extensions;
  if (offered === 0) return 'None offered';
  return `${taken} of ${offered} taken, ${months} months each`;
}

const COLUMNS: Column[] = [
  {
    id: 'reference',
    label: 'Reference',
    sort: (a) => a.reference,
    cell: (a) => <Link href={`#/agreements/${a.id}`}>{a.reference}</Link>,
  },
  { id: 'counterparty', label: 'Counterparty', sort: (a) => a.counterparty, cell: (a) => a.counterparty },
  {
    id: 'type',
    label: 'Type',
    sort: (a) => SHORT_TYPES[a.type],
    cell: (a) => <span title={AGREEMENT_TYPE_LABELS[a.type]}>{SHORT_TYPES[a.type]}</span>,
  },
  { id: 'start', label: 'Start', sort: (a) => a.startOn, cell: (a) => ukDate(a.startOn) },
  {
    id: 'end',
    label: 'Current end',
    sort: (a) => a.currentEndOn,
    cell: (a) => ukDate(a.currentEndOn),
  },
  { id: 'annual', label: 'Annual value', num: true, sort: (a) => a.annualValuePence, cell: (a, m) => m.format(a.annualValuePence) },
  {
    id: 'extensions',
    label: 'Extensions',
    sort: (a) => a.extensions.offered * 100 + a.extensions.taken,
    cell: (a) =>
      a.extensions.offered === 0 ? (
        extensionWords(a)
      ) : (
        <>
          <span className="agr-nowrap">
            {a.extensions.taken} of {a.extensions.offered} taken,
          </span>{' '}
          <span className="agr-nowrap">{a.extensions.months} months each</span>
        </>
      ),
  },
  { id: 'total', label: 'Total to date', num: true, sort: (a) => a.totalValuePence, cell: (a, m) => m.format(a.totalValuePence) },
  {
    id: 'totalAll',
    label: 'With every extension',
    num: true,
    sort: (a) => a.totalWithExtensionsPence,
    cell: (a, m) => m.format(a.totalWithExtensionsPence),
  },
  { id: 'key', label: 'Key decision', sort: (a) => flagWords(a.keyDecision), cell: (a) => flagWords(a.keyDecision) },
  { id: 'callIn', label: 'Call-in', sort: (a) => flagWords(a.callIn), cell: (a) => flagWords(a.callIn) },
  { id: 'decision', label: 'Decision reference', sort: (a) => a.decisionReference, cell: (a) => a.decisionReference || <span className="muted">none</span> },
];

/** Every agreement, a row each, sorted by any column (by reference at first). */
export function AgreementsTable({ agreements }: { agreements: AgreementSummary[] }) {
  const { money } = useApp();
  const [sort, setSort] = useState<{ id: string; dir: 'ascending' | 'descending' }>({ id: 'reference', dir: 'ascending' });
  const column = COLUMNS.find((c) => c.id === sort.id) ?? COLUMNS[0]!;
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const rows = [...agreements].sort((a, b) => {
    const x = column.sort(a);
    const y = column.sort(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB', { numeric: true });
    return sign * c || a.reference.localeCompare(b.reference, 'en-GB', { numeric: true });
  });
  const toggle = (id: string) => setSort((s) => ({ id, dir: s.id === id && s.dir === 'ascending' ? 'descending' : 'ascending' }));
  return (
    <section className="card agr-grid-card" aria-labelledby="agr-grid-title">
      <div className="card-head">
        <h2 id="agr-grid-title">Agreements: {agreements.length}</h2>
        <span className="muted">Totals are the annual value over each term; choose a column heading to sort by it.</span>
      </div>
      {/* Wider than a zoomed window: the table scrolls inside its own frame, which the keyboard can reach. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so the keyboard can scroll it */}
      <section className="agr-table-wrap" aria-label="Agreements table, scrolls sideways" tabIndex={0}>
        <Table sortable size="small" aria-labelledby="agr-grid-title" className="agr-table">
          <TableHeader>
            <TableRow>
              {COLUMNS.map((c) => (
                <TableHeaderCell
                  key={c.id}
                  className={c.num ? 'num' : undefined}
                  sortDirection={sort.id === c.id ? sort.dir : undefined}
                  onClick={() => toggle(c.id)}
                >
                  {c.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((a) => (
              <TableRow key={a.id}>
                {COLUMNS.map((c) => (
                  <TableCell key={c.id} className={c.num ? 'num' : undefined}>
                    {c.cell(a, money)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </section>
  );
}
