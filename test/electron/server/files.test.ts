import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

  it('flushes the file before renaming it, and sweeps a temporary file left by a writer that was killed outright', async () => {
    const t = tempDir();
    cleanup = t.cleanup;
    // A writer killed with SIGKILL runs no handler: its temporary file stays until the next write beside it.
    const script = `require('tsx/cjs/api').register(); const { writeFileAtomic } = require(${JSON.stringify(join(__dirname, '../../../electron/server/files.ts'))});
      process.stdout.write('ready\\n'); writeFileAtomic(${JSON.stringify(join(t.dir, 'big.xlsx'))}, Buffer.alloc(400 * 1024 * 1024, 1));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ok) => child.stdout.once('data', () => ok()));
    await new Promise((ok) => setTimeout(ok, 150));
    child.kill('SIGKILL');
    await new Promise((ok) => child.once('exit', ok));
    // Whatever the kill left, a stale temporary file of a dead process is never kept.
    writeFileSync(join(t.dir, `.other.xlsx.999999.hnbtmp`), 'left by a process that no longer runs');
    writeFileAtomic(join(t.dir, 'next.xlsx'), Buffer.from('next'));
    expect(readdirSync(t.dir).filter((n) => n.endsWith('.hnbtmp'))).toEqual([]);
    expect(readFileSync(join(t.dir, 'next.xlsx'), 'utf8')).toBe('next');
  }, 30_000);
});
