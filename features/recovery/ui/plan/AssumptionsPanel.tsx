import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { Fragment, type ReactNode } from 'react';
import { ukLongDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PlanResult, ScenarioInfo } from '../../types';
import { useConfirmExtreme } from './ConfirmExtreme';
import { useAssumptions, usePlanResult, useRefreshBase } from './data';
import { FundingGrid } from './FundingGrid';
import { PlanLinesGrid } from './PlanLinesGrid';

interface Props {
  scenario: ScenarioInfo;
  /** The unmitigated scenario holding the assumptions: the scenario itself, or its parent. */
  holder: ScenarioInfo;
  onOpenScenario(id: number): void;
}

/** Why the assumptions cannot be typed over here, in a sentence that says what to do instead; null when they can. */
export function assumptionsReadOnlyReason(scenario: ScenarioInfo, holder: ScenarioInfo): string | null {
  if (scenario.kind === 'mitigated')
    return `${scenario.name} is mitigated: its assumptions are its parent's, ${holder.name}. Change them on ${holder.name}${holder.locked ? ' (locked: copy it first)' : ''}.`;
  if (scenario.locked)
    return `${scenario.name} was submitted${scenario.submittedOn ? ` on ${ukLongDate(scenario.submittedOn)}` : ''} and is locked: a locked scenario never changes. Copy it to change its assumptions.`;
  return null;
}

/**
 * The assumptions: funding by year and the expenditure lines. Editable on an unmitigated
 * scenario not yet submitted; read-only, with the reason, on a locked one; and on a mitigated
 * one they are its parent's, shown for reference with a way to open the parent.
 */
export function AssumptionsPanel({ scenario, holder, onOpenScenario }: Props) {
  const { money } = useApp();
  const { data: assumptions, isLoading } = useAssumptions(holder.id);
  // The holder's own results give the allocation, funding and each line's final year.
  const { data: result } = usePlanResult(holder.id);
  const readOnly = assumptionsReadOnlyReason(scenario, holder);
  const { ask, dialog } = useConfirmExtreme();
  if (isLoading || !assumptions) return <Spinner size="small" label="Loading the assumptions" />;
  return (
    <div className="plan-assumptions">
      {scenario.kind === 'mitigated' ? (
        <MessageBar intent="info" className="plan-notice">
          <MessageBarBody>
            <MessageBarTitle>The assumptions are the parent's</MessageBarTitle>
            {scenario.name} takes its funding and expenditure lines from {holder.name}, and adds its projects' costs and savings. They are shown here read-only.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onOpenScenario(holder.id)}>
              Open {holder.name}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : scenario.locked ? (
        <MessageBar intent="warning" className="plan-notice">
          <MessageBarBody>
            <MessageBarTitle>Read-only: submitted and locked</MessageBarTitle>
            {readOnly}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <BaseDrift holder={holder} assumptions={assumptions} result={result} />
      <section aria-labelledby="plan-funding-title" className="plan-section">
        <h2 id="plan-funding-title">Funding by year</h2>
        <p className="muted">
          Base: {assumptions.baseLabel}. The High Needs allocation grows from {money.format(assumptions.baseAllocationPence)} by the percentage each year; type
          3.5 or 3.5%. Funding = allocation + transfers + adjustments.
        </p>
        <FundingGrid assumptions={assumptions} result={result} readOnlyReason={readOnly} confirm={ask} />
      </section>
      <section aria-labelledby="plan-lines-title" className="plan-section">
        <h2 id="plan-lines-title">Expenditure lines</h2>
        <p className="muted">
          A line worked out from children or places grows in numbers and in average cost each year; any other line grows by a percentage. Type children or
          places on a line to work it out from them.
        </p>
        <PlanLinesGrid assumptions={assumptions} result={result} readOnlyReason={readOnly} confirm={ask} />
      </section>
      {dialog}
    </div>
  );
}

/** The workspace's base year has moved since the plan read it: say by how much, and offer to read it again. */
function BaseDrift({
  holder,
  assumptions,
  result,
}: {
  holder: ScenarioInfo;
  assumptions: NonNullable<ReturnType<typeof useAssumptions>['data']>;
  result?: PlanResult;
}) {
  const { money } = useApp();
  const refresh = useRefreshBase();
  const drift = assumptions.baseDrift;
  if (!drift) return null;
  // Amounts kept whole on one line: "-£22,548,100" must not break after its minus.
  const amount = (pence: number) => <span className="nowrap">{money.format(pence)}</span>;
  const parts: ReactNode[] = [];
  if (drift.openingCumulativePence !== assumptions.openingCumulativePence)
    parts.push(
      <>
        the carried forward is now {amount(drift.openingCumulativePence)} (the plan has {amount(assumptions.openingCumulativePence)})
      </>,
    );
  if (drift.baseAllocationPence !== assumptions.baseAllocationPence)
    parts.push(
      <>
        the High Needs allocation is now {amount(drift.baseAllocationPence)} (the plan has {amount(assumptions.baseAllocationPence)})
      </>,
    );
  if (drift.linesChanged > 0) parts.push(`${drift.linesChanged} line${drift.linesChanged === 1 ? '' : 's'} changed`);
  return (
    <MessageBar intent="warning" className="plan-notice">
      <MessageBarBody>
        <MessageBarTitle>The base year has moved</MessageBarTitle>
        Since {holder.name} read {result?.baseYear ?? 'its base year'} from the workspace,{' '}
        {parts.length
          ? parts.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a fixed sentence's clauses
              <Fragment key={i}>
                {i > 0 && '; '}
                {p}
              </Fragment>
            ))
          : 'its figures changed'}
        . {holder.locked ? `${holder.name} is locked, so it keeps the base it was submitted with: copy it to start from the new figures.` : ''}
      </MessageBarBody>
      {!holder.locked && (
        <MessageBarActions>
          <BusyButton size="small" busy={refresh.busy} icon={<ArrowSyncRegular />} onClick={() => void refresh.run({ scenarioId: holder.id })}>
            Refresh the base
          </BusyButton>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
