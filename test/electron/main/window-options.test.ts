import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isPermissionAllowed, isTrustedSenderUrl, safeExternalUrl } from '../../../electron/main/guards';
import { APP_ENTRY, mainWindowOptions } from '../../../electron/main/window-options';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/csp';

describe('the main window', () => {
  it('is hardened as the Electron security checklist asks', () => {
    const w = mainWindowOptions('/app/preload.js').webPreferences!;
    expect(w).toMatchObject({
      preload: '/app/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
  it('opens at a size that fits a 1366x768 laptop', () => {
    const o = mainWindowOptions('p');
    expect(o.width).toBeLessThanOrEqual(1366);
    expect(o.height).toBeLessThanOrEqual(768);
  });
  it('has a CSP that allows no remote or inline script', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*(unsafe|http|\*)/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('guards take anything and trust only what they should', () => {
  it.each([APP_ENTRY, 'app://hnb-desk/', 'app://hnb-desk/assets/x.js'])('trusts our own page %s', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(true);
    expect(isAllowedNavigation(url)).toBe(true);
  });
  it.each([
    undefined,
    null,
    42,
    {},
    ['app://hnb-desk/'],
    '',
    'file:///C:/Windows/system32/calc.exe',
    'https://hnb-desk/',
    'app://evil/',
    'app://hnb-desk.evil.com/',
    'app://user:pass@hnb-desk/',
    'http://127.0.0.1:8080/',
    'javascript:alert(1)',
    'APP://HNB-DESK/',
  ])('refuses sender or navigation %j', (url) => {
    expect(isTrustedSenderUrl(url)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it.each([
    ['https://www.gov.uk/government/collections/high-needs-funding', 'https://www.gov.uk/government/collections/high-needs-funding'],
    ['https://example.org', 'https://example.org/'],
  ])('opens https %s', (url, out) => {
    expect(safeExternalUrl(url)).toBe(out);
  });
  it.each([
    undefined,
    null,
    1,
    { href: 'https://x' },
    'http://www.gov.uk/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pw@example.org/',
    'https://',
    '\\\\server\\share',
  ])('never opens %j', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });
  it('never opens an absurdly long address', () => {
    expect(safeExternalUrl(`https://example.org/${'a'.repeat(3000)}`)).toBeNull();
  });
});

describe('permissions', () => {
  it('allows only writing to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
      'hid',
      'serial',
      '',
      null,
      undefined,
      1,
      ['clipboard-sanitized-write'],
    ]) {
      expect(isPermissionAllowed(p), String(p)).toBe(false);
    }
  });
});
