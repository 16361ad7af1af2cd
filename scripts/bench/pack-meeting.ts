/**
 * A large forum meeting for the pack benchmark: 40 items, each with a paper of about five pages
 * (prose, a plain table, a live block and an inline figure), about 200 pages in all. Added to a
 * demo workspace in one write; deterministic, so every run lays out the same pack.
 */
import { eq } from 'drizzle-orm';
import { DEMO_FORUM_NAME } from '../../electron/server/demo/demo-meetings';
import { b, bullets, doc, h, liveBlock, liveFigure, numbered, p, table } from '../../electron/server/demo/demo-doc';
import { seeded } from '../../electron/server/demo/demo-plan';
import type { Workspace } from '../../electron/server/workspace';
import type { RichNode } from '../../electron/shared/rich-doc';
import { agendaItem, body, meeting, paper } from '../../features/meetings/schema';

export const BIG_ITEMS = 40;
const YEAR = '2026-27';

const SENTENCES = [
  'The forecast reflects commitments recorded on the placements system at the end of the month, with an allowance for children expected to need a placement before March.',
  'Budget holders reviewed each line with the finance business partner and the commentary explains every movement of more than £50,000.',
  'The number of education, health and care plans issued in the year continues to run ahead of the assumption in the deficit management plan.',
  'Most of the increase is in mainstream top-up funding, where banded rates were uprated by 3% from September in line with the teachers’ pay award.',
  'The authority has written to all special schools and academies to confirm commissioned place numbers for the next academic year.',
  'Officers will continue to monitor the position monthly and report any significant change to the next meeting of the Forum.',
  'The independent sector remains the largest single pressure, with average annual costs for a day placement now above £60,000.',
  'Schools have told the authority that the graduated approach toolkit has helped them meet needs earlier and without a plan.',
  'The figures exclude the Safety Valve instalment, which is shown separately as a contribution to the cumulative deficit.',
  'A sensitivity analysis shows that each additional independent placement adds about £65,000 to the full-year forecast.',
  'The transport costs associated with these placements fall on the council’s general fund and are not included here.',
  'Members may wish to note that post-16 numbers rise sharply each September as learners move into further education.',
];

function paragraph(rand: () => number, sentences = 5): RichNode {
  const parts: string[] = [];
  for (let s = 0; s < sentences; s++) parts.push(SENTENCES[Math.floor(rand() * SENTENCES.length)]!);
  return p(parts.join(' '));
}

/** A live block for item i: a wide monitoring table every fourth paper (a landscape paper), else a portrait block. */
function blockFor(i: number): RichNode {
  const period = (i % 7) + 1;
  switch (i % 4) {
    case 0:
      return liveBlock(`big-${i}-table`, 'monitoring-table', { year: YEAR, period });
    case 1:
      return liveBlock(`big-${i}-position`, 'position-table', { year: YEAR, period });
    case 2:
      return liveBlock(`big-${i}-chart`, 'position-chart', { year: YEAR });
    default:
      return liveBlock(`big-${i}-movement`, 'monitoring-movement', { year: YEAR, period: Math.max(2, period), fromPeriod: 1 });
  }
}

function bigPaper(i: number, title: string) {
  const rand = seeded(9000 + i);
  const many = (n: number, sentences = 5) => Array.from({ length: n }, () => paragraph(rand, sentences));
  const rows = Array.from({ length: 18 }, (_, r) => [
    `School ${String.fromCharCode(65 + (r % 26))}${r + 1}`,
    String(80 + r * 7),
    `£${(12_000 + r * 1_375).toLocaleString('en-GB')}`,
    r % 3 ? 'On track' : 'Review',
  ]);
  return {
    header: { to: 'Schools Forum', date: '2027-01-21', title, author: 'Michael Thornton, Head of Finance (Children’s Services)' },
    sections: {
      purpose: doc(paragraph(rand, 3)),
      recommendations: doc(
        p('The Forum is asked to:'),
        numbered('note the report;', 'comment on the proposals in section 5;', 'agree the next steps set out in section 5.'),
      ),
      reasons: doc(...many(2)),
      alternatives: doc(paragraph(rand, 3)),
      supporting_information: doc(
        p(
          'The forecast overspend is ',
          liveFigure(`big-${i}-figure`, 'figure', { year: YEAR, period: 7, measure: 'variance' }),
          '. ',
          b('This is a benchmark paper.'),
        ),
        h(3, 'Background'),
        ...many(5),
        h(3, 'Figures'),
        blockFor(i),
        h(3, 'Schools affected'),
        table(['School', 'Pupils', 'Allocation', 'Status'], rows),
        h(3, 'Analysis'),
        ...many(4),
        bullets(...SENTENCES.slice(0, 6)),
      ),
      appendices: doc(p('None.')),
    },
  };
}

/** Adds the 40-item meeting to the demo forum; returns its id. */
export function addBigMeeting(ws: Workspace, items = BIG_ITEMS): number {
  const forum = ws.db.select({ id: body.id }).from(body).where(eq(body.name, DEMO_FORUM_NAME)).get();
  if (!forum) throw new Error('The pack benchmark needs the demo workspace, with its Schools Forum');
  return ws.write('edit', `Pack benchmark: a ${items}-item meeting`, (rec) => {
    const m = rec.insert(meeting, { bodyId: forum.id, startsAt: '2027-01-21T14:00', venue: 'Committee Room 2, Town Hall', status: 'draft' });
    for (let i = 0; i < items; i++) {
      const title = `Benchmark paper ${i + 1}: High Needs monitoring and the deficit management plan`;
      const item = rec.insert(agendaItem, {
        meetingId: m.id,
        position: i,
        title,
        purpose: i % 3 === 0 ? 'decision' : 'information',
        votingConstituency: i % 3 === 0 ? 'whole_forum' : 'none',
      });
      const paperDoc = bigPaper(i, title);
      rec.insert(paper, {
        itemId: item.id,
        template: 'forum',
        header: JSON.stringify(paperDoc.header),
        sections: JSON.stringify(paperDoc.sections),
        addedAt: '2027-01-08T09:00:00.000Z',
      });
    }
    return m.id;
  });
}
