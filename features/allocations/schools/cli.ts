import { cliCommands, requireOption, stringOption } from '../../../electron/cli/command';
import { EXIT_OK, textTable } from '../../../electron/cli/output';
import type { BuyInCount } from '../types';
import { BUY_IN_STATUS_LABELS, PARTNERSHIP_KIND_LABELS, RETURN_FREQUENCY_LABELS, SCHOOL_TYPE_LABELS } from '../words';

const figure = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const shareOf = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? '-' : percent.format(part / whole));

export const schoolsCli = cliCommands([
  {
    words: ['schools'],
    usage: 'hnb schools --year YEAR [--json]',
    describe: "the schools in a year: type, partnership, buy-in decision and each data column's figure",
    options: { year: 'string' },
    workspace: 'open',
    async run(ctx) {
      const o = await ctx.call('listSchools', { year: requireOption(ctx, 'year') });
      if (ctx.json) {
        const out = o.schools.map((s) => ({ urn: s.urn, name: s.name, type: s.type, partnership: s.partnershipName, buyIn: s.buyIn, data: s.data }));
        ctx.io.out(JSON.stringify(out, null, 2));
        return EXIT_OK;
      }
      ctx.io.out(`${ctx.server.workspace!.info().name}\nSchools in ${o.year}\n`);
      if (o.schools.length === 0) {
        ctx.io.out('No schools yet. Add them on the Schools screen, or import a schools workbook (hnb import).');
        return EXIT_OK;
      }
      const keys = o.columns.map((c) => c.key);
      const rows = o.schools.map((s) => [
        String(s.urn),
        s.name,
        `${SCHOOL_TYPE_LABELS[s.type]}${s.status === 'closed' ? ' (closed)' : ''}`,
        s.partnershipName ?? '-',
        s.buyIn ? BUY_IN_STATUS_LABELS[s.buyIn] : '-',
        ...keys.map((k) => (s.data[k] === undefined ? '-' : figure.format(s.data[k]!))),
      ]);
      const header = ['URN', 'Name', 'Type', 'Partnership', 'Buy-in', ...keys];
      for (const l of textTable(header, rows, new Set(keys.map((_, i) => i + 5)))) ctx.io.out(l);
      const members = o.schools.filter((s) => s.partnershipId !== null).length;
      ctx.io.out(
        `\n  ${o.schools.length} ${o.schools.length === 1 ? 'school' : 'schools'}, ${members} in a partnership in ${o.year}. - no figure or decision.`,
      );
      return EXIT_OK;
    },
  },
  {
    words: ['partnerships'],
    usage: 'hnb partnerships [--year YEAR] [--json]',
    describe: 'the partnerships and the clusters inside them: area, lead school, agreement, returns, and (with --year) how many schools belong',
    options: { year: 'string' },
    workspace: 'open',
    async run(ctx) {
      const year = stringOption(ctx, 'year');
      const list = await ctx.call('listPartnerships', { year });
      if (ctx.json) {
        const out = list.map((p) => ({
          name: p.name,
          area: p.area,
          kind: p.kind,
          parent: p.parentName,
          leadSchool: p.leadSchoolName,
          agreement: p.agreementLabel,
          returnFrequency: p.returnFrequency,
          ...(year === undefined ? {} : { members: p.members }),
        }));
        ctx.io.out(JSON.stringify(out, null, 2));
        return EXIT_OK;
      }
      ctx.io.out(`${ctx.server.workspace!.info().name}\nPartnerships${year ? `, members in ${year}` : ''}\n`);
      if (list.length === 0) {
        ctx.io.out('No partnerships yet. Add them on the Partnerships screen.');
        return EXIT_OK;
      }
      const rows = list.map((p) => [
        p.parentId === null ? p.name : `  ${p.name}`,
        PARTNERSHIP_KIND_LABELS[p.kind],
        p.area || '-',
        p.leadSchoolName ?? '-',
        p.agreementLabel ?? '-',
        RETURN_FREQUENCY_LABELS[p.returnFrequency],
        ...(year === undefined ? [] : [String(p.members)]),
      ]);
      const header = ['Partnership', 'Kind', 'Area', 'Lead school', 'Agreement', 'Returns', ...(year === undefined ? [] : ['Schools'])];
      for (const l of textTable(header, rows, new Set([6]))) ctx.io.out(l);
      ctx.io.out('\n  Clusters are indented under the partnership they sit in.');
      return EXIT_OK;
    },
  },
  {
    words: ['buy-in'],
    usage: 'hnb buy-in --year YEAR [--json]',
    describe: 'buy-in by cluster for a year: schools bought in, yet to decide and leaving, and their shares of pupils',
    options: { year: 'string' },
    workspace: 'open',
    async run(ctx) {
      const year = requireOption(ctx, 'year');
      const counts = await ctx.call('buyInByCluster', { year });
      if (ctx.json) {
        const out = counts.map((c: BuyInCount) => ({
          partnership: c.partnershipName,
          parent: c.parentName ?? null,
          schools: c.schools,
          boughtIn: c.boughtIn,
          undecided: c.undecided,
          leaving: c.leaving,
          notRecorded: c.notRecorded,
          pupils: c.pupils,
          boughtInPupils: c.boughtInPupils,
          undecidedPupils: c.undecidedPupils,
          leavingPupils: c.leavingPupils,
        }));
        ctx.io.out(JSON.stringify(out, null, 2));
        return EXIT_OK;
      }
      ctx.io.out(`${ctx.server.workspace!.info().name}\nBuy-in by cluster, ${year}\n`);
      if (counts.length === 0) {
        ctx.io.out(`No school is in a partnership in ${year}. Put schools in partnerships on the Schools screen.`);
        return EXIT_OK;
      }
      const rows = counts.map((c) => [
        c.parentId === null || c.parentId === undefined ? c.partnershipName : `  ${c.partnershipName}`,
        String(c.schools),
        String(c.boughtIn),
        `${c.undecided}${c.notRecorded ? ` (${c.notRecorded} not recorded)` : ''}`,
        String(c.leaving),
        shareOf(c.boughtInPupils, c.pupils),
        shareOf(c.undecidedPupils, c.pupils),
        shareOf(c.leavingPupils, c.pupils),
      ]);
      const header = ['Cluster or partnership', 'Schools', 'Bought in', 'Yet to decide', 'Leaving', 'Pupils in', 'Undecided', 'Leaving'];
      for (const l of textTable(header, rows, new Set([1, 2, 3, 4, 5, 6, 7]))) ctx.io.out(l);
      ctx.io.out(
        counts[0]!.pupils === null
          ? `\n  Open schools only. No pupil numbers are recorded for ${year}, so there are no shares of pupils.`
          : '\n  Open schools only. Shares are of pupils on roll (the pupils data column); a school with no decision recorded counts as yet to decide.',
      );
      return EXIT_OK;
    },
  },
]);
