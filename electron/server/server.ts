import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { contract, type ChannelName } from '../shared/contract';
import { AppError, type Envelope } from '../shared/errors';
import type { WorkspaceInfo } from '../shared/types';
import { defaultWorkspacePath, osUser } from './app-paths';
import type { HandlerContext } from './handler';
import { handlers } from './features';
import { RecentList } from './recent';
import { ImportService } from './workbooks/import-service';
import { parseInput } from './validate';
import { Workspace, type Actor } from './workspace';

export interface ServerOptions {
  /** The user's app-data folder: default workspace and recent list. */
  dataDir: string;
  /** Who the audit trail records; defaults to the OS account. */
  user?: string;
  now?: () => Date;
  /** Where unexpected errors are reported (stack traces never cross to the renderer). */
  logError?: (error: unknown) => void;
}

/**
 * All reads, writes, imports and exports. No Electron import: Electron's utility process,
 * the loopback web host, the CLI and the tests all drive this same object.
 */
export class DomainServer {
  readonly recent: RecentList;
  readonly actor: Actor;
  readonly dataDir: string;
  /** Import sessions and the progress of the one being read. */
  readonly imports = new ImportService();
  private current: Workspace | null = null;
  /** Why the last open failed when nothing is open, so "no workspace" can say why. */
  private openError: string | null = null;
  private readonly logError: (error: unknown) => void;

  constructor(options: ServerOptions) {
    this.dataDir = options.dataDir;
    this.recent = new RecentList(options.dataDir);
    const user = options.user ?? osUser();
    const now = options.now ?? (() => new Date());
    this.actor = { who: () => user, now };
    this.logError = options.logError ?? ((e) => console.error(e));
  }

  get workspace(): Workspace | null {
    return this.current;
  }

  get defaultWorkspacePath(): string {
    return defaultWorkspacePath(this.dataDir);
  }

  /**
   * Opens a file; the workspace open before stays open if this one is refused. `remember`
   * adds it to the recent list (the CLI's one-off reads do not).
   */
  async openWorkspace(path: string, create = false, options: { remember?: boolean } = {}): Promise<WorkspaceInfo> {
    let next: Workspace;
    try {
      next = await Workspace.open(resolve(path), create, this.actor);
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

  async openDefault(): Promise<WorkspaceInfo> {
    mkdirSync(this.dataDir, { recursive: true });
    return this.openWorkspace(this.defaultWorkspacePath, true);
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
      if (!Object.prototype.hasOwnProperty.call(contract, channel)) {
        throw new AppError('NOT_AVAILABLE', `There is no call named "${channel}".`);
      }
      const name = channel as ChannelName;
      if (contract[name].host) {
        throw new AppError('NOT_AVAILABLE', `"${channel}" is handled by the app window, not the data server.`);
      }
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
  }
}

function toErrorInfo(e: unknown, logError: (error: unknown) => void) {
  if (e instanceof AppError) return e.toInfo();
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    // Validation should have caught it first; the database's own rule is the last line.
    return new AppError('INVALID_INPUT', `The change breaks a rule of the database (${(e as Error).message}). Nothing was saved.`).toInfo();
  }
  if (code === 'SQLITE_BUSY') {
    return new AppError('FILE_BUSY', 'The workspace is busy in another program. Try again in a moment.').toInfo();
  }
  logError(e);
  return new AppError('INTERNAL', `Something went wrong and nothing was saved: ${(e as Error)?.message ?? String(e)}`).toInfo();
}
