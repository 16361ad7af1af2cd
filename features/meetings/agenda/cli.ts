import { cliCommands, optionError, stringOption } from '../../../electron/cli/command';
import { EXIT_OK } from '../../../electron/cli/output';
import { ukDate } from '../../../electron/shared/dates';
import { CONSTITUENCY_LABELS, MEETING_STATUS_LABELS, PURPOSE_LABELS } from '../words';
import { meetingWhen } from './status';

export const agendaCli = cliCommands([
  {
    words: ['meetings'],
    usage: 'hnb meetings [--body ID] [--json]',
    describe: 'meetings by date, with their agenda',
    options: { body: 'string' },
    workspace: 'open',
    async run(ctx) {
      const given = stringOption(ctx, 'body');
      if (given !== undefined && !/^[1-9]\d{0,8}$/.test(given)) throw optionError('body', `--body must be a body's id (a whole number), not "${given}"`);
      const bodyId = given === undefined ? undefined : Number(given);
      const list = await ctx.call('listMeetings', bodyId === undefined ? {} : { bodyId });
      const meetings = [];
      for (const s of list) {
        const detail = await ctx.call('getMeeting', { id: s.id });
        meetings.push({ summary: s, items: detail.items });
      }
      if (ctx.json) {
        const out = meetings.map(({ summary, items }) => ({
          id: summary.id,
          body: summary.bodyName,
          date: summary.startsAt,
          status: summary.status,
          items: items.map((i) => ({ number: i.number, title: i.title, purpose: i.purpose, exempt: i.exempt, votingConstituency: i.votingConstituency })),
        }));
        ctx.io.out(JSON.stringify(out, null, 2));
        return EXIT_OK;
      }
      if (meetings.length === 0) {
        ctx.io.out(bodyId === undefined ? 'No meetings yet. Add one from a body on the Meetings screen.' : 'This body has no meetings yet.');
        return EXIT_OK;
      }
      for (const { summary, items } of meetings) {
        const where = summary.venue ? `, ${summary.venue}` : '';
        ctx.io.out(`${summary.bodyName}: ${meetingWhen(summary.startsAt)}${where} (id ${summary.id})`);
        ctx.io.out(`  ${MEETING_STATUS_LABELS[summary.status]}; papers by ${ukDate(summary.papersDeadline)}`);
        const width = Math.max(2, ...items.map((i) => i.number.length));
        for (const i of items) {
          const indent = i.subItem ? '  ' : '';
          const exempt = i.exempt ? `  [exempt, paragraph ${i.exemptParagraph}]` : '';
          const votes = i.votingConstituency === 'none' ? '' : `  vote: ${CONSTITUENCY_LABELS[i.votingConstituency].toLowerCase()}`;
          ctx.io.out(`    ${indent}${i.number.padEnd(width)}  ${i.title}  (${PURPOSE_LABELS[i.purpose].toLowerCase()})${votes}${exempt}`);
        }
        ctx.io.out('');
      }
      return EXIT_OK;
    },
  },
]);
