import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { shortcutOf } from '../../../../electron/shared/menu';
import type { PreviewFlag } from '../../../../electron/shared/workbook-types';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { FLAG_TITLES } from './PreviewStep';

interface Props {
  /** The flags to ask about; null while the dialog is closed. */
  flags: PreviewFlag[] | null;
  fileName: string;
  onApply(): void;
  onBack(): void;
}

/** Apply asks again when the preview carries flags (most rows unmatched, large moves, rows matched by their code). */
export function ConfirmFlagsDialog({ flags, fileName, onApply, onBack }: Props) {
  const shown = flags !== null;
  useFocusReturn(shown);
  if (!shown || !flags) return null;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onBack()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Apply {fileName} anyway?</DialogTitle>
          <DialogContent>
            <p>
              {flags.length === 1 ? 'One thing about this file is' : `${flags.length} things about this file are`} worth a second look before it is applied:
            </p>
            <ul className="notice-lines">
              {flags.map((f) => (
                <li key={f.code}>
                  <strong>{FLAG_TITLES[f.code] ?? 'Look again'}:</strong> {f.message}
                </li>
              ))}
            </ul>
            <p>If you apply it, every change is made as one import, and Undo ({shortcutOf('undo')}) reverses the whole import.</p>
          </DialogContent>
          <DialogButtons onConfirm={onApply} onCancel={onBack} cancelLabel="Go back">
            Apply anyway
          </DialogButtons>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
