import type { ProjectDetail } from '../../types';
import { FUNDING_SOURCE_LABELS, SAVING_KIND_LABELS } from '../../words';

/** What the project is for and who answers for it. Changed with Edit details. */
export function DetailsCard({ project: p }: { project: ProjectDetail }) {
  return (
    <section className="card" aria-labelledby="details-title">
      <h2 id="details-title">About the project</h2>
      <dl className="facts reg-facts">
        <dt>Aim</dt>
        <dd className="reg-aim">{p.aim || <span className="muted">No aim written yet.</span>}</dd>
        <dt>Workstream</dt>
        <dd>{p.workstream}</dd>
        <dt>Owner</dt>
        <dd>{p.owner || <span className="muted">Not named</span>}</dd>
        <dt>Funding source</dt>
        <dd>{FUNDING_SOURCE_LABELS[p.fundingSource]}</dd>
        <dt>It brings</dt>
        <dd>{SAVING_KIND_LABELS[p.savingKind]}</dd>
        <dt>Overseeing board</dt>
        <dd>{p.board ?? <span className="muted">None chosen</span>}</dd>
      </dl>
    </section>
  );
}
