/**
 * The import round trip on the server: read a file into a session, show a preview, apply it as
 * one audited batch. Nothing touches the database until apply; a session holds the file's
 * values so the user can change the mapping without the file being read again.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { importBatch } from '../../../db/schema/imports';
import { AppError, type ErrorIssue } from '../../shared/errors';
import type { ImportPreview, ImportProgress, ImportStart, KindScope, MappingProposal } from '../../shared/workbook-types';
import { fileError } from '../files';
import type { Workspace } from '../workspace';
import { isProblem, type RawValue } from './engine/cells';
import { diffRows, type DiffResult } from './engine/diff';
import { checkWorkbookFile, FILE_LIMITS } from './engine/file-checks';
import {
  detectHeaderRow,
  isSubtotalRow,
  mappingFromHeaderText,
  normaliseHeader,
  proposeMapping,
  type HeaderCell,
  type MappableField,
} from './engine/header-detect';
import { interpretRows, type Interpreted } from './engine/interpret';
import { ID_FIELD, keyField, type KindData, type KindDef } from './engine/kind';
import { META_SHEET, parseMeta, type WorkbookMeta } from './engine/meta';
import { ReaderThread } from './engine/read-off-thread';
import type { RawRow, RawSheet, RawWorkbook } from './engine/read-workbook';
import { columnLetter } from './column-letter';
import { KINDS, kindDef } from './kinds';
import { batchInfo } from './import-batches';
import { listMappings } from './mappings';

export interface ImportRequest {
  source: { path: string } | { fileName: string; base64: string };
  kind?: string;
  year?: string;
  period?: number;
  holder?: string;
  map?: Record<string, string>;
  headerRow?: number;
  mappingName?: string;
}

interface Session {
  id: string;
  workspacePath: string;
  fileName: string;
  fileHash: string;
  raw: RawWorkbook;
  meta: WorkbookMeta | null;
  /** The database rows for the file's scope, loaded while its data sheet was still being read. */
  preloaded?: Preloaded;
  /** Set once a preview has been made. */
  prepared?: Prepared;
}

interface Preloaded {
  kind: string;
  scopeKey: string;
  /** The newest change set when loaded: the rows are used only if nothing was written since. */
  changeSetMark: number;
  data: KindData;
}

interface Prepared {
  def: KindDef;
  scope: KindScope;
  data: KindData;
  diff: DiffResult;
  preview: ImportPreview;
  digest: string;
  /** The newest change set when the preview was made: unchanged means the database is too. */
  changeSetMark: number;
  /** The same preview, rebuilt against the database as it is now. */
  redo: () => Prepared;
}

const MAX_SESSIONS = 3;
/** The preview lists at most this many rows; the counts always cover them all. */
export const PREVIEW_ROW_LIMIT = 5000;
const IDLE: ImportProgress = { active: false, phase: 'done', fileName: '', rowsRead: 0, fraction: null };

function invalidFile(fileName: string, message: string, rule: string): AppError {
  return new AppError('INVALID_FILE', message, { fileName, rule });
}

function plainCells(cells: RawValue[]): Array<string | number | boolean | null> {
  return cells.map((c) => (isProblem(c) ? c.text : (c ?? null)));
}

/** The fields a foreign workbook can supply: the key and the editable ones. */
export function mappableFields(def: KindDef): MappableField[] {
  return def.columns
    .filter((c) => !c.formula && c.type !== 'id' && (c.editable || c.key))
    .map((c) => ({ field: c.field, header: c.header, aliases: c.aliases ?? [], required: Boolean(c.required), type: c.type }));
}

function headerCellsOf(row: RawRow | undefined): HeaderCell[] {
  if (!row) return [];
  return row.cells.flatMap((v, i) => (typeof v === 'string' && v.trim() ? [{ col: i + 1, letter: columnLetter(i + 1), text: v.trim() }] : []));
}

export class ImportService {
  private sessions = new Map<string, Session>();
  progress: ImportProgress = IDLE;

