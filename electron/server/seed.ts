import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { changeSet, workspace } from '../../db/schema';
import type { Registry } from './registry';

/** A new workspace's identity, then each feature's standard data. Call inside a transaction. */
export function seedWorkspace(db: Db, registry: Registry, opts: { name: string; who: string; at: string; isDemo?: boolean }): void {
  db.insert(workspace)
    .values({ id: randomUUID(), name: opts.name, isDemo: opts.isDemo ?? false, createdAt: opts.at, createdBy: opts.who })
    .run();
  for (const seed of registry.seeds) seed(db);
  db.insert(changeSet).values({ at: opts.at, who: opts.who, kind: 'system', label: 'Workspace created with standard lines' }).run();
}
