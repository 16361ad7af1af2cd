import { renameSync, rmSync, writeFileSync } from 'node:fs';
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
  return new AppError('INTERNAL', `Could not write ${path}: ${(e as Error).message}`, { path });
}

/** Writes beside the target then renames, so a failed write never leaves half a file. */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw fileError(path, e);
  }
}
