import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular } from '@fluentui/react-icons';
import type { PartnershipInfo } from '../../types';
import { PARTNERSHIP_KIND_LABELS, RETURN_FREQUENCY_LABELS } from '../../words';
import type { PartnershipGroup } from './partnership-tree';

interface Props {
  group: PartnershipGroup;
  year: string;
  onEdit(p: PartnershipInfo): void;
  onDelete(p: PartnershipInfo): void;
  onAddCluster(parent: PartnershipInfo): void;
}

const schoolsWord = (n: number) => `${n} ${n === 1 ? 'school' : 'schools'}`;

/** Edit and delete, named for what they act on ("Edit North Cluster"). */
function Actions({ p, onEdit, onDelete }: { p: PartnershipInfo; onEdit(): void; onDelete(): void }) {
  return (
    <span className="alloc-row-actions">
      <Button appearance="subtle" size="small" icon={<EditRegular />} aria-label={`Edit ${p.name}`} title={`Edit ${p.name}`} onClick={onEdit} />
      <Button appearance="subtle" size="small" icon={<DeleteRegular />} aria-label={`Delete ${p.name}`} title={`Delete ${p.name}`} onClick={onDelete} />
    </span>
  );
}

/**
 * A partnership that stands on its own: what it is, the agreement that funds it, how often it
 * sends returns, its lead school and schools in the year, and the clusters inside it.
 */
export function PartnershipCard({ group, year, onEdit, onDelete, onAddCluster }: Props) {
  const { partnership: p, clusters, schools } = group;
  const titleId = `pship-${p.id}`;
  const own = clusters.length > 0 && p.members > 0 ? ` (${p.members} directly, ${schools - p.members} in its clusters)` : '';
  return (
    <section className="card pship-card" aria-labelledby={titleId}>
      <div className="card-head">
        <div>
          <h3 id={titleId}>{p.name}</h3>
          <p className="pship-kind">{PARTNERSHIP_KIND_LABELS[p.kind]}</p>
        </div>
        <Actions p={p} onEdit={() => onEdit(p)} onDelete={() => onDelete(p)} />
      </div>
      <dl className="facts pship-facts">
        <dt>Area</dt>
        <dd>{p.area || 'Not given'}</dd>
        <dt>Agreement</dt>
        <dd>{p.agreementLabel ?? 'None linked'}</dd>
        <dt>Returns</dt>
        <dd>{RETURN_FREQUENCY_LABELS[p.returnFrequency]}</dd>
        <dt>Lead school</dt>
        <dd>{p.leadSchoolName ?? 'None named'}</dd>
        <dt>Schools, {year}</dt>
        <dd>
          {schoolsWord(schools)}
          {own}
        </dd>
        {p.note && (
          <>
            <dt>Note</dt>
            <dd className="pship-note">{p.note}</dd>
          </>
        )}
      </dl>
      <div className="pship-clusters">
        {clusters.length > 0 && (
          <>
            <h4 id={`${titleId}-clusters`}>Clusters in {p.name}</h4>
            <Table size="small" className="alloc-table" aria-labelledby={`${titleId}-clusters`}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Cluster</TableHeaderCell>
                  <TableHeaderCell className="num col-count">Schools</TableHeaderCell>
                  <TableHeaderCell>Lead school</TableHeaderCell>
                  <TableHeaderCell className="col-actions">
                    <span className="visually-hidden">Actions</span>
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {clusters.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      {c.name}
                      {c.kind !== 'cluster' && <span className="figure-share">{PARTNERSHIP_KIND_LABELS[c.kind]}</span>}
                    </TableCell>
                    <TableCell className="num">{c.members}</TableCell>
                    <TableCell>{c.leadSchoolName ?? <span className="muted">None named</span>}</TableCell>
                    <TableCell>
                      <Actions p={c} onEdit={() => onEdit(c)} onDelete={() => onDelete(c)} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
        <Button appearance="subtle" size="small" icon={<AddRegular />} onClick={() => onAddCluster(p)}>
          Add a cluster to {p.name}
        </Button>
      </div>
    </section>
  );
}
