import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { shortcutOf } from '../../../../electron/shared/menu';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { ScenarioInfo } from '../../types';
import { useDeleteScenario } from './data';

interface Props {
  open: boolean;
  scenario: ScenarioInfo;
  onClose(deleted: boolean): void;
}

/** Deleting a scenario not submitted (a copy no longer wanted): its assumptions or projects go with it, and undo brings them back. */
export function DeleteScenarioDialog({ open, scenario, onClose }: Props) {
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose(false)}>
      <DialogSurface>{open && <DeleteForm scenario={scenario} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function DeleteForm({ scenario, onClose }: Omit<Props, 'open'>) {
  const { notify } = useApp();
  const remove = useDeleteScenario();
  const [refused, setRefused] = useState<string | null>(null);
  const confirm = async () => {
    setRefused(null);
    const done = await remove.run({ id: scenario.id });
    if (!done) return setRefused(remove.lastError());
    notify('success', `${scenario.name} deleted. Undo (${shortcutOf('undo')}) brings it back.`);
    onClose(true);
  };
  return (
    <DialogBody>
      <DialogTitle>Delete {scenario.name}?</DialogTitle>
      <DialogContent className="dialog-form">
        <p>
          {scenario.kind === 'mitigated'
            ? `The scenario and its list of projects go; the projects stay in the register.`
            : `The scenario and its assumptions (funding and expenditure lines) go. A mitigated scenario resting on it must be deleted first.`}
        </p>
        <RefusalBar refused={refused} prefix="Not deleted: " />
      </DialogContent>
      <DialogButtons busy={remove.busy} icon={<DeleteRegular />} onConfirm={() => void confirm()} onCancel={() => onClose(false)} cancelLabel="Keep it">
        Delete scenario
      </DialogButtons>
    </DialogBody>
  );
}
