/** `hnb kinds`, `hnb export <kind>` and `hnb import`: the spreadsheet round trip from a terminal. */
import { resolve } from 'node:path';
import { type CliContext, cliCommands, optionError, stringOption } from '../../electron/cli/command';
import { EXIT_CONFLICTS, EXIT_INVALID, EXIT_OK, type Io } from '../../electron/cli/output';
import { SCOPE_OPTIONS, scopeFromOptions } from '../../electron/cli/scope-options';
import type { ImportPreview, KindInfo } from '../../electron/shared/workbook-types';
import { writeFileAtomic } from '../../electron/server/files';

/** "Cost centre=code,Forecast=forecastPence" -> { 'Cost centre': 'code', Forecast: 'forecastPence' } */
export function parseMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const at = part.lastIndexOf('=');
    if (at <= 0 || at === part.length - 1) throw optionError('map', `--map takes "Header text=field" pairs separated by commas; "${part.trim()}" is not one`);
    map[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return map;
}

async function kindNamed(ctx: CliContext, name: string | undefined): Promise<KindInfo> {
  const kinds = await ctx.call('listKinds', {});
  const kind = kinds.find((k) => k.kind === name);
  if (!kind) throw optionError('kind', `hnb export and hnb import --kind take one of ${kinds.map((k) => k.kind).join(', ')}${name ? `, not "${name}"` : ''}`);
  return kind;
}

function printPreview(p: ImportPreview, io: Io): void {
  const c = p.counts;
  io.out(`${p.fileName}: ${p.kindTitle}, ${p.scopeLabel}${p.ours ? '' : ' (not exported by HNB Desk)'}`);
  io.out(
    `  ${c.changed} changed, ${c.added} added, ${c.unchanged} unchanged, ${c.missing} missing from the file, ${c.conflicts} conflicts, ${c.unmatched} unmatched, ${c.warnings} with warnings, ${c.errors} errors`,
  );
  for (const f of p.flags) io.out(`  Look again: ${f.message}`);
  for (const r of p.rows) {
    io.out(`  ${r.status.padEnd(9)} ${r.fileRow ? `row ${r.fileRow}`.padEnd(9) : ''.padEnd(9)} ${r.ref} ${r.label}`);
    for (const cell of r.cells) io.out(`      ${cell.header}: ${cell.old || '(none)'} -> ${cell.new}`);
    if (r.note && r.status !== 'changed') io.out(`      ${r.note}`);
    for (const w of r.warnings ?? []) io.out(`      Warning: ${w}`);
  }
  if (p.rows.length < c.changed + c.added + c.missing + c.conflicts + c.unmatched) io.out(`  (${p.rows.length} of them listed)`);
  for (const n of p.notes) io.out(`  Note: ${n}`);
  for (const e of p.errors) io.out(`  Error: ${e.message}`);
}

