import { KpiCard } from '../../../../renderer/src/components/KpiCard';
import type { PlanResult } from '../../types';

/**
 * The plan's headline: where the cumulative position starts (the base year's carried forward),
 * where it ends, and the first year spending is below funding, if any.
 */
export function PlanKpis({ result }: { result: PlanResult }) {
  const last = result.years.at(-1);
  const savings = result.years.reduce((s, y) => s + y.savingsPence, 0);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of headline figures, not a form's fieldset
    <div className="kpis" role="group" aria-label={`Headline figures of ${result.scenario}`}>
      <KpiCard label="Opening cumulative" pence={result.openingCumulativePence} tone="balance" note={`${result.baseYear} carried forward`} />
      {last && <KpiCard label="Cumulative at the end" pence={last.cumulativePence} tone="balance" note={`31 March ${Number(last.year.slice(0, 4)) + 1}`} />}
      {/* biome-ignore lint/a11y/useSemanticElements: a label, figure and note, as KpiCard */}
      <div className="kpi" role="group" aria-label="First year in in-year surplus">
        <div className="kpi-label">First year in in-year surplus</div>
        <div className={`kpi-value kpi-words${result.firstInYearSurplus ? ' is-good' : ' is-bad'}`}>{result.firstInYearSurplus ?? 'None in the plan'}</div>
        <div className="kpi-note">
          {result.firstInYearSurplus ? 'funding above expenditure' : `spending exceeds funding every year to ${last?.year ?? 'the end'}`}
        </div>
      </div>
      {result.kind === 'mitigated' && <KpiCard label="Savings over the plan" pence={savings} note={`${result.projects.length} projects counted`} />}
    </div>
  );
}
