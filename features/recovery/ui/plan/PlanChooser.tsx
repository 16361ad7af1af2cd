import { Dropdown } from '@fluentui/react-components';
import { type ReactNode, useId } from 'react';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { PlanInfo, ScenarioInfo } from '../../types';
import { SCENARIO_KIND_LABELS } from '../../words';

interface Props {
  plans: PlanInfo[];
  plan: PlanInfo;
  scenario: ScenarioInfo;
  onScenario(id: number): void;
  /** After the two dropdowns: starting another plan. */
  children?: ReactNode;
}

/** "Safety Valve proposal (mitigated)", "Unmitigated, locked": a scenario's name, with its kind when the name does not say it. */
export function scenarioOptionText(s: ScenarioInfo): string {
  const kind = s.name.toLowerCase().includes(s.kind) ? '' : ` (${SCENARIO_KIND_LABELS[s.kind].toLowerCase()})`;
  return `${s.name}${kind}${s.locked ? ', locked' : ''}`;
}

/** The plan and the scenario shown. Choosing another plan shows its mitigated scenario, else its unmitigated one. */
export function PlanChooser({ plans, plan, scenario, onScenario, children }: Props) {
  const planId = useId();
  const scenarioId = useId();
  return (
    <div className="plan-chooser">
      <div className="header-field">
        <span id={planId}>Plan</span>
        <Dropdown
          aria-labelledby={planId}
          className="plan-dropdown"
          value={plan.name}
          selectedOptions={[String(plan.id)]}
          onOptionSelect={(_, d) => {
            const chosen = plans.find((p) => String(p.id) === d.optionValue);
            const first = chosen && defaultScenarioOf(chosen);
            if (first) onScenario(first.id);
          }}
        >
          {textOptions(plans, (p) => [p.id, p.name])}
        </Dropdown>
      </div>
      <div className="header-field">
        <span id={scenarioId}>Scenario</span>
        <Dropdown
          aria-labelledby={scenarioId}
          className="scenario-dropdown"
          value={scenarioOptionText(scenario)}
          selectedOptions={[String(scenario.id)]}
          onOptionSelect={(_, d) => d.optionValue && onScenario(Number(d.optionValue))}
        >
          {textOptions(orderedScenarios(plan), (s) => [s.id, scenarioOptionText(s)])}
        </Dropdown>
      </div>
      {children}
    </div>
  );
}

/** Each unmitigated scenario followed by the mitigated ones resting on it. */
export function orderedScenarios(plan: PlanInfo): ScenarioInfo[] {
  const out: ScenarioInfo[] = [];
  for (const u of plan.scenarios.filter((s) => s.kind === 'unmitigated')) {
    out.push(u);
    out.push(...plan.scenarios.filter((s) => s.parentId === u.id));
  }
  return out;
}

/**
 * What a plan opens on: the mitigated scenario being worked on (not one submitted and locked),
 * so the chart shows both lines; else any mitigated one; else its unmitigated one.
 */
export function defaultScenarioOf(plan: PlanInfo): ScenarioInfo | undefined {
  const mitigated = plan.scenarios.filter((s) => s.kind === 'mitigated');
  return mitigated.find((s) => !s.locked) ?? mitigated[0] ?? plan.scenarios.find((s) => !s.locked) ?? plan.scenarios[0];
}
