import { Button, Dropdown, Field, Link } from '@fluentui/react-components';
import { LinkDismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { SubmitForm } from '../../../../renderer/src/components/SubmitForm';
import { textOptions } from '../../../../renderer/src/components/TextOptions';
import type { AgreementDetail } from '../../types';
import { useLinkProject, useProjectsForLinking, useUnlinkProject } from './data';

/** The recovery projects this agreement delivers, each linking to its page; more can be linked here. */
export function ProjectsCard({ agreement }: { agreement: AgreementDetail }) {
  const unlink = useUnlinkProject();
  const link = useLinkProject();
  const { data: projects } = useProjectsForLinking(true);
  const [chosen, setChosen] = useState<number | null>(null);
  const linked = new Set(agreement.projects.map((p) => p.id));
  const candidates = (projects ?? []).filter((p) => !linked.has(p.id));
  const chosenProject = candidates.find((p) => p.id === chosen) ?? null;
  return (
    <section className="card agr-projects" aria-labelledby="agr-projects-title">
      <h2 id="agr-projects-title">Projects it delivers</h2>
      {agreement.projects.length === 0 ? (
        <p className="agr-none">No recovery projects linked.</p>
      ) : (
        <ul className="agr-project-list">
          {agreement.projects.map((p) => (
            <li key={p.id}>
              <Link href={`#/register/${p.id}`}>
                {p.code}: {p.name}
              </Link>
              <Button
                appearance="subtle"
                size="small"
                icon={<LinkDismissRegular />}
                aria-label={`Unlink ${p.code} from ${agreement.reference}`}
                disabled={unlink.busy}
                onClick={() => void unlink.run({ projectId: p.id, agreementId: agreement.id })}
              />
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <SubmitForm
          className="agr-inline-form"
          aria-label="Link a project"
          onSubmit={async () => {
            if (!chosenProject) return;
            if (await link.run({ projectId: chosenProject.id, agreementId: agreement.id })) setChosen(null);
          }}
        >
          <Field label="Project to link">
            <Dropdown
              value={chosenProject ? `${chosenProject.code}: ${chosenProject.name}` : ''}
              placeholder="Choose a project"
              selectedOptions={chosenProject ? [String(chosenProject.id)] : []}
              onOptionSelect={(_, d) => setChosen(d.optionValue ? Number(d.optionValue) : null)}
            >
              {textOptions(candidates, (p) => [p.id, `${p.code}: ${p.name}`])}
            </Dropdown>
          </Field>
          <BusyButton type="submit" busy={link.busy} disabled={!chosenProject}>
            Link project
          </BusyButton>
        </SubmitForm>
      )}
    </section>
  );
}
