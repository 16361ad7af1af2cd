/**
 * Every call between the renderer and the domain server: channel name -> zod input schema ->
 * result type, joined from each feature's slice (one line per feature). The server registers
 * one handler per channel, the preload exposes one named function per channel, and the
 * renderer calls them with these types, so a rename breaks the compile rather than the app.
 * The renderer imports this file for its types only, so zod stays out of its bundle.
 */
import type { z } from 'zod';
import { allocationsContract } from '../../features/allocations/contract';
import { historyContract } from '../../features/history/contract';
import { importsContract } from '../../features/imports/contract';
import { linesContract } from '../../features/lines/contract';
import { meetingsContract } from '../../features/meetings/contract';
import { monitoringContract } from '../../features/monitoring/contract';
import { positionContract } from '../../features/position/contract';
import { recoveryContract } from '../../features/recovery/contract';
import { settingsContract } from '../../features/settings/contract';
import { workspacesContract } from '../../features/workspaces/contract';
import { yearsContract } from '../../features/years/contract';
import type { AnyChannel } from './contract-kit';
import type { Envelope } from './errors';

function join<T extends Array<Record<string, AnyChannel>>>(...slices: T): UnionToIntersection<T[number]> {
  const all: Record<string, AnyChannel> = {};
  for (const slice of slices) {
    for (const [name, def] of Object.entries(slice)) {
      if (name in all) throw new Error(`Two features define the channel "${name}"`);
      all[name] = def;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

export const contract = join(
  workspacesContract,
  settingsContract,
  yearsContract,
  linesContract,
  monitoringContract,
  positionContract,
  meetingsContract,
  recoveryContract,
  allocationsContract,
  importsContract,
  historyContract,
);

export type Contract = typeof contract;
export type ChannelName = keyof Contract & string;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelParsed<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = NonNullable<Contract[K]['output']>['value'];

export type HostChannel = { [K in ChannelName]: Contract[K]['host'] extends true ? K : never }[ChannelName];
export type ServerChannel = Exclude<ChannelName, HostChannel>;

export const CHANNELS = Object.keys(contract) as ChannelName[];
export const HOST_CHANNELS = CHANNELS.filter((c) => contract[c].host);

export type Bridge = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<Envelope<ChannelOutput<K>>> };
/** The renderer's view of the API: one async function per channel that throws ApiError. */
export type Api = { [K in ChannelName]: (input: ChannelInput<K>) => Promise<ChannelOutput<K>> };
