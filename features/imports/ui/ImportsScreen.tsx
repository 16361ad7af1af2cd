import {
  Badge,
  Button,
  Dialog,
  DialogActions,
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
} from '@fluentui/react-components';
import { ArrowImportRegular, ArrowUndoRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { periodLongLabel } from '../../../electron/shared/periods';
import type { ImportBatchInfo, KindInfo } from '../../../electron/shared/workbook-types';
import { api } from '../../../renderer/src/api/api';
import { useApp, useLoad } from '../../../renderer/src/state/app-state';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';

export function when(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function changes(b: ImportBatchInfo): string {
  const parts = [`${b.changed} changed`, `${b.added} added`];
  if (b.deleted) parts.push(`${b.deleted} removed`);
  if (b.conflictsResolved) parts.push(`${b.conflictsResolved} conflict${b.conflictsResolved === 1 ? '' : 's'} settled`);
  return parts.join(', ');
}

function scope(b: ImportBatchInfo): string {
  return b.period ? `${b.year} ${periodLongLabel(b.year, b.period)}` : b.year;
}

/** Every workbook imported into the workspace, and reverting the latest. */
export function ImportsScreen() {
  const { setImporting, refresh, notify, reportError } = useApp();
  const { data: batches, loading } = useLoad(() => api.listImportBatches({}), []);
  const { data: kinds } = useLoad(() => api.listKinds({}), []);
  const [confirm, setConfirm] = useState<ImportBatchInfo | null>(null);
  const [reverting, setReverting] = useState(false);
  const title = (k: string) => (kinds as KindInfo[] | null)?.find((x) => x.kind === k)?.title ?? k;

  const revert = async (b: ImportBatchInfo) => {
    setReverting(true);
    try {
      await api.revertImportBatch({ batchId: b.id });
      notify('success', `Reverted the import of ${b.fileName}`, ['The figures it changed are back to what they were before it.']);
      refresh();
    } catch (e) {
      reportError(e);
    } finally {
      setReverting(false);
      setConfirm(null);
    }
  };

  return (
    <section className="screen scroll" aria-labelledby="imports-title">
      <ScreenHead
        titleId="imports-title"
        title="Imports"
        sub="Every workbook imported into this workspace, newest first. The latest import can be reverted while nothing later has changed the same figures."
      >
        <Button appearance="primary" icon={<ArrowImportRegular />} onClick={() => setImporting(true)}>
          Import workbook…
        </Button>
      </ScreenHead>
      <div className="card">
        {loading && !batches ? (
          <Spinner label="Loading imports" />
        ) : !batches?.length ? (
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
              {batches.map((b) => (
                <TableRow key={b.id}>
                  <TableCell>{when(b.at)}</TableCell>
                  <TableCell>{b.who}</TableCell>
                  <TableCell>
                    <div className="batch-file">
                      <span className="batch-name" title={b.fileName}>
                        {b.fileName}
                      </span>
                      <span className="muted">
                        {title(b.kind)}, {scope(b)}
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
                            {when(b.revertedAt)}
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
                      <Button size="small" icon={<ArrowUndoRegular />} aria-label={`Revert the import of ${b.fileName}`} onClick={() => setConfirm(b)}>
                        Revert
                      </Button>
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
      {confirm && (
        <Dialog open onOpenChange={(_, d) => !d.open && !reverting && setConfirm(null)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Revert the import of {confirm.fileName}?</DialogTitle>
              <DialogContent>
                <p>Reverting restores the figures this import changed to what they were before it was applied.</p>
                <dl className="facts">
                  <dt>Workbook</dt>
                  <dd>
                    {title(confirm.kind)}, {scope(confirm)}
                  </dd>
                  <dt>Applied</dt>
                  <dd>
                    {when(confirm.at)} by {confirm.who}
                  </dd>
                  <dt>Changes</dt>
                  <dd>{changes(confirm)}</dd>
                </dl>
                <p>The revert is recorded in each line's history, and the import stays listed here as reverted.</p>
              </DialogContent>
              <DialogActions>
                <Button appearance="secondary" disabled={reverting} onClick={() => setConfirm(null)}>
                  Cancel
                </Button>
                <Button
                  appearance="primary"
                  icon={reverting ? <Spinner size="tiny" /> : <ArrowUndoRegular />}
                  disabled={reverting}
                  onClick={() => void revert(confirm)}
                >
                  Revert import
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
