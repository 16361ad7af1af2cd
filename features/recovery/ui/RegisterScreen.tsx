import { Button, Link, Spinner } from '@fluentui/react-components';
import { AddRegular, PeopleTeamRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAddressFilters } from '../../../renderer/src/components/address-filters';
import { FilterBar, FilterDropdown } from '../../../renderer/src/components/FilterBar';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { textOptions } from '../../../renderer/src/components/TextOptions';
import { useApp } from '../../../renderer/src/state/app-state';
import type { ProjectSummary } from '../types';
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, type FundingSource, RAG_LABELS, RAGS, type Rag } from '../words';
import { useProjects, useWorkstreams } from './register/data';
import { type RegisterRow, RegisterGrid } from './register/RegisterGrid';
import { RegisterWorkbooks } from './register/RegisterWorkbooks';
import './register/register.css';

const NOT_RATED = 'none';

// The dialogs load when first opened: the register itself should be on screen at once.
const ProjectDialog = lazy(() => import('./register/ProjectDialog').then((m) => ({ default: m.ProjectDialog })));
const WorkstreamsDialog = lazy(() => import('./register/WorkstreamsDialog').then((m) => ({ default: m.WorkstreamsDialog })));

/** The filters live in the address, so coming back from a project lands on the same view. */
const useFilters = () => useAddressFilters(['workstream', 'rag', 'funding', 'q'] as const);

function matches(p: ProjectSummary, f: ReturnType<typeof useFilters>): boolean {
  if (f.workstream && String(p.workstreamId) !== f.workstream) return false;
  if (f.rag && (f.rag === NOT_RATED ? p.rag !== null : p.rag !== f.rag)) return false;
  if (f.funding && p.fundingSource !== f.funding) return false;
  const q = f.q.trim().toLowerCase();
  if (!q) return true;
  return [p.code, p.name, p.owner, p.workstream, p.board ?? '', p.ragReason, ...p.scenarioNames, ...p.agreementRefs].some((t) => t.toLowerCase().includes(q));
}

function totalRow(rows: ProjectSummary[]): RegisterRow {
  const sum = (k: 'approvedBudgetPence' | 'spendToDatePence' | 'forecastPence' | 'totalTargetPence' | 'totalDeliveredPence' | 'totalCostPence') =>
    rows.reduce((s, r) => s + r[k], 0);
  return {
    isTotal: true,
    id: 0,
    code: 'Total',
    name: `${rows.length} ${rows.length === 1 ? 'project' : 'projects'}`,
    owner: '',
    workstreamId: 0,
    workstream: '',
    fundingSource: 'hnb',
    savingKind: 'saving',
    approvedBudgetPence: sum('approvedBudgetPence'),
    spendToDatePence: sum('spendToDatePence'),
    forecastPence: sum('forecastPence'),
    rag: null,
    ragReason: '',
    ragAsOf: null,
    totalTargetPence: sum('totalTargetPence'),
    totalDeliveredPence: sum('totalDeliveredPence'),
    totalCostPence: sum('totalCostPence'),
    scenarioNames: [],
    agreementRefs: [],
    board: null,
    milestonesDone: 0,
    milestonesTotal: 0,
    nextMilestone: null,
  };
}

/**
 * The recovery register: every project with its workstream, funding, RAG, money, savings and next
 * milestone, filtered by workstream, RAG and funding source or by any words, and sorted by any
 * column. One read of the projects; the filters work on the page.
 */
