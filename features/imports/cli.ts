/** `hnb kinds`, `hnb export budget|monitoring` and `hnb import`: the spreadsheet round trip from a terminal. */
import { resolve } from 'node:path';
import { AppError, type Envelope } from '../../electron/shared/errors';
import type { ChannelName, ChannelOutput } from '../../electron/shared/contract';
import { parsePeriod } from '../../electron/shared/periods';
import type { ImportPreview } from '../../electron/shared/workbook-types';
import { writeFileAtomic } from '../../electron/server/files';
import type { DomainServer } from '../../electron/server/server';
import type { CliOptions } from '../../electron/cli/args';
import { EXIT_CONFLICTS, EXIT_INVALID, EXIT_OK, type Io } from '../../electron/cli/output';

type Call = <K extends ChannelName>(channel: K, input: unknown) => Promise<ChannelOutput<K>>;

export function caller(server: DomainServer, fail: (r: Envelope<unknown>) => never): Call {
  return async (channel, input) => {
    const r = await server.call(channel, input);
    if (!r.ok) fail(r);
    return (r as { value: unknown }).value as ChannelOutput<typeof channel>;
  };
}

function invalid(field: string, message: string): AppError {
  return new AppError('INVALID_INPUT', message, { issues: [{ field, rule: 'is invalid', message }] });
}

function period(o: CliOptions): number | undefined {
  if (o.period === undefined) return undefined;
  const p = parsePeriod(o.period);
  if (p === undefined) throw invalid('period', `--period must be P1 (April) to P12 (March), not "${o.period}"`);
  return p;
}

export async function kindsCommand(call: Call, o: CliOptions, io: Io): Promise<number> {
  const kinds = await call('listKinds', {});
  const shaped = kinds.map((k) => ({
    kind: k.kind,
    title: k.title,
    fields: k.fields.map(({ field, header, type, key, editable }) => ({ field, header, type, key, editable })),
  }));
  if (o.json) io.out(JSON.stringify(shaped, null, 2));
  else
    for (const k of shaped)
      io.out(
        `${k.kind}: ${k.title}\n${k.fields.map((f) => `  ${f.field.padEnd(16)}${f.header.padEnd(20)}${f.type.padEnd(7)}${f.key ? 'key ' : ''}${f.editable ? 'editable' : ''}`).join('\n')}`,
      );
  return EXIT_OK;
}

export async function exportKindCommand(call: Call, kind: string, o: CliOptions, cwd: string, io: Io): Promise<number> {
  if (!o.year) throw invalid('year', '--year is required');
  if (!o.out) throw invalid('out', '--out is required');
  const out = resolve(cwd, o.out);
  if (!out.toLowerCase().endsWith('.xlsx')) throw invalid('out', `--out must name an .xlsx file, not ${out}`);
  const file = await call('exportWorkbook', { kind, year: o.year, period: period(o), holder: o.holder });
  writeFileAtomic(out, Buffer.from(file.base64, 'base64'));
  if (o.json) io.out(JSON.stringify({ out, kind, year: o.year, period: period(o) ?? null }, null, 2));
  else io.out(`Wrote ${out}`);
  return EXIT_OK;
}

