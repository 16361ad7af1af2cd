/**
 * The import round trip on the server: read a file into a session, show a preview, apply it as
 * one audited batch. Nothing touches the database until apply; a session holds the file's
 * values so the user can change the mapping without the file being read again. Every cell of a
 * returned workbook is untrusted, the hidden `_meta` sheet and row ids included: each is checked
 * here, and every refusal names its sheet and cell.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ZodError } from 'zod';
import { importBatch } from '../../../db/schema/imports';
import { AppError, type ErrorIssue } from '../../shared/errors';
import type { ImportApplied, ImportPreview, ImportProgress, ImportStart, KindScope, MappingProposal, PreviewFlag } from '../../shared/workbook-types';
import { fileError } from '../files';
import { lockedRefs } from '../locks/locks';
import type { Workspace } from '../workspace';
import { isDateCell, isProblem, type RawValue } from './engine/cells';
import { type DiffResult, diffRows } from './engine/diff';
import { checkFileSize, checkWorkbookFile } from './engine/file-checks';
import {
  detectHeaderRow,
  type HeaderCell,
  isSubtotalRow,
  type MappableField,
  mappingFromHeaderText,
  normaliseHeader,
  proposeMapping,
} from './engine/header-detect';
import { matchByKey, matchOwnRows } from './engine/identity';
import { type Interpreted, interpretRows } from './engine/interpret';
import { type ColumnDef, forScope, ID_FIELD, type KindData, type KindDef, keyColumn, kindInfo } from './engine/kind';
import { isMetaProblem, META_SHEET, type MetaProblem, type ParsedMeta, parseMeta } from './engine/meta';
import { type OffThreadRead, ReaderThread } from './engine/read-off-thread';
import type { RawRow, RawSheet, RawWorkbook } from './engine/read-workbook';
import { columnLetter } from './column-letter';
import { batchInfo } from './import-batches';
import type { KindRegistry } from './kinds';
import { listMappings } from './mappings';

export interface ImportRequest {
  source: { path: string } | { fileName: string; base64: string };
  kind?: string;
  scope?: Record<string, unknown>;
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
  meta: ParsedMeta | null;
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
/** Files read at the same time: each read takes two threads and the file's size in memory several times over. */
const MAX_CONCURRENT_READS = 2;
/** The preview lists at most this many rows; the counts always cover them all. */
export const PREVIEW_ROW_LIMIT = 5000;
const IDLE: ImportProgress = { active: false, phase: 'done', fileName: '', rowsRead: 0, fraction: null };

function invalidFile(fileName: string, message: string, rule: string, issues?: ErrorIssue[]): AppError {
  return new AppError('INVALID_FILE', message, issues ? { fileName, rule, issues } : { fileName, rule });
}

