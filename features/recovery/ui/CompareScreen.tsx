import { Button, Dropdown, Field, Spinner } from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowSwapRegular } from '@fluentui/react-icons';
import { useSearchParams } from 'react-router';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { textOptions } from '../../../renderer/src/components/TextOptions';
import type { PlanInfo, ScenarioInfo } from '../types';
import { CompareTable } from './plan/CompareTable';
import { scenarioLabel, seriesName, useCompare, usePlans } from './plan/data';
import { PlanChart } from './plan/PlanChart';
import { defaultScenarioOf, orderedScenarios, scenarioOptionText } from './plan/PlanChooser';
import './plan/plan.css';

/** The scenario the plan screen opens on, against the one it rests on: the comparison most often wanted. */
function defaults(plans: PlanInfo[]): [ScenarioInfo | undefined, ScenarioInfo | undefined] {
  const p = plans[0];
  const b = p && defaultScenarioOf(p);
  if (!p || !b) return [undefined, undefined];
  const a = b.parentId !== null ? p.scenarios.find((s) => s.id === b.parentId) : p.scenarios.find((s) => s.id !== b.id);
  return [a, b];
}

/**
 * Two scenarios side by side, of the same plan or of any two: the differences year by year
 * (second less first) and a chart of both cumulative lines. The pair is kept in the address.
 */
export default function CompareScreen() {
  const { data: plans, isLoading } = usePlans();
  const [params, setParams] = useSearchParams();
  const all = (plans ?? []).flatMap((p) => orderedScenarios(p));
  const [da, db] = defaults(plans ?? []);
  const a = all.find((s) => s.id === Number(params.get('a'))) ?? da;
  const b = all.find((s) => s.id === Number(params.get('b'))) ?? db;
  const { data: compare, isLoading: comparing, error } = useCompare(a && b && a.id !== b.id ? a.id : null, a && b && a.id !== b.id ? b.id : null);
  const manyPlans = (plans?.length ?? 0) > 1 || (a && b && a.planId !== b.planId);
  const label = (s: ScenarioInfo) => (manyPlans ? `${s.planName}: ${scenarioOptionText(s)}` : scenarioOptionText(s));
  const choose = (which: 'a' | 'b', id: string | undefined) => {
    if (!id) return;
    const next = { a: String(a?.id ?? ''), b: String(b?.id ?? ''), [which]: id };
    setParams(next, { replace: true });
  };

  if (isLoading && !plans) return <Spinner className="loading" label="Opening the scenarios" />;
  return (
    <section className="screen scroll compare-screen" aria-labelledby="compare-title">
      <ScreenHead
        titleId="compare-title"
        title="Compare scenarios"
        sub="Two scenarios side by side: each figure is the second less the first; green is better for the deficit, red worse."
      >
        <Button as="a" href={`#/plan${b ? `?scenario=${b.id}` : ''}`} icon={<ArrowLeftRegular />}>
          Back to the plan
        </Button>
      </ScreenHead>
      {all.length < 2 ? (
        <div className="card plan-empty">
          <h2>Nothing to compare yet</h2>
          <p>Start a plan on the Deficit plan screen: it comes with an unmitigated and a mitigated scenario to compare.</p>
        </div>
      ) : (
        <>
          <div className="compare-pickers">
            <Field label="First scenario">
              <Dropdown value={a ? label(a) : ''} selectedOptions={a ? [String(a.id)] : []} onOptionSelect={(_, d) => choose('a', d.optionValue)}>
                {textOptions(all, (s) => [s.id, label(s)])}
              </Dropdown>
            </Field>
            <Button
              icon={<ArrowSwapRegular />}
              aria-label="Swap the two scenarios"
              title="Swap the two scenarios"
              onClick={() => a && b && setParams({ a: String(b.id), b: String(a.id) }, { replace: true })}
            />
            <Field label="Second scenario">
              <Dropdown value={b ? label(b) : ''} selectedOptions={b ? [String(b.id)] : []} onOptionSelect={(_, d) => choose('b', d.optionValue)}>
                {textOptions(all, (s) => [s.id, label(s)])}
              </Dropdown>
            </Field>
          </div>
          {a && b && a.id === b.id ? (
            <p>Choose two different scenarios.</p>
          ) : comparing && !compare ? (
            <Spinner size="small" label="Comparing" />
          ) : compare && a && b ? (
            <>
              <PlanChart
                id="compare-chart"
                title={`Cumulative DSG position by year: ${seriesName(compare.a)} against ${seriesName(compare.b)}`}
                series={[
                  { name: manyPlans ? scenarioLabel(a) : seriesName(compare.a), result: compare.a },
                  { name: manyPlans ? scenarioLabel(b) : seriesName(compare.b), result: compare.b },
                ]}
              />
              <section aria-labelledby="compare-diff-title" className="plan-section">
                <h2 id="compare-diff-title">
                  {compare.b.scenario} less {compare.a.scenario}, year by year
                </h2>
                <CompareTable compare={compare} aName={compare.a.scenario} bName={compare.b.scenario} />
              </section>
            </>
          ) : error ? (
            <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
          ) : null}
        </>
      )}
    </section>
  );
}
