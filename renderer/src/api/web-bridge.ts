import type { Envelope } from '../../../electron/shared/errors';
import { connection } from './connection';

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

/** The same calls the Electron preload exposes, over loopback HTTP. */
export function createWebBridge(token: string): (channel: string, input: unknown) => Promise<Envelope<unknown>> {
  const post = (channel: string, input: unknown) =>
    fetch(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
  const probe = async () => {
    try {
      return (await post('getUndoState', {})).status !== 0;
    } catch {
      return false;
    }
  };
  return async (channel, input) => {
    let res: Response;
    try {
      res = await post(channel, input);
    } catch {
      connection.lost(probe);
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'HNB Desk’s data server is not answering: it may have been stopped. Start it again (npm run web); this page reconnects by itself.',
        },
      };
    }
    try {
      return (await res.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: `HNB Desk’s data server answered with something that is not a result (HTTP ${res.status}).` } };
    }
  };
}