  private loadBytes(source: ImportRequest['source']): { bytes: Buffer; fileName: string } {
    if ('path' in source) {
      const fileName = basename(source.path);
      try {
        const size = statSync(source.path).size;
        if (size > FILE_LIMITS.maxFileBytes) checkWorkbookFile(new Uint8Array(0), fileName, { ...FILE_LIMITS, maxFileBytes: -1 });
        return { bytes: readFileSync(source.path), fileName };
      } catch (e) {
        if (e instanceof AppError) throw e;
        const code = (e as { code?: string }).code;
        if (code === 'ENOENT') throw new AppError('NOT_FOUND', `There is no file at ${source.path}.`, { path: source.path });
        const busy = fileError(source.path, e);
        if (busy.code === 'FILE_BUSY') throw busy;
        throw new AppError('INVALID_FILE', `${fileName} could not be read: ${(e as Error).message}`, { fileName, rule: 'readable file' });
      }
    }
    return { bytes: Buffer.from(source.base64, 'base64'), fileName: basename(source.fileName) };
  }

  private session(ws: Workspace, importId: string): Session {
    const s = this.sessions.get(importId);
    if (!s || s.workspacePath !== ws.path) {
      throw new AppError('NOT_FOUND', 'That import is no longer open (another import or workspace replaced it). Choose the file again.');
    }
    return s;
  }

  /** Reads the file (checked first) into a session; answers with a preview or a mapping to confirm. */
  async start(ws: Workspace, req: ImportRequest): Promise<ImportStart> {
    // The reading thread boots while the file is loaded and checked here.
    const reader = new ReaderThread();
    try {
      const { bytes, fileName } = this.loadBytes(req.source);
      this.progress = { active: true, phase: 'checking', fileName, rowsRead: 0, fraction: null };
      checkWorkbookFile(bytes, fileName);
      const fileHash = createHash('sha256').update(bytes).digest('hex');
      this.progress = { ...this.progress, phase: 'reading', fraction: 0 };
      let metaRead: WorkbookMeta | string | undefined;
      let preloaded: Preloaded | undefined;
      const raw = await reader.read(bytes, fileName, {
        onProgress: (p) => {
          this.progress = { ...this.progress, rowsRead: p.rowsRead, fraction: p.fraction };
        },
        // `_meta` precedes the data sheet: load the database for its scope while the worker reads on.
        onSheetRead: (sheet) => {
          if (sheet.name !== META_SHEET) return;
          metaRead = parseMeta(sheet.rows);
          if (typeof metaRead !== 'string') preloaded = this.preload(ws, metaRead);
        },
      });
      this.progress = { ...this.progress, phase: 'comparing' };
      const metaSheet = raw.sheets.find((s) => s.name === META_SHEET);
      let meta: WorkbookMeta | null = null;
      if (metaSheet) {
        const parsed = metaRead ?? parseMeta(metaSheet.rows);
        if (typeof parsed === 'string')
          throw invalidFile(
            fileName,
            `${fileName} was exported by HNB Desk, but ${parsed}. Export a fresh copy and copy your figures into it.`,
            'intact _meta sheet',
          );
        meta = parsed;
      }
      const session: Session = { id: randomUUID(), workspacePath: ws.path, fileName, fileHash, raw, meta, preloaded };
      this.sessions.set(session.id, session);
      while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
      return meta ? { stage: 'preview', preview: this.prepareOwn(ws, session, req) } : this.startForeign(ws, session, req);
    } finally {
      reader.close();
      this.progress = { ...this.progress, active: false, phase: 'done' };
    }
  }

  /**
   * The rows an own workbook will be compared with, loaded early. Anything wrong with the
   * `_meta` sheet is left for the full checks after the read to report.
   */
  private preload(ws: Workspace, meta: WorkbookMeta): Preloaded | undefined {
    if (!(meta.kind in KINDS) || meta.workspaceId !== ws.info().id) return undefined;
    try {
      const changeSetMark = ws.latestChangeSetId();
      return { kind: meta.kind, scopeKey: JSON.stringify(meta.scope), changeSetMark, data: kindDef(meta.kind).load(ws, meta.scope) };
    } catch {
      return undefined;
    }
  }

