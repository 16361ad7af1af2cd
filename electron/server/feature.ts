/**
 * What a feature brings to the domain server, declared in its server.ts: its handlers, the
 * tables it writes through the audit trail, the locks it uses, its workbook kinds and the
 * standard data a new workspace starts with. electron/server/features.ts lists the features.
 */
import type { Db } from '../../db/client';
import type { AuditTableDef } from './audit/registry';
import type { AnyBlockKind } from './documents/block-kind';
import type { LockKind } from './locks/locks';
import type { KindDef } from './workbooks/engine/kind';

export interface ServerFeature<H> {
  name: string;
  handlers: H;
  audit?: readonly AuditTableDef[];
  locks?: readonly LockKind[];
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own scope type
  kinds?: ReadonlyArray<KindDef<any>>;
  /** Live content blocks a paper can hold (a table, a chart, a figure). */
  blocks?: readonly AnyBlockKind[];
  /** Standard data for a new workspace, inside its creating transaction. */
  seed?: (db: Db) => void;
}

export function serverFeature<H>(feature: ServerFeature<H>): ServerFeature<H> {
  return feature;
}
