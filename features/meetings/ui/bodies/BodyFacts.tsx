import { Button } from '@fluentui/react-components';
import { EditRegular } from '@fluentui/react-icons';
import type { BodyInfo } from '../../types';
import { BODY_KIND_LABELS } from '../../words';
import { plural } from '../meeting/when';

/** A body's rules at a glance: quorum, papers deadline, clerk, venue, template and standing items. */
export function BodyFacts({ body, onEdit }: { body: BodyInfo; onEdit(): void }) {
  const clerk = [body.clerkName, body.clerkEmail, body.clerkPhone].filter(Boolean).join(', ');
  return (
    <section className="card" aria-labelledby="body-facts-title">
      <div className="card-head">
        <h2 id="body-facts-title">{body.name}</h2>
        <span className="muted">{BODY_KIND_LABELS[body.kind]}</span>
        <Button size="small" icon={<EditRegular />} onClick={onEdit} className="card-head-end">
          Edit body
        </Button>
      </div>
      <dl className="facts body-facts">
        <dt>Quorum</dt>
        <dd>{body.quorumText}</dd>
        <dt>Papers deadline</dt>
        <dd>{plural(body.papersDeadlineDays, 'clear working day')} before the meeting</dd>
        <dt>Clerk</dt>
        <dd>{clerk || <span className="muted">Not given</span>}</dd>
        <dt>Default venue</dt>
        <dd>{body.defaultVenue || <span className="muted">Not given</span>}</dd>
        <dt>Paper template</dt>
        <dd>{body.paperTemplate.name}</dd>
        <dt>Standing items</dt>
        <dd>{body.standingItems.length ? body.standingItems.map((s) => s.title).join('; ') : <span className="muted">None</span>}</dd>
      </dl>
    </section>
  );
}