export default function RecoveryRegisterScreen() {
  const { money } = useApp();
  const navigate = useNavigate();
  const filters = useFilters();
  const { data: projects, isLoading, error } = useProjects();
  const { data: workstreams } = useWorkstreams();
  const [newOpen, setNewOpenState] = useState(false);
  const [streamsOpen, setStreamsOpenState] = useState(false);
  // Once opened, a dialog stays mounted (closed), so focus goes back where it was when it closes.
  const [used, setUsed] = useState({ project: false, streams: false });
  const setNewOpen = (open: boolean) => {
    if (open) setUsed((u) => ({ ...u, project: true }));
    setNewOpenState(open);
  };
  const setStreamsOpen = (open: boolean) => {
    if (open) setUsed((u) => ({ ...u, streams: true }));
    setStreamsOpenState(open);
  };

  const shown = useMemo(() => (projects ?? []).filter((p) => matches(p, filters)), [projects, filters]);
  const total = useMemo(() => totalRow(shown), [shown]);
  const ragCount = (r: Rag | null) => shown.filter((p) => p.rag === r).length;
  const filtered = !!(filters.workstream || filters.rag || filters.funding || filters.q);
  const noStreams = workstreams !== undefined && workstreams.length === 0;
  const stream = workstreams?.find((w) => String(w.id) === filters.workstream);
  const ragText = filters.rag === NOT_RATED ? 'Not rated' : filters.rag ? RAG_LABELS[filters.rag as Rag] : '';

  return (
    <section className="screen grid-screen register-screen" aria-labelledby="register-title">
      <ScreenHead
        titleId="register-title"
        title="Recovery register"
        sub="The SEND recovery projects: who owns each, what it costs, what it should save and has saved, and how it is going."
      >
        <Button appearance="primary" icon={<AddRegular />} disabledFocusable={noStreams} onClick={() => setNewOpen(true)}>
          New project…
        </Button>
        <Button icon={<PeopleTeamRegular />} onClick={() => setStreamsOpen(true)}>
          Workstreams…
        </Button>
        <RegisterWorkbooks workstreamId={filters.workstream ? Number(filters.workstream) : null} />
      </ScreenHead>
      {noStreams && (
        <p>
          There are no workstreams yet. Projects are grouped by workstream:{' '}
          <Link as="button" onClick={() => setStreamsOpen(true)}>
            add the first workstream
          </Link>
          , then add its projects with New project.
        </p>
      )}
      <FilterBar
        label="Filter the projects"
        className="register-filters"
        search={{
          label: 'Find projects by code, name, owner, board or agreement',
          placeholder: 'Find projects…',
          value: filters.q,
          onChange: (v) => filters.set('q', v),
          className: 'register-search',
        }}
        filtered={filtered}
        onClear={filters.clear}
      >
        <FilterDropdown
          label="Workstream"
          value={stream ? `${stream.code} ${stream.name}` : 'All workstreams'}
          selected={filters.workstream}
          onSelect={(v) => filters.set('workstream', v)}
        >
          {textOptions(workstreams ?? [], (w) => [w.id, `${w.code} ${w.name}`], 'All workstreams')}
        </FilterDropdown>
        <FilterDropdown label="RAG" value={ragText || 'Any RAG'} selected={filters.rag} onSelect={(v) => filters.set('rag', v)} narrow>
          {textOptions([...RAGS, NOT_RATED] as const, (r) => [r, r === NOT_RATED ? 'Not rated' : RAG_LABELS[r]], 'Any RAG')}
        </FilterDropdown>
        <FilterDropdown
          label="Funding source"
          value={filters.funding ? FUNDING_SOURCE_LABELS[filters.funding as FundingSource] : 'Any source'}
          selected={filters.funding}
          onSelect={(v) => filters.set('funding', v)}
        >
          {textOptions(FUNDING_SOURCES, (f) => [f, FUNDING_SOURCE_LABELS[f]], 'Any source')}
        </FilterDropdown>
      </FilterBar>
      <p className="register-count" role="status">
        {projects
          ? `${filtered ? `Showing ${shown.length} of ${projects.length}` : `${projects.length}`} ${projects.length === 1 ? 'project' : 'projects'}: ${ragCount('red')} red, ${ragCount('amber')} amber, ${ragCount('green')} green, ${ragCount(null)} not rated. Enter on a row opens the project.`
          : ''}
      </p>
      {isLoading && !projects ? (
        <Spinner label="Loading the register" />
      ) : error && !projects ? (
        <p role="alert">The register could not be read: {error instanceof Error ? error.message : String(error)}</p>
      ) : (
        <RegisterGrid rows={shown} total={total} money={money} onOpen={(id) => navigate(`/register/${id}`)} />
      )}
      <Suspense fallback={null}>
        {used.project && (
          <ProjectDialog
            open={newOpen}
            project={null}
            defaultWorkstreamId={filters.workstream ? Number(filters.workstream) : null}
            onClose={(saved) => {
              setNewOpen(false);
              if (saved) navigate(`/register/${saved.id}`);
            }}
          />
        )}
        {used.streams && <WorkstreamsDialog open={streamsOpen} onClose={() => setStreamsOpen(false)} />}
      </Suspense>
    </section>
  );
}
