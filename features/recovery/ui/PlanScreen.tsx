import { Badge, Button, Spinner, Tab, TabList } from '@fluentui/react-components';
import { AddRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ukLongDate } from '../../../electron/shared/dates';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import type { PlanInfo, ScenarioInfo } from '../types';
import { SAVINGS_BASIS_LABELS } from '../words';
import { AssumptionsPanel } from './plan/AssumptionsPanel';
import { DeleteScenarioDialog } from './plan/DeleteScenarioDialog';
import { usePlanResult, usePlans } from './plan/data';
import { NewPlanDialog } from './plan/NewPlanDialog';
import { defaultScenarioOf, PlanChooser } from './plan/PlanChooser';
import { PlanKpis } from './plan/PlanKpis';
import { ProjectsPanel } from './plan/ProjectsPanel';
import { ResultsPanel } from './plan/ResultsPanel';
import { type ScenarioAction, ScenarioCommands } from './plan/ScenarioCommands';
import { ScenarioDialog, type ScenarioDialogKind } from './plan/ScenarioDialogs';
import { SubmitDialog } from './plan/SubmitDialog';
import './plan/plan.css';

const TABS = [
  ['years', 'Year by year'],
  ['assumptions', 'Assumptions'],
  ['projects', 'Projects'],
] as const;
type TabId = (typeof TABS)[number][0];

/**
 * The deficit management plan: choose a plan and scenario (or start a plan), its headline
 * figures, and a tab each for the year-by-year results with the chart, the assumptions, and the
 * projects a mitigated scenario counts. The scenario and tab are kept in the address, so the
 * compare screen and the back button land on them.
 */
export default function PlanScreen() {
  const { data: plans, isLoading } = usePlans();
  const [params, setParams] = useSearchParams();
  const [newPlan, setNewPlan] = useState(false);

  const all = (plans ?? []).flatMap((p) => p.scenarios);
  const asked = Number(params.get('scenario'));
  const scenario = all.find((s) => s.id === asked) ?? (plans?.[0] ? defaultScenarioOf(plans[0]) : undefined);
  const plan = plans?.find((p) => p.id === scenario?.planId);
  const askedTab = params.get('tab');
  const tab: TabId = TABS.some(([t]) => t === askedTab) ? (askedTab as TabId) : 'years';

  const show = (id: number, nextTab: TabId = tab) => setParams({ scenario: String(id), ...(nextTab === 'years' ? {} : { tab: nextTab }) });

  if (isLoading && !plans) return <Spinner className="loading" label="Opening the plan" />;
  return (
    <section className="screen scroll plan-screen" aria-labelledby="plan-title">
      <ScreenHead
        titleId="plan-title"
        title="Deficit plan"
        sub={
          plan && scenario ? (
            <>
              {plan.name}: base {plan.baseYear}, {plan.years[0]} to {plan.years.at(-1)} · cumulative = previous + in-year + contributions; negative is a deficit
            </>
          ) : (
            'Where the DSG deficit is heading, with and without the recovery projects'
          )
        }
      />
      {plans && plan && scenario && (
        <PlanChooser plans={plans} plan={plan} scenario={scenario} onScenario={(id) => show(id)}>
          <Button icon={<AddRegular />} onClick={() => setNewPlan(true)}>
            New plan…
          </Button>
        </PlanChooser>
      )}
      {plan && scenario ? (
        <ScenarioView key={scenario.id} plan={plan} scenario={scenario} tab={tab} onShow={show} />
      ) : (
        <div className="card plan-empty">
          <h2>No plan yet</h2>
          <p>
            Start a plan from a year the workspace holds: its budget lines and forecast, its High Needs allocation and its carried forward balance are the base,
            and the plan runs five to fifteen years beyond it.
          </p>
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setNewPlan(true)}>
            New plan…
          </Button>
        </div>
      )}
      <NewPlanDialog
        open={newPlan}
        onClose={(made) => {
          setNewPlan(false);
          const first = made && defaultScenarioOf(made);
          if (first) show(first.id, 'years');
        }}
      />
    </section>
  );
}

