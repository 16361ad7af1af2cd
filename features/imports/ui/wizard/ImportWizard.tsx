import { Dialog, DialogBody, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportPreview, ImportStart, KindInfo, KindScope, MappingProposal } from '../../../../electron/shared/workbook-types';
import { api } from '../../../../renderer/src/api/api';
import { ApiError } from '../../../../renderer/src/api/api-error';
import { useApp } from '../../../../renderer/src/state/app-state';
import { ChooseStep, ReadingStep, useImportProgress } from './ChooseStep';
import { fileToBase64, plural } from './file-read';
import { KindStep, type KindChoice } from './KindStep';
import { MappingStep } from './MappingStep';
import { PreviewStep, type ApplyChoices } from './PreviewStep';

type Stage = 'choose' | 'reading' | 'kind' | 'mapping' | 'preview';

interface KindAsk {
  importId: string;
  fileName: string;
  sheets: string[];
}
interface Mapping {
  kind: KindInfo;
  scope: KindScope;
  proposal: MappingProposal;
}

/** The import wizard, shown over any screen while the app state says an import is under way. */
export function ImportWizard() {
  const { importing, setImporting } = useApp();
  if (!importing) return null;
  return <Wizard onClose={() => setImporting(false)} />;
}

function Wizard({ onClose }: { onClose(): void }) {
  const { refresh, notify } = useApp();
  const [stage, setStage] = useState<Stage>('choose');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [kinds, setKinds] = useState<KindInfo[]>([]);
  const [readingName, setReadingName] = useState<string | null>(null);
  const [ask, setAsk] = useState<KindAsk | null>(null);
  const [choice, setChoice] = useState<KindChoice | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const importId = useRef<string | null>(null);
  const progress = useImportProgress(stage === 'reading');

  useEffect(() => {
    api.listKinds({}).then(setKinds).catch(setError);
  }, []);

  const forget = () => {
    const id = importId.current;
    importId.current = null;
    if (id) api.discardImport({ importId: id }).catch(() => undefined);
  };

  const accept = useCallback((start: ImportStart, list: KindInfo[]) => {
    setError(null);
    if (start.stage === 'preview') {
      importId.current = start.preview.importId;
      setPreview(start.preview);
      setStage('preview');
    } else if (start.stage === 'mapping') {
      importId.current = start.proposal.importId;
      const kind = list.find((k) => k.kind === start.kind);
      if (!kind) throw new Error(`HNB Desk does not know the workbook kind "${start.kind}".`);
      setMapping({ kind, scope: start.scope, proposal: start.proposal });
      setStage('mapping');
    } else {
      importId.current = start.importId;
      setAsk({ importId: start.importId, fileName: start.fileName, sheets: start.sheets });
      setStage('kind');
    }
  }, []);

  /** Reads a new file, dropping whatever import was open before. */
  const read = async (fileName: string | null, run: () => Promise<ImportStart | null>) => {
    forget();
    setAsk(null);
    setMapping(null);
    setPreview(null);
    setChoice(null);
    setError(null);
    setReadingName(fileName);
    setStage('reading');
    try {
      const start = await run();
      if (!start) setStage('choose');
      else accept(start, kinds.length ? kinds : await api.listKinds({}));
    } catch (e) {
      setError(e);
      setStage('choose');
    }
  };

  const onFile = (file: File) => void read(file.name, async () => api.importFile({ source: { fileName: file.name, base64: await fileToBase64(file) } }));
  const onDesktopChoose = () => void read(null, () => api.chooseImportFile({}));

  const step = async (run: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const onKind = (c: KindChoice) =>
    void step(async () => {
      setChoice(c);
      accept(await api.mapImport({ importId: ask!.importId, kind: c.kind, year: c.year, ...(c.period ? { period: c.period } : {}) }), kinds);
    });

  const onHeaderRow = (row: number) =>
    void step(async () => {
      const m = mapping!;
      accept(
        await api.mapImport({
          importId: m.proposal.importId,
          kind: m.kind.kind,
          year: m.scope.year,
          ...(m.scope.period ? { period: m.scope.period } : {}),
          headerRow: row,
        }),
        kinds,
      );
    });

  const onPreview = (columns: Record<string, number>) =>
    void step(async () => {
      const m = mapping!;
      const p = await api.previewMapped({
        importId: m.proposal.importId,
        kind: m.kind.kind,
        year: m.scope.year,
        ...(m.scope.period ? { period: m.scope.period } : {}),
        ...(m.scope.holder ? { holder: m.scope.holder } : {}),
        headerRow: m.proposal.headerRow,
        columns,
      });
      setPreview(p);
      setStage('preview');
    });

  const onApply = (c: ApplyChoices) =>
    void step(async () => {
      const p = preview!;
      try {
        const { batch } = await api.applyImport({
          importId: p.importId,
          ...(Object.keys(c.resolutions).length ? { resolutions: c.resolutions } : {}),
          ...(c.prefer ? { prefer: c.prefer } : {}),
          deleteMissing: c.deleteMissing,
        });
        importId.current = null;
        if (batch) {
          const parts = [`${batch.changed.toLocaleString('en-GB')} changed`, `${batch.added.toLocaleString('en-GB')} added`];
          if (batch.deleted) parts.push(`${batch.deleted.toLocaleString('en-GB')} removed`);
          notify('success', `Imported ${p.fileName}: ${parts.join(', ')}`, [
            `${plural(batch.changed + batch.added + batch.deleted, 'line')} updated as one change; undo or revert it under Imports.`,
          ]);
        } else notify('info', `Nothing was changed: ${p.fileName} holds what the workspace already has.`);
        refresh();
        onClose();
      } catch (e) {
        // The workspace moved on since the preview: show the new one, with why.
        const again = e instanceof ApiError ? (e.info.details?.preview as ImportPreview | undefined) : undefined;
        if (again) setPreview(again);
        throw e;
      }
    });

  const cancel = () => {
    if (busy || stage === 'reading') return;
    forget();
    onClose();
  };

  const backToMapping = mapping ? () => (setError(null), setStage('mapping')) : undefined;
  const steps: Array<[Stage, string]> = [
    ['choose', 'Choose file'],
    ...(ask || mapping
      ? ([
          ['kind', 'What it holds'],
          ['mapping', 'Match columns'],
        ] as Array<[Stage, string]>)
      : []),
    ['preview', 'Review and apply'],
  ];
  const current = stage === 'reading' ? 'choose' : stage;
  const fileName = preview?.fileName ?? mapping?.proposal.fileName ?? ask?.fileName ?? null;

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && cancel()}>
      <DialogSurface
        className={`import-dialog is-${stage}`}
        style={{
          width: 'min(1180px, calc(100vw - 48px))',
          maxWidth: 'none',
          ...(stage === 'preview' || stage === 'mapping' ? { height: 'calc(100vh - 48px)' } : {}),
        }}
      >
        <DialogBody className="import-body" style={{ display: 'flex', flexDirection: 'column', gap: '10px', height: '100%', maxHeight: 'calc(100vh - 96px)' }}>
          <DialogTitle>Import a workbook{fileName ? <span className="wizard-file">: {fileName}</span> : null}</DialogTitle>
          <div className="wizard-main">
            <ol className="wizard-steps" aria-label="Steps">
              {steps.map(([id, label], i) => (
                <li key={id} className={id === current ? 'is-current' : undefined} aria-current={id === current ? 'step' : undefined}>
                  <span className="step-n">{i + 1}</span> {label}
                </li>
              ))}
            </ol>
            {stage === 'choose' && <ChooseStep error={error} onFile={onFile} onDesktopChoose={onDesktopChoose} onCancel={cancel} />}
            {stage === 'reading' && <ReadingStep fileName={readingName} progress={progress} />}
            {stage === 'kind' && ask && (
              <KindStep
                fileName={ask.fileName}
                sheets={ask.sheets}
                kinds={kinds}
                initial={choice}
                busy={busy}
                error={error}
                onNext={onKind}
                onCancel={cancel}
              />
            )}
            {stage === 'mapping' && mapping && (
              <MappingStep
                key={`${mapping.proposal.importId}:${mapping.proposal.headerRow}:${mapping.kind.kind}`}
                kind={mapping.kind}
                scope={mapping.scope}
                proposal={mapping.proposal}
                busy={busy}
                error={error}
                onPreview={onPreview}
                onHeaderRow={onHeaderRow}
                onBack={() => (setError(null), setStage(ask ? 'kind' : 'choose'))}
                onCancel={cancel}
              />
            )}
            {stage === 'preview' && preview && (
              <PreviewStep
                key={preview.importId + JSON.stringify(preview.counts)}
                preview={preview}
                busy={busy}
                error={error}
                onApply={onApply}
                onBack={backToMapping}
                onCancel={cancel}
              />
            )}
          </div>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
