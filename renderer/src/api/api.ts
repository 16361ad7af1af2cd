import type { MenuCommand } from '../../../electron/shared/channels';
import { CHANNELS, type Api, type Bridge } from '../../../electron/shared/contract';
import { ApiError } from './api-error';
import { createWebBridge, takeToken } from './web-bridge';

declare global {
  interface Window {
    hnb?: Bridge;
    hnbMenu?: { onCommand(listener: (command: MenuCommand) => void): void };
  }
}

/** True inside the Electron window, where native dialogs exist. */
export const isDesktop = typeof window !== 'undefined' && !!window.hnb;

function resolveBridge(): Bridge | null {
  if (window.hnb) return window.hnb;
  const token = takeToken();
  return token ? createWebBridge(token) : null;
}

const bridge = resolveBridge();
export const hasBridge = bridge !== null;

/** Typed calls that resolve with the value or throw ApiError. */
export const api = Object.fromEntries(
  CHANNELS.map((name) => [
    name,
    async (input: unknown) => {
      if (!bridge) throw new ApiError({ code: 'UNAUTHORIZED', message: 'Open HNB Desk from the link printed by npm start (it carries the session token).' });
      const result = await (bridge[name] as (i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: never }>)(input);
      if (!result.ok) throw new ApiError((result as unknown as { error: ConstructorParameters<typeof ApiError>[0] }).error);
      return result.value;
    },
  ]),
) as unknown as Api;

export function onMenuCommand(listener: (command: MenuCommand) => void): void {
  window.hnbMenu?.onCommand(listener);
}
