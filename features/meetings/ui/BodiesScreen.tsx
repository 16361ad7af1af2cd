import { Button, Spinner } from '@fluentui/react-components';
import { AddRegular, CalendarDateRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ScreenHead } from '../../../renderer/src/components/ScreenHead';
import type { BodyInfo } from '../types';
import { BankHolidaysDialog } from './bodies/BankHolidaysDialog';
import { BodyDialog } from './bodies/BodyDialog';
import { BodyFacts } from './bodies/BodyFacts';
import { BodyList } from './bodies/BodyList';
import { CompositionCard } from './bodies/CompositionCard';
import { useBodies, useBody } from './bodies/data';
import { MembersCard } from './bodies/MembersCard';
import './meetings.css';

/** Bodies and members: the forum and the boards, their rules, members and terms, and the forum's composition check. */
export default function BodiesScreen() {
  const { data: bodies, isLoading } = useBodies();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('body'));
  // The body asked for in the address while it exists; else the first.
  const chosenId = bodies?.some((b) => b.id === asked) ? asked : (bodies?.[0]?.id ?? null);
  const detail = useBody(chosenId);
  const [bodyDialog, setBodyDialog] = useState<{ open: boolean; body: BodyInfo | null }>({ open: false, body: null });
  const [holidaysOpen, setHolidaysOpen] = useState(false);
  const choose = (id: number) => setParams({ body: String(id) }, { replace: true });
  const body = detail.data?.body ?? bodies?.find((b) => b.id === chosenId) ?? null;

  return (
    <section className="screen scroll" aria-labelledby="bodies-title">
      <ScreenHead
        titleId="bodies-title"
        title="Bodies and members"
        sub="The Schools Forum and the boards that take High Needs decisions: each with its quorum, papers deadline, paper template and members."
      >
        <Button icon={<CalendarDateRegular />} onClick={() => setHolidaysOpen(true)}>
          Bank holidays…
        </Button>
        <Button appearance="primary" icon={<AddRegular />} onClick={() => setBodyDialog({ open: true, body: null })}>
          Add body…
        </Button>
      </ScreenHead>
      {isLoading && !bodies ? (
        <Spinner label="Loading bodies" />
      ) : (
        <div className="bodies-layout">
          <BodyList bodies={bodies ?? []} chosen={chosenId} onChoose={choose} />
          <div className="card-stack body-main">
            {body && (
              <>
                <BodyFacts body={body} onEdit={() => setBodyDialog({ open: true, body })} />
                <CompositionCard body={body} />
                {detail.data ? <MembersCard body={detail.data.body} members={detail.data.members} /> : <Spinner size="small" label="Loading members" />}
              </>
            )}
          </div>
        </div>
      )}
      <BodyDialog
        open={bodyDialog.open}
        body={bodyDialog.body}
        onClose={(saved) => {
          setBodyDialog((d) => ({ ...d, open: false }));
          if (saved) choose(saved.id);
        }}
      />
      <BankHolidaysDialog open={holidaysOpen} onClose={() => setHolidaysOpen(false)} />
    </section>
  );
}
