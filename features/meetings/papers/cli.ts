/** `hnb blocks`, `hnb block KIND`, `hnb paper` and `hnb attach`: papers and their live blocks from a terminal. */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type CliContext, cliCommands, optionError, requireOption, stringOption } from '../../../electron/cli/command';
import { EXIT_OK } from '../../../electron/cli/output';
import { AppError } from '../../../electron/shared/errors';
import { parsePeriod } from '../../../electron/shared/periods';
import { checkAppendixSize } from './appendix-file';
import { blockContext } from './block-context';
import { loadBlock } from './render';

function idOption(ctx: CliContext, name: string): number {
  const text = requireOption(ctx, name);
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw optionError(name, `--${name} must be a record id (a whole number), not "${text}"`);
  return n;
}

function periodText(ctx: CliContext, name: string): number | undefined {
  const text = stringOption(ctx, name);
  if (text === undefined) return undefined;
  const p = text.trim() === '0' ? 0 : parsePeriod(text);
  if (p === undefined) throw optionError(name, `--${name} must be P1 (April) to P12 (March), not "${text}"`);
  return p;
}

export const papersCli = cliCommands([
  {
    words: ['blocks'],
    usage: 'hnb blocks [--json]',
    describe: 'the live blocks a paper can hold, with their settings',
    workspace: 'open',
    async run(ctx) {
      const kinds = await ctx.call('listBlockKinds', {});
      if (ctx.json) ctx.io.out(JSON.stringify(kinds, null, 2));
      else
        for (const k of kinds)
          ctx.io.out(
            `${k.kind.padEnd(22)}${k.label}${k.inline ? ' (inline)' : ''}: ${k.fields.map((f) => `--${f.key === 'fromPeriod' ? 'from' : f.key}`).join(' ')}`,
          );
      return EXIT_OK;
    },
  },
  {
    words: ['block'],
    usage: 'hnb block KIND [--year Y] [--period P] [--from P] [--measure M] [--meeting ID] [--json]',
    describe: "a live block's figures as a paper would show them today (hnb blocks lists the kinds)",
    options: { year: 'string', period: 'string', from: 'string', measure: 'string', meeting: 'string' },
    workspace: 'open',
    async run(ctx) {
      const name = ctx.args[0];
      const kinds = await ctx.call('listBlockKinds', {});
      if (!name || !kinds.some((k) => k.kind === name)) {
        throw optionError('kind', `hnb block takes one of ${kinds.map((k) => k.kind).join(', ')}${name ? `, not "${name}"` : ''}`);
      }
      const settings: Record<string, string | number> = {};
      const year = stringOption(ctx, 'year');
      if (year !== undefined) settings.year = year;
      const period = periodText(ctx, 'period');
      if (period !== undefined) settings.period = period;
      const from = periodText(ctx, 'from');
      if (from !== undefined) settings.fromPeriod = from;
      const measure = stringOption(ctx, 'measure');
      if (measure !== undefined) settings.measure = measure;
      const meetingId = stringOption(ctx, 'meeting') === undefined ? undefined : idOption(ctx, 'meeting');
      // The preview call checks the settings and the meeting, with the same refusals as the editor.
      await ctx.call('previewBlock', { kind: name, settings, ...(meetingId ? { meetingId } : {}) });
      const ws = ctx.server.workspace!;
      const b = loadBlock(ws, name, settings, blockContext(ws, meetingId));
      if ('problem' in b) throw new AppError('NOT_FOUND', b.problem);
      const kind = ws.registry.blocks.get(name)!;
      const money = ws.money();
      const r = kind.render(b.snapshot, money);
      if (ctx.json) {
        ctx.io.out(JSON.stringify({ kind: name, caption: r.caption, text: r.text, figures: r.figures, tables: r.tables.map((t) => t.title) }, null, 2));
        return EXIT_OK;
      }
      ctx.io.out(r.caption);
      if (r.text !== null) ctx.io.out(`  ${r.text}`);
      else
        for (const f of r.figures.filter((x) => !x.key.startsWith('line.')))
          ctx.io.out(`  ${f.label.padEnd(60)}${(f.pence === null ? '' : money.format(f.pence)).padStart(16)}`);
      return EXIT_OK;
    },
  },
  {
    words: ['paper'],
    usage: 'hnb paper --item ID [--json]',
    describe: "an agenda item's paper: its header, sections and appendices",
    options: { item: 'string' },
    workspace: 'open',
    async run(ctx) {
      const p = await ctx.call('getPaper', { itemId: idOption(ctx, 'item') });
      if (ctx.json) {
        ctx.io.out(JSON.stringify(p, null, 2));
        return EXIT_OK;
      }
      if (!p) {
        ctx.io.out('This item has no paper.');
        return EXIT_OK;
      }
      ctx.io.out(`Item ${p.itemNumber}: ${p.template.name}${p.late ? ` (late: ${p.lateReason})` : ''}`);
      for (const f of p.template.fields) if (p.header[f.key]) ctx.io.out(`  ${f.label}: ${p.header[f.key]}`);
      for (const a of p.appendices) ctx.io.out(`  Appendix: ${a.title} (${a.fileName}, ${a.format}${a.pages ? `, ${a.pages} pages` : ''})`);
      return EXIT_OK;
    },
  },
  {
    words: ['attach'],
    usage: 'hnb attach --paper ID --file FILE.pdf|FILE.xlsx [--title TEXT] [--json]',
    describe: 'attach a PDF or Excel workbook to a paper as an appendix',
    options: { paper: 'string', file: 'string', title: 'string' },
    workspace: 'open',
    async run(ctx) {
      const paperId = idOption(ctx, 'paper');
      const path = resolve(ctx.cwd, requireOption(ctx, 'file'));
      let size: number;
      try {
        size = statSync(path).size;
      } catch {
        throw optionError('file', `--file names ${path}, which cannot be read`);
      }
      checkAppendixSize(path, size);
      const title = stringOption(ctx, 'title') ?? basename(path).replace(/\.[^.]+$/, '');
      const p = await ctx.call('addAppendix', { paperId, title, file: { fileName: basename(path), base64: readFileSync(path).toString('base64') } });
      const a = p.appendices[p.appendices.length - 1]!;
      if (ctx.json) ctx.io.out(JSON.stringify(a, null, 2));
      else ctx.io.out(`Attached ${a.fileName} as "${a.title}" (${a.format}${a.pages ? `, ${a.pages} pages` : ''}) to item ${p.itemNumber}`);
      return EXIT_OK;
    },
  },
]);
