import { Button, Dialog, DialogBody, DialogContent, DialogSurface, DialogTitle, Link } from '@fluentui/react-components';
import { ArrowLeftRegular, DeleteRegular, EditRegular, HistoryRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { DialogButtons } from '../../../../renderer/src/components/DialogButtons';
import { useFocusReturn } from '../../../../renderer/src/components/focus-return';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import type { ProjectDetail } from '../../types';
import { FUNDING_SOURCE_LABELS } from '../../words';
import { RagBadge } from '../shared/RagBadge';
import { useDeleteProject } from './data';
import { ProjectDialog } from './ProjectDialog';

/** The project's code and name, where it sits, its RAG, and what can be done to it as a whole. */
export function ProjectHeader({ project: p, onHistory }: { project: ProjectDetail; onHistory(): void }) {
  const [editOpen, setEditOpen] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  return (
    <header className="project-head">
      <Link href="#/register" className="project-back">
        <ArrowLeftRegular aria-hidden /> Recovery register
      </Link>
      <div className="screen-head">
        <div>
          <h1 id="project-title">
            {p.code} {p.name}
          </h1>
          <p className="screen-sub project-where">
            <RagBadge rag={p.rag} />
            <span>
              {p.workstream} · {FUNDING_SOURCE_LABELS[p.fundingSource]}
              {p.owner ? ` · owned by ${p.owner}` : ' · no owner named'}
            </span>
          </p>
        </div>
        <div className="screen-tools">
          <Button icon={<EditRegular />} onClick={() => setEditOpen(true)}>
            Edit details…
          </Button>
          <Button icon={<HistoryRegular />} onClick={onHistory}>
            History
          </Button>
          <Button appearance="subtle" icon={<DeleteRegular />} onClick={() => setDeleteOpen(true)}>
            Delete…
          </Button>
        </div>
      </div>
      <ProjectDialog open={editOpen} project={p} onClose={() => setEditOpen(false)} />
      <DeleteProjectDialog open={deleteOpen} project={p} onClose={() => setDeleteOpen(false)} />
    </header>
  );
}

function DeleteProjectDialog({ open, project: p, onClose }: { open: boolean; project: ProjectDetail; onClose(): void }) {
  useFocusReturn(open);
  const remove = useDeleteProject();
  const navigate = useNavigate();
  const [refused, setRefused] = useState<string | null>(null);
  const confirm = async () => {
    setRefused(null);
    const done = await remove.run({ id: p.id });
    if (done) {
      onClose();
      navigate('/register');
    } else setRefused(remove.refusal());
  };
  const parts = [
    p.years.length && `${p.years.length} years of savings and costs`,
    p.kpis.length && `${p.kpis.length} KPIs`,
    p.milestones.length && `${p.milestones.length} milestones`,
    p.ragHistory.length && `${p.ragHistory.length} RAG assessments`,
  ].filter(Boolean);
  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className="reg-dialog narrow">
        <DialogBody>
          <DialogTitle>Delete {p.code}?</DialogTitle>
          <DialogContent className="dialog-form">
            <RefusalBar refused={refused} prefix="Not deleted: " />
            <p>
              {p.code} {p.name} goes from the register{parts.length ? `, with its ${parts.join(', ')}` : ''}.
              {p.scenarioNames.length > 0 && ` It counts in ${p.scenarioNames.join(', ')}: those scenarios lose its savings and costs.`} Undo (Ctrl+Z) brings it
              back.
            </p>
          </DialogContent>
          <DialogButtons busy={remove.busy} onConfirm={() => void confirm()} onCancel={onClose}>
            Delete project
          </DialogButtons>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
