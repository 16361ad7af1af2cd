import { Badge, Dropdown, Field, Link, Tooltip } from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { ProjectDetail } from '../../types';
import { useAttachProject, useDetachProject, usePlans } from './data';

/**
 * The mitigated scenarios the project counts in: its HNB costs are added and its savings taken off
 * theirs, year by year. A submitted scenario is locked: it keeps the project until it is copied.
 */
export function ScenariosCard({ project: p }: { project: ProjectDetail }) {
  const attach = useAttachProject();
  const detach = useDetachProject();
  const { data: plans, error } = usePlans(true);
  const [chosen, setChosen] = useState<number | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const mine = new Set(p.scenarios.map((s) => s.id));
  const choices = (plans ?? []).flatMap((plan) => plan.scenarios.filter((s) => s.kind === 'mitigated' && !s.locked && !mine.has(s.id)));
  const chosenScenario = choices.find((s) => s.id === chosen);

  const add = async () => {
    if (chosen === null) return setRefused('Scenario: choose one first');
    setRefused(null);
    const done = await attach.run({ scenarioId: chosen, projectId: p.id });
    if (done) setChosen(null);
    else setRefused(attach.refusal());
  };
  const remove = async (scenarioId: number) => {
    setRefused(null);
    const done = await detach.run({ scenarioId, projectId: p.id });
    if (!done) setRefused(detach.refusal());
  };

  return (
    <section className="card" aria-labelledby="scenarios-title">
      <h2 id="scenarios-title">Scenarios it counts in</h2>
      <RefusalBar refused={refused} prefix="Not changed: " />
      {p.scenarios.length === 0 ? (
        <p className="muted">Not counted in any mitigated scenario, so the plan does not include it yet.</p>
      ) : (
        <ul className="reg-list" aria-label="Scenarios it counts in">
          {p.scenarios.map((s) => (
            <li key={s.id}>
              <div>
                <Link href="#/plan">{s.name}</Link>
                <div className="muted">
                  {s.planName}
                  {s.locked && (
                    <>
                      {' · '}
                      <Badge appearance="outline" color="informative" size="small">
                        Submitted and locked
                      </Badge>
                    </>
                  )}
                </div>
              </div>
              <Tooltip
                relationship="description"
                content={s.locked ? `${s.name} is submitted and locked: copy it to change what it holds` : `Take it out of ${s.name}`}
              >
                <BusyButton
                  size="small"
                  appearance="subtle"
                  icon={<DismissRegular />}
                  aria-label={`Take out of ${s.name}`}
                  busy={detach.busy}
                  disabledFocusable={s.locked}
                  onClick={() => void remove(s.id)}
                />
              </Tooltip>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p className="muted">The plans could not be read: {error instanceof Error ? error.message : String(error)}</p>
      ) : choices.length > 0 ? (
        <div className="reg-form-actions start">
          <Field label="Count it in a mitigated scenario">
            <Dropdown
              value={chosenScenario ? `${chosenScenario.name} (${chosenScenario.planName})` : ''}
              placeholder="Choose a scenario"
              selectedOptions={chosen === null ? [] : [String(chosen)]}
              onOptionSelect={(_, d) => setChosen(d.optionValue ? Number(d.optionValue) : null)}
              className="reg-choice"
            >
              {textOptions(choices, (s) => [s.id, `${s.name} (${s.planName})`])}
            </Dropdown>
          </Field>
          <BusyButton icon={<AddRegular />} busy={attach.busy} onClick={() => void add()}>
            Count it in
          </BusyButton>
        </div>
      ) : null}
    </section>
  );
}
