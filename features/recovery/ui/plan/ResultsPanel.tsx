import { MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { api } from '../../../../renderer/src/api/api';
import type { PlanInfo, PlanResult, ScenarioInfo } from '../../types';
import { resultKey, seriesName } from './data';
import { type ChartSeries, PlanChart } from './PlanChart';
import { YearTable } from './YearTable';

interface Props {
  plan: PlanInfo;
  scenario: ScenarioInfo;
  holder: ScenarioInfo;
  result: PlanResult;
}

/** How many mitigated lines an unmitigated scenario's chart draws beside its own. */
const MOST_MITIGATED = 3;

/**
 * The scenario year by year, and the chart of the unmitigated cumulative deficit against the
 * mitigated: a mitigated scenario against its parent, an unmitigated one against the mitigated
 * scenarios resting on it. A locked scenario can show its figures as submitted.
 */
export function ResultsPanel({ plan, scenario, holder, result }: Props) {
  const others = scenario.kind === 'mitigated' ? [holder] : plan.scenarios.filter((s) => s.parentId === scenario.id).slice(0, MOST_MITIGATED);
  const otherResults = useQueries({
    queries: others.map((s) => ({ queryKey: resultKey(s.id), queryFn: () => api.getPlanResult({ scenarioId: s.id }), refetchOnMount: 'always' as const })),
  });
  const [view, setView] = useState<'live' | 'submitted'>('live');
  const submitted = result.submitted;
  const years = view === 'submitted' && submitted ? submitted.years : result.years;

  const named = (r: PlanResult): ChartSeries => ({ name: seriesName(r), result: r });
  const loaded = otherResults.map((q) => q.data).filter((r): r is PlanResult => !!r);
  const series = scenario.kind === 'mitigated' ? [...loaded.map(named), named(result)] : [named(result), ...loaded.map(named)];
  const waiting = otherResults.some((q) => q.isLoading);

  return (
    <div className="plan-results">
      {submitted && (
        <div className="plan-submitted">
          {!submitted.matches && (
            <MessageBar intent="warning" className="plan-notice">
              <MessageBarBody>
                <MessageBarTitle>The live figures have moved since it was submitted</MessageBarTitle>
                {scenario.name} is locked, but its projects' figures in the register have changed since {ukLongDate(submitted.on)}. The figures as submitted are
                kept: choose them below to see what was sent.
              </MessageBarBody>
            </MessageBar>
          )}
          <RadioGroup layout="horizontal" value={view} onChange={(_, d) => setView(d.value as 'live' | 'submitted')} aria-label="Figures shown">
            <Radio value="live" label="Live figures" />
            <Radio value="submitted" label={`As submitted on ${ukLongDate(submitted.on)}`} />
          </RadioGroup>
        </div>
      )}
      {waiting ? (
        <Spinner size="small" label="Loading the chart" />
      ) : (
        <PlanChart id="plan-chart" title={`Cumulative DSG position by year: ${series.map((s) => s.name).join(' against ')}`} series={series} />
      )}
      <YearTable
        label={`${scenario.name} year by year${view === 'submitted' && submitted ? `, as submitted on ${ukLongDate(submitted.on)}` : ''}`}
        baseYear={result.baseYear}
        openingCumulativePence={result.openingCumulativePence}
        years={years}
        mitigated={scenario.kind === 'mitigated'}
        firstInYearSurplus={years.find((y) => y.inYearPence > 0)?.year ?? null}
      />
    </div>
  );
}
