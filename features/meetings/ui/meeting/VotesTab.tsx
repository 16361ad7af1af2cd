import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingDetail } from '../../types';
import { CONSTITUENCY_LABELS, OUTCOME_LABELS } from '../../words';
import { QuorumLine } from './AttendanceTab';
import { ItemVotes, tallyText } from './ItemVotes';

/** Resolutions and votes, item by item; decision items are open to start with. */
export function VotesTab({ detail }: { detail: MeetingDetail }) {
  const items = [...detail.items].sort((a, b) => a.position - b.position);
  const [open, setOpen] = useState<number[]>(() => items.filter((i) => i.purpose === 'decision' && !i.standingKind).map((i) => i.id));
  return (
    <section className="card" aria-labelledby="votes-title">
      <div className="card-head">
        <h2 id="votes-title">Votes and resolutions</h2>
        <span className="muted">Only members present (or represented by a substitute) and entitled on the item's constituency are counted.</span>
      </div>
      <QuorumLine detail={detail} />
      <Accordion multiple collapsible openItems={open} onToggle={(_, d) => setOpen(d.openItems as number[])} className="votes-accordion">
        {items.map((item) => (
          <AccordionItem key={item.id} value={item.id}>
            <AccordionHeader as="h3" size="medium">
              <span className="votes-head">
                <span>
                  {item.number}. {item.title}
                </span>
                <span className="muted">
                  {item.votingConstituency === 'none' ? 'No vote' : CONSTITUENCY_LABELS[item.votingConstituency]}
                  {item.votes.source !== 'none' ? ` · ${tallyText(item)}` : ''}
                </span>
                {item.outcome && (
                  <Badge appearance="tint" color={item.outcome === 'carried' ? 'success' : item.outcome === 'not_carried' ? 'danger' : 'informative'}>
                    {OUTCOME_LABELS[item.outcome]}
                  </Badge>
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel>{open.includes(item.id) && <ItemVotes item={item} detail={detail} />}</AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}
