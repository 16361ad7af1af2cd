import { ukLongDate } from '../../../../electron/shared/dates';
import type { BodyInfo } from '../../types';
import { plural } from '../meeting/when';

const share = (n: number, total: number) => (total === 0 ? '' : ` (${Math.round((n * 100) / total)}%)`);

/**
 * A forum's membership against the Schools Forums Regulations: each rule it breaks, in words,
 * with the counts behind them. Shown as warnings: a forum can be out of balance between elections.
 */
export function CompositionCard({ body }: { body: BodyInfo }) {
  const c = body.composition;
  const { counts } = c;
  const forum = body.kind === 'schools_forum';
  const ok = c.problems.length === 0;
  return (
    <section className={`card composition ${ok ? 'is-ok' : 'has-problems'}`} aria-labelledby="composition-title">
      <h2 id="composition-title">
        {ok ? (forum ? 'Composition check: the membership meets the forum rules' : 'Membership') : `Composition check: ${plural(c.problems.length, 'problem')}`}
      </h2>
      <ul className="composition-counts" aria-label="Membership counts">
        <li>
          <span className="count-value">{counts.total}</span> members in term
        </li>
        {forum && (
          <>
            <li>
              <span className="count-value">{counts.schools}</span> schools and academies{share(counts.schools, counts.total)}, at least two-thirds
            </li>
            <li>
              <span className="count-value">{counts.nonSchools}</span> non-schools{share(counts.nonSchools, counts.total)}, at most a third
            </li>
            <li>
              <span className="count-value">{counts.other}</span> other
            </li>
          </>
        )}
        <li>
          <span className="count-value">{counts.voting}</span> voting
        </li>
      </ul>
      {!ok && (
        <ul className="problem-list">
          {c.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {!ok && forum && (
        <p className="muted">These are warnings, not refusals: a forum can be out of balance between elections. Put them right at the next appointments.</p>
      )}
      {c.termsEndingSoon.length > 0 && (
        <>
          <h3 className="card-subhead">Terms ending in the next 90 days</h3>
          <ul className="plain-list">
            {c.termsEndingSoon.map((t) => (
              <li key={t.memberId}>
                {t.name}: {ukLongDate(t.endDate)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
