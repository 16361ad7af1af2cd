import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukDate } from '../../../../electron/shared/dates';
import { BusyButton } from '../../../../renderer/src/components/BusyButton';
import { RefusalBar } from '../../../../renderer/src/components/RefusalBar';
import type { KpiInfo, ProjectDetail } from '../../types';
import { useDeleteKpi } from './data';
import { KpiDialog } from './KpiDialog';
import { kpiMovement, kpiNumber } from './kpi-words';

function Value({ n, on }: { n: number | null; on: string | null }) {
  if (n === null) return <span className="muted">None set</span>;
  return (
    <>
      <div className="kpi-figure">{kpiNumber(n)}</div>
      {on && <div className="muted">{ukDate(on)}</div>}
    </>
  );
}

/** The measures that show whether the project works: baseline, target and the latest value, each with its date. */
export function KpisCard({ project: p }: { project: ProjectDetail }) {
  const remove = useDeleteKpi();
  const [editing, setEditing] = useState<KpiInfo | 'new' | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const del = async (k: KpiInfo) => {
    setRefused(null);
    const done = await remove.run({ id: k.id });
    if (!done) setRefused(remove.refusal());
  };
  return (
    <section className="card wide-card" aria-labelledby="kpis-title">
      <h2 id="kpis-title">KPIs</h2>
      <RefusalBar refused={refused} prefix="Not removed: " />
      {p.kpis.length === 0 ? (
        <p className="muted">No KPIs yet.</p>
      ) : (
        <Table size="small" aria-label="KPIs" className="reg-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Measure and movement</TableHeaderCell>
              <TableHeaderCell className="reg-col-kpi num">Baseline</TableHeaderCell>
              <TableHeaderCell className="reg-col-kpi num">Target</TableHeaderCell>
              <TableHeaderCell className="reg-col-kpi num">Latest</TableHeaderCell>
              <TableHeaderCell className="reg-col-actions two">
                <span className="visually-hidden">Actions</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {p.kpis.map((k) => {
              const move = kpiMovement(k);
              return (
                <TableRow key={k.id}>
                  <TableCell>
                    <div className="kpi-measure">{k.measure}</div>
                    <div className={move.verdict === 'worse' ? 'kpi-move kpi-worse' : move.verdict === 'better' ? 'kpi-move kpi-better' : 'kpi-move'}>
                      {move.text}
                    </div>
                  </TableCell>
                  <TableCell className="num">
                    <Value n={k.baseline} on={k.baselineOn} />
                  </TableCell>
                  <TableCell className="num">
                    <Value n={k.target} on={k.targetOn} />
                  </TableCell>
                  <TableCell className="num">
                    <Value n={k.latest} on={k.latestOn} />
                  </TableCell>
                  <TableCell>
                    <div className="reg-row-actions">
                      <Button size="small" appearance="subtle" icon={<EditRegular />} aria-label={`Edit ${k.measure}`} onClick={() => setEditing(k)} />
                      <BusyButton
                        size="small"
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        aria-label={`Remove ${k.measure}`}
                        busy={remove.busy}
                        onClick={() => void del(k)}
                      />
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Button className="reg-add" icon={<AddRegular />} onClick={() => setEditing('new')}>
        Add a KPI
      </Button>
      <KpiDialog project={p} kpi={editing === 'new' ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </section>
  );
}
