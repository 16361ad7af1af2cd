/** `hnb returns` and `hnb export returns`: the partnerships' returns for a year, and their workbooks, from a terminal. */
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CliContext, cliCommands, optionError, requireOption, stringOption } from '../../../electron/cli/command';
import { EXIT_OK, textTable } from '../../../electron/cli/output';
import { writeFileAtomic } from '../../../electron/server/files';
import { ukDate } from '../../../electron/shared/dates';
import type { PartnershipInfo, PartnershipReturnsYear } from '../types';
import { RETURN_FREQUENCY_LABELS, RETURN_PERIOD_LABELS, RETURN_STATUS_LABELS } from '../words';
import { returnFileName } from './queries';

const KIND = 'partnership-return';

/** The partnership --partnership names: by id, or by name (case aside). */
async function partnershipNamed(ctx: CliContext, text: string): Promise<PartnershipInfo> {
  const all = await ctx.call('listPartnerships', {});
  const want = text.trim().toLowerCase();
  const hit = /^\d+$/.test(want) ? all.find((p) => p.id === Number(want)) : all.find((p) => p.name.trim().toLowerCase() === want);
  if (!hit) {
    throw optionError(
      'partnership',
      `There is no partnership called "${text}". ${all.length ? `The partnerships are: ${all.map((p) => `"${p.name}"`).join(', ')}.` : 'Add partnerships first.'}`,
    );
  }
  return hit;
}

function xlsxOut(ctx: CliContext, path: string): string {
  const out = resolve(ctx.cwd, path);
  if (!out.toLowerCase().endsWith('.xlsx')) throw optionError('out', `--out must name an .xlsx file, not ${out}`);
  return out;
}

/** A folder for --all: made if missing; a file of that name is refused. */
function folderOut(ctx: CliContext, path: string): string {
  const out = resolve(ctx.cwd, path);
  try {
    if (!statSync(out).isDirectory()) throw optionError('out', `--out with --all names a folder to write one file per partnership into, and ${out} is a file.`);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ENOENT') throw e;
    mkdirSync(out, { recursive: true });
  }
  return out;
}

function json(p: PartnershipReturnsYear, names: { categories: Map<number, string>; measures: Map<number, string> }) {
  const byName = (m: Record<number, number>, of: Map<number, string>) => Object.fromEntries(Object.entries(m).map(([id, v]) => [of.get(Number(id)) ?? id, v]));
  return {
    partnership: p.partnership,
    frequency: p.returnFrequency,
    allocationPence: p.allocationPence,
    places: p.places,
    spendPence: p.spendPence,
    underspendPence: p.underspendPence,
    yearComplete: p.yearComplete,
    thresholdBp: p.thresholdBp,
    returnBasis: p.returnBasis,
    developmentPlanApprovedOn: p.developmentPlanApprovedOn,
    toReturnPence: p.toReturnPence,
    flagged: p.flagged,
    reason: p.flagReason,
    returns: p.returns.map((r) => ({
      period: r.period,
      status: r.status,
      sentOn: r.sentOn,
      receivedOn: r.receivedOn,
      checkedOn: r.checkedOn,
      spendPence: r.spendPence,
      spend: byName(r.spend, names.categories),
      placesUsed: r.placesUsed,
      measures: byName(r.measures, names.measures),
      commentary: r.commentary,
    })),
  };
}

