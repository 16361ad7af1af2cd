import { cliCommands } from '../../../electron/cli/command';
import { EXIT_OK } from '../../../electron/cli/output';
import { BODY_KIND_LABELS } from '../words';

export const bodiesCli = cliCommands([
  {
    words: ['bodies'],
    usage: 'hnb bodies [--json]',
    describe: 'the bodies that meet, their members today and what the composition check finds',
    options: {},
    workspace: 'open',
    async run(ctx) {
      const bodies = await ctx.call('listBodies', {});
      if (ctx.json) {
        const out = bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind, members: b.memberCount, compositionProblems: b.composition.problems }));
        ctx.io.out(JSON.stringify(out, null, 2));
        return EXIT_OK;
      }
      const ws = ctx.server.workspace!;
      if (bodies.length === 0) {
        ctx.io.out(`${ws.info().name}\nNo bodies yet. Add the Schools Forum and the boards on the Bodies screen.`);
        return EXIT_OK;
      }
      const nameWidth = Math.max(4, ...bodies.map((b) => b.name.length)) + 2;
      const kindWidth = Math.max(4, ...bodies.map((b) => BODY_KIND_LABELS[b.kind].length)) + 2;
      ctx.io.out(`${ws.info().name}\n`);
      ctx.io.out(`  ${'Id'.padEnd(5)}${'Body'.padEnd(nameWidth)}${'Kind'.padEnd(kindWidth)}${'Members'.padStart(7)}`);
      for (const b of bodies) {
        ctx.io.out(`  ${String(b.id).padEnd(5)}${b.name.padEnd(nameWidth)}${BODY_KIND_LABELS[b.kind].padEnd(kindWidth)}${String(b.memberCount).padStart(7)}`);
        ctx.io.out(`       Quorum: ${b.quorumText}.`);
        const problems = b.composition.problems;
        if (problems.length === 0) ctx.io.out('       No composition problems.');
        else for (const p of problems) ctx.io.out(`       - ${p}`);
      }
      return EXIT_OK;
    },
  },
]);
