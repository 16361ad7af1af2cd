import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type CliContext, cliCommands, optionError, requireOption, stringOption } from '../../../electron/cli/command';
import { EXIT_OK } from '../../../electron/cli/output';
import { writeFileAtomic } from '../../../electron/server/files';
import { storedBytes } from './build';

function wholeNumber(ctx: CliContext, name: string): number | undefined {
  const v = stringOption(ctx, name);
  if (v === undefined) return undefined;
  if (!/^\d{1,9}$/.test(v) || Number(v) < 1) throw optionError(name, `--${name} must be a whole number from 1, not "${v}"`);
  return Number(v);
}

/** The folder the pack goes in; refused if it is a file. Made only once there is something to put in it. */
function outDir(ctx: CliContext): string {
  const dir = resolve(ctx.cwd, requireOption(ctx, 'out'));
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw optionError('out', `--out must name a folder for the pack's files; ${dir} is a file`);
  return dir;
}

function writeInto(dir: string, fileName: string, bytes: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);
  writeFileAtomic(path, bytes);
  return path;
}

export const packCli = cliCommands([
  {
    words: ['pack'],
    usage: 'hnb pack --meeting ID [--public] [--supplementary] [--version N] --out DIR',
    describe: "a meeting's pack (PDF and workbook) into a folder; --version N: that published version's files, byte for byte",
    options: { meeting: 'string', public: 'boolean', supplementary: 'boolean', version: 'string', out: 'string' },
    workspace: 'open',
    async run(ctx) {
      const meetingId = wholeNumber(ctx, 'meeting');
      if (meetingId === undefined) throw optionError('meeting', '--meeting is required');
      const variant = ctx.options.public === true ? 'public' : 'full';
      const versionNumber = wholeNumber(ctx, 'version');
      const dir = outDir(ctx);
      const ws = ctx.server.workspace!;

      if (versionNumber !== undefined) {
        if (ctx.options.supplementary === true) {
          throw optionError('supplementary', '--supplementary is not needed with --version: a published version is already a main or a supplementary pack');
        }
        const versions = await ctx.call('listPackVersions', { meetingId });
        const v = versions.find((x) => x.version === versionNumber);
        if (!v) {
          throw optionError(
            'version',
            versions.length === 0
              ? `No pack has been published for meeting ${meetingId} yet. Publish it first (hnb publish --meeting ${meetingId}).`
              : `Meeting ${meetingId} has no version ${versionNumber} of its pack; published versions: ${versions.map((x) => x.version).join(', ')}.`,
          );
        }
        const pdf = await ctx.call('getPackFile', { versionId: v.id, variant, format: 'pdf' });
        const xlsx = await ctx.call('getPackFile', { versionId: v.id, variant, format: 'xlsx' });
        const pdfPath = writeInto(dir, pdf.fileName, Buffer.from(pdf.base64, 'base64'));
        const xlsxPath = writeInto(dir, xlsx.fileName, Buffer.from(xlsx.base64, 'base64'));
        const pages = v.files.find((f) => f.variant === variant && f.format === 'pdf')?.pages ?? null;
        if (ctx.json) {
          ctx.io.out(
            JSON.stringify({ version: v.version, pdf: pdfPath, workbook: xlsxPath, pages, pdfSha256: pdf.sha256, workbookSha256: xlsx.sha256 }, null, 2),
          );
        } else {
          ctx.io.out(`Wrote version ${v.version} (${variant} pack, published ${v.publishedAt.slice(0, 10)}):\n  ${pdfPath}\n  ${xlsxPath}`);
        }
        return EXIT_OK;
      }

      if (!ctx.json) ctx.io.err('Laying out the pack (this starts a browser)…');
      const built = await ctx.call('buildPack', { meetingId, variant, supplementary: ctx.options.supplementary === true });
      const pdfPath = writeInto(dir, built.pdfFileName, Buffer.from(built.pdfBase64, 'base64'));
      const xlsxPath = writeInto(dir, built.workbookFileName, Buffer.from(built.workbookBase64, 'base64'));
      // Workbook appendices go beside the PDF, as the pack's folder.
      const appendices = (built.attachments ?? []).map((a) => writeInto(dir, a.fileName, storedBytes(ws, a.sha256)));
      if (ctx.json) {
        ctx.io.out(
          JSON.stringify(
            { pdf: pdfPath, workbook: xlsxPath, pages: built.pages, contents: built.contents, exemptItems: built.exemptItems, appendices },
            null,
            2,
          ),
        );
      } else {
        ctx.io.out(`Wrote the ${variant} pack (${built.pages} pages):\n  ${pdfPath}\n  ${xlsxPath}${appendices.map((p) => `\n  ${p}`).join('')}`);
        for (const c of built.contents) ctx.io.out(`  ${c.number.padEnd(5)}${c.title.padEnd(60).slice(0, 60)} page ${c.page}`);
      }
      return EXIT_OK;
    },
  },
  {
    words: ['publish'],
    usage: 'hnb publish --meeting ID [--reason TEXT] [--supplementary]',
    describe: "publishes a meeting's pack (full and public, PDF and workbook) as its next version; a re-issue needs --reason",
    options: { meeting: 'string', reason: 'string', supplementary: 'boolean' },
    workspace: 'open',
    async run(ctx) {
      const meetingId = wholeNumber(ctx, 'meeting');
      if (meetingId === undefined) throw optionError('meeting', '--meeting is required');
      if (!ctx.json) ctx.io.err('Laying out the full and public packs (this starts a browser)…');
      const v = await ctx.call('publishPack', { meetingId, reason: stringOption(ctx, 'reason'), supplementary: ctx.options.supplementary === true });
      const pub = (format: 'pdf' | 'xlsx') => v.files.find((f) => f.variant === 'public' && f.format === format);
      if (ctx.json) {
        ctx.io.out(
          JSON.stringify(
            {
              version: v.version,
              publishedAt: v.publishedAt,
              supplementary: v.supplementary,
              pdfSha256: pub('pdf')?.sha256 ?? null,
              workbookSha256: pub('xlsx')?.sha256 ?? null,
              files: v.files,
              differences: v.differences,
            },
            null,
            2,
          ),
        );
      } else {
        ctx.io.out(`Published version ${v.version}${v.supplementary ? ' (supplementary pack)' : ''} at ${v.publishedAt} by ${v.publishedBy}.`);
        for (const f of v.files) ctx.io.out(`  ${f.variant.padEnd(7)}${f.fileName}  sha256 ${f.sha256}`);
        if (v.differences.length > 0) ctx.io.out(`${v.differences.length} difference${v.differences.length === 1 ? '' : 's'} from the version before.`);
      }
      return EXIT_OK;
    },
  },
]);
