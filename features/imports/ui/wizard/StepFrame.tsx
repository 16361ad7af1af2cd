import { Button, DialogActions, DialogContent } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { ErrorBar } from './ErrorBar';

interface Props {
  /** Added to the content's own class: `mapping`, `preview`. */
  className?: string;
  /** The last refused call, shown below the step's content. */
  error: unknown;
  /** Why the step cannot go on yet, shown beside its buttons; the main button names `blocked.id` in aria-describedby. */
  blocked?: { id: string; text: string | null | undefined };
  actionsClassName?: string;
  onCancel(): void;
  /** Cancel waits for the call under way. */
  cancelDisabled?: boolean;
  /** The way back to the step before, when there is one. */
  back?: { label: string; disabled: boolean; onClick(): void };
  /** The step's main button. */
  next?: ReactNode;
  children: ReactNode;
}

/** A step of the import wizard: its content, the last refusal under it, then Cancel, Back and the step's main button. */
export function StepFrame({ className, error, blocked, actionsClassName, onCancel, cancelDisabled, back, next, children }: Props) {
  return (
    <>
      <DialogContent className={className ? `wizard-content ${className}` : 'wizard-content'}>
        {children}
        <ErrorBar error={error} />
      </DialogContent>
      <DialogActions className={actionsClassName}>
        {blocked?.text && (
          <p id={blocked.id} className="apply-blocked">
            {blocked.text}
          </p>
        )}
        <Button appearance="secondary" disabled={cancelDisabled} onClick={onCancel}>
          Cancel
        </Button>
        {back && (
          <Button appearance="secondary" icon={<ArrowLeftRegular />} disabled={back.disabled} onClick={back.onClick}>
            {back.label}
          </Button>
        )}
        {next}
      </DialogActions>
    </>
  );
}
