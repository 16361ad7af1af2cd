import { basename, extname } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, type OpenedWorkspace, openWorkspaceDb } from '../../db/client';
import { changeSet, workspace as workspaceTable } from '../../db/schema';
import type { WorkspaceSettings } from '../../features/settings/types';
import type { WorkspaceInfo } from '../../features/workspaces/types';
import { type MoneyFormat, moneyFormat } from '../shared/money';
import { type ChangeKind, ChangeRecorder } from './audit/recorder';
import type { AuditRegistry } from './audit/registry';
import type { LockRegistry } from './locks/locks';
import type { Registry } from './registry';
import { seedWorkspace } from './seed';
import { readSettings } from './settings';
import type { KindRegistry } from './workbooks/kinds';

export interface Actor {
  who: () => string;
  now: () => Date;
}

/** An open workspace file, and the one way to write to it. */
export class Workspace {
  /** Change sets at or below this id were made before this session: undo leaves them alone. */
  readonly sessionBaseline: number;
  private cachedSettings: { mark: number; settings: WorkspaceSettings } | null = null;

  private constructor(
    readonly opened: OpenedWorkspace,
    readonly actor: Actor,
    readonly registry: Registry,
  ) {
    this.sessionBaseline = this.latestChangeSetId();
  }

  /** Every write makes a change set, so an unchanged latest id means an unchanged database. */
  latestChangeSetId(): number {
    const r = this.db
      .select({ max: sql<number>`coalesce(max(${changeSet.id}), 0)` })
      .from(changeSet)
      .get();
    return Number(r?.max ?? 0);
  }

  /** `create`: make the file if it is missing; `explicit`: the user chose to make a workspace here, so an empty file may become one. */
  static async open(path: string, how: { create: boolean; explicit?: boolean }, actor: Actor, registry: Registry): Promise<Workspace> {
    const opened = await openWorkspaceDb(path, { create: how.create, explicit: how.explicit, now: actor.now });
    try {
      const hasRow = opened.db.select({ id: workspaceTable.id }).from(workspaceTable).get();
      if (!hasRow) {
        const name = basename(path, extname(path));
        opened.sqlite.transaction(() => seedWorkspace(opened.db, registry, { name, who: actor.who(), at: actor.now().toISOString() }))();
      }
      return new Workspace(opened, actor, registry);
    } catch (e) {
      opened.sqlite.close();
      throw e;
    }
  }

  get db(): Db {
    return this.opened.db;
  }

  get path(): string {
    return this.opened.path;
  }

  get audit(): AuditRegistry {
    return this.registry.audit;
  }

  get locks(): LockRegistry {
    return this.registry.locks;
  }

  get kinds(): KindRegistry {
    return this.registry.kinds;
  }

  /**
   * Runs `fn` in one transaction with a change recorder: rows, audit entries and the change
   * set commit together or not at all.
   */
  write<R>(kind: ChangeKind, label: string, fn: (rec: ChangeRecorder) => R, options: { revertsId?: number; ignoreLocks?: boolean } = {}): R {
    return this.opened.sqlite.transaction(() => {
      const rec = new ChangeRecorder(
        this.db,
        this.registry.audit,
        this.registry.locks,
        { who: this.actor.who(), at: this.actor.now().toISOString(), kind, label, revertsId: options.revertsId },
        { ignoreLocks: options.ignoreLocks },
      );
      return fn(rec);
    })();
  }

  /** The settings, re-read only when something has been written since. */
  settings(): WorkspaceSettings {
    const mark = this.latestChangeSetId();
    if (this.cachedSettings?.mark !== mark) this.cachedSettings = { mark, settings: readSettings(this.db) };
    return this.cachedSettings.settings;
  }

  /** Money as this workspace shows it (negatives as -£1,234 or (£1,234)). */
  money(): MoneyFormat {
    return moneyFormat(this.settings().negativeStyle);
  }

  info(): WorkspaceInfo {
    const w = this.db.select().from(workspaceTable).get()!;
    return {
      id: w.id,
      path: this.path,
      name: w.name,
      isDemo: w.isDemo,
      schemaVersion: Number(this.opened.sqlite.pragma('user_version', { simple: true })),
      createdAt: w.createdAt,
      backupPath: this.opened.backupPath ?? null,
    };
  }

  close(): void {
    if (this.opened.sqlite.open) this.opened.sqlite.close();
  }
}
