import { Button, Spinner } from '@fluentui/react-components';
import { AddRegular, TableSettingsRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { useAddressFilters } from '../../../renderer/src/components/address-filters';
import { EmptyYears } from '../../../renderer/src/components/EmptyYears';
import { FilterBar, FilterDropdown } from '../../../renderer/src/components/FilterBar';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { textOptions } from '../../../renderer/src/components/TextOptions';
import { useApp } from '../../../renderer/src/state/app-state';
import type { PartnershipInfo, SchoolYearRow } from '../types';
import { BUY_IN_STATUS_LABELS, BUY_IN_STATUSES } from '../words';
import { CopyMembership } from './schools/CopyMembership';
import { DataColumnsDialog } from './schools/DataColumnsDialog';
import { usePartnerships, useSchools } from './schools/data';
import { partnershipLabel, partnershipsInOrder } from './schools/partnership-tree';
import { type SchoolOpen, SchoolDialog } from './schools/SchoolDialog';
import { SchoolsGrid } from './schools/SchoolsGrid';
import { SchoolsWorkbooks } from './schools/SchoolsWorkbooks';
import './schools/schools.css';

const NONE = 'none';
const NOT_RECORDED = 'not_recorded';

/** The filters live in the address, so coming back to the screen lands on the same view. */
const useFilters = () => useAddressFilters(['partnership', 'buyIn', 'q'] as const);

type Filters = ReturnType<typeof useFilters>;

function matches(s: SchoolYearRow, f: Filters, within: Set<number> | null): boolean {
  if (f.partnership === NONE && s.partnershipId !== null) return false;
  if (within && (s.partnershipId === null || !within.has(s.partnershipId))) return false;
  if (f.buyIn === NOT_RECORDED ? s.buyIn !== null : f.buyIn && s.buyIn !== f.buyIn) return false;
  const q = f.q.trim().toLowerCase();
  if (!q) return true;
  return [String(s.urn), s.name, s.trust, s.partnershipName ?? ''].some((t) => t.toLowerCase().includes(q));
}

/** A partnership chosen as a filter takes in its clusters' schools too. */
function withClusters(list: PartnershipInfo[], id: string): Set<number> | null {
  if (!id || id === NONE) return null;
  const n = Number(id);
  return new Set([n, ...list.filter((p) => p.parentId === n).map((p) => p.id)]);
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Every school by URN, for the year chosen in the header: its type and phase, the partnership it
 * is in that year, its buy-in decision, and its data in every data column. Filtered by partnership,
 * buy-in or any words; a school opens (Enter or a double-click) to edit it, move it or record its
 * buy-in. The workbooks go out and come back through the import wizard.
 */
export default function SchoolsScreen() {
  const { year, years } = useApp();
  const filters = useFilters();
  const { data: overview, isLoading, error } = useSchools(year);
  const { data: partnerships } = usePartnerships(year);
  const [open, setOpen] = useState<SchoolOpen | null>(null);
  const [columnsOpen, setColumnsOpen] = useState(false);

  const list = partnerships ?? [];
  const within = useMemo(() => withClusters(partnerships ?? [], filters.partnership), [partnerships, filters.partnership]);
  const shown = useMemo(() => (overview?.schools ?? []).filter((s) => matches(s, filters, within)), [overview, filters, within]);
  const labels = useMemo(() => new Map((partnerships ?? []).map((p) => [p.id, partnershipLabel(p)])), [partnerships]);
  if (!year) return <EmptyYears />;

  const all = overview?.schools ?? [];
  const filtered = !!(filters.partnership || filters.buyIn || filters.q);
  const chosen = list.find((p) => String(p.id) === filters.partnership);
  // The counts are of the schools shown, so a filtered view says what it holds.
  const inNone = shown.filter((s) => s.partnershipId === null).length;
  const by = (st: string | null) => shown.filter((s) => s.buyIn === st).length;
  const noMembership = !!overview && all.length > 0 && all.every((s) => s.partnershipId === null);

  return (
    <section className="screen grid-screen" aria-labelledby="schools-title">
      <ScreenHead
        titleId="schools-title"
        title="Schools"
        sub={`Every school by URN, the partnership it is in and its buy-in decision in ${year}, and its data for the formula.`}
      >
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setOpen({ id: null })}>
          New school…
        </Button>
        <Button icon={<TableSettingsRegular />} onClick={() => setColumnsOpen(true)}>
          Data columns…
        </Button>
        <SchoolsWorkbooks year={year} />
      </ScreenHead>
      {noMembership && <CopyMembership year={year} years={years.map((y) => y.id)} />}
      <FilterBar
        label="Filter the schools"
        className="schools-filters"
        search={{
          label: 'Find schools by URN, name, trust or partnership',
          placeholder: 'Find schools…',
          value: filters.q,
          onChange: (v) => filters.set('q', v),
          className: 'schools-search',
        }}
        filtered={filtered}
        onClear={filters.clear}
      >
        <FilterDropdown
          label="Partnership"
          value={filters.partnership === NONE ? 'In no partnership' : chosen ? partnershipLabel(chosen) : 'Every partnership'}
          selected={filters.partnership}
          onSelect={(v) => filters.set('partnership', v)}
        >
          {textOptions(
            [NONE, ...partnershipsInOrder(list)],
            (p: typeof NONE | PartnershipInfo) => (typeof p === 'string' ? [NONE, 'In no partnership'] : [p.id, partnershipLabel(p)]),
            'Every partnership',
          )}
        </FilterDropdown>
        <FilterDropdown
          label="Buy-in"
          value={
            filters.buyIn === NOT_RECORDED ? 'Not recorded' : filters.buyIn ? BUY_IN_STATUS_LABELS[filters.buyIn as keyof typeof BUY_IN_STATUS_LABELS] : 'Any'
          }
          selected={filters.buyIn}
          onSelect={(v) => filters.set('buyIn', v)}
          narrow
        >
          {textOptions([...BUY_IN_STATUSES, NOT_RECORDED] as const, (b) => [b, b === NOT_RECORDED ? 'Not recorded' : BUY_IN_STATUS_LABELS[b]], 'Any')}
        </FilterDropdown>
      </FilterBar>
      <p className="schools-count" role="status">
        {overview
          ? `${filtered ? `Showing ${shown.length} of ${all.length}` : `${all.length}`} ${all.length === 1 ? 'school' : 'schools'}. ${filtered ? 'Of these, in' : 'In'} ${year}: ${by('bought_in')} bought in, ${by('undecided')} yet to decide, ${by('leaving')} leaving, ${by(null)} not recorded; ${count(inNone, 'school', 'schools')} in no partnership. Enter on a row opens the school.`
          : ''}
      </p>
      {isLoading && !overview ? (
        <Spinner label="Loading the schools" />
      ) : error && !overview ? (
        <p role="alert">The schools could not be read: {error instanceof Error ? error.message : String(error)}</p>
      ) : (
        <SchoolsGrid year={year} rows={shown} columns={overview?.columns ?? []} partnershipLabels={labels} onOpen={(id) => setOpen({ id })} />
      )}
      <SchoolDialog open={open} year={year} overview={overview} partnerships={list} onClose={() => setOpen(null)} />
      <DataColumnsDialog open={columnsOpen} columns={overview?.columns ?? []} onClose={() => setColumnsOpen(false)} />
    </section>
  );
}