  /** The database rows for a scope: preloaded ones if they are still current, once. */
  private loadData(ws: Workspace, s: Session, def: KindDef, scope: KindScope): KindData {
    const pre = s.preloaded;
    s.preloaded = undefined;
    if (pre && pre.kind === def.kind && pre.scopeKey === JSON.stringify(scope) && pre.changeSetMark === ws.latestChangeSetId()) return pre.data;
    return def.load(ws, scope);
  }

  private prepareOwn(ws: Workspace, s: Session, req: ImportRequest): ImportPreview {
    const meta = s.meta!;
    const def = kindDef(meta.kind);
    if (req.kind && req.kind !== meta.kind) {
      throw invalidFile(s.fileName, `${s.fileName} is a ${def.title.toLowerCase()} workbook, not a ${kindDef(req.kind).title.toLowerCase()}.`, 'kind matches');
    }
    if (meta.schemaVersion > def.schemaVersion) {
      throw invalidFile(s.fileName, `${s.fileName} was written by a newer version of HNB Desk. Update HNB Desk to import it.`, 'schema version');
    }
    const info = ws.info();
    if (meta.workspaceId !== info.id) {
      throw invalidFile(
        s.fileName,
        `${s.fileName} was exported from the workspace "${meta.workspaceName}", not "${info.name}". Open that workspace to import it, or export a fresh workbook from this one.`,
        'same workspace',
      );
    }
    const sheet = s.raw.sheets.find((x) => x.name === meta.sheet);
    if (!sheet) {
      throw invalidFile(s.fileName, `${s.fileName} has no sheet named "${meta.sheet}". Sheets must keep the names HNB Desk gave them.`, 'sheet names kept');
    }
    const { headerRow, mapping, errors } = this.ownHeader(def, sheet);
    const codeCol = mapping.code;
    const idCol = mapping[ID_FIELD];
    const skipRow = (cells: RawValue[]) =>
      codeCol !== undefined &&
      typeof cells[codeCol - 1] === 'string' &&
      (cells[codeCol - 1] as string).trim() === 'Total' &&
      (idCol === undefined || cells[idCol - 1] == null);
    return this.prepare(ws, s, def, meta.scope, sheet, headerRow, mapping, { ownFile: true, skipRow, headerErrors: errors, fingerprints: meta.fingerprints });
  }

  /** Our own sheet: the header row is found by its exact headings, so inserted rows or moved columns still read. */
  private ownHeader(def: KindDef, sheet: RawSheet): { headerRow: number; mapping: Record<string, number>; errors: ErrorIssue[] } {
    const wanted = new Map(def.columns.map((c) => [normaliseHeader(c.header), c.field]));
    let best: { row: RawRow; hits: number } | null = null;
    for (const r of sheet.rows.slice(0, 30)) {
      const hits = r.cells.filter((v) => typeof v === 'string' && wanted.has(normaliseHeader(v))).length;
      if (!best || hits > best.hits) best = { row: r, hits };
    }
    const errors: ErrorIssue[] = [];
    if (!best || best.hits < 2) {
      throw invalidFile('', `The sheet "${sheet.name}" has lost its heading row. Export a fresh workbook and copy your figures into it.`, 'headings kept');
    }
    const mapping: Record<string, number> = {};
    best.row.cells.forEach((v, i) => {
      const field = typeof v === 'string' ? wanted.get(normaliseHeader(v)) : undefined;
      if (field && mapping[field] === undefined) mapping[field] = i + 1;
    });
    for (const c of def.columns) {
      if (mapping[c.field] === undefined && (c.editable || c.type === 'id' || c.key)) {
        errors.push({
          sheet: sheet.name,
          cell: `${best.row.row}:${best.row.row}`,
          rule: 'headings must be kept',
          message: `${sheet.name}!${best.row.row}:${best.row.row} — headings must be kept — the column "${c.header}" is missing`,
        });
      }
    }
    return { headerRow: best.row.row, mapping, errors };
  }

  private foreignScope(def: KindDef, req: { year?: string; period?: number; holder?: string }): KindScope {
    const issues: ErrorIssue[] = [];
    if (!req.year) issues.push({ field: 'year', rule: 'is required', message: 'Say which year the workbook is for (--year 2025-26).' });
    if (def.needsPeriod && !req.period) issues.push({ field: 'period', rule: 'is required', message: 'Say which period the return is for (--period P7).' });
    if (issues.length) throw AppError.invalid(issues);
    return { year: req.year!, period: def.needsPeriod ? req.period : undefined, holder: req.holder || undefined };
  }

