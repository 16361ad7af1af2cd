import { CHANNEL_NAMES } from '../../../electron/shared/channels';
import type { Bridge } from '../../../electron/shared/contract';
import type { Envelope } from '../../../electron/shared/errors';

const TOKEN_KEY = 'hnb-desk-token';

/**
 * Reads the one-time token from the URL fragment (never sent to a server, never in history),
 * keeps it for this tab only, and takes it out of the address bar.
 */
export function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The same named functions the Electron preload exposes, over loopback HTTP. */
export function createWebBridge(token: string): Bridge {
  const bridge: Record<string, (input: unknown) => Promise<Envelope<unknown>>> = {};
  for (const name of CHANNEL_NAMES) {
    bridge[name] = async (input: unknown) => {
      try {
        const res = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Envelope<unknown>;
      } catch (e) {
        return { ok: false, error: { code: 'INTERNAL', message: `HNB Desk's data server did not answer (${(e as Error).message}). Is it still running?` } };
      }
    };
  }
  return bridge as unknown as Bridge;
}
