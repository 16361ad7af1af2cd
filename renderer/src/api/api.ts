/**
 * The renderer's calls to HNB Desk, one typed function per contract channel. Electron's preload
 * gives `window.hnb`; the browser host gets the same functions over loopback HTTP. The contract
 * is imported for its types only, so no zod (nor any server code) reaches this bundle.
 */
import type { Api, Bridge } from '../../../electron/shared/contract';
import type { Envelope } from '../../../electron/shared/errors';
import type { MenuCommand } from '../../../electron/shared/menu';
import { ApiError } from './api-error';
import { connection } from './connection';
import { createWebBridge, takeToken } from './web-bridge';

declare global {
  interface Window {
    hnb?: Bridge;
    hnbMenu?: { onCommand(listener: (command: MenuCommand) => void): void };
  }
}

/** True inside the Electron window, where native dialogs exist. */
export const isDesktop = typeof window !== 'undefined' && !!window.hnb;

type CallBridge = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

function resolveBridge(): CallBridge | null {
  const desktop = window.hnb as unknown as Record<string, (input: unknown) => Promise<Envelope<unknown>>> | undefined;
  if (desktop) {
    return (channel, input) => {
      const fn = desktop[channel];
      return fn ? fn(input) : Promise.resolve({ ok: false, error: { code: 'NOT_AVAILABLE', message: `There is no call named "${channel}".` } });
    };
  }
  const token = takeToken();
  return token ? createWebBridge(token) : null;
}

const bridge = resolveBridge();
export const hasBridge = bridge !== null;

/** Typed calls that resolve with the value or throw ApiError. */
export const api = new Proxy({} as Api, {
  get: (_target, channel) => {
    if (typeof channel !== 'string') return undefined;
    return async (input: unknown) => {
      if (!bridge) throw new ApiError({ code: 'UNAUTHORIZED', message: 'Open HNB Desk from the link printed by npm start (it carries the session token).' });
      const result = await bridge(channel, input ?? {});
      if (result.ok) {
        connection.reached();
        return result.value;
      }
      throw new ApiError(result.error);
    };
  },
});

export function onMenuCommand(listener: (command: MenuCommand) => void): void {
  window.hnbMenu?.onCommand(listener);
}
