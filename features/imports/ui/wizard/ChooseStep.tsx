import { Button, DialogActions, DialogContent, Field, ProgressBar } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ImportProgress } from '../../../../electron/shared/workbook-types';
import { api, isDesktop } from '../../../../renderer/src/api/api';
import { ErrorBar } from './ErrorBar';
import { plural } from './file-read';

interface ChooseProps {
  error: unknown;
  onFile(file: File): void;
  onDesktopChoose(): void;
  onCancel(): void;
}

/** Pick the workbook: the native dialog on the desktop, a file picker in the browser, or drop it. */
export function ChooseStep({ error, onFile, onDesktopChoose, onCancel }: ChooseProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) onFile(file);
  };
  return (
    <>
      <DialogContent className="wizard-content">
        <p className="wizard-lead">
          Choose an Excel workbook (.xlsx): a budget workbook or monitoring return exported from HNB Desk and filled in, or a spreadsheet of your own with a row
          of headings. Nothing changes until you have seen every change and chosen Apply.
        </p>
        <div
          className={over ? 'drop-zone is-over' : 'drop-zone'}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <DocumentArrowUpRegular fontSize={32} aria-hidden />
          {isDesktop ? (
            <Button appearance="primary" onClick={onDesktopChoose}>
              Choose file…
            </Button>
          ) : (
            <>
              <input
                ref={input}
                id="import-file-input"
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-label="Workbook to import"
                hidden
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) onFile(file);
                }}
              />
              <Button appearance="primary" onClick={() => input.current?.click()}>
                Choose file…
              </Button>
            </>
          )}
          <span className="muted">or drop an .xlsx file here</span>
        </div>
        <ErrorBar error={error} />
      </DialogContent>
      <DialogActions>
        <Button appearance="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </DialogActions>
    </>
  );
}

/** Asks the server how far it has read, four times a second, while `active`. */
export function useImportProgress(active: boolean): ImportProgress | null {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    let inFlight = false;
    const tick = () => {
      if (inFlight) return;
      inFlight = true;
      api
        .getImportProgress({})
        .then((p) => live && setProgress(p))
        .catch(() => undefined)
        .finally(() => (inFlight = false));
    };
    tick();
    const timer = setInterval(tick, 250);
    return () => {
      live = false;
      clearInterval(timer);
      setProgress(null);
    };
  }, [active]);
  return progress;
}

const PHASES: Record<ImportProgress['phase'], string> = {
  checking: 'Checking it is a workbook that is safe to open',
  reading: 'Reading its rows',
  comparing: 'Comparing it with the workspace',
  applying: 'Applying',
  done: 'Finishing',
};

export function ReadingStep({ fileName, progress }: { fileName: string | null; progress: ImportProgress | null }) {
  const active = progress?.active ?? false;
  const name = active ? progress!.fileName : fileName;
  const label = name ? `Reading ${name}` : 'Choose the workbook in the window that opened';
  const hint = active ? `${PHASES[progress!.phase]} · ${plural(progress!.rowsRead, 'row')} read` : name ? 'Sending the file' : 'Waiting for a file';
  const fraction = active && progress!.phase === 'reading' && progress!.fraction !== null ? progress!.fraction : undefined;
  return (
    <DialogContent className="wizard-content">
      <Field label={label} hint={hint} className="reading-field">
        <ProgressBar value={fraction} max={1} thickness="large" />
      </Field>
    </DialogContent>
  );
}