function plainCells(cells: RawValue[]): Array<string | number | boolean | null> {
  return cells.map((c) => (isProblem(c) || isDateCell(c) ? c.text : (c ?? null)));
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

/** A scope as the kind defines it, from a call, the command line or a workbook's `_meta`; every problem listed. */
export function parseScope(ws: Workspace, def: KindDef, raw: unknown, cellOf?: (field: string) => string | undefined): KindScope {
  // reportInput: to tell a missing field from one of the wrong type.
  const parsed = def.scope.schema.safeParse(raw ?? {}, { reportInput: true });
  if (!parsed.success) throw AppError.invalid(scopeIssues(def, parsed.error, cellOf));
  try {
    def.scope.check(ws, parsed.data);
  } catch (e) {
    if (!(e instanceof AppError) || !cellOf) throw e;
    const issues = (e.details?.issues ?? []).map((i) => withCell(i, cellOf));
    throw new AppError(e.code, e.message, { ...e.details, issues });
  }
  return parsed.data;
}

function withCell(i: ErrorIssue, cellOf: (field: string) => string | undefined): ErrorIssue {
  const cell = i.field ? cellOf(i.field) : undefined;
  return cell ? { ...i, sheet: META_SHEET, cell, message: `${META_SHEET}!${cell} — ${i.message}` } : i;
}

function scopeIssues(def: KindDef, error: ZodError, cellOf?: (field: string) => string | undefined): ErrorIssue[] {
  return error.issues.map((issue) => {
    // A key the scope does not have is named by the key itself, so `_meta`'s extra row is pointed at.
    const field = issue.code === 'unrecognized_keys' ? (issue.keys[0] ?? '') : String(issue.path[0] ?? '');
    const label = def.scope.fields.find((f) => f.name === field)?.label ?? field;
    const rule =
      issue.code === 'unrecognized_keys'
        ? `a ${def.title.toLowerCase()} has no ${issue.keys.join(', ')}`
        : issue.code === 'invalid_type' && issue.input === undefined
          ? `${label} is required`
          : `${label} ${issue.message}`;
    return withCell({ field: field || undefined, rule, message: rule }, (f) => cellOf?.(f));
  });
}

export class ImportService {
  private sessions = new Map<string, Session>();
  private reading = 0;
  progress: ImportProgress = IDLE;

  constructor(private readonly kinds: KindRegistry) {}

  private loadBytes(source: ImportRequest['source']): { bytes: Buffer; fileName: string } {
    if ('path' in source) {
      const fileName = basename(source.path);
      try {
        const stat = statSync(source.path);
        if (stat.isDirectory())
          throw invalidFile(fileName, `${source.path} is a folder, not a workbook: choose the .xlsx file itself.`, 'a file, not a folder');
        checkFileSize(fileName, stat.size);
        return { bytes: readFileSync(source.path), fileName };
      } catch (e) {
        if (e instanceof AppError) throw e;
        const code = (e as { code?: string }).code;
        if (code === 'ENOENT') throw new AppError('NOT_FOUND', `There is no file at ${source.path}.`, { path: source.path });
        if (code === 'EISDIR') throw invalidFile(fileName, `${source.path} is a folder, not a workbook: choose the .xlsx file itself.`, 'a file, not a folder');
        const busy = fileError(source.path, e);
        if (busy.code === 'FILE_BUSY') throw busy;
        throw invalidFile(fileName, `${fileName} could not be read: ${(e as Error).message}`, 'readable file');
      }
    }
    return { bytes: Buffer.from(source.base64, 'base64'), fileName: basename(source.fileName.replace(/\\/g, '/')) };
  }

  private session(ws: Workspace, importId: string): Session {
    const s = this.sessions.get(importId);
    if (!s || s.workspacePath !== ws.path) {
      throw new AppError('NOT_FOUND', 'That import is no longer open (another import or workspace replaced it). Choose the file again.');
    }
    return s;
  }

  /**
   * Loads and checks the file, and starts the reading threads on it. The bytes are not held
   * while they read (the threads have their own copy): at 100,000 rows, 10 MB of the peak.
   */
  private beginRead(
    reader: ReaderThread,
    source: ImportRequest['source'],
    o: OffThreadRead,
  ): { fileName: string; fileHash: string; read: Promise<RawWorkbook> } {
    const { bytes, fileName } = this.loadBytes(source);
    this.progress = { active: true, phase: 'checking', fileName, rowsRead: 0, fraction: null };
    checkWorkbookFile(bytes, fileName);
    const fileHash = createHash('sha256').update(bytes).digest('hex');
    this.progress = { ...this.progress, phase: 'reading', fraction: 0 };
    return { fileName, fileHash, read: reader.read(bytes, fileName, o) };
  }

  /** Reads the file (checked first) into a session; answers with a preview or a mapping to confirm. */
  async start(ws: Workspace, req: ImportRequest): Promise<ImportStart> {
    if (this.reading >= MAX_CONCURRENT_READS) {
      throw new AppError('FILE_BUSY', 'HNB Desk is already reading other workbooks. Wait for them to finish, then import this one.');
    }
    this.reading++;
    // The reading threads boot while the file is loaded and checked here.
    const reader = new ReaderThread();
    try {
      let preloaded: Preloaded | undefined;
      // `_meta` as read while the data sheet was: its 100,000 fingerprints are parsed once.
      let early: { rows: RawRow[]; meta: ParsedMeta | MetaProblem } | undefined;
      const { fileName, fileHash, read } = this.beginRead(reader, req.source, {
        onProgress: (p) => {
          this.progress = { ...this.progress, rowsRead: p.rowsRead, fraction: p.fraction };
        },
        // `_meta` precedes the data sheet: load the database for its scope while the worker reads on.
        onSheetRead: (sheet) => {
          if (sheet.name !== META_SHEET) return;
          try {
            early = { rows: sheet.rows, meta: parseMeta(sheet.rows) };
          } catch {
            // Left for the full checks after the read to report.
            return;
          }
          preloaded = this.preload(ws, early.meta);
        },
      });
      const raw = await read;
      this.progress = { ...this.progress, phase: 'comparing' };
      const metaSheet = raw.sheets.find((s) => s.name === META_SHEET);
      const meta = metaSheet ? (early?.rows === metaSheet.rows ? early.meta : parseMeta(metaSheet.rows)) : null;
      if (meta && isMetaProblem(meta)) {
        const where = meta.cell ? `${META_SHEET}!${meta.cell}` : `its ${META_SHEET} sheet`;
        throw invalidFile(
          fileName,
          `${fileName} was exported by HNB Desk, but its hidden ${META_SHEET} sheet has been changed (${where}: ${meta.problem}). HNB Desk uses that sheet to match rows, so it cannot trust this file. Export a fresh copy and copy your figures into it.`,
          'intact _meta sheet',
          [{ sheet: META_SHEET, cell: meta.cell ?? undefined, rule: 'the _meta sheet must be as HNB Desk wrote it', message: `${where} — ${meta.problem}` }],
        );
      }
      const session: Session = { id: randomUUID(), workspacePath: ws.path, fileName, fileHash, raw, meta, preloaded };
      this.sessions.set(session.id, session);
      while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
      return session.meta ? { stage: 'preview', preview: this.prepareOwn(ws, session, req) } : this.startForeign(ws, session, req);
    } finally {
      this.reading--;
      reader.close();
      this.progress = { ...this.progress, active: false, phase: 'done' };
    }
  }

  /**
   * The rows an own workbook will be compared with, loaded early. Anything wrong with the
   * `_meta` sheet is left for the full checks after the read to report.
   */
  private preload(ws: Workspace, meta: ParsedMeta | MetaProblem): Preloaded | undefined {
    try {
      if (isMetaProblem(meta) || !this.kinds.has(meta.kind) || meta.workspaceId !== ws.info().id) return undefined;
      const def = this.kinds.get(meta.kind);
      const parsed = def.scope.schema.safeParse(meta.scope);
      if (!parsed.success) return undefined;
      def.scope.check(ws, parsed.data);
      return { kind: meta.kind, scopeKey: JSON.stringify(parsed.data), changeSetMark: ws.latestChangeSetId(), data: def.load(ws, parsed.data) };
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

  /** Checks our own file's `_meta` as input: the kind, its version, the workspace, the sheet and the scope. */
  private ownFile(ws: Workspace, s: Session, req: ImportRequest): { def: KindDef; scope: KindScope } {
    const meta = s.meta!;
    const cellOf = (key: string) => (meta.rowOf.has(key) ? `B${meta.rowOf.get(key)}` : undefined);
    const at = (key: string) => `${META_SHEET}!${cellOf(key) ?? 'A1'}`;
    const refuse = (key: string, rule: string, sentence: string) =>
      invalidFile(s.fileName, sentence, rule, [{ sheet: META_SHEET, cell: cellOf(key), rule, message: `${at(key)} — ${rule}` }]);
    if (!this.kinds.has(meta.kind)) {
      throw refuse(
        'kind',
        'must name a kind of workbook HNB Desk knows',
        `${s.fileName} says (${at('kind')}) it is a "${meta.kind}" workbook, which this version of HNB Desk does not know. Its hidden sheet may have been edited, or it was written by a newer version of HNB Desk. Export a fresh copy to import.`,
      );
    }
    const def = this.kinds.get(meta.kind);
    if (req.kind && req.kind !== def.kind) {
      throw invalidFile(
        s.fileName,
        `${s.fileName} is a ${def.title.toLowerCase()} workbook, not a ${this.kinds.get(req.kind).title.toLowerCase()}.`,
        'kind matches',
      );
    }
    if (meta.schemaVersion > def.schemaVersion) {
      throw refuse(
        'schemaVersion',
        'must be a version this HNB Desk can read',
        `${s.fileName} was written by a newer version of HNB Desk (its ${def.title.toLowerCase()} layout is version ${meta.schemaVersion}; this version reads up to ${def.schemaVersion}). Update HNB Desk to import it.`,
      );
    }
    const info = ws.info();
    if (meta.workspaceId !== info.id) {
      const sameName = meta.workspaceName.trim().toLowerCase() === info.name.trim().toLowerCase();
      throw refuse(
        'workspaceId',
        'must be this workspace',
        sameName
          ? `${s.fileName} was exported from another workspace file that is also called "${info.name}", not from the one open now (${info.path}). Two files with the same name hold different figures: open the file it came from to import it, or export a fresh workbook from this one.`
          : `${s.fileName} was exported from the workspace "${meta.workspaceName}", not "${info.name}". Open that workspace to import it, or export a fresh workbook from this one.`,
      );
    }
    if (meta.sheet !== def.sheetName) {
      throw refuse(
        'sheet',
        `must name the sheet "${def.sheetName}"`,
        `${s.fileName}'s hidden ${META_SHEET} sheet has been changed (${at('sheet')} names the sheet "${meta.sheet}"). Export a fresh copy and copy your figures into it.`,
      );
    }
    let scope: KindScope;
    try {
      scope = parseScope(ws, def, meta.scope, (field) => cellOf(`scope.${field}`));
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const issues = (e.details?.issues ?? []).map((i) => (i.sheet ? i : { ...i, sheet: META_SHEET }));
      throw invalidFile(
        s.fileName,
        `${s.fileName}'s hidden ${META_SHEET} sheet does not describe a ${def.title.toLowerCase()} this workspace holds: ${issues.map((i) => i.message).join('; ')}. Export a fresh copy and copy your figures into it.`,
        'intact _meta sheet',
        issues,
      );
    }
    // The columns written are what the fingerprints hash: without their list a changed row cannot be told from a stale one.
    if (def.columnsFor && !meta.columns) {
      throw invalidFile(
        s.fileName,
        `${s.fileName}'s hidden ${META_SHEET} sheet has been changed (it no longer lists the columns written, which HNB Desk needs to match this ${def.title.toLowerCase()}). Export a fresh copy and copy your figures into it.`,
        'intact _meta sheet',
        [{ sheet: META_SHEET, rule: 'the _meta sheet must be as HNB Desk wrote it', message: `${META_SHEET} — the "columns" row is missing` }],
      );
    }
    return { def: forScope(def, ws, scope), scope };
  }

  private prepareOwn(ws: Workspace, s: Session, req: ImportRequest): ImportPreview {
    const { def, scope } = this.ownFile(ws, s, req);
    const sheet = s.raw.sheets.find((x) => x.name === def.sheetName);
    if (!sheet) {
      throw invalidFile(s.fileName, `${s.fileName} has no sheet named "${def.sheetName}". Sheets must keep the names HNB Desk gave them.`, 'sheet names kept');
    }
    // Only a kind with `columnsFor` writes its columns: a list in any other kind's `_meta` was put there by hand.
    const exported = def.columnsFor ? s.meta!.columns : null;
    const { headerRow, mapping, errors, notes } = this.ownHeader(def, sheet, exported);
    const keyCol = mapping[def.keyField];
    const idCol = mapping[ID_FIELD];
    const isTotals = (cells: RawValue[]) =>
      keyCol !== undefined &&
      typeof cells[keyCol - 1] === 'string' &&
      (cells[keyCol - 1] as string).trim() === 'Total' &&
      (idCol === undefined || cells[idCol - 1] == null);
    const totalsRow = sheet.rows.find((r) => r.row > headerRow && isTotals(r.cells))?.row;
    return this.prepare(ws, s, def, scope, sheet, headerRow, mapping, {
      ownFile: true,
      skipRow: isTotals,
      headerErrors: errors,
      headerNotes: notes,
      fingerprints: s.meta!.fingerprints,
      exportedFields: exported?.map(([field]) => field) ?? null,
      tableEnd: totalsRow,
    });
  }

  /**
   * Our own sheet: the header row is found by its exact headings, so inserted rows or moved
   * columns still read. For a kind whose columns are the workspace's (`exported` lists those
   * written, with their headings then), each written column is found under the heading it was
   * written with, so one renamed since still reads; a column added since is not read, and one
   * removed since is not either. A heading that was one column's and is now another's (two
   * renamed past each other, or `_meta` edited) is refused: it cannot be told whose figures they are.
   */
  private ownHeader(
    def: KindDef,
    sheet: RawSheet,
    exported: Array<[string, string]> | null,
  ): { headerRow: number; mapping: Record<string, number>; errors: ErrorIssue[]; notes: string[] } {
    const writtenAs = exported ? new Map(exported) : null;
    // An editable column not written is not looked for: a heading the file has for it was another column's.
    const read = def.columns.filter((c) => !(writtenAs && c.editable && !writtenAs.has(c.field)));
    const headingOf = (c: ColumnDef) => (c.editable ? writtenAs?.get(c.field) : undefined) ?? c.header;
    const wanted = new Map(read.map((c) => [normaliseHeader(headingOf(c)), c.field]));
    let best: { row: RawRow; hits: number } | null = null;
    for (const r of sheet.rows.slice(0, 30)) {
      const hits = r.cells.filter((v) => typeof v === 'string' && wanted.has(normaliseHeader(v))).length;
      if (!best || hits > best.hits) best = { row: r, hits };
    }
    const errors: ErrorIssue[] = [];
    if (!best || best.hits < 2) {
      throw invalidFile('', `The sheet "${sheet.name}" has lost its heading row. Export a fresh workbook and copy your figures into it.`, 'headings kept');
    }
    const headerRow = best.row;
    // The heading's own cell where the sheet has it, else the heading row.
    const rowIssue = (rule: string, found: string, heading?: string): ErrorIssue => {
      const col = heading === undefined ? -1 : headerRow.cells.findIndex((v) => typeof v === 'string' && normaliseHeader(v) === normaliseHeader(heading));
      const cell = col < 0 ? `${headerRow.row}:${headerRow.row}` : `${columnLetter(col + 1)}${headerRow.row}`;
      return { sheet: sheet.name, cell, rule, message: `${sheet.name}!${cell} — ${rule} — ${found}` };
    };
    const renamed: string[] = [];
    const unclear = new Set<string>();
    const nowHeading = new Map(def.columns.map((c) => [normaliseHeader(c.header), c]));
    for (const c of read) {
      const then = headingOf(c);
      if (normaliseHeader(then) === normaliseHeader(c.header)) continue;
      const other = nowHeading.get(normaliseHeader(then));
      if (other && other.field !== c.field) {
        unclear.add(c.field);
        errors.push(
          rowIssue(
            'each column must be read as it was exported',
            `the column headed "${then}" in this file holds the figures of the column now called "${c.header}", and "${then}" is now another column's heading: columns have been renamed in this workspace since the file was exported (or its hidden ${META_SHEET} sheet edited). Export a fresh copy and copy your figures into it`,
            then,
          ),
        );
      } else renamed.push(`"${then}" (now "${c.header}")`);
    }
    const mapping: Record<string, number> = {};
    best.row.cells.forEach((v, i) => {
      const field = typeof v === 'string' ? wanted.get(normaliseHeader(v)) : undefined;
      // A column refused above is not read at all.
      if (field && !unclear.has(field) && mapping[field] === undefined) mapping[field] = i + 1;
    });
    const added: string[] = [];
    for (const c of def.columns) {
      if (mapping[c.field] !== undefined || unclear.has(c.field)) continue;
      if (!read.includes(c)) {
        added.push(c.header);
        continue;
      }
      if (c.editable || c.type === 'id' || c.key) {
        const then = headingOf(c);
        errors.push(rowIssue('headings must be kept', `the column "${then}"${then === c.header ? '' : ` (now "${c.header}")`} is missing`));
      }
    }
    const notes: string[] = [];
    if (renamed.length) notes.push(`Renamed since this file was exported, so read under the heading it had then: ${renamed.join(', ')}.`);
    if (added.length) notes.push(`Added since this file was exported, so not in it and left as they are: ${added.join(', ')}.`);
    const current = new Set(def.columns.map((c) => c.field));
    const removed = (exported ?? []).filter(([field]) => !current.has(field)).map(([, header]) => `"${header}"`);
    if (removed.length) {
      notes.push(
        `No longer in this workspace, so the file's figures under them were not read: ${removed.join(', ')}. Changes made in the workspace since the export cannot be told from the file's, so every figure that differs is shown as the file's change.`,
      );
    }
    return { headerRow: best.row.row, mapping, errors, notes };
  }

  private startForeign(ws: Workspace, s: Session, req: ImportRequest): ImportStart {
    if (!req.kind) return { stage: 'kind', importId: s.id, fileName: s.fileName, sheets: s.raw.sheets.filter((x) => !x.hidden).map((x) => x.name) };
    return this.mapForeign(ws, s, req);
  }

  /** A foreign workbook already read, now told what it holds. */
  mapImport(ws: Workspace, req: { importId: string; kind: string; scope: Record<string, unknown>; headerRow?: number }): ImportStart {
    const s = this.session(ws, req.importId);
    if (s.meta) throw new AppError('INVALID_INPUT', `${s.fileName} was exported by HNB Desk and needs no mapping.`);
    return this.mapForeign(ws, s, req);
  }

  private mapForeign(ws: Workspace, s: Session, req: Omit<ImportRequest, 'source'>): ImportStart {
    const kind = this.kinds.get(req.kind!);
    const scope = parseScope(ws, kind, req.scope);
    const def = forScope(kind, ws, scope);
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
    return { stage: 'preview', preview: this.previewMapped(ws, { importId: s.id, kind: def.kind, scope, headerRow: proposal.headerRow, columns: mapping }) };
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
    const at = chosen;
    const sample = at.sheet.rows
      .filter((r) => r.row > at.headerRow)
      .slice(0, 5)
      .map((r) => at.headers.map((h) => plainCells([r.cells[h.col - 1] ?? null]).map((v) => (v === null ? '' : String(v)))[0]!));
    return {
      importId: s.id,
      fileName: s.fileName,
      sheet: at.sheet.name,
      sheets: visible.map((x) => x.name),
      headerRow: at.headerRow,
      headers: at.headers,
      proposed: proposeMapping(at.headers, fields),
      sample,
      savedMappings: listMappings(ws, def.kind),
      // The scope's own columns, which the kind's listing cannot show.
      ...(def.columnsFor ? { fields: kindInfo(def).fields } : {}),
    };
  }

  /** A foreign workbook through the mapping the user confirmed. */
  previewMapped(
    ws: Workspace,
    req: { importId: string; kind: string; scope: Record<string, unknown>; headerRow: number; columns: Record<string, number> },
  ): ImportPreview {
    const s = this.session(ws, req.importId);
    const kind = this.kinds.get(req.kind);
    const scope = parseScope(ws, kind, req.scope);
    const def = forScope(kind, ws, scope);
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
    const key = keyColumn(def);
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
    o: {
      ownFile: boolean;
      skipRow: (cells: RawValue[]) => boolean;
      headerErrors: ErrorIssue[];
      headerNotes?: string[];
      fingerprints: Map<number, string> | null;
      exportedFields?: string[] | null;
      tableEnd?: number;
    },
  ): ImportPreview {
    const data = this.loadData(ws, s, def, scope);
    const settings = ws.settings();
    const money = ws.money();
    const interp: Interpreted = interpretRows(def, data, sheet.rows, {
      sheet: sheet.name,
      headerRow,
      mapping,
      date1904: s.raw.date1904,
      ownFile: o.ownFile,
      skipRow: o.skipRow,
      tableEnd: o.tableEnd,
    });
    const keyCol = mapping[def.keyField]!;
    const identity = o.ownFile
      ? matchOwnRows(def, data, interp.rows, { sheet: sheet.name, idCol: mapping[ID_FIELD] ?? null, keyCol })
      : { matched: matchByKey(def, data, interp.rows), matchedBy: 'key' as const, errors: [], fallbackNote: null };
    const diff = diffRows(def, data, interp, identity.matched, {
      sheet: sheet.name,
      idCol: mapping[ID_FIELD] ?? null,
      keyCol,
      fingerprints: o.fingerprints,
      exportedFields: o.exportedFields,
      money,
      largeMoveShare: settings.largeMovePercent / 100,
    });
    const errors = [...o.headerErrors, ...interp.errors, ...identity.errors, ...diff.errors];
    const locked = lockedRefs(ws.db);
    for (const ref of def.scope.locks(scope)) {
      if (locked.has(ref))
        errors.unshift({
          field: 'scope',
          rule: 'must not be locked',
          message: ws.locks.refusal(ref).message.replace(/ to change them\.$/, ' to import into it.'),
        });
    }
    const notes = [...(o.headerNotes ?? []), ...interp.notes];
    if (diff.rows.length > PREVIEW_ROW_LIMIT) {
      notes.push(
        `The preview lists the first ${PREVIEW_ROW_LIMIT.toLocaleString('en-GB')} of ${diff.rows.length.toLocaleString('en-GB')} rows that differ; the counts above cover every row, and all of them are applied.`,
      );
    }
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
      scopeLabel: def.scope.label(ws, scope),
      sheet: sheet.name,
      exportedAt: s.meta?.exportedAt ?? null,
      exportedBy: s.meta?.exportedBy ?? null,
      matchedBy: identity.matchedBy,
      counts: { ...diff.counts, errors: errors.length },
      rows: diff.rows.slice(0, PREVIEW_ROW_LIMIT),
      errors,
      notes,
      flags: flagsOf(def, diff, identity.fallbackNote, settings.largeMovePercent),
    };
    const digest = createHash('sha256')
      .update(JSON.stringify([diff.rows, errors, preview.flags]))
      .digest('hex');
    s.prepared = {
      def,
      scope,
      data,
      diff,
      preview,
      digest,
      changeSetMark: ws.latestChangeSetId(),
      redo: () => {
        // The columns too, as they are now: a data column added or removed since shows as a changed preview.
        this.prepare(ws, s, forScope(def, ws, scope), scope, sheet, headerRow, mapping, o);
        return s.prepared!;
      },
    };
    return preview;
  }

  /** Re-checks the preview against the database as it is now, then applies it as one batch. */
  apply(
    ws: Workspace,
    req: { importId: string; resolutions?: Record<string, 'file' | 'db'>; prefer?: 'file' | 'db'; deleteMissing?: boolean; confirmFlags?: boolean },
  ): ImportApplied {
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
            message: `${preview.sheet}!A${r.fileRow} (${r.ref}) — changed in the workspace since export and in the file`,
          })),
        },
      );
    }
    if (preview.flags.length && !req.confirmFlags) {
      throw new AppError(
        'NEEDS_CONFIRMATION',
        `Before ${s.fileName} is applied, look again: ${preview.flags.map((f) => f.message).join(' ')} Apply again to confirm.`,
        { flags: preview.flags },
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
    const label = `Import ${s.fileName} (${preview.scopeLabel}): ${[
      plan.added.length && `${plan.added.length} added`,
      plan.changed.length && `${plan.changed.length} changed`,
      plan.deleted.length && `${plan.deleted.length} removed`,
    ]
      .filter(Boolean)
      .join(', ')}`;
    const sheet = preview.sheet;
    const batchId = ws.write('import', label, (rec) => {
      def.apply(rec, ws, scope, { ...plan, sourceOf: (fileRow) => ({ label: `${sheet}!row ${fileRow}`, sheet, cell: `A${fileRow}` }) }, data);
      rec.source = null;
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
          scope: JSON.stringify(scope),
          scopeLabel: preview.scopeLabel,
          added: plan.added.length,
          changed: plan.changed.length,
          deleted: plan.deleted.length,
          conflictsResolved: diff.conflicts.size,
        })
        .returning({ id: importBatch.id })
        .get().id;
    });
    this.sessions.delete(s.id);
    return { batch: batchId === null ? null : batchInfo(ws, this.kinds, batchId) };
  }

  discard(importId: string): boolean {
    return this.sessions.delete(importId);
  }
}

