import { basename, extname } from 'node:path';
import { sql } from 'drizzle-orm';
import { openWorkspaceDb, type Db, type OpenedWorkspace } from '../../db/client';
import { changeSet, workspace as workspaceTable } from '../../db/schema';
import type { WorkspaceInfo } from '../shared/types';
import { ChangeRecorder, type ChangeKind } from './audit/recorder';
import { seedStandardData } from './seed';

export interface Actor {
  who: () => string;
  now: () => Date;
}

/** An open workspace file, and the one way to write to it. */
export class Workspace {
  /** Change sets at or below this id were made before this session: undo leaves them alone. */
  readonly sessionBaseline: number;

  private constructor(
    readonly opened: OpenedWorkspace,
    readonly actor: Actor,
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

  static async open(path: string, create: boolean, actor: Actor): Promise<Workspace> {
    const opened = await openWorkspaceDb(path, { create, now: actor.now });
    try {
      const hasRow = opened.db.select({ id: workspaceTable.id }).from(workspaceTable).get();
      if (!hasRow) {
        const name = basename(path, extname(path));
        opened.sqlite.transaction(() => seedStandardData(opened.db, { name, who: actor.who(), at: actor.now().toISOString() }))();
      }
      return new Workspace(opened, actor);
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

  /**
   * Runs `fn` in one transaction with a change recorder: rows, audit entries and the change
   * set commit together or not at all.
   */
  write<R>(kind: ChangeKind, label: string, fn: (rec: ChangeRecorder) => R, options: { revertsId?: number; allowClosedYears?: boolean } = {}): R {
    return this.opened.sqlite.transaction(() => {
      const rec = new ChangeRecorder(
        this.db,
        { who: this.actor.who(), at: this.actor.now().toISOString(), kind, label, revertsId: options.revertsId },
        { allowClosedYears: options.allowClosedYears },
      );
      return fn(rec);
    })();
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
