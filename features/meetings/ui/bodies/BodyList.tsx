import { Badge, Button } from '@fluentui/react-components';
import type { BodyInfo } from '../../types';
import { BODY_KIND_LABELS } from '../../words';
import { plural } from '../meeting/when';

/** The bodies, each a button that shows it; the one shown is marked as current. */
export function BodyList({ bodies, chosen, onChoose }: { bodies: BodyInfo[]; chosen: number | null; onChoose(id: number): void }) {
  return (
    <nav className="card body-list" aria-labelledby="bodies-list-title">
      <h2 id="bodies-list-title">Bodies</h2>
      {bodies.length === 0 ? (
        <p className="muted">No bodies yet: add the Schools Forum or a board with Add body.</p>
      ) : (
        <ul>
          {bodies.map((b) => (
            <li key={b.id}>
              <Button
                appearance={b.id === chosen ? 'secondary' : 'subtle'}
                className={`body-choice${b.id === chosen ? ' is-current' : ''}`}
                aria-current={b.id === chosen ? 'true' : undefined}
                onClick={() => onChoose(b.id)}
              >
                <span className="body-choice-text">
                  <span className="body-choice-name">{b.name}</span>
                  <span className="muted">
                    {BODY_KIND_LABELS[b.kind]} · {plural(b.memberCount, 'member')}
                  </span>
                </span>
                {b.composition.problems.length > 0 && (
                  <Badge appearance="tint" color="warning" className="body-choice-badge">
                    {plural(b.composition.problems.length, 'problem')}
                  </Badge>
                )}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