  private startForeign(ws: Workspace, s: Session, req: ImportRequest): ImportStart {
    if (!req.kind) return { stage: 'kind', importId: s.id, fileName: s.fileName, sheets: s.raw.sheets.filter((x) => !x.hidden).map((x) => x.name) };
    return this.mapForeign(ws, s, req);
  }

  /** A foreign workbook already read, now told what it holds. */
  mapImport(ws: Workspace, req: { importId: string; kind: string; year: string; period?: number; holder?: string; headerRow?: number }): ImportStart {
    const s = this.session(ws, req.importId);
    if (s.meta) throw new AppError('INVALID_INPUT', `${s.fileName} was exported by HNB Desk and needs no mapping.`);
    return this.mapForeign(ws, s, req);
  }

  private mapForeign(ws: Workspace, s: Session, req: Omit<ImportRequest, 'source'>): ImportStart {
    const def = kindDef(req.kind!);
    const scope = this.foreignScope(def, req);
    const proposal = this.proposal(ws, s, def, req.headerRow);
    let columns: Record<string, string> | undefined = req.map;
    if (!columns && req.mappingName) {
      const saved = listMappings(ws, def.kind).find((m) => m.name.toLowerCase() === req.mappingName!.toLowerCase());
      if (!saved) throw new AppError('NOT_FOUND', `There is no saved mapping named "${req.mappingName}" for ${def.title.toLowerCase()} workbooks.`);
      columns = saved.columns;
    }
    if (!columns) return { stage: 'mapping', kind: def.kind, scope, proposal };
    const { mapping, problems } = mappingFromHeaderText(proposal.headers, columns, mappableFields(def));
    if (problems.length) throw AppError.invalid(problems.map((p) => ({ field: 'map', rule: 'mapping must match the header row', message: p })));
    return { stage: 'preview', preview: this.previewMapped(ws, { importId: s.id, kind: def.kind, ...scope, headerRow: proposal.headerRow, columns: mapping }) };
  }

  private proposal(ws: Workspace, s: Session, def: KindDef, headerRow?: number): MappingProposal {
    const fields = mappableFields(def);
    const visible = s.raw.sheets.filter((x) => !x.hidden);
    let chosen: { sheet: RawSheet; headerRow: number; headers: HeaderCell[] } | null = null;
    for (const sheet of visible) {
      if (headerRow) {
        const row = sheet.rows.find((r) => r.row === headerRow);
        if (row) {
          chosen = { sheet, headerRow, headers: headerCellsOf(row) };
          break;
        }
        continue;
      }
      const found = detectHeaderRow(
        sheet.rows.slice(0, 30).map((r) => ({ row: r.row, cells: plainCells(r.cells) })),
        fields,
      );
      if (found) {
        chosen = { sheet, ...found };
        break;
      }
    }
    if (!chosen) {
      const names = visible.map((x) => `"${x.name}"`).join(', ');
      const message = visible.every((x) => x.rows.length === 0)
        ? `${s.fileName} holds no data: its sheet${visible.length === 1 ? '' : 's'} ${names} ${visible.length === 1 ? 'is' : 'are'} empty.`
        : headerRow
          ? `${s.fileName} has nothing on row ${headerRow} of the sheet${visible.length === 1 ? '' : 's'} ${names} to use as headings.`
          : `No heading row was found on the sheet${visible.length === 1 ? '' : 's'} ${names} of ${s.fileName}: none of the first 30 rows names columns such as ${fields
              .slice(0, 3)
              .map((f) => `"${f.header}"`)
              .join(', ')}. Say which row holds the headings.`;
      throw invalidFile(s.fileName, message, 'header row');
    }
    const sample = chosen.sheet.rows
      .filter((r) => r.row > chosen.headerRow)
      .slice(0, 5)
      .map((r) =>
        chosen.headers.map((h) => {
          const v = r.cells[h.col - 1];
          return v === null || v === undefined ? '' : isProblem(v) ? v.text : String(v);
        }),
      );
    return {
      importId: s.id,
      fileName: s.fileName,
      sheet: chosen.sheet.name,
      sheets: visible.map((x) => x.name),
      headerRow: chosen.headerRow,
      headers: chosen.headers,
      proposed: proposeMapping(chosen.headers, fields),
      sample,
      savedMappings: listMappings(ws, def.kind),
    };
  }

