/** Finding a Chromium-family browser, and the refusal when there is none. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../../electron/shared/errors';
import { browserCandidates, browserNotFound, findBrowser, playwrightEngine } from '../../../../../electron/server/documents/pdf/browser';

const dir = mkdtempSync(join(tmpdir(), 'hnb-browser-'));

describe('findBrowser', () => {
  it('takes HNB_BROWSER when it names a file, and finds nothing when the file is not there', () => {
    const browser = join(dir, 'my-chrome');
    writeFileSync(browser, '');
    expect(findBrowser({ HNB_BROWSER: browser }, 'linux')).toEqual({ path: browser, name: 'my-chrome' });
    expect(findBrowser({ HNB_BROWSER: join(dir, 'missing') }, 'linux')).toBeNull();
  });

  it('looks for Edge first on Windows, in both Program Files folders and the user’s own', () => {
    const paths = browserCandidates(
      { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local' },
      'win32',
    );
    expect(paths[0]).toEqual({ path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe', name: 'Microsoft Edge' });
    expect(paths.map((p) => p.path)).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(paths.map((p) => p.path)).toContain('C:\\Users\\clerk\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(paths.filter((p) => p.name === 'Microsoft Edge')).toHaveLength(3);
    expect(paths.at(-1)?.name).toBe('Google Chrome');
  });

  it('finds Edge where a Windows environment says Program Files is (names in any case)', () => {
    // A Windows path joined onto this machine's temporary folder becomes a relative file name with
    // backslashes: made and looked for from inside the temporary folder, so none lands in the project.
    const root = join(dir, 'pf');
    mkdirSync(root);
    const edge = win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe');
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      writeFileSync(edge, '');
      expect(findBrowser({ PROGRAMFILES: root, 'ProgramFiles(x86)': join(dir, 'nothing') }, 'win32')).toEqual({ path: edge, name: 'Microsoft Edge' });
    } finally {
      process.chdir(cwd);
    }
  });

  it('looks for Chromium, then Chrome, then Edge on Linux', () => {
    const paths = browserCandidates({}, 'linux').map((p) => p.path);
    expect(paths.slice(0, 2)).toEqual(['/usr/bin/chromium', '/usr/bin/chromium-browser']);
    expect(paths).toContain('/usr/bin/google-chrome');
  });
});

describe('no browser', () => {
  it('says what was looked for and how to put it right', () => {
    const error = browserNotFound({}, 'win32');
    expect(error.code).toBe('NOT_AVAILABLE');
    expect(error.message).toContain('Microsoft Edge');
    expect(error.message).toContain('HNB_BROWSER');
    expect(((error.details?.lookedFor ?? []) as string[]).some((p) => p.endsWith('msedge.exe'))).toBe(true);
    const named = browserNotFound({ HNB_BROWSER: '/opt/nowhere/chrome' }, 'linux');
    expect(named.message).toContain('/opt/nowhere/chrome');
    expect(named.message).toContain('does not exist');
  });

  it('refuses to render with NOT_AVAILABLE, without launching anything', async () => {
    const engine = playwrightEngine({ executablePath: join(dir, 'no-such-browser') });
    const error = await engine.render('<p>x</p>', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('NOT_AVAILABLE');
    expect((error as AppError).message).toContain('HNB_BROWSER');
    await engine.close();
  });

  it('refuses with NOT_AVAILABLE when the file is there but will not start', async () => {
    const fake = join(dir, 'not-a-browser');
    writeFileSync(fake, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const engine = playwrightEngine({ executablePath: fake });
    const error = await engine.render('<p>x</p>', {}).catch((e: unknown) => e);
    expect((error as AppError).code).toBe('NOT_AVAILABLE');
    expect((error as AppError).message).toContain('would not start');
    await engine.close();
  });
});
