import { Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Dropdown, Field } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import { useApp } from '../../../../renderer/src/state/app-state';
import { exportWorkbookAs } from '../../../imports/ui/export-actions';
import { usePlans, useWorkstreams } from './data';

import { KIND_TITLES, type RegisterKind } from './kinds';

const KIND_NOTES: Record<RegisterKind, string> = {
  projects: "Each project's RAG with its reason and date, spend to date and forecast, and its cost, target and delivered saving for one year.",
  'project-kpis': "Each project's KPIs: baseline, target and latest value with their dates.",
};

interface Props {
  kind: RegisterKind | null;
  /** The workstream the register is filtered to, chosen at first. */
  workstreamId: number | null;
  onClose(): void;
}

/**
 * A register workbook for project leads to fill in and send back: the whole register or one
 * workstream's projects, and for the projects workbook the year its cost and savings columns hold.
 * It comes back through Import workbook, every change previewed before it is applied.
 */
export function ExportDialog({ kind, workstreamId, onClose }: Props) {
  useFocusReturn(kind !== null);
  return (
    <Dialog open={kind !== null} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="reg-dialog narrow">{kind && <ExportForm kind={kind} workstreamId={workstreamId} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function ExportForm({ kind, workstreamId, onClose }: { kind: RegisterKind; workstreamId: number | null; onClose(): void }) {
  const app = useApp();
  const { data: workstreams } = useWorkstreams();
  const { data: plans } = usePlans(kind === 'projects');
  // The years a project's savings can be in: the plans' years first, then the workspace's own.
  const years = [...new Set([...(plans ?? []).flatMap((p) => p.years), ...app.years.map((y) => y.id)])].sort();
  const [year, setYear] = useState<string | null>(null);
  const chosenYear = year ?? plans?.[0]?.years[0] ?? app.year ?? years[0] ?? null;
  const [stream, setStream] = useState<number | null>(workstreamId);
  const [busy, setBusy] = useState(false);
  const streamInfo = workstreams?.find((w) => w.id === stream);

  const run = async () => {
    if (kind === 'projects' && !chosenYear) return;
    setBusy(true);
    try {
      const scope: Record<string, string> = {};
      if (kind === 'projects' && chosenYear) scope.year = chosenYear;
      if (streamInfo) scope.workstream = streamInfo.code;
      await exportWorkbookAs(app, kind, scope);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <DialogBody>
      <DialogTitle>Export the {KIND_TITLES[kind]}</DialogTitle>
      <DialogContent className="dialog-form">
        <p className="reg-lead">
          {KIND_NOTES[kind]} Send it to the project leads; import it back with Import workbook to see every change before it is applied.
        </p>
        {kind === 'projects' && (
          <Field label="Year of the cost and savings columns" required>
            <Dropdown
              value={chosenYear ?? ''}
              selectedOptions={chosenYear ? [chosenYear] : []}
              onOptionSelect={(_, d) => d.optionValue && setYear(d.optionValue)}
            >
              {textOptions(years, (y) => [y, y])}
            </Dropdown>
          </Field>
        )}
        <Field label="Projects of">
          <Dropdown
            value={streamInfo ? `${streamInfo.code} ${streamInfo.name}` : 'Every workstream'}
            selectedOptions={[stream === null ? '' : String(stream)]}
            onOptionSelect={(_, d) => setStream(d.optionValue ? Number(d.optionValue) : null)}
          >
            {textOptions(workstreams ?? [], (w) => [w.id, `${w.code} ${w.name}`], 'Every workstream')}
          </Dropdown>
        </Field>
      </DialogContent>
      <DialogButtons busy={busy} icon={<ArrowDownloadRegular />} disabled={kind === 'projects' && !chosenYear} onConfirm={() => void run()} onCancel={onClose}>
        Export
      </DialogButtons>
    </DialogBody>
  );
}