  /** A foreign workbook through the mapping the user confirmed. */
  previewMapped(
    ws: Workspace,
    req: { importId: string; kind: string; year: string; period?: number; holder?: string; headerRow: number; columns: Record<string, number> },
  ): ImportPreview {
    const s = this.session(ws, req.importId);
    const def = kindDef(req.kind);
    const scope = this.foreignScope(def, req);
    const fields = mappableFields(def);
    const known = new Set(fields.map((f) => f.field));
    const issues: ErrorIssue[] = [];
    for (const f of Object.keys(req.columns)) {
      if (!known.has(f))
        issues.push({
          field: `columns.${f}`,
          rule: 'must be a field of the workbook kind',
          message: `"${f}" is not a field a ${def.title.toLowerCase()} can import`,
        });
    }
    const key = keyField(def);
    if (req.columns[key.field] === undefined) {
      issues.push({
        field: `columns.${key.field}`,
        rule: 'the key column must be mapped',
        message: `Map a column to "${key.header}": rows are matched on it.`,
      });
    }
    if (issues.length) throw AppError.invalid(issues);
    const proposal = this.proposal(ws, s, def, req.headerRow);
    const sheet = s.raw.sheets.find((x) => x.name === proposal.sheet)!;
    const skipRow = (cells: RawValue[]) => isSubtotalRow(plainCells(cells), req.columns, key.field, fields);
    return this.prepare(ws, s, def, scope, sheet, req.headerRow, req.columns, { ownFile: false, skipRow, headerErrors: [], fingerprints: null });
  }

  private prepare(
    ws: Workspace,
    s: Session,
    def: KindDef,
    scope: KindScope,
    sheet: RawSheet,
    headerRow: number,
    mapping: Record<string, number>,
    o: { ownFile: boolean; skipRow: (cells: RawValue[]) => boolean; headerErrors: ErrorIssue[]; fingerprints: Map<number, string> | null },
  ): ImportPreview {
    const data = this.loadData(ws, s, def, scope);
    const interp: Interpreted = interpretRows(def, data, sheet.rows, {
      sheet: sheet.name,
      headerRow,
      mapping,
      date1904: s.raw.date1904,
      ownFile: o.ownFile,
      skipRow: o.skipRow,
    });
    const diff = diffRows(def, data, interp, {
      sheet: sheet.name,
      idCol: mapping[ID_FIELD] ?? null,
      keyCol: mapping[keyField(def).field]!,
      fingerprints: o.fingerprints,
    });
    const errors = [...o.headerErrors, ...interp.errors, ...diff.errors];
    if (data.readOnlyReason) errors.unshift({ field: 'year', rule: 'year must be open', message: data.readOnlyReason });
    const notes = [...interp.notes];
    if (diff.rows.length > PREVIEW_ROW_LIMIT)
      notes.push(
        `The preview lists the first ${PREVIEW_ROW_LIMIT.toLocaleString('en-GB')} of ${diff.rows.length.toLocaleString('en-GB')} rows that differ; all of them are applied.`,
      );
    if (!o.ownFile) {
      const unmapped = def.columns.filter((c) => c.editable && !c.formula && mapping[c.field] === undefined);
      if (unmapped.length) notes.push(`Not in this file, so left as they are: ${unmapped.map((c) => c.header).join(', ')}.`);
    }
    const preview: ImportPreview = {
      importId: s.id,
      kind: def.kind,
      kindTitle: def.title,
      fileName: s.fileName,
      ours: o.ownFile,
      scope,
      sheet: sheet.name,
      exportedAt: s.meta?.exportedAt ?? null,
      exportedBy: s.meta?.exportedBy ?? null,
      counts: { ...diff.counts, errors: errors.length },
      rows: diff.rows.slice(0, PREVIEW_ROW_LIMIT),
      errors,
      notes,
    };
    const digest = createHash('sha256')
      .update(JSON.stringify([diff.rows, errors]))
      .digest('hex');
    s.prepared = {
      def,
      scope,
      data,
      diff,
      preview,
      digest,
      changeSetMark: ws.latestChangeSetId(),
      redo: () => (this.prepare(ws, s, def, scope, sheet, headerRow, mapping, o), s.prepared!),
    };
    return preview;
  }

