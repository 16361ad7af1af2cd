import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ChannelName, contract } from '../shared/contract';
import { AppError, type Envelope, type ErrorInfo } from '../shared/errors';
import type { WorkspaceInfo } from '../../features/workspaces/types';
import { ruleInWords } from './audit/constraint-errors';
import { playwrightEngine } from './documents/pdf/browser';
import type { PdfEngine } from './documents/pdf/types';
import { defaultWorkspacePath, osUser, WORKSPACE_EXTENSION } from './app-paths';
import { handlers, REGISTRY } from './features';
import type { HandlerContext } from './handler';
import { RecentList } from './recent';
import type { Registry } from './registry';
import { parseInput } from './validate';
import { ImportService } from './workbooks/import-service';
import { type Actor, Workspace } from './workspace';

export interface ServerOptions {
  /** The user's app-data folder: default workspace, recent list, and workspaces made by name. */
  dataDir: string;
  /** Who the audit trail records; defaults to the OS account. */
  user?: string;
  now?: () => Date;
  /** Where unexpected errors are reported (stack traces never cross to the renderer). */
  logError?: (error: unknown) => void;
  /** What lays packs out as PDF: Electron's printToPDF in the app; by default an installed browser through playwright-core. */
  pdfEngine?: () => PdfEngine;
}

/**
 * All reads, writes, imports and exports. No Electron import: Electron's utility process,
 * the loopback web host, the CLI and the tests all drive this same object.
 */
export class DomainServer {
  readonly recent: RecentList;
  readonly actor: Actor;
  readonly dataDir: string;
  readonly registry: Registry = REGISTRY;
  /** Import sessions and the progress of the one being read. */
  readonly imports: ImportService = new ImportService(REGISTRY.kinds);
  private current: Workspace | null = null;
  /** Why the last open failed when nothing is open, so "no workspace" can say why. */
  private openError: string | null = null;
  private readonly logError: (error: unknown) => void;
  private readonly makePdfEngine: () => PdfEngine;
  private pdfEngine: PdfEngine | null = null;

  constructor(options: ServerOptions) {
    this.dataDir = options.dataDir;
    this.recent = new RecentList(options.dataDir);
    const user = options.user ?? osUser();
    const now = options.now ?? (() => new Date());
    this.actor = { who: () => user, now };
    this.logError = options.logError ?? ((e) => console.error(e));
    this.makePdfEngine = options.pdfEngine ?? (() => playwrightEngine());
  }

  /** The PDF engine, made on first use and kept (a browser stays warm between packs) until close(). */
  get pdf(): PdfEngine {
    this.pdfEngine ??= this.makePdfEngine();
    return this.pdfEngine;
  }

  get workspace(): Workspace | null {
    return this.current;
  }

  get defaultWorkspacePath(): string {
    return defaultWorkspacePath(this.dataDir);
  }

  /**
   * Opens a file; the workspace open before stays open if this one is refused. `create` makes a
   * missing file; `explicit` (the user chose to make a workspace there) also an empty one.
   * `remember` adds it to the recent list (the CLI's one-off reads do not).
   */
  async openWorkspace(path: string, create = false, options: { remember?: boolean; explicit?: boolean } = {}): Promise<WorkspaceInfo> {
    let next: Workspace;
    try {
      next = await Workspace.open(resolve(path), { create, explicit: options.explicit }, this.actor, this.registry);
    } catch (e) {
      if (!this.current) this.openError = (e as Error).message;
      throw e;
    }
    this.current?.close();
    this.current = next;
    this.openError = null;
    const info = next.info();
    if (options.remember ?? true) this.recent.add(next.path, info.name, this.actor.now());
    return info;
  }

  /** A file the user chose through the host (a native dialog, the command line): as an envelope, for hosts. */
  async openChosen(path: string, create: boolean): Promise<Envelope<WorkspaceInfo>> {
    try {
      return { ok: true, value: await this.openWorkspace(path, create, { explicit: create }) };
    } catch (e) {
      return { ok: false, error: toErrorInfo(e, this.logError) };
    }
  }

  async openDefault(): Promise<WorkspaceInfo> {
    mkdirSync(this.dataDir, { recursive: true });
    return this.openWorkspace(this.defaultWorkspacePath, true);
  }

  /**
   * A new workspace file in the app's own folder, named from what the user typed: the window
   * never names a path. A name already taken gets a number ("Demo authority 2").
   */
  freshPathFor(name: string): string {
    mkdirSync(this.dataDir, { recursive: true });
    const cleaned = name
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name may not hold
      .replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[.\s]+|[.\s]+$/g, '');
    // Windows keeps these names for devices: a file cannot be called CON or LPT1.
    const safe = !cleaned ? 'Workspace' : /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned) ? `${cleaned} workspace` : cleaned;
    for (let n = 1; ; n++) {
      const path = join(this.dataDir, `${safe}${n === 1 ? '' : ` ${n}`}.${WORKSPACE_EXTENSION}`);
      if (!existsSync(path)) return path;
    }
  }

  private context(): HandlerContext {
    const server = this;
    return {
      server,
      get ws(): Workspace {
        if (!server.current) {
          throw new AppError(
            'NO_WORKSPACE',
            server.openError
              ? `No workspace is open: ${server.openError} Open or create another workspace.`
              : 'No workspace is open. Open or create one first.',
          );
        }
        return server.current;
      },
    };
  }

  /** One call from any host. Never throws: every failure becomes `{ ok: false, error }`. */
  async call(channel: string, input: unknown): Promise<Envelope<unknown>> {
    try {
      if (!Object.hasOwn(contract, channel)) throw new AppError('NOT_AVAILABLE', `There is no call named "${channel}".`);
      const name = channel as ChannelName;
      if (contract[name].host) throw new AppError('NOT_AVAILABLE', `"${channel}" is handled by the app window, not the data server.`);
      const parsed = parseInput(contract[name].input, input);
      const handler = (handlers as Record<string, (i: unknown, c: HandlerContext) => unknown>)[name]!;
      const value = await handler(parsed, this.context());
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorInfo(e, this.logError) };
    }
  }

  close(): void {
    this.current?.close();
    this.current = null;
    const engine = this.pdfEngine;
    this.pdfEngine = null;
    engine?.close().catch((e: unknown) => this.logError(e));
  }
}

function toErrorInfo(e: unknown, logError: (error: unknown) => void): ErrorInfo {
  if (e instanceof AppError) return e.toInfo();
  const code = (e as { code?: unknown }).code;
  const rule = ruleInWords(e);
  // Validation should have caught it first; the database's own rule is the last line, said in words.
  if (rule)
    return new AppError('INVALID_INPUT', `The change was not saved because ${rule}. Nothing was saved.`, { issues: [{ rule, message: rule }] }).toInfo();
  if (code === 'SQLITE_BUSY') return new AppError('FILE_BUSY', 'The workspace is busy in another program. Try again in a moment.').toInfo();
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_READONLY_DBMOVED' || code === 'SQLITE_READONLY_DIRECTORY') {
    return new AppError(
      'READ_ONLY',
      'The workspace file is read-only, so nothing can be saved to it. Copy it to a folder you can write to (or ask for write access), open the copy, and try again. Nothing was saved.',
    ).toInfo();
  }
  logError(e);
  return new AppError('INTERNAL', `Something went wrong and nothing was saved: ${(e as Error)?.message ?? String(e)}`).toInfo();
}