/** "Cost centre=code,Forecast=forecastPence" -> { 'Cost centre': 'code', Forecast: 'forecastPence' } */
export function parseMap(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const at = part.lastIndexOf('=');
    if (at <= 0 || at === part.length - 1) throw invalid('map', `--map takes "Header text=field" pairs separated by commas; "${part.trim()}" is not one`);
    map[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return map;
}

function printPreview(p: ImportPreview, io: Io): void {
  const c = p.counts;
  io.out(`${p.fileName}: ${p.kindTitle}, ${p.scope.year}${p.scope.period ? ` P${p.scope.period}` : ''}${p.ours ? '' : ' (not exported by HNB Desk)'}`);
  io.out(
    `  ${c.changed} changed, ${c.added} added, ${c.unchanged} unchanged, ${c.missing} missing from the file, ${c.conflicts} conflicts, ${c.unmatched} unmatched, ${c.errors} errors`,
  );
  for (const r of p.rows) {
    io.out(`  ${r.status.padEnd(9)} ${r.fileRow ? `row ${r.fileRow}`.padEnd(9) : ''.padEnd(9)} ${r.code} ${r.name}`);
    for (const cell of r.cells) io.out(`      ${cell.header}: ${cell.old || '(none)'} -> ${cell.new}`);
    if (r.note && r.status !== 'changed') io.out(`      ${r.note}`);
  }
  for (const n of p.notes) io.out(`  Note: ${n}`);
  for (const e of p.errors) io.out(`  Error: ${e.message}`);
}

export async function importCommand(call: Call, file: string | undefined, o: CliOptions, cwd: string, io: Io): Promise<number> {
  if (!file) throw invalid('file', 'Name the workbook to import: hnb import FILE.xlsx');
  if (o.prefer !== undefined && o.prefer !== 'file' && o.prefer !== 'db') throw invalid('prefer', `--prefer must be "file" or "db", not "${o.prefer}"`);
  const headerRow = o['header-row'] === undefined ? undefined : Number(o['header-row']);
  if (headerRow !== undefined && (!Number.isInteger(headerRow) || headerRow < 1))
    throw invalid('header-row', `--header-row must be a row number, not "${o['header-row']}"`);
  const start = await call('importFile', {
    source: { path: resolve(cwd, file) },
    kind: o.kind,
    year: o.year,
    period: period(o),
    holder: o.holder,
    map: o.map === undefined ? undefined : parseMap(o.map),
    headerRow,
    mappingName: o.mapping,
  });
  if (start.stage === 'kind') {
    throw invalid(
      'kind',
      `${start.fileName} was not exported by HNB Desk: say what it holds with --kind budget|monitoring, its --year, and --period for a monitoring return.`,
    );
  }
  const preview =
    start.stage === 'preview'
      ? start.preview
      : await call('previewMapped', {
          importId: start.proposal.importId,
          kind: start.kind,
          ...start.scope,
          headerRow: start.proposal.headerRow,
          columns: start.proposal.proposed,
        });
  const result: Record<string, unknown> = {
    kind: preview.kind,
    added: preview.counts.added,
    changed: preview.counts.changed,
    unchanged: preview.counts.unchanged,
    missing: preview.counts.missing,
    conflicts: preview.counts.conflicts,
    unmatched: preview.counts.unmatched,
    errors: preview.errors.map(({ sheet, cell, rule, message }) => ({ sheet: sheet ?? null, cell: cell ?? null, rule, message })),
    applied: null as unknown,
  };
  const finish = (code: number) => {
    if (o.json) io.out(JSON.stringify(result, null, 2));
    return code;
  };
  if (!o.json) printPreview(preview, io);
  if (preview.errors.length) {
    if (!o.json) io.err('hnb: nothing was imported: fix the errors above and import again.');
    return finish(EXIT_INVALID);
  }
  if (preview.counts.conflicts && !o.prefer) {
    if (!o.json) io.err('hnb: some rows changed both in the workspace and in the file; nothing was imported. Choose with --prefer file or --prefer db.');
    return finish(EXIT_CONFLICTS);
  }
  if (!o.apply) {
    await call('discardImport', { importId: preview.importId });
    if (!o.json) io.out('Preview only: add --apply to import these changes.');
    return finish(EXIT_OK);
  }
  const applied = await call('applyImport', { importId: preview.importId, prefer: o.prefer, deleteMissing: o['delete-missing'] });
  result.applied = applied.batch;
  if (!o.json)
    io.out(
      applied.batch
        ? `Imported as batch ${applied.batch.id}: ${applied.batch.changed} changed, ${applied.batch.added} added, ${applied.batch.deleted} removed.`
        : 'Nothing to import: the file matches the workspace.',
    );
  return finish(EXIT_OK);
}
