import { Button, Menu, MenuButton, MenuItem, MenuList, MenuPopover, MenuTrigger, Tooltip } from '@fluentui/react-components';
import { ArrowDownloadRegular, ArrowSyncRegular, CopyRegular, DeleteRegular, EditRegular, LockClosedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api } from '../../../../renderer/src/api/api';
import { saveWorkbook } from '../../../../renderer/src/api/save-file';
import { BusyButton, busyProps } from '../../../../renderer/src/components/BusyButton';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { RunInfo } from '../../types';
import { useRecalculateRun } from './data';

export type RunAction = 'edit' | 'approve' | 'copy' | 'delete';

/** The workbooks a run exports: its results, and its inputs (which `hnb allocate --from` reads back into a run). */
const EXPORTS = [
  { key: 'results', label: 'Results workbook', build: api.buildAllocationWorkbook },
  { key: 'inputs', label: 'Inputs workbook', build: api.buildRunInputsWorkbook },
] as const;

interface Props {
  run: RunInfo;
  onAction(action: RunAction): void;
}

/**
 * What can be done with the run shown: change its inputs, work it out again on today's data,
 * approve and lock it, copy it (the way to change a locked run), delete a draft, and export it.
 * A locked run's changes stay in the bar, focusable, saying why they cannot be used.
 */
export function RunCommands({ run, onAction }: Props) {
  const app = useApp();
  const recalculate = useRecalculateRun();
  const [exporting, setExporting] = useState(false);
  const lockedWhy = 'Locked: it never changes. Copy it to change the copy.';

  const exportAs = async (build: (typeof EXPORTS)[number]['build']) => {
    app.dismissNotice();
    setExporting(true);
    try {
      const saved = await saveWorkbook(await build({ runId: run.id }));
      if (saved) app.notify('success', `Saved ${saved}`);
    } catch (e) {
      app.reportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="command-bar" role="toolbar" aria-label="Run actions">
      <Tooltip content={run.locked ? lockedWhy : 'The pot, rate, factors and places'} relationship="description">
        <Button icon={<EditRegular />} disabledFocusable={run.locked} onClick={() => onAction('edit')}>
          Change inputs
        </Button>
      </Tooltip>
      <Tooltip content={run.locked ? lockedWhy : 'Work it out again on today’s school data and membership'} relationship="description">
        <BusyButton icon={<ArrowSyncRegular />} busy={recalculate.busy} disabledFocusable={run.locked} onClick={() => void recalculate.run({ runId: run.id })}>
          Recalculate
        </BusyButton>
      </Tooltip>
      <Tooltip content={run.locked ? 'Already locked' : 'Lock it with the date it was approved and by whom'} relationship="description">
        <Button icon={<LockClosedRegular />} disabledFocusable={run.locked} onClick={() => onAction('approve')}>
          Approve and lock…
        </Button>
      </Tooltip>
      <Button icon={<CopyRegular />} onClick={() => onAction('copy')}>
        Copy…
      </Button>
      {!run.locked && (
        <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => onAction('delete')}>
          Delete…
        </Button>
      )}
      <span className="command-gap" />
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <MenuButton {...busyProps(exporting, <ArrowDownloadRegular />)}>Export</MenuButton>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {EXPORTS.map((e) => (
              <MenuItem key={e.key} onClick={() => void exportAs(e.build)}>
                {e.label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