/** "no projects attached", "the project attached", "the 4 projects attached". */
function projectCount(n: number): string {
  return n === 0 ? 'no projects attached yet' : n === 1 ? 'the project attached' : `the ${n} projects attached`;
}

interface ViewProps {
  plan: PlanInfo;
  scenario: ScenarioInfo;
  tab: TabId;
  onShow(id: number, tab?: TabId): void;
}

function ScenarioView({ plan, scenario, tab, onShow }: ViewProps) {
  const holder = (scenario.parentId !== null ? plan.scenarios.find((s) => s.id === scenario.parentId) : scenario) ?? scenario;
  const { data: result, isLoading } = usePlanResult(scenario.id);
  const [dialog, setDialog] = useState<ScenarioDialogKind | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const tabs = TABS.filter(([t]) => t !== 'projects' || scenario.kind === 'mitigated');
  const shownTab = tabs.some(([t]) => t === tab) ? tab : 'years';

  const act = (a: ScenarioAction) => (a === 'submit' ? setSubmitting(true) : a === 'delete' ? setDeleting(true) : setDialog(a));
  return (
    <>
      <ScenarioCommands plan={plan} scenario={scenario} holder={holder} onAction={act} />
      <p className="plan-status">
        {scenario.locked ? (
          <Badge appearance="tint" color="informative" icon={<LockClosedRegular />}>
            Locked
          </Badge>
        ) : null}{' '}
        {scenario.kind === 'mitigated'
          ? `Mitigated scenario: the assumptions of ${holder.name}, with the costs and savings of ${projectCount(scenario.projectIds.length)} (${SAVINGS_BASIS_LABELS[scenario.savingsBasis].toLowerCase()}).`
          : "Unmitigated scenario: it holds the plan's assumptions, the position if nothing changes."}{' '}
        {scenario.locked && scenario.submittedOn
          ? `Submitted on ${ukLongDate(scenario.submittedOn)}: ${scenario.submittedNote.replace(/\.$/, '')}. A locked scenario never changes; copy it to change it.`
          : ''}
        {scenario.note ? ` ${scenario.note}` : ''}
      </p>
      {isLoading && !result ? <Spinner size="small" label="Working out the plan" /> : result ? <PlanKpis result={result} /> : null}
      <TabList selectedValue={shownTab} onTabSelect={(_, d) => onShow(scenario.id, d.value as TabId)} aria-label="Parts of the plan" className="plan-tabs">
        {tabs.map(([value, label]) => (
          <Tab key={value} value={value} id={`plan-tab-${value}`} aria-controls={value === shownTab ? `plan-panel-${value}` : undefined}>
            {value === 'projects' ? `${label} (${scenario.projectIds.length})` : label}
          </Tab>
        ))}
      </TabList>
      <div role="tabpanel" id={`plan-panel-${shownTab}`} aria-labelledby={`plan-tab-${shownTab}`} className="plan-panel">
        {shownTab === 'years' && result && <ResultsPanel plan={plan} scenario={scenario} holder={holder} result={result} />}
        {shownTab === 'assumptions' && <AssumptionsPanel scenario={scenario} holder={holder} onOpenScenario={(id) => onShow(id, 'assumptions')} />}
        {shownTab === 'projects' && <ProjectsPanel scenario={scenario} result={result} />}
      </div>
      <ScenarioDialog
        kind={dialog}
        scenario={scenario}
        onClose={(made) => {
          setDialog(null);
          if (made && made.id !== scenario.id) onShow(made.id);
        }}
      />
      <DeleteScenarioDialog
        open={deleting}
        scenario={scenario}
        onClose={(deleted) => {
          setDeleting(false);
          // The scenario has gone: show what it rested on, or the plan's own first choice.
          if (deleted)
            onShow(
              scenario.kind === 'mitigated'
                ? holder.id
                : (defaultScenarioOf({ ...plan, scenarios: plan.scenarios.filter((x) => x.id !== scenario.id) })?.id ?? 0),
            );
        }}
      />
      <SubmitDialog open={submitting} scenario={scenario} parent={scenario.kind === 'mitigated' ? holder : null} onClose={() => setSubmitting(false)} />
    </>
  );
}
