import type { ChannelOutput, ChannelParsed, ServerChannel } from '../shared/contract';
import type { DomainServer } from './server';
import type { Workspace } from './workspace';

export interface HandlerContext {
  /** The open workspace; throws NO_WORKSPACE when none is open. */
  readonly ws: Workspace;
  readonly server: DomainServer;
}

export type Handler<K extends ServerChannel> = (input: ChannelParsed<K>, ctx: HandlerContext) => ChannelOutput<K> | Promise<ChannelOutput<K>>;

export type HandlerMap<K extends ServerChannel> = { [P in K]: Handler<P> };

/** Lets each area file declare its handlers with input and result types checked. */
export function defineHandlers<K extends ServerChannel>(h: HandlerMap<K>): HandlerMap<K> {
  return h;
}
