/**
 * The features the domain server is made of: one line each. Their handlers are joined into the
 * one handler map (a channel without a handler, or with two, fails here), and their audited
 * tables, locks, workbook kinds and seed data into the registry.
 */
import { allocationsServer } from '../../features/allocations/server';
import { historyServer } from '../../features/history/server';
import { importsServer } from '../../features/imports/server';
import { linesServer } from '../../features/lines/server';
import { meetingsServer } from '../../features/meetings/server';
import { monitoringServer } from '../../features/monitoring/server';
import { positionServer } from '../../features/position/server';
import { recoveryServer } from '../../features/recovery/server';
import { settingsServer } from '../../features/settings/server';
import { workspacesServer } from '../../features/workspaces/server';
import { yearsServer } from '../../features/years/server';
import type { ServerChannel } from '../shared/contract';
import type { HandlerMap } from './handler';
import { Registry } from './registry';

export const FEATURES = [
  workspacesServer,
  settingsServer,
  yearsServer,
  linesServer,
  monitoringServer,
  positionServer,
  meetingsServer,
  recoveryServer,
  allocationsServer,
  importsServer,
  historyServer,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
type Joined = UnionToIntersection<(typeof FEATURES)[number]['handlers']>;

function joinHandlers(): Joined {
  const all: Record<string, unknown> = {};
  for (const f of FEATURES) {
    for (const [name, h] of Object.entries(f.handlers as Record<string, unknown>)) {
      if (name in all) throw new Error(`Two features handle the channel "${name}"`);
      all[name] = h;
    }
  }
  return all as Joined;
}

/** Every server channel of the contract has exactly one handler: a missing one fails the compile. */
export const handlers: HandlerMap<ServerChannel> = joinHandlers();

export const REGISTRY: Registry = new Registry(FEATURES);
