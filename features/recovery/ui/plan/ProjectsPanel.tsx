import { Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { LinkAddRegular, LinkDismissRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { shortcutOf } from '../../../../electron/shared/menu';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { ScrollBox } from '../../../../renderer/src/components/ScrollBox';
import { useApp } from '../../../../renderer/src/state/app-state';
import type { PlanResult, ProjectSummary, ScenarioInfo } from '../../types';
import { FUNDING_SOURCE_LABELS, SAVINGS_BASIS_LABELS } from '../../words';
import { RagBadge } from '../shared/RagBadge';
import { useAttachProject, useDetachProject, useRegisterProjects } from './data';

interface Props {
  scenario: ScenarioInfo;
  result: PlanResult | undefined;
}

/**
 * The register's projects, to attach to a mitigated scenario or detach from it. Each shows its
 * cost (counted only when the High Needs Block pays for it) and its savings, target and
 * delivered; those attached show what they count for in this scenario over the plan's years.
 */
export function ProjectsPanel({ scenario, result }: Props) {
  const { money, notify } = useApp();
  const { data: projects, isLoading } = useRegisterProjects(true);
  const attach = useAttachProject();
  const detach = useDetachProject();
  const [working, setWorking] = useState<number | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const attached = new Set(scenario.projectIds);
  const counted = new Map((result?.projects ?? []).map((p) => [p.projectId, p]));
  const locked = scenario.locked;

  const toggle = async (p: ProjectSummary) => {
    setWorking(p.id);
    const on = attached.has(p.id);
    const done = on ? await detach.run({ scenarioId: scenario.id, projectId: p.id }) : await attach.run({ scenarioId: scenario.id, projectId: p.id });
    setWorking(null);
    if (!done) return;
    notify(
      'success',
      on
        ? `${p.code} ${p.name} detached from ${scenario.name}: its costs and savings no longer count in it. Undo (${shortcutOf('undo')}) puts it back.`
        : `${p.code} ${p.name} attached to ${scenario.name}: its costs and savings now count in it.`,
    );
  };

  if (isLoading && !projects) return <Spinner size="small" label="Loading the register" />;
  const list = [...(projects ?? [])].sort((a, b) => Number(attached.has(b.id)) - Number(attached.has(a.id)) || a.code.localeCompare(b.code));
  return (
    <section aria-labelledby="plan-projects-title" className="plan-section">
      <h2 id="plan-projects-title" ref={heading} tabIndex={-1}>
        Projects counted in {scenario.name}
      </h2>
      <p className="muted">
        {attached.size} of {list.length} projects attached. Savings taken off: {SAVINGS_BASIS_LABELS[scenario.savingsBasis].toLowerCase()}
        {scenario.savingsBasis === 'delivered' ? ' (a savings figure not yet known counts as nothing)' : ''}. A project's costs are added only when the High
        Needs Block pays for it.
        {locked ? ` ${scenario.name} is locked: copy it to change its projects.` : ''}
      </p>
      {list.length === 0 ? (
        <p>
          The register has no projects yet. Add them under <Link to="/register">Recovery register</Link>.
        </p>
      ) : (
        <ScrollBox label={`Register projects and ${scenario.name}`}>
          <Table aria-label={`Register projects and ${scenario.name}`} size="small" className="plan-table plan-projects-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Project</TableHeaderCell>
                <TableHeaderCell>Workstream</TableHeaderCell>
                <TableHeaderCell>Funded from</TableHeaderCell>
                <TableHeaderCell>RAG</TableHeaderCell>
                <TableHeaderCell className="num">HNB cost</TableHeaderCell>
                <TableHeaderCell className="num">Target savings</TableHeaderCell>
                <TableHeaderCell className="num">Delivered</TableHeaderCell>
                <TableHeaderCell className="num">Net saving here</TableHeaderCell>
                <TableHeaderCell>
                  <span className="visually-hidden">Attach or detach</span>
                </TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.map((p) => {
                const on = attached.has(p.id);
                const c = counted.get(p.id);
                const net = c ? c.years.reduce((s, y) => s + y.savingPence - y.costPence, 0) : null;
                const elsewhere = p.scenarioNames.filter((n) => n !== scenario.name);
                return (
                  <TableRow key={p.id} className={on ? 'plan-attached' : undefined}>
                    <TableCell>
                      <Link to={`/register/${p.id}`}>
                        {p.code} {p.name}
                      </Link>
                      {elsewhere.length > 0 && <div className="muted">Also in {elsewhere.join(', ')}</div>}
                    </TableCell>
                    <TableCell>{p.workstream}</TableCell>
                    <TableCell>{FUNDING_SOURCE_LABELS[p.fundingSource]}</TableCell>
                    <TableCell>{p.rag ? <RagBadge rag={p.rag} size="small" /> : <span className="muted">Not rated</span>}</TableCell>
                    <TableCell className="num">
                      {p.fundingSource === 'hnb' ? money.format(p.totalCostPence) : <span className="muted">not the HNB</span>}
                    </TableCell>
                    <TableCell className="num">{money.format(p.totalTargetPence)}</TableCell>
                    <TableCell className="num">{money.format(p.totalDeliveredPence)}</TableCell>
                    <TableCell className={`num${net !== null && net < 0 ? ' neg' : ''}`}>{net === null ? '' : money.format(net)}</TableCell>
                    <TableCell>
                      <BusyButton
                        size="small"
                        appearance={on ? 'secondary' : 'primary'}
                        busy={working === p.id}
                        icon={on ? <LinkDismissRegular /> : <LinkAddRegular />}
                        disabled={locked}
                        disabledFocusable={working !== null && working !== p.id}
                        aria-label={`${on ? 'Detach' : 'Attach'} ${p.code} ${p.name}`}
                        onClick={() => void toggle(p)}
                      >
                        {on ? 'Detach' : 'Attach'}
                      </BusyButton>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </ScrollBox>
      )}
    </section>
  );
}