export const importsCli = cliCommands([
  {
    words: ['kinds'],
    usage: 'hnb kinds [--json]',
    describe: 'the workbook kinds HNB Desk reads and writes, with their fields',
    workspace: 'open',
    async run(ctx) {
      const kinds = await ctx.call('listKinds', {});
      const shaped = kinds.map((k) => ({
        kind: k.kind,
        title: k.title,
        scope: k.scopeFields.map((f) => ({ name: f.name, required: f.required })),
        fields: k.fields.map(({ field, header, type, key, editable }) => ({ field, header, type, key, editable })),
      }));
      if (ctx.json) ctx.io.out(JSON.stringify(shaped, null, 2));
      else
        for (const k of shaped) {
          ctx.io.out(`${k.kind}: ${k.title} (${k.scope.map((s) => `--${s.name}${s.required ? '' : ' optional'}`).join(', ')})`);
          ctx.io.out(
            k.fields
              .map((f) => `  ${f.field.padEnd(16)}${f.header.padEnd(20)}${f.type.padEnd(7)}${f.key ? 'key ' : ''}${f.editable ? 'editable' : ''}`)
              .join('\n'),
          );
        }
      return EXIT_OK;
    },
  },
  {
    words: ['export'],
    usage:
      'hnb export KIND [--year Y] [--period P] [--holder NAME] [--scenario NAME] [--plan NAME] [--workstream CODE] [--agreement NAME] [--quarter Q] --out FILE.xlsx',
    describe: 'a workbook to fill in and import back (hnb kinds lists the kinds)',
    options: { ...SCOPE_OPTIONS, out: 'string' },
    workspace: 'open',
    async run(ctx) {
      const kind = await kindNamed(ctx, ctx.args[0]);
      const outOption = stringOption(ctx, 'out');
      if (!outOption) throw optionError('out', '--out is required');
      const out = resolve(ctx.cwd, outOption);
      if (!out.toLowerCase().endsWith('.xlsx')) throw optionError('out', `--out must name an .xlsx file, not ${out}`);
      const scope = scopeFromOptions(ctx, kind.scopeFields);
      const file = await ctx.call('exportWorkbook', { kind: kind.kind, scope });
      writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
      if (ctx.json) ctx.io.out(JSON.stringify({ out, kind: kind.kind, scope }, null, 2));
      else ctx.io.out(`Wrote ${out}`);
      return EXIT_OK;
    },
  },
  {
    words: ['import'],
    usage: 'hnb import FILE.xlsx [--apply] [--prefer file|db] [--delete-missing] [--confirm]',
    describe:
      'preview (with --apply, apply) a workbook; one HNB Desk did not write also needs --kind, --year (--period) and optionally --map, --header-row or --mapping',
    options: {
      ...SCOPE_OPTIONS,
      kind: 'string',
      map: 'string',
      'header-row': 'string',
      mapping: 'string',
      apply: 'boolean',
      prefer: 'string',
      'delete-missing': 'boolean',
      confirm: 'boolean',
    },
    workspace: 'open',
    async run(ctx) {
      const { io, json, call } = ctx;
      const file = ctx.args[0];
      if (!file) throw optionError('file', 'Name the workbook to import: hnb import FILE.xlsx');
      const prefer = stringOption(ctx, 'prefer');
      if (prefer !== undefined && prefer !== 'file' && prefer !== 'db') throw optionError('prefer', `--prefer must be "file" or "db", not "${prefer}"`);
      const headerText = stringOption(ctx, 'header-row');
      const headerRow = headerText === undefined ? undefined : Number(headerText);
      if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1))
        throw optionError('header-row', `--header-row must be a row number, not "${headerText}"`);
      const kindName = stringOption(ctx, 'kind');
      const kind = kindName === undefined ? undefined : await kindNamed(ctx, kindName);
      const map = stringOption(ctx, 'map');
      const start = await call('importFile', {
        source: { path: resolve(ctx.cwd, file) },
        kind: kind?.kind,
        scope: kind ? scopeFromOptions(ctx, kind.scopeFields) : undefined,
        map: map === undefined ? undefined : parseMap(map),
        headerRow,
        mappingName: stringOption(ctx, 'mapping'),
      });
      if (start.stage === 'kind') {
        const kinds = await call('listKinds', {});
        throw optionError(
          'kind',
          `${start.fileName} was not exported by HNB Desk: say what it holds with --kind (${kinds.map((k) => k.kind).join(' or ')}), its --year, and --period for a monitoring return.`,
        );
      }
      const preview =
        start.stage === 'preview'
          ? start.preview
          : await call('previewMapped', {
              importId: start.proposal.importId,
              kind: start.kind,
              scope: start.scope,
              headerRow: start.proposal.headerRow,
              columns: start.proposal.proposed,
            });
      const result: Record<string, unknown> = {
        kind: preview.kind,
        scope: preview.scope,
        matchedBy: preview.matchedBy,
        added: preview.counts.added,
        changed: preview.counts.changed,
        unchanged: preview.counts.unchanged,
        missing: preview.counts.missing,
        conflicts: preview.counts.conflicts,
        unmatched: preview.counts.unmatched,
        warnings: preview.counts.warnings,
        flags: preview.flags,
        errors: preview.errors.map(({ sheet, cell, rule, message }) => ({ sheet: sheet ?? null, cell: cell ?? null, rule, message })),
        applied: null as unknown,
      };
      const finish = (code: number) => {
        if (json) io.out(JSON.stringify(result, null, 2));
        return code;
      };
      if (!json) printPreview(preview, io);
      if (preview.errors.length) {
        if (!json) io.err('hnb: nothing was imported: fix the errors above and import again.');
        return finish(EXIT_INVALID);
      }
      if (preview.counts.conflicts && !prefer) {
        if (!json) io.err('hnb: some rows changed both in the workspace and in the file; nothing was imported. Choose with --prefer file or --prefer db.');
        return finish(EXIT_CONFLICTS);
      }
      if (!ctx.options.apply) {
        await call('discardImport', { importId: preview.importId });
        if (!json) io.out('Preview only: add --apply to import these changes.');
        return finish(EXIT_OK);
      }
      if (preview.flags.length && !ctx.options.confirm) {
        await call('discardImport', { importId: preview.importId });
        if (!json) io.err('hnb: nothing was imported: look again at the points above, then add --confirm to apply anyway.');
        return finish(EXIT_INVALID);
      }
      const applied = await call('applyImport', {
        importId: preview.importId,
        prefer,
        deleteMissing: ctx.options['delete-missing'] === true,
        confirmFlags: ctx.options.confirm === true,
      });
      result.applied = applied.batch;
      if (!json)
        io.out(
          applied.batch
            ? `Imported as batch ${applied.batch.id}: ${applied.batch.changed} changed, ${applied.batch.added} added, ${applied.batch.deleted} removed.`
            : 'Nothing to import: the file matches the workspace.',
        );
      return finish(EXIT_OK);
    },
  },
]);
