import { Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { DocumentAddRegular, EditRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api, isDesktop } from '../../../renderer/src/api/api';
import { useApp, useLoad } from '../../../renderer/src/state/app-state';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';

/** Native open/new dialogs (desktop only); also used by the File menu. */
export function useWorkspaceChooser() {
  const { workspaceChanged, reportError } = useApp();
  return async (mode: 'open' | 'create') => {
    try {
      const info = await api.chooseWorkspace({ mode });
      if (info) workspaceChanged(info);
    } catch (e) {
      reportError(e);
    }
  };
}

function RenameWorkspace() {
  const { workspace, workspaceChanged, reportError, refresh } = useApp();
  const [name, setName] = useState<string | null>(null);
  if (name === null) {
    return (
      <Button size="small" icon={<EditRegular />} onClick={() => setName(workspace?.name ?? '')}>
        Rename
      </Button>
    );
  }
  const save = async () => {
    try {
      const info = await api.renameWorkspace({ name });
      workspaceChanged(info);
      refresh();
      setName(null);
    } catch (e) {
      reportError(e);
    }
  };
  return (
    <div className="inline-form tight">
      <Input aria-label="Workspace name" value={name} onChange={(_, d) => setName(d.value)} />
      <Button size="small" appearance="primary" disabled={!name.trim()} onClick={() => void save()}>
        Save
      </Button>
      <Button size="small" onClick={() => setName(null)}>
        Cancel
      </Button>
    </div>
  );
}

export function WorkspacesScreen() {
  const { workspace, workspaceChanged, reportError } = useApp();
  const { data: recent } = useLoad(() => api.listRecentWorkspaces({}), [workspace?.path]);
  const [path, setPath] = useState('');
  const choose = useWorkspaceChooser();
  const openPath = async (p: string, create: boolean) => {
    try {
      workspaceChanged(await api.openWorkspace({ path: p, create }));
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <section className="screen scroll" aria-labelledby="ws-title">
      <ScreenHead titleId="ws-title" title="Workspaces" sub="One workspace file holds one authority's figures. Keep it on a drive that is backed up.">
        {isDesktop && (
          <>
            <Button icon={<FolderOpenRegular />} onClick={() => void choose('open')}>
              Open workspace…
            </Button>
            <Button appearance="primary" icon={<DocumentAddRegular />} onClick={() => void choose('create')}>
              New workspace…
            </Button>
          </>
        )}
      </ScreenHead>
      <div className="cards">
        <div className="card wide">
          <div className="card-head">
            <h2>Open now</h2>
            <RenameWorkspace />
          </div>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{workspace?.name ?? 'No workspace is open'}</dd>
            <dt>File</dt>
            <dd className="path">{workspace?.path}</dd>
            <dt>Schema version</dt>
            <dd>{workspace?.schemaVersion}</dd>
            <dt>Created</dt>
            <dd>{workspace ? new Date(workspace.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }) : ''}</dd>
          </dl>
        </div>
        {!isDesktop && (
          <div className="card wide">
            <h2>Open another file</h2>
            <p className="muted">In the browser there is no file dialog: type the full path of a workspace file on this computer.</p>
            <div className="inline-form">
              <Field label="Workspace file path" className="grow">
                <Input value={path} onChange={(_, d) => setPath(d.value)} placeholder="C:\Users\me\Documents\Authority.hnbdesk" />
              </Field>
              <Button disabled={!path.trim()} onClick={() => void openPath(path.trim(), false)}>
                Open
              </Button>
              <Button disabled={!path.trim()} onClick={() => void openPath(path.trim(), true)}>
                Create
              </Button>
            </div>
          </div>
        )}
        <div className="card wide">
          <h2>Recent files</h2>
          <Table aria-label="Recent workspaces" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '30%' }}>Name</TableHeaderCell>
                <TableHeaderCell>File</TableHeaderCell>
                <TableHeaderCell style={{ width: '170px' }}>Last opened</TableHeaderCell>
                <TableHeaderCell style={{ width: '120px' }}>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {recent?.map((r) => (
                <TableRow key={r.path}>
                  <TableCell>{r.name}</TableCell>
                  <TableCell className="path">{r.path}</TableCell>
                  <TableCell>{new Date(r.openedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</TableCell>
                  <TableCell>
                    {r.path === workspace?.path ? (
                      <span className="muted">Open now</span>
                    ) : r.exists ? (
                      <Button size="small" onClick={() => void openPath(r.path, false)}>
                        Open
                      </Button>
                    ) : (
                      <span className="muted">File not found</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </div>
    </section>
  );
}
