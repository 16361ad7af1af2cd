import { APP_ORIGIN } from './window-options';

/** Only frames served from our own app:// origin may call the server. Takes unknown on purpose. */
export function isTrustedSenderUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}` === APP_ORIGIN && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** The one gate for shell.openExternal: https, a real host, no credentials. Returns the URL to open or null. */
export function safeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  if (!u.hostname || u.username || u.password) return null;
  return u.toString();
}

/** Navigation inside the window is only ever to our own entry page. */
export function isAllowedNavigation(url: unknown): boolean {
  return isTrustedSenderUrl(url);
}

/** The one permission the window may have: writing to the clipboard (Copy table). */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: unknown): boolean {
  return typeof permission === 'string' && ALLOWED_PERMISSIONS.has(permission);
}