export const returnsCli = cliCommands([
  {
    words: ['returns'],
    usage: 'hnb returns --year YEAR [--json]',
    describe: "partnerships' returns for a year: each return's status, spend against the allocation, and the year-end underspend flag",
    options: { year: 'string' },
    workspace: 'open',
    async run(ctx) {
      const o = await ctx.call('listReturns', { year: requireOption(ctx, 'year') });
      if (ctx.json) {
        const names = { categories: new Map(o.categories.map((c) => [c.id, c.name])), measures: new Map(o.measures.map((m) => [m.id, m.name])) };
        ctx.io.out(JSON.stringify({ year: o.year, run: o.run?.name ?? null, partnerships: o.partnerships.map((p) => json(p, names)) }, null, 2));
        return EXIT_OK;
      }
      const ws = ctx.server.workspace!;
      const money = ws.money();
      ctx.io.out(`${ws.info().name}\nPartnership returns, ${o.year}${o.run ? `: allocations from the run "${o.run.name}"` : ''}\n`);
      if (!o.run && o.partnerships.length === 0) {
        ctx.io.out(`${o.year} has no allocation run yet, so no partnership has returns to make.`);
        return EXIT_OK;
      }
      const status = (p: PartnershipReturnsYear) =>
        p.returns.length === 0
          ? 'not set up'
          : p.returns
              .map((r) => {
                const on = r.checkedOn ?? r.receivedOn ?? r.sentOn;
                return `${RETURN_PERIOD_LABELS[r.period].replace(' term', '')} ${RETURN_STATUS_LABELS[r.status].toLowerCase()}${on ? ` ${ukDate(on)}` : ''}`;
              })
              .join(', ');
      const rows = o.partnerships.map((p) => [
        p.partnership,
        RETURN_FREQUENCY_LABELS[p.returnFrequency],
        money.format(p.allocationPence),
        money.format(p.spendPence),
        money.format(p.underspendPence),
        p.flagged ? money.format(p.toReturnPence) : '-',
        status(p),
      ]);
      const header = ['Partnership', 'Returns', 'Allocation', 'Spend', 'Underspend', 'To return', 'Status'];
      for (const l of textTable(header, rows, new Set([2, 3, 4, 5]))) ctx.io.out(l);
      ctx.io.out('\n  Spend counts the returns received or checked.');
      for (const p of o.partnerships) if (p.flagReason) ctx.io.out(`  ${p.flagged ? 'FLAGGED ' : ''}${p.partnership}: ${p.flagReason}`);
      return EXIT_OK;
    },
  },
  {
    words: ['export', 'returns'],
    usage: 'hnb export returns --year YEAR (--partnership NAME --out FILE.xlsx | --all --out FOLDER)',
    describe: "a partnership's return workbook to send out, or with --all one file per partnership in a folder (each holding only its own figures)",
    options: { year: 'string', partnership: 'string', all: 'boolean', out: 'string' },
    workspace: 'open',
    async run(ctx) {
      const year = requireOption(ctx, 'year');
      const outOption = requireOption(ctx, 'out');
      const one = stringOption(ctx, 'partnership');
      if (ctx.options.all === true && one !== undefined)
        throw optionError('all', 'Give --partnership NAME for one file, or --all for every partnership, not both.');
      if (ctx.options.all !== true && one === undefined)
        throw optionError('partnership', 'Say whose return to export: --partnership NAME, or --all for one file per partnership.');
      const written: Array<{ partnership: string; out: string }> = [];
      if (one !== undefined) {
        const p = await partnershipNamed(ctx, one);
        const out = xlsxOut(ctx, outOption);
        const file = await ctx.call('exportWorkbook', { kind: KIND, scope: { year, partnership: p.id } });
        writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
        written.push({ partnership: p.name, out });
      } else {
        const o = await ctx.call('listReturns', { year });
        const ready = o.partnerships.filter((p) => p.returns.length > 0 && p.allocationPence > 0);
        const waiting = o.partnerships.filter((p) => p.returns.length === 0);
        if (ready.length === 0) {
          throw optionError(
            'all',
            o.run
              ? `No partnership's ${year} returns have been set up yet: set them up on the Partnership returns screen, then export.`
              : `${year} has no allocation run yet, so no partnership has returns to export.`,
          );
        }
        if (outOption.toLowerCase().endsWith('.xlsx'))
          throw optionError('out', `--out with --all names a folder to write one file per partnership into, not ${outOption}.`);
        const folder = folderOut(ctx, outOption);
        // One at a time: every file is read from the workspace as it stands, and a refusal stops before the next.
        for (const p of ready) {
          const file = await ctx.call('exportWorkbook', { kind: KIND, scope: { year, partnership: p.partnershipId } });
          const out = join(folder, returnFileName(p.partnership, year));
          writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
          written.push({ partnership: p.partnership, out });
        }
        for (const p of waiting) ctx.io.err(`hnb: ${p.partnership}'s ${year} returns have not been set up, so it has no file.`);
      }
      if (ctx.json) ctx.io.out(JSON.stringify({ year, files: written }, null, 2));
      else for (const w of written) ctx.io.out(`Wrote ${w.out}`);
      return EXIT_OK;
    },
  },
]);
