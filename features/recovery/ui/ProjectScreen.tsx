import { Button, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ukLongDate } from '../../../electron/shared/dates';
import { KpiCard } from '../../../renderer/src/components/KpiCard';
import { HistoryDrawer } from '../../history/ui/HistoryDrawer';
import { AgreementsCard } from './register/AgreementsCard';
import { useProject } from './register/data';
import { DetailsCard } from './register/DetailsCard';
import { KpisCard } from './register/KpisCard';
import { MilestonesCard } from './register/MilestonesCard';
import { ProjectHeader } from './register/ProjectHeader';
import { RagCard } from './register/RagCard';
import { ScenariosCard } from './register/ScenariosCard';
import { YearsCard } from './register/YearsCard';
import './register/register.css';

/**
 * A recovery project: its details, money, savings and costs by year, RAG with its history,
 * milestones, KPIs, the board that oversees it, the agreements that deliver it, the scenarios it
 * counts in, and every change made to it.
 */
export default function ProjectScreen() {
  const { projectId } = useParams();
  const id = Number(projectId);
  const { data: p, isLoading, error } = useProject(id);
  const [historyOpen, setHistoryOpen] = useState(false);

  if (isLoading && !p) return <Spinner className="loading" label="Opening the project" />;
  if (!p) {
    return (
      <section className="screen empty" aria-labelledby="project-title">
        <h1 id="project-title">Project not found</h1>
        <p>{error instanceof Error ? error.message : 'There is no such project in this workspace.'}</p>
        <Button as="a" href="#/register">
          Back to the recovery register
        </Button>
      </section>
    );
  }

  const savingWord = p.savingKind === 'cost_avoidance' ? 'cost avoidance' : 'savings';
  return (
    <section className="screen scroll project-screen" aria-labelledby="project-title">
      <ProjectHeader project={p} onHistory={() => setHistoryOpen(true)} />
      {/* biome-ignore lint/a11y/useSemanticElements: a row of headline figures, not a form's fieldset */}
      <div className="kpis" role="group" aria-label="Headline figures">
        <KpiCard label="Approved budget" pence={p.approvedBudgetPence} />
        <KpiCard
          label="Spend to date"
          pence={p.spendToDatePence}
          note={p.approvedBudgetPence > 0 ? `${share(p.spendToDatePence, p.approvedBudgetPence)} of budget` : undefined}
        />
        <KpiCard
          label="Forecast"
          pence={p.forecastPence}
          note={
            p.forecastPence > p.approvedBudgetPence
              ? `over budget by ${fmtShare(p.forecastPence - p.approvedBudgetPence, p.approvedBudgetPence)}`
              : 'within budget'
          }
        />
        <KpiCard label={`Target ${savingWord}`} pence={p.totalTargetPence} note="all years" />
        <KpiCard label={`Delivered ${savingWord}`} pence={p.totalDeliveredPence} note={p.ragAsOf ? `RAG as of ${ukLongDate(p.ragAsOf)}` : 'all years'} />
        <KpiCard label="HNB cost" pence={p.totalCostPence} note={p.fundingSource === 'hnb' ? 'counts in mitigated scenarios' : 'not funded from the HNB'} />
      </div>
      <div className="project-cards">
        <div className="card-stack">
          <DetailsCard project={p} />
          <MilestonesCard project={p} />
        </div>
        <RagCard project={p} />
        <YearsCard project={p} />
        <KpisCard project={p} />
        <AgreementsCard project={p} />
        <ScenariosCard project={p} />
      </div>
      <HistoryDrawer subject={historyOpen ? `recovery_project:${p.id}` : null} title={`${p.code} ${p.name}`} onClose={() => setHistoryOpen(false)} />
    </section>
  );
}

function share(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}

function fmtShare(over: number, budget: number): string {
  return budget > 0 ? share(over, budget) : 'the whole forecast';
}
