import { Badge, Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ArrowSyncRegular, CopyRegular, LockClosedRegular } from '@fluentui/react-icons';
import { ukDateTime, ukLongDate } from '../../../../electron/shared/dates';
import { busyProps } from '../../../../renderer/src/components/BusyButton';
import type { RunDetail, RunInfo } from '../../types';
import { useRecalculateRun } from './data';

interface Props {
  run: RunDetail;
  /** The run the year's returns are held against (approved, else the latest). */
  counts: boolean;
  copiedFrom: RunInfo | undefined;
  onCopy(): void;
}

/** Where the run stands (draft, approved, locked by a published pack), what it was worked out on, and whether today's data has moved since. */
export function RunStatus({ run, counts, copiedFrom, onCopy }: Props) {
  const recalculate = useRecalculateRun();
  const sentence = run.locked
    ? run.status === 'approved' && run.approvedOn
      ? `Approved on ${ukLongDate(run.approvedOn)}${run.approvedNote ? `: ${run.approvedNote.replace(/\.$/, '')}` : ''}. A locked run never changes; copy it to change it.`
      : `${run.lockReason ?? 'Locked'}. A locked run never changes; copy it to change it.`
    : 'Its results move only when it is worked out again; approve it to lock it.';
  return (
    <>
      <p className="alloc-status">
        {run.locked ? (
          <Badge appearance="tint" color="informative" icon={<LockClosedRegular />}>
            {run.status === 'approved' ? 'Approved' : 'Locked'}
          </Badge>
        ) : (
          <Badge appearance="outline" color="subtle" className="alloc-draft-badge">
            Draft
          </Badge>
        )}{' '}
        {sentence} Worked out on {ukDateTime(run.calculatedAt)}.{copiedFrom ? ` Copied from ${copiedFrom.name} (${copiedFrom.year}).` : ''}
        {counts ? ` This is the run that counts for ${run.year}: its returns are held against it.` : ''}
      </p>
      {run.dataChanged && (
        <MessageBar intent="warning" className="alloc-notice">
          <MessageBarBody>
            <MessageBarTitle>The data has changed</MessageBarTitle>
            {run.locked
              ? `The school data or membership of ${run.year} has changed since ${run.name} was worked out. It is locked, so its figures stay as they were; copy it to work it out on today’s data.`
              : `The school data or membership of ${run.year} has changed since ${run.name} was worked out. Its figures stay as they are until you recalculate it.`}
          </MessageBarBody>
          <MessageBarActions>
            {run.locked ? (
              <Button icon={<CopyRegular />} onClick={onCopy}>
                Copy on today’s data…
              </Button>
            ) : (
              <Button {...busyProps(recalculate.busy, <ArrowSyncRegular />)} onClick={() => void recalculate.run({ runId: run.id })}>
                Recalculate now
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
