import { Checkbox, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, ProgressBar, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import type { PackProgress } from '../../types';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';

interface Props {
  open: boolean;
  /** The version this will make. */
  nextVersion: number;
  /** A full pack has been published before: this one is a re-issue and needs its reason. */
  reissue: boolean;
  /** Late papers exist, so a supplementary pack (late items only) can be published. */
  lateItems: string[];
  busy: boolean;
  /** How far the publication's build has got, while busy. */
  progress: PackProgress | null;
  /** Stops the build while publishing: nothing is stored. */
  onStop(): void;
  refused: string | null;
  onPublish(options: { reason?: string; supplementary: boolean }): void;
  onCancel(): void;
}

/**
 * Publishing freezes the pack as it is now: the PDF and workbook (full and public), the figures
 * behind every live block and the papers' text, each file with its SHA-256. A re-issue says why;
 * a supplementary pack holds the late items only.
 */
export function PublishDialog({ open, nextVersion, reissue, lateItems, busy, progress, onStop, refused, onPublish, onCancel }: Props) {
  useFocusReturn(open);
  const [reason, setReason] = useState('');
  const [supplementary, setSupplementary] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
      setSupplementary(false);
      setTried(false);
    }
  }, [open]);
  const needsReason = reissue && !supplementary;
  const blank = needsReason && !reason.trim();
  const what = supplementary ? 'supplementary pack' : reissue ? 're-issued pack' : 'pack';
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && !busy && onCancel()}>
      <DialogSurface>
        <SubmitForm
          onSubmit={() => {
            setTried(true);
            if (!blank) onPublish({ ...(reason.trim() ? { reason: reason.trim() } : {}), supplementary });
          }}
        >
          <DialogBody>
            <DialogTitle>{reissue ? `Re-issue the pack as version ${nextVersion}` : `Publish the pack as version ${nextVersion}`}</DialogTitle>
            <DialogContent className="publish-dialog">
              <p>
                The {what} is built now and stored as version {nextVersion}: the PDF and workbook (full and public), the figures behind every live block and the
                papers' text, each file with its SHA-256. Later changes to the data do not change it{reissue ? '' : '; a later change needs a re-issue'}.
              </p>
              {lateItems.length > 0 && (
                <Checkbox
                  checked={supplementary}
                  onChange={(_, d) => setSupplementary(d.checked === true)}
                  label={`Supplementary pack: the late ${lateItems.length === 1 ? 'item' : 'items'} only (${lateItems.join(', ')})`}
                />
              )}
              {(reissue || supplementary) && (
                <Field
                  label={needsReason ? 'Reason for the re-issue' : 'Reason (optional)'}
                  required={needsReason}
                  validationState={tried && blank ? 'error' : 'none'}
                  validationMessage={tried && blank ? 'Say why the pack is re-issued: it is printed with the new version and kept in its record.' : undefined}
                >
                  <Textarea value={reason} onChange={(_, d) => setReason(d.value)} maxLength={1000} rows={3} resize="vertical" />
                </Field>
              )}
              {busy && (
                <div className="pack-progress" aria-live="polite">
                  <ProgressBar
                    value={progress?.active ? (progress.fraction ?? undefined) : undefined}
                    max={1}
                    thickness="large"
                    aria-label="Building the pack to publish"
                  />
                  <p className="pack-step">{progress?.cancelled ? 'Stopping…' : (progress?.active && progress.step) || 'Starting'}</p>
                </div>
              )}
              <RefusalBar refused={refused} prefix="Not published: " />
            </DialogContent>
            <DialogButtons busy={busy} onCancel={busy ? onStop : onCancel} cancelLabel={busy ? 'Stop' : 'Cancel'}>
              {reissue && !supplementary ? `Re-issue as version ${nextVersion}` : `Publish version ${nextVersion}`}
            </DialogButtons>
          </DialogBody>
        </SubmitForm>
      </DialogSurface>
    </Dialog>
  );
}
