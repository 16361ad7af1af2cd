import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useCallback, useRef, useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { SANE_GROWTH_BP } from '../../words';
import { formatBp } from '../../../../renderer/src/components/percent';

/**
 * "Save anyway?" for growth past ±25%: the server's sentence says which figure and why it asks.
 * `ask` resolves true when the user means it; the dialog goes back to where the keyboard was.
 */
export function useConfirmExtreme() {
  const [question, setQuestion] = useState<string | null>(null);
  const answer = useRef<((yes: boolean) => void) | null>(null);
  const ask = useCallback(
    (message: string) =>
      new Promise<boolean>((resolve) => {
        answer.current = resolve;
        setQuestion(message);
      }),
    [],
  );
  const close = (yes: boolean) => {
    answer.current?.(yes);
    answer.current = null;
    setQuestion(null);
  };
  const dialog = <ConfirmExtremeDialog question={question} onAnswer={close} />;
  return { ask, dialog };
}

function ConfirmExtremeDialog({ question, onAnswer }: { question: string | null; onAnswer(yes: boolean): void }) {
  const open = question !== null;
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onAnswer(false)}>
      <DialogSurface>
        {open && (
          <DialogBody>
            <DialogTitle>Save anyway?</DialogTitle>
            <DialogContent className="dialog-form">
              <p>{question}</p>
              <p>
                Growth beyond {formatBp(SANE_GROWTH_BP)} either way in a year is unusual: check it is not a typing slip. Save it only if the plan really assumes
                it.
              </p>
            </DialogContent>
            <DialogButtons onConfirm={() => onAnswer(true)} onCancel={() => onAnswer(false)} cancelLabel="Do not save">
              Save anyway
            </DialogButtons>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
