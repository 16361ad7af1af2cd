import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fileError, writeFileAtomic } from '../../../electron/server/files';
import { tempDir } from '../../support/workspace';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('writing a file the user chose', () => {
  it.each(['EBUSY', 'EPERM', 'EACCES'])('turns %s (a file Excel holds open on Windows) into "close it in Excel and try again"', (code) => {
    const e = fileError(join('home', 'me', 'Monitoring.xlsx'), Object.assign(new Error('resource busy or locked'), { code }));
    expect(e.code).toBe('FILE_BUSY');
    expect(e.message).toBe('Monitoring.xlsx is open in another program (probably Excel) or is read-only: close it in Excel and try again.');
  });

  it('writes whole or not at all, leaving no temporary file behind', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const out = join(t.dir, 'monitoring.xlsx');
    writeFileAtomic(out, Buffer.from('first'));
    expect(readFileSync(out, 'utf8')).toBe('first');
    mkdirSync(join(t.dir, 'taken.xlsx'));
    expect(() => writeFileAtomic(join(t.dir, 'taken.xlsx'), Buffer.from('x'))).toThrow(/Could not write/);
    expect(() => writeFileAtomic(join(t.dir, 'missing', 'a.xlsx'), Buffer.from('x'))).toThrow(/does not exist/);
    expect(readdirSync(t.dir).sort()).toEqual(['monitoring.xlsx', 'taken.xlsx']);
    expect(existsSync(join(t.dir, 'missing'))).toBe(false);
  });
});
