import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../shared/errors';

const BUSY = new Set(['EBUSY', 'EPERM', 'EACCES']);

/** Turns the errors Windows gives for a file Excel holds open into a sentence a user can act on. */
export function fileError(path: string, e: unknown): AppError {
  const code = (e as { code?: string }).code ?? '';
  if (BUSY.has(code)) {
    return new AppError('FILE_BUSY', `${basename(path)} is open in another program (probably Excel) or is read-only: close it in Excel and try again.`, {
      path,
    });
  }
  if (code === 'ENOENT') return new AppError('NOT_FOUND', `The folder for ${path} does not exist.`, { path });
  if (code === 'ENOSPC') return new AppError('INTERNAL', `The disk is full, so ${basename(path)} was not written. Free some space and try again.`, { path });
  return new AppError('INTERNAL', `Could not write ${path}: ${(e as Error).message}`, { path });
}

/** Temporary files being written now, removed if the process is stopped (Ctrl+C, a closed window) half way. */
const inFlight = new Set<string>();
let hooked = false;

function cleanUpOnExit(): void {
  if (hooked) return;
  hooked = true;
  const sweep = () => {
    for (const tmp of inFlight) rmSync(tmp, { force: true });
    inFlight.clear();
  };
  process.on('exit', sweep);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      sweep();
      // Let Node's own handling (or another listener) end the process as it would have.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

const TEMP = /^\.(.+)\.(\d+)\.hnbtmp$/;

/** A temporary file left by a writer that was killed outright (no handler runs then): removed before the next write beside it. */
function sweepStale(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    let alive = pid === process.pid && inFlight.has(join(folder, name));
    if (!alive && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (e) {
        alive = (e as { code?: string }).code === 'EPERM';
      }
    }
    if (!alive) rmSync(join(folder, name), { force: true });
  }
}

/**
 * Writes beside the target, flushes it to the disk, then renames it over the target, so a
 * failed or interrupted write never leaves half a file, and a finished one survives a power cut.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const folder = dirname(path);
  const tmp = join(folder, `.${basename(path)}.${process.pid}.hnbtmp`);
  cleanUpOnExit();
  sweepStale(folder);
  inFlight.add(tmp);
  try {
    const fd = openSync(tmp, 'w');
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    syncFolder(folder);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fileError(path, e);
  } finally {
    inFlight.delete(tmp);
  }
}

/** The rename itself reaches the disk only when the folder is flushed (not possible, nor needed, on Windows). */
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // A folder that cannot be opened for reading: the file is written; only the flush is skipped.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