function flagsOf(def: KindDef, diff: DiffResult, fallbackNote: string | null, largeMovePercent: number): PreviewFlag[] {
  const flags: PreviewFlag[] = [];
  if (fallbackNote) flags.push({ code: 'matched-by-key', message: fallbackNote });
  const unmatched = diff.counts.unmatched;
  if (unmatched > 0 && unmatched * 2 > diff.dataRows) {
    flags.push({
      code: 'mostly-unmatched',
      message: `${unmatched} of the file's ${diff.dataRows} rows match no ${def.rowNoun} of this workbook: is this the right file, for the right year and period?`,
    });
  }
  if (diff.largeMoves > 0) {
    flags.push({
      code: 'large-moves',
      message: `${diff.largeMoves} ${def.rowNoun}${diff.largeMoves === 1 ? ' moves' : 's move'} by more than ${largeMovePercent}%: check ${diff.largeMoves === 1 ? 'it' : 'them'} below.`,
    });
  }
  if (diff.extremes > 0) {
    flags.push({
      code: 'extreme-values',
      message: `${diff.extremes} ${def.rowNoun}${diff.extremes === 1 ? ' has a percentage' : 's have percentages'} outside the usual range: check ${diff.extremes === 1 ? 'it' : 'them'} below.`,
    });
  }
  return flags;
}
