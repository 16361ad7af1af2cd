import { Button, DialogContent, Field, ProgressBar } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import type { ImportProgress, KindInfo } from '../../../../electron/shared/workbook-types';
import { api, isDesktop } from '../../../../renderer/src/api/api';
import { droppedFolder, fileProblem, plural } from './file-read';
import { StepFrame } from './StepFrame';

interface ChooseProps {
  kinds: KindInfo[];
  error: unknown;
  onFile(file: File): void;
  /** A file refused before it is sent: too large, empty, a folder, several at once. */
  onRefuse(message: string): void;
  onDesktopChoose(): void;
  onCancel(): void;
}

/** "a High Needs budget or High Needs monitoring return", from the kinds the server knows. */
function kindsText(kinds: KindInfo[]): string {
  const titles = kinds.map((k) => k.title);
  if (titles.length === 0) return 'a workbook';
  return `a ${titles.length === 1 ? titles[0] : `${titles.slice(0, -1).join(', ')} or ${titles[titles.length - 1]}`}`;
}

/** Pick the workbook: the native dialog on the desktop, a file picker in the browser, or drop it. */
export function ChooseStep({ kinds, error, onFile, onRefuse, onDesktopChoose, onCancel }: ChooseProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (file: File) => {
    const problem = fileProblem(file);
    if (problem) onRefuse(problem);
    else onFile(file);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const folder = droppedFolder(e.dataTransfer.items);
    if (folder) return onRefuse(`${folder} is a folder, not a workbook: drop the .xlsx file itself.`);
    const files = e.dataTransfer.files;
    if (files.length > 1) return onRefuse(`${files.length} files were dropped: import one workbook at a time.`);
    const file = files[0];
    if (file) take(file);
  };
  return (
    <StepFrame error={error} onCancel={onCancel}>
      <p className="wizard-lead">
        Choose an Excel workbook (.xlsx): {kindsText(kinds)} exported from HNB Desk and filled in, or a spreadsheet of your own with a row of headings. Nothing
        changes until you have seen every change and chosen Apply.
      </p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping a file is a mouse shortcut; the button beside it does the same from the keyboard */}
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
                if (file) take(file);
              }}
            />
            <Button appearance="primary" onClick={() => input.current?.click()}>
              Choose file…
            </Button>
          </>
        )}
        <span className="muted">or drop an .xlsx file here (up to 50 MB)</span>
      </div>
    </StepFrame>
  );
}

const POLL_MS = 300;

/** Asks the server how far it has read, about three times a second, while `active`. */
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
        .finally(() => {
          inFlight = false;
        });
    };
    tick();
    const timer = setInterval(tick, POLL_MS);
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
  const active = progress?.active ? progress : null;
  const name = active ? active.fileName : fileName;
  const label = name ? `Reading ${name}` : 'Choose the workbook in the window that opened';
  const hint = active ? `${PHASES[active.phase]} · ${plural(active.rowsRead, 'row')} read` : name ? 'Sending the file' : 'Waiting for a file';
  const fraction = active && active.phase === 'reading' && active.fraction !== null ? active.fraction : undefined;
  return (
    <DialogContent className="wizard-content">
      <Field label={label} hint={hint} className="reading-field">
        <ProgressBar value={fraction} max={1} thickness="large" />
      </Field>
    </DialogContent>
  );
}
