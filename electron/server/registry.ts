/** Everything the features declared, assembled once: audit tables, locks, workbook kinds, seeds. */
import type { Db } from '../../db/client';
import { lock, setting, workspace } from '../../db/schema';
import { AuditRegistry, auditTable } from './audit/registry';
import { BlockRegistry } from './documents/block-kind';
import type { ServerFeature } from './feature';
import { LockRegistry } from './locks/locks';
import { KindRegistry } from './workbooks/kinds';

export class Registry {
  readonly audit: AuditRegistry;
  readonly locks: LockRegistry;
  readonly kinds: KindRegistry;
  readonly blocks: BlockRegistry;
  readonly seeds: Array<(db: Db) => void>;

  constructor(features: ReadonlyArray<ServerFeature<unknown>>) {
    // The core's own audited tables: the workspace's name, its settings, and locks.
    const core = [
      auditTable(workspace, { fields: { name: 'Workspace name', isDemo: 'Demo data' } }),
      auditTable(setting, { fields: { value: 'Setting' } }),
      auditTable(lock, { fields: { locked: 'Locked', reason: 'Reason', changedAt: 'When', changedBy: 'By' } }),
    ];
    this.audit = new AuditRegistry([...core, ...features.flatMap((f) => f.audit ?? [])]);
    this.locks = new LockRegistry(features.flatMap((f) => f.locks ?? []));
    this.kinds = new KindRegistry(features.flatMap((f) => f.kinds ?? []));
    this.blocks = new BlockRegistry(features.flatMap((f) => f.blocks ?? []));
    this.seeds = features.flatMap((f) => (f.seed ? [f.seed] : []));
  }
}
