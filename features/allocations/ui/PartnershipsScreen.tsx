import { Button, Spinner } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { api } from '../../../renderer/src/api/api';
import { EmptyYears } from '../../../renderer/src/components/EmptyYears';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import { useApp } from '../../../renderer/src/state/app-state';
import type { PartnershipInfo } from '../types';
import { BuyInTable } from './schools/BuyInTable';
import { ConfirmDialog } from './schools/ConfirmDialog';
import { PARTNERSHIP_LABELS, useBuyIn, useFormWrite, usePartnerships } from './schools/data';
import { PartnershipCard } from './schools/PartnershipCard';
import { type PartnershipEdit, PartnershipDialog } from './schools/PartnershipDialog';
import { partnershipGroups } from './schools/partnership-tree';
import './schools/schools.css';

/**
 * The area partnerships and the clusters inside them, each with the agreement that funds it and
 * how often it sends returns; then, for the year chosen in the header, which schools buy in,
 * cluster by cluster, with their shares of pupils.
 */
export default function PartnershipsScreen() {
  const { year } = useApp();
  const partnerships = usePartnerships(year);
  const buyIn = useBuyIn(year);
  const [edit, setEdit] = useState<PartnershipEdit | null>(null);
  const [deleting, setDeleting] = useState<PartnershipInfo | null>(null);
  const remove = useFormWrite(api.deletePartnership, PARTNERSHIP_LABELS, { success: () => (deleting ? `${deleting.name} deleted.` : null) });

  if (!year) return <EmptyYears />;
  const list = partnerships.data;
  const groups = list ? partnershipGroups(list) : [];
  const clusters = list?.filter((p) => p.parentId !== null).length ?? 0;

  return (
    <section className="screen scroll" aria-labelledby="partnerships-title">
      <ScreenHead
        titleId="partnerships-title"
        title="Partnerships"
        sub={
          list
            ? `${groups.length} ${groups.length === 1 ? 'partnership' : 'partnerships'} and ${clusters} ${clusters === 1 ? 'cluster' : 'clusters'}; schools and buy-in in ${year}.`
            : `The area partnerships and clusters funded by formula; schools and buy-in in ${year}.`
        }
      >
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setEdit({ parent: null })}>
          New partnership…
        </Button>
      </ScreenHead>
      {partnerships.isLoading && !list ? (
        <Spinner label="Loading the partnerships" />
      ) : !list ? (
        <p role="alert">The partnerships could not be read: {partnerships.error instanceof Error ? partnerships.error.message : String(partnerships.error)}</p>
      ) : (
        <>
          <h2 className="section-title">Partnerships and their clusters</h2>
          {groups.length === 0 ? (
            <p className="alloc-none">No partnerships yet. Add an area partnership with New partnership, then add its clusters to it.</p>
          ) : (
            <div className="pship-cards">
              {groups.map((g) => (
                <PartnershipCard
                  key={g.partnership.id}
                  group={g}
                  year={year}
                  onEdit={(partnership) => setEdit({ partnership })}
                  onDelete={setDeleting}
                  onAddCluster={(parent) => setEdit({ parent })}
                />
              ))}
            </div>
          )}
          {buyIn.data ? (
            <BuyInTable year={year} counts={buyIn.data} partnerships={list} />
          ) : buyIn.error ? (
            <p role="alert">Buy-in could not be read: {buyIn.error instanceof Error ? buyIn.error.message : String(buyIn.error)}</p>
          ) : (
            <Spinner label="Loading buy-in" />
          )}
        </>
      )}
      <PartnershipDialog edit={edit} year={year} partnerships={list ?? []} onClose={() => setEdit(null)} />
      <ConfirmDialog
        ask={
          deleting && {
            title: `Delete ${deleting.name}?`,
            text:
              deleting.members > 0
                ? `${deleting.members} ${deleting.members === 1 ? 'school is' : 'schools are'} in it in ${year}. Deleting it takes them out of it in every year; Undo puts it back.`
                : 'Undo puts it back.',
            action: 'Delete partnership',
          }
        }
        busy={remove.busy}
        onConfirm={async () => {
          if (!deleting) return null;
          const done = await remove.run({ id: deleting.id });
          return done ? null : remove.refusal();
        }}
        onClose={() => setDeleting(null)}
      />
    </section>
  );
}
