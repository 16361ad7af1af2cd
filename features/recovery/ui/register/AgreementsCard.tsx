import { Dropdown, Field, Link } from '@fluentui/react-components';
import { LinkDismissRegular, LinkRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { ProjectDetail } from '../../types';
import { useAgreementChoices, useLinkAgreement, useUnlinkAgreement } from './data';

/** The agreements and contracts that deliver the project, each a link to its page. */
export function AgreementsCard({ project: p }: { project: ProjectDetail }) {
  const link = useLinkAgreement();
  const unlink = useUnlinkAgreement();
  const { data: overview, error } = useAgreementChoices(true);
  const [chosen, setChosen] = useState<number | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const linked = new Set(p.agreements.map((a) => a.id));
  const choices = (overview?.agreements ?? []).filter((a) => !linked.has(a.id));
  const chosenAgreement = choices.find((a) => a.id === chosen);

  const add = async () => {
    if (chosen === null) return setRefused('Agreement: choose one to link first');
    setRefused(null);
    const done = await link.run({ projectId: p.id, agreementId: chosen });
    if (done) setChosen(null);
    else setRefused(link.refusal());
  };
  const remove = async (agreementId: number) => {
    setRefused(null);
    const done = await unlink.run({ projectId: p.id, agreementId });
    if (!done) setRefused(unlink.refusal());
  };

  return (
    <section className="card" aria-labelledby="agreements-title">
      <h2 id="agreements-title">Agreements that deliver it</h2>
      <RefusalBar refused={refused} prefix="Not changed: " />
      {p.agreements.length === 0 ? (
        <p className="muted">No agreements linked.</p>
      ) : (
        <ul className="reg-list" aria-label="Linked agreements">
          {p.agreements.map((a) => (
            <li key={a.id}>
              <div>
                <Link href={`#/agreements/${a.id}`}>{a.reference}</Link> {a.counterparty}
                <div className="muted">Ends {ukDate(a.endOn)}</div>
              </div>
              <BusyButton
                size="small"
                appearance="subtle"
                icon={<LinkDismissRegular />}
                aria-label={`Unlink ${a.reference}`}
                busy={unlink.busy}
                onClick={() => void remove(a.id)}
              />
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p className="muted">The agreements could not be read: {error instanceof Error ? error.message : String(error)}</p>
      ) : choices.length > 0 ? (
        <div className="reg-form-actions start">
          <Field label="Link an agreement">
            <Dropdown
              value={chosenAgreement ? `${chosenAgreement.reference} ${chosenAgreement.counterparty}` : ''}
              placeholder="Choose an agreement"
              selectedOptions={chosen === null ? [] : [String(chosen)]}
              onOptionSelect={(_, d) => setChosen(d.optionValue ? Number(d.optionValue) : null)}
              className="reg-choice"
            >
              {textOptions(choices, (a) => [a.id, `${a.reference} ${a.counterparty}`])}
            </Dropdown>
          </Field>
          <BusyButton icon={<LinkRegular />} busy={link.busy} onClick={() => void add()}>
            Link
          </BusyButton>
        </div>
      ) : (
        overview && (
          <p className="muted">{overview.agreements.length === 0 ? 'There are no agreements yet: add them under Agreements.' : 'Every agreement is linked.'}</p>
        )
      )}
    </section>
  );
}
