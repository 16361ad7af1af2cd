import {
  Badge,
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Tooltip,
} from '@fluentui/react-components';
import { BeakerRegular, DocumentAddRegular, EditRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { ukDateTime, ukLongDate } from '../../../electron/shared/dates';
import { shortcutOf } from '../../../electron/shared/menu';
import { api, isDesktop } from '../../../renderer/src/api/api';
import { errorMessage } from '../../../renderer/src/api/api-error';
import { BusyButton } from '../../../renderer/src/components/BusyButton';
import { DialogButtons } from '../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../renderer/src/components/RefusalBar';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useWrite } from '../../../renderer/src/data/use-write';
import { useApp } from '../../../renderer/src/state/app-state';
import type { RecentWorkspace, WorkspaceInfo } from '../types';
import { chooseWorkspace, createDemoWorkspace } from './workspace-actions';

/** The contract's limits on a workspace's name. */
const MAX_NEW_NAME = 120;
const MAX_NAME = 200;

function nameProblem(name: string, max: number): string | null {
  if (!name.trim()) return 'Enter a name, such as the authority’s name.';
  if (name.trim().length > max) return `Shorten the name to ${max} characters or fewer.`;
  return null;
}

/** While an action that takes time runs: its button disables itself and shows progress. */
function useBusy() {
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (what: string, work: () => Promise<void>) => {
    setBusy(what);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
}

export default function WorkspacesScreen() {
  const app = useApp();
  const { workspace, noWorkspace } = app;
  const navigate = useNavigate();
  const { busy, run } = useBusy();
  const recent = useQuery({ queryKey: ['recent'], queryFn: () => api.listRecentWorkspaces({}) });
  // The same query the shell opens the workspace with: when it was refused, its error says why.
  // Read from the cache only (never fetched from here), so the refusal is not reported twice.
  const opened = useQuery({ queryKey: ['workspace'], queryFn: () => api.getWorkspace({}), enabled: false });
  const reason = opened.error ? errorMessage(opened.error) : null;
  const [renaming, setRenaming] = useState(false);
  const ctx = { app, navigate };

  const openWrite = useWrite(api.openWorkspace, { topics: ['recent'] });
  const create = useWrite(api.createWorkspace, { topics: ['recent'] });
  const openRecent = (r: RecentWorkspace) =>
    run(`open:${r.path}`, async () => {
      const info = await openWrite.run({ path: r.path });
      if (!info) return;
      app.workspaceChanged(info);
      navigate('/monitoring');
    });

  const anyBusy = busy !== null || openWrite.busy || create.busy;
  return (
    <section className="screen scroll" aria-labelledby="ws-title">
      <ScreenHead titleId="ws-title" title="Workspaces" sub="One workspace file holds one authority’s figures. Keep it on a drive that is backed up.">
        {isDesktop && (
          <>
            <Tooltip content={`Choose a workspace file on this computer and open it (${shortcutOf('open-workspace')})`} relationship="description">
              <BusyButton
                busy={busy === 'choose-open'}
                icon={<FolderOpenRegular />}
                disabled={anyBusy}
                onClick={() => void run('choose-open', () => chooseWorkspace(ctx, 'open'))}
              >
                Open workspace…
              </BusyButton>
            </Tooltip>
            <Tooltip content={`Choose where to save a new, empty workspace file and open it (${shortcutOf('new-workspace')})`} relationship="description">
              <BusyButton
                appearance="primary"
                busy={busy === 'choose-create'}
                icon={<DocumentAddRegular />}
                disabled={anyBusy}
                onClick={() => void run('choose-create', () => chooseWorkspace(ctx, 'create'))}
              >
                New workspace…
              </BusyButton>
            </Tooltip>
          </>
        )}
      </ScreenHead>
      <div className="cards">
        {workspace ? (
          <OpenNow workspace={workspace} onRename={() => setRenaming(true)} />
        ) : noWorkspace ? (
          <NoWorkspace reason={reason} noticeShown={reason !== null && app.notice?.title === reason} hasRecent={(recent.data?.length ?? 0) > 0} />
        ) : null}
        {!isDesktop && <NewWorkspaceForm create={create} disabled={anyBusy} />}
        <div className="card">
          <h2>Try HNB Desk out</h2>
          <p>
            A demo workspace is a made-up authority to try HNB Desk out with, clearly marked as demo data. It has four complete years and the current year
            reported to P7. It is made as a new file in HNB Desk’s own folder and opened at once; your own workspaces are not changed.
          </p>
          <BusyButton busy={busy === 'demo'} icon={<BeakerRegular />} disabled={anyBusy} onClick={() => void run('demo', () => createDemoWorkspace(ctx))}>
            {busy === 'demo' ? 'Making the demo workspace…' : 'New demo workspace'}
          </BusyButton>
        </div>
        <RecentList recent={recent} current={workspace} busy={busy} disabled={anyBusy} onOpen={(r) => void openRecent(r)} />
      </div>
      {workspace && <RenameDialog open={renaming} workspace={workspace} onClose={() => setRenaming(false)} />}
    </section>
  );
}

function OpenNow({ workspace, onRename }: { workspace: WorkspaceInfo; onRename(): void }) {
  return (
    <div className="card wide">
      <div className="card-head">
        <h2>Open now</h2>
        <Button size="small" icon={<EditRegular />} onClick={onRename}>
          Rename…
        </Button>
      </div>
      <dl className="facts">
        <dt>Name</dt>
        <dd>
          {workspace.name}{' '}
          {workspace.isDemo && (
            <Badge appearance="tint" color="warning">
              Demo data
            </Badge>
          )}
        </dd>
        <dt>File</dt>
        <dd className="path">{workspace.path}</dd>
        <dt>Schema version</dt>
        <dd>{workspace.schemaVersion}</dd>
        <dt>Created</dt>
        <dd>{ukLongDate(workspace.createdAt)}</dd>
        {workspace.backupPath && (
          <>
            <dt>Copy before upgrade</dt>
            <dd className="path">{workspace.backupPath}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** Shown when the workspace could not be opened: why, and the ways on. */
function NoWorkspace({ reason, noticeShown, hasRecent }: { reason: string | null; noticeShown: boolean; hasRecent: boolean }) {
  const ways = [
    ...(hasRecent ? ['open another from the recent files below'] : []),
    isDesktop ? 'choose one with Open workspace…, make one with New workspace…' : 'make a new one by name',
    'or try HNB Desk out with a demo workspace',
  ];
  return (
    <div className="card wide">
      <h2>No workspace is open</h2>
      {/* The reason is in the message at the top while it is shown; once dismissed, it stays here. */}
      {reason && !noticeShown && (
        <MessageBar intent="error">
          <MessageBarBody>{reason}</MessageBarBody>
        </MessageBar>
      )}
      <p>
        HNB Desk could not open the workspace it was started with{reason && noticeShown ? ': the message above says why' : ''}. To carry on, {ways.join(', ')}.
      </p>
    </div>
  );
}

/** In the browser there is no file dialog, and the page may never name a path: a new workspace is made by name in HNB Desk's own folder. */
function NewWorkspaceForm({ create, disabled }: { create: ReturnType<typeof useWrite<{ name: string }, WorkspaceInfo>>; disabled: boolean }) {
  const app = useApp();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const problem = nameProblem(name, MAX_NEW_NAME);
  const shown = tried || name !== '' ? problem : null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (create.busy) return;
    setTried(true);
    if (problem) return;
    const info = await create.run({ name: name.trim() });
    if (!info) return;
    app.workspaceChanged(info);
    navigate('/monitoring');
    app.notify('success', `Made and opened ${info.name}`, [
      `A new, empty workspace, saved as ${info.path}.`,
      'Start by adding a financial year under Years and funding.',
    ]);
  };
  return (
    <div className="card">
      <h2>New workspace</h2>
      <p>
        A new, empty workspace for an authority, made in HNB Desk’s own folder on this computer (where the default workspace is kept). You will see where it was
        saved.
      </p>
      <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="Name of the new workspace" required className="grow" validationState={shown ? 'error' : 'none'} validationMessage={shown ?? undefined}>
          <Input value={name} onChange={(_, d) => setName(d.value)} placeholder="For example, Northshire County Council" />
        </Field>
        <BusyButton type="submit" appearance="primary" busy={create.busy} icon={<DocumentAddRegular />} disabled={disabled}>
          {create.busy ? 'Making it…' : 'Create workspace'}
        </BusyButton>
      </form>
    </div>
  );
}

interface RecentProps {
  recent: UseQueryResult<RecentWorkspace[]>;
  current: WorkspaceInfo | null;
  busy: string | null;
  disabled: boolean;
  onOpen(r: RecentWorkspace): void;
}

function RecentList({ recent, current, busy, disabled, onOpen }: RecentProps) {
  const list = recent.data ?? [];
  return (
    <div className="card wide">
      <h2>Recent files</h2>
      {recent.error ? (
        <MessageBar intent="error">
          <MessageBarBody>The recent files could not be read: {errorMessage(recent.error)}</MessageBarBody>
        </MessageBar>
      ) : recent.isLoading ? (
        <Spinner size="small" label="Loading recent files" />
      ) : list.length === 0 ? (
        <p>No workspace has been opened on this computer yet.</p>
      ) : (
        <Table aria-label="Recent workspaces" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: '28%' }}>Name</TableHeaderCell>
              <TableHeaderCell>File</TableHeaderCell>
              <TableHeaderCell style={{ width: '150px' }}>Last opened</TableHeaderCell>
              <TableHeaderCell style={{ width: '130px' }}>Actions</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.map((r) => {
              const opening = busy === `open:${r.path}`;
              return (
                <TableRow key={r.path} className={r.path === current?.path ? 'is-current' : undefined}>
                  <TableCell>
                    {r.name}{' '}
                    {r.sameNameAsAnother && (
                      <Badge appearance="tint" color="informative">
                        same name as another
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell className="path" style={r.sameNameAsAnother ? { fontWeight: 700 } : undefined}>
                    {r.path}
                  </TableCell>
                  <TableCell>{ukDateTime(r.openedAt)}</TableCell>
                  <TableCell>
                    {r.path === current?.path ? (
                      <span>Open now</span>
                    ) : r.exists ? (
                      <BusyButton
                        size="small"
                        aria-label={r.sameNameAsAnother ? `Open ${r.name}, ${r.path}` : `Open ${r.name}`}
                        busy={opening}
                        disabled={disabled}
                        onClick={() => onOpen(r)}
                      >
                        {opening ? 'Opening…' : 'Open'}
                      </BusyButton>
                    ) : (
                      <span>File not found</span>
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

function RenameDialog({ open, workspace, onClose }: { open: boolean; workspace: WorkspaceInfo; onClose(): void }) {
  // Each opening starts a fresh form; the last one stays drawn while the dialog fades out.
  const [opening, setOpening] = useState({ open: false, n: 0 });
  if (open !== opening.open) setOpening({ open, n: open ? opening.n + 1 : opening.n });
  useFocusReturn(open);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>{opening.n > 0 && <RenameForm key={opening.n} workspace={workspace} onClose={onClose} />}</DialogSurface>
    </Dialog>
  );
}

function RenameForm({ workspace, onClose }: { workspace: WorkspaceInfo; onClose(): void }) {
  const [name, setName] = useState(workspace.name);
  const [refused, setRefused] = useState<string | null>(null);
  const rename = useWrite(api.renameWorkspace, {
    put: (info) => [[['workspace'], info]],
    topics: ['recent', 'history'],
    success: (info) => `Renamed the workspace to ${info.name}.`,
  });
  const problem = nameProblem(name, MAX_NAME);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (rename.busy || problem) return;
    setRefused(null);
    if (name.trim() === workspace.name) {
      onClose();
      return;
    }
    const info = await rename.run({ name: name.trim() });
    if (info) onClose();
    else setRefused(rename.lastError());
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogBody>
        <DialogTitle>Rename this workspace</DialogTitle>
        <DialogContent className="dialog-form">
          <RefusalBar prefix="Not renamed: " refused={refused} />
          <Field
            label="Workspace name"
            required
            validationState={problem ? 'error' : 'none'}
            validationMessage={problem ?? undefined}
            hint="Shown at the top of every screen and in the recent files, and written into exported workbooks. The file keeps its name."
          >
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
        </DialogContent>
        <DialogButtons busy={rename.busy} disabled={!!problem} onCancel={onClose} cancelDisabled={rename.busy}>
          {rename.busy ? 'Renaming…' : 'Rename'}
        </DialogButtons>
      </DialogBody>
    </form>
  );
}
