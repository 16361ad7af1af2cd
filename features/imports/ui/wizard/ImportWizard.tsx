import { Dialog, DialogBody, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { shortcutOf } from '../../../../electron/shared/menu';
import type { ImportPreview, ImportStart, KindInfo, KindScope, MappingProposal, PreviewFlag } from '../../../../electron/shared/workbook-types';
import { api } from '../../../../renderer/src/api/api';
import { ApiError } from '../../../../renderer/src/api/api-error';
import { useApp } from '../../../../renderer/src/state/app-state';
import { ChooseStep, ReadingStep, useImportProgress } from './ChooseStep';
import { ConfirmFlagsDialog } from './ConfirmFlagsDialog';
import { fileToBase64, plural } from './file-read';
import { type KindChoice, KindStep } from './KindStep';
import { MappingStep } from './MappingStep';
import { type ApplyChoices, PreviewStep } from './PreviewStep';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import '../imports.css';

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

const KINDS_KEY = ['kinds'];
const listKinds = () => api.listKinds({});

/** A scope as the calls take it: the values the kind was given, blanks left out. */
function sendable(scope: KindScope): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(scope)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/** The import wizard, shown by the shell over any screen while the app state says an import is under way. */
export default function ImportWizard() {
  const { importing, setImporting } = useApp();
  const open = importing;
  useFocusReturn(open);
  if (!open) return null;
  return <Wizard onClose={() => setImporting(false)} />;
}

function Wizard({ onClose }: { onClose(): void }) {
  const { notify } = useApp();
  const queryClient = useQueryClient();
  const kindsQuery = useQuery({ queryKey: KINDS_KEY, queryFn: listKinds, staleTime: Number.POSITIVE_INFINITY });
  const kinds = kindsQuery.data ?? [];
  const [stage, setStage] = useState<Stage>('choose');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [readingName, setReadingName] = useState<string | null>(null);
  const [ask, setAsk] = useState<KindAsk | null>(null);
  const [choice, setChoice] = useState<KindChoice | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  /** Bumped for every preview shown, so a new one (after the workspace changed) starts with fresh choices. */
  const [previewNo, setPreviewNo] = useState(0);
  /** The flags Apply is asking about again, while its confirmation is open. */
  const [confirming, setConfirming] = useState<PreviewFlag[] | null>(null);
  const pending = useRef<ApplyChoices | null>(null);
  const importId = useRef<string | null>(null);
  const progress = useImportProgress(stage === 'reading');

  const forget = useCallback(() => {
    const id = importId.current;
    importId.current = null;
    if (id) api.discardImport({ importId: id }).catch(() => undefined);
  }, []);
  // Closed some other way (the workspace went): the server need not keep the file.
  useEffect(() => forget, [forget]);

  const showPreview = (p: ImportPreview) => {
    importId.current = p.importId;
    setPreview(p);
    setPreviewNo((x) => x + 1);
    setStage('preview');
  };

  const accept = async (start: ImportStart) => {
    setError(null);
    if (start.stage === 'preview') return showPreview(start.preview);
    if (start.stage === 'kind') {
      importId.current = start.importId;
      setAsk({ importId: start.importId, fileName: start.fileName, sheets: start.sheets });
      setStage('kind');
      return;
    }
    importId.current = start.proposal.importId;
    const list = kinds.length ? kinds : await queryClient.ensureQueryData({ queryKey: KINDS_KEY, queryFn: listKinds });
    const kind = list.find((k) => k.kind === start.kind);
    if (!kind) throw new Error(`This version of HNB Desk does not know the workbook kind "${start.kind}".`);
    setMapping({ kind, scope: start.scope, proposal: start.proposal });
    setStage('mapping');
  };

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
      else await accept(start);
    } catch (e) {
      setError(e);
      setStage('choose');
    }
  };

  const onFile = (file: File) => void read(file.name, async () => api.importFile({ source: { fileName: file.name, base64: await fileToBase64(file) } }));
  const onDesktopChoose = () => void read(null, () => api.chooseImportFile({}));
  const onRefuse = (message: string) => setError(new Error(message));

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
      await accept(await api.mapImport({ importId: ask!.importId, kind: c.kind, scope: c.scope }));
    });

  const onHeaderRow = (row: number) =>
    void step(async () => {
      const m = mapping!;
      await accept(await api.mapImport({ importId: m.proposal.importId, kind: m.kind.kind, scope: sendable(m.scope), headerRow: row }));
    });

  const onPreview = (columns: Record<string, number>) =>
    void step(async () => {
      const m = mapping!;
      showPreview(
        await api.previewMapped({ importId: m.proposal.importId, kind: m.kind.kind, scope: sendable(m.scope), headerRow: m.proposal.headerRow, columns }),
      );
    });

  const apply = (c: ApplyChoices, confirmFlags: boolean) =>
    void step(async () => {
      const p = preview!;
      try {
        const { batch } = await api.applyImport({
          importId: p.importId,
          ...(Object.keys(c.resolutions).length ? { resolutions: c.resolutions } : {}),
          ...(c.prefer ? { prefer: c.prefer } : {}),
          deleteMissing: c.deleteMissing,
          ...(confirmFlags ? { confirmFlags: true } : {}),
        });
        importId.current = null;
        if (batch) {
          const n = (x: number) => x.toLocaleString('en-GB');
          const parts = [`${n(batch.changed)} changed`, `${n(batch.added)} added`];
          if (batch.deleted) parts.push(`${n(batch.deleted)} removed`);
          if (batch.conflictsResolved) parts.push(`${plural(batch.conflictsResolved, 'conflict')} settled`);
          notify('success', `Imported ${p.fileName}: ${parts.join(', ')} (batch ${batch.id})`, [
            `${p.kindTitle}, ${batch.scopeLabel}. Undo (${shortcutOf('undo')}) reverses the whole import; it is listed under Imports.`,
          ]);
        } else notify('info', `Nothing was changed: ${p.fileName} holds what the workspace already has.`);
        onClose();
        // An import can change any figure on any screen.
        void queryClient.invalidateQueries();
      } catch (e) {
        if (e instanceof ApiError && e.code === 'NEEDS_CONFIRMATION') {
          const flags = e.info.details?.flags;
          pending.current = c;
          setConfirming(Array.isArray(flags) && flags.length ? (flags as PreviewFlag[]) : p.flags);
          return;
        }
        // The workspace moved on since the preview: show the new one, with the server's word why.
        const again = e instanceof ApiError && e.code === 'CONFLICT' ? (e.info.details?.preview as ImportPreview | undefined) : undefined;
        if (again) showPreview(again);
        throw e;
      }
    });

  const onApply = (c: ApplyChoices) => {
    if (preview?.flags.length) {
      pending.current = c;
      setConfirming(preview.flags);
    } else apply(c, false);
  };
  const onConfirmed = () => {
    setConfirming(null);
    if (pending.current) apply(pending.current, true);
  };

  const cancel = () => {
    if (busy || stage === 'reading') return;
    forget();
    onClose();
  };

  const backToMapping = mapping
    ? () => {
        setError(null);
        setStage('mapping');
      }
    : undefined;
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
            {stage === 'choose' && (
              <ChooseStep
                kinds={kinds}
                error={error ?? kindsQuery.error}
                onFile={onFile}
                onRefuse={onRefuse}
                onDesktopChoose={onDesktopChoose}
                onCancel={cancel}
              />
            )}
            {stage === 'reading' && <ReadingStep fileName={readingName} progress={progress} />}
            {stage === 'kind' && ask && (
              <KindStep
                fileName={ask.fileName}
                sheets={ask.sheets}
                kinds={kinds}
                initial={choice}
                busy={busy}
                error={error ?? kindsQuery.error}
                onNext={onKind}
                onBack={() => {
                  setError(null);
                  setStage('choose');
                }}
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
                onBack={() => {
                  setError(null);
                  setStage(ask ? 'kind' : 'choose');
                }}
                onCancel={cancel}
              />
            )}
            {stage === 'preview' && preview && (
              <PreviewStep
                key={previewNo}
                preview={preview}
                kind={kinds.find((k) => k.kind === preview.kind)}
                busy={busy}
                error={error}
                onApply={onApply}
                onBack={backToMapping}
                onCancel={cancel}
              />
            )}
          </div>
          <ConfirmFlagsDialog flags={confirming} fileName={preview?.fileName ?? ''} onApply={onConfirmed} onBack={() => setConfirming(null)} />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
