import {
  Badge,
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
} from '@fluentui/react-components';
import { ArrowImportRegular, ArrowUndoRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ukDateTime } from '../../../electron/shared/dates';
import { shortcutOf } from '../../../electron/shared/menu';
import type { ImportBatchInfo } from '../../../electron/shared/workbook-types';
import { api } from '../../../renderer/src/api/api';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { DialogButtons } from '../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../renderer/src/components/focus-return';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useRefreshAll, useWrite } from '../../../renderer/src/data/use-write';
import { useApp } from '../../../renderer/src/state/app-state';
import './imports.css';

function changes(b: ImportBatchInfo): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  const parts = [`${n(b.changed)} changed`, `${n(b.added)} added`];
  if (b.deleted) parts.push(`${n(b.deleted)} removed`);
  if (b.conflictsResolved) parts.push(`${n(b.conflictsResolved)} conflict${b.conflictsResolved === 1 ? '' : 's'} settled`);
  return parts.join(', ');
}

/** Every workbook imported into the workspace, and reverting the latest. */
export default function ImportsScreen() {
  const { setImporting, notify } = useApp();
  const batches = useQuery({ queryKey: ['imports'], queryFn: () => api.listImportBatches({}) });
  const [confirm, setConfirm] = useState<ImportBatchInfo | null>(null);
  const refreshAll = useRefreshAll();
  // A revert can change any figure the import changed, on any screen: everything is read again after it.
  const revertWrite = useWrite(api.revertImportBatch, { topics: ['imports'], put: (list) => [[['imports'], list]] });

  const revert = async (b: ImportBatchInfo) => {
    const done = await revertWrite.run({ batchId: b.id });
    setConfirm(null);
    if (!done) return;
    notify('success', `Reverted the import of ${b.fileName}`, ['The figures it changed are back to what they were before it.']);
    void refreshAll();
  };
  const list = batches.data;

  return (
    <section className="screen scroll" aria-labelledby="imports-title">
      <ScreenHead
        titleId="imports-title"
        title="Imports"
        sub="Every workbook imported into this workspace, newest first. The latest import can be reverted while nothing later has changed the same figures."
      >
        <Tooltip content={`Read a returned or filled-in workbook (${shortcutOf('import-workbook')})`} relationship="description">
          <Button appearance="primary" icon={<ArrowImportRegular />} onClick={() => setImporting(true)}>
            Import workbook…
          </Button>
        </Tooltip>
      </ScreenHead>
      <div className="card">
        {batches.isLoading ? (
          <Spinner label="Loading imports" />
        ) : batches.error && !list ? (
          <p className="empty-note" role="alert">
            The list of imports could not be read: {batches.error.message}
          </p>
        ) : !list?.length ? (
          <p className="empty-note">
            No workbooks have been imported yet. Export a budget workbook or a monitoring return, have it filled in, then import it here: every change is shown
            before it is applied.
          </p>
        ) : (
          <Table aria-label="Import history" size="small" className="imports-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '150px' }}>When</TableHeaderCell>
                <TableHeaderCell style={{ width: '110px' }}>Who</TableHeaderCell>
                <TableHeaderCell>Workbook</TableHeaderCell>
                <TableHeaderCell style={{ width: '200px' }}>Changes</TableHeaderCell>
                <TableHeaderCell style={{ width: '200px' }}>Status</TableHeaderCell>
                <TableHeaderCell style={{ width: '110px' }}>
                  <span className="visually-hidden">Actions</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((b) => (
                <TableRow key={b.id}>
                  <TableCell>{ukDateTime(b.at)}</TableCell>
                  <TableCell>{b.who}</TableCell>
                  <TableCell>
                    <div className="batch-file">
                      <span className="batch-name" title={b.fileName}>
                        {b.fileName}
                      </span>
                      <span className="muted">
                        {b.kindTitle}, {b.scopeLabel} · batch {b.id}
                      </span>
                    </div>
                  </TableCell>
                  <TableCell>{changes(b)}</TableCell>
                  <TableCell>
                    <div className="batch-status">
                      {b.revertedAt ? (
                        <>
                          <Badge appearance="tint" color="informative">
                            Reverted
                          </Badge>
                          <span className="muted">
                            {ukDateTime(b.revertedAt)}
                            {b.revertedBy ? ` by ${b.revertedBy}` : ''}
                          </span>
                        </>
                      ) : (
                        <Badge appearance="tint" color="success">
                          Applied
                        </Badge>
                      )}
                    </div>
                  </TableCell>
                  <TableCell>
                    {b.canRevert ? (
                      <BusyButton
                        size="small"
                        busy={revertWrite.busy && confirm?.id === b.id}
                        icon={<ArrowUndoRegular />}
                        disabled={revertWrite.busy}
                        aria-label={`Revert the import of ${b.fileName}`}
                        onClick={() => setConfirm(b)}
                      >
                        Revert
                      </BusyButton>
                    ) : b.blockedBy ? (
                      <span className="muted">Cannot revert: {b.blockedBy}</span>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
      <RevertDialog batch={confirm} busy={revertWrite.busy} onRevert={(b) => void revert(b)} onCancel={() => setConfirm(null)} />
    </section>
  );
}

function RevertDialog({
  batch,
  busy,
  onRevert,
  onCancel,
}: {
  batch: ImportBatchInfo | null;
  busy: boolean;
  onRevert(b: ImportBatchInfo): void;
  onCancel(): void;
}) {
  const shown = batch !== null;
  useFocusReturn(shown);
  if (!shown || !batch) return null;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && !busy && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Revert the import of {batch.fileName}?</DialogTitle>
          <DialogContent>
            <p>Reverting restores the figures this import changed to what they were before it was applied.</p>
            <dl className="facts">
              <dt>Workbook</dt>
              <dd>
                {batch.kindTitle}, {batch.scopeLabel}
              </dd>
              <dt>Applied</dt>
              <dd>
                {ukDateTime(batch.at)} by {batch.who} (batch {batch.id})
              </dd>
              <dt>Changes</dt>
              <dd>{changes(batch)}</dd>
            </dl>
            <p>The revert is recorded in each line's history, and the import stays listed here as reverted.</p>
          </DialogContent>
          <DialogButtons busy={busy} icon={<ArrowUndoRegular />} onConfirm={() => onRevert(batch)} onCancel={onCancel} cancelDisabled={busy}>
            Revert import
          </DialogButtons>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