  /** Re-checks the preview against the database as it is now, then applies it as one batch. */
  apply(ws: Workspace, req: { importId: string; resolutions?: Record<string, 'file' | 'db'>; prefer?: 'file' | 'db'; deleteMissing?: boolean }) {
    const s = this.session(ws, req.importId);
    const before = s.prepared;
    if (!before) throw new AppError('INVALID_INPUT', 'Confirm the column mapping first: there is no preview to apply yet.');
    // If nothing was written since the preview it still holds; otherwise rebuild it and
    // insist it is the same.
    const again = ws.latestChangeSetId() === before.changeSetMark ? before : before.redo();
    if (again.digest !== before.digest) {
      throw new AppError('CONFLICT', 'The workspace has changed since this preview was made. Look at the new preview, then apply again.', {
        preview: again.preview,
      });
    }
    const { def, scope, data, diff, preview } = again;
    if (preview.errors.length) {
      throw new AppError(
        'INVALID_INPUT',
        `${s.fileName} has ${preview.errors.length} problem${preview.errors.length === 1 ? '' : 's'} to fix first; nothing was changed.`,
        { issues: preview.errors },
      );
    }
    const resolutions = req.resolutions ?? {};
    const unresolved = [...diff.conflicts.keys()].filter((k) => !resolutions[k] && !req.prefer);
    if (unresolved.length) {
      const open = new Set(unresolved);
      const rows = preview.rows.filter((r) => r.status === 'conflict' && open.has(r.key));
      throw new AppError(
        'CONFLICT',
        `${unresolved.length} row${unresolved.length === 1 ? ' was' : 's were'} changed both in the workspace and in the file. Choose which to keep for each; nothing was changed.`,
        {
          issues: rows.map((r) => ({
            sheet: preview.sheet,
            cell: `A${r.fileRow}`,
            rule: 'conflict must be resolved',
            message: `${preview.sheet}!${r.code} (row ${r.fileRow}) — changed in the workspace since export and in the file`,
          })),
        },
      );
    }
    const fromConflicts = [...diff.conflicts].filter(([k]) => (resolutions[k] ?? req.prefer) === 'file').map(([, v]) => v);
    const plan = {
      added: diff.additions,
      changed: [...diff.changes.values(), ...fromConflicts],
      deleted: req.deleteMissing ? diff.missing.map((m) => ({ id: m.id, current: m.values })) : [],
    };
    if (plan.added.length + plan.changed.length + plan.deleted.length === 0) {
      this.sessions.delete(s.id);
      return { batch: null };
    }
    const label = `Import ${s.fileName}: ${[
      plan.added.length && `${plan.added.length} added`,
      plan.changed.length && `${plan.changed.length} changed`,
      plan.deleted.length && `${plan.deleted.length} removed`,
    ]
      .filter(Boolean)
      .join(', ')}`;
    const batchId = ws.write('import', label, (rec) => {
      def.apply(rec, ws, scope, plan, data);
      if (rec.id === null) return null;
      return ws.db
        .insert(importBatch)
        .values({
          changeSetId: rec.id,
          kind: def.kind,
          fileName: s.fileName,
          fileHash: s.fileHash,
          who: ws.actor.who(),
          at: ws.actor.now().toISOString(),
          yearId: scope.year,
          period: scope.period ?? null,
          added: plan.added.length,
          changed: plan.changed.length,
          deleted: plan.deleted.length,
          conflictsResolved: diff.conflicts.size,
        })
        .returning({ id: importBatch.id })
        .get().id;
    });
    this.sessions.delete(s.id);
    return { batch: batchId === null ? null : batchInfo(ws, batchId) };
  }

  discard(importId: string): boolean {
    return this.sessions.delete(importId);
  }
}
