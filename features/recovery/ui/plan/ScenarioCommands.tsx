import { Button, Tooltip } from '@fluentui/react-components';
import { AddRegular, ArrowDownloadRegular, BranchCompareRegular, CopyRegular, DeleteRegular, LockClosedRegular, RenameRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../../renderer/src/api/api';
import { saveWorkbook } from '../../../../renderer/src/api/save-file';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PlanInfo, ScenarioInfo } from '../../types';

export type ScenarioAction = 'new-mitigated' | 'copy' | 'rename' | 'submit' | 'delete';

interface Props {
  plan: PlanInfo;
  scenario: ScenarioInfo;
  holder: ScenarioInfo;
  onAction(action: ScenarioAction): void;
}

/** What can be done with the scenario shown: add a mitigated one, copy, rename, submit and lock, export, compare. */
export function ScenarioCommands({ plan, scenario, holder, onAction }: Props) {
  const { notify, reportError, dismissNotice } = useApp();
  const navigate = useNavigate();
  const [exporting, setExporting] = useState(false);
  const mitigated = scenario.kind === 'mitigated' ? scenario : null;
  // Compare opens on the unmitigated scenario against the mitigated one.
  const [a, b] = mitigated ? [holder, mitigated] : [scenario, plan.scenarios.find((s) => s.parentId === scenario.id)];

  const exportPlan = async () => {
    dismissNotice();
    setExporting(true);
    try {
      const saved = await saveWorkbook(await api.buildPlanWorkbook({ unmitigatedId: holder.id, mitigatedId: mitigated?.id }));
      if (saved) notify('success', `Saved ${saved}`);
    } catch (e) {
      reportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="command-bar" role="toolbar" aria-label="Scenario actions">
      {scenario.kind === 'unmitigated' && (
        <Button icon={<AddRegular />} onClick={() => onAction('new-mitigated')}>
          New mitigated scenario…
        </Button>
      )}
      <Button icon={<CopyRegular />} onClick={() => onAction('copy')}>
        {mitigated ? 'Copy or re-base…' : 'Copy…'}
      </Button>
      <Tooltip content={scenario.locked ? 'A locked scenario keeps its name: copy it to name the copy' : 'A new name, and a note'} relationship="description">
        <Button icon={<RenameRegular />} disabledFocusable={scenario.locked} onClick={() => onAction('rename')}>
          Rename…
        </Button>
      </Tooltip>
      <Tooltip
        content={
          scenario.locked
            ? 'Already submitted and locked'
            : `Lock it with the date it went and a note${mitigated && !holder.locked ? `; ${holder.name} is locked with it` : ''}`
        }
        relationship="description"
      >
        <Button icon={<LockClosedRegular />} disabledFocusable={scenario.locked} onClick={() => onAction('submit')}>
          Submit and lock…
        </Button>
      </Tooltip>
      {!scenario.locked && (
        <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => onAction('delete')}>
          Delete…
        </Button>
      )}
      <span className="command-gap" />
      <Tooltip
        content={`In the layout of the DfE management plan's summary: ${holder.name}${mitigated ? `, ${mitigated.name}` : ''} and the savings log`}
        relationship="description"
      >
        <BusyButton appearance="primary" busy={exporting} icon={<ArrowDownloadRegular />} onClick={() => void exportPlan()}>
          Export plan workbook
        </BusyButton>
      </Tooltip>
      <Button icon={<BranchCompareRegular />} onClick={() => navigate(`/compare?a=${a.id}${b ? `&b=${b.id}` : ''}`)}>
        Compare scenarios
      </Button>
    </div>
  );
}
