/**
 * The one pack build that may run at a time, its progress for the window to poll, and the
 * cancel that stops it. Laying out a pack holds a browser page and a few hundred MB; two at once
 * would only make both slow, so a second build is refused while one runs.
 */
import { AppError } from '../../../electron/shared/errors';
import type { PackProgress } from '../types';

const IDLE: PackProgress = { active: false, meetingId: null, step: '', fraction: null, cancelled: false };

let progress: PackProgress = IDLE;
let controller: AbortController | null = null;

export function packProgress(): PackProgress {
  return { ...progress };
}

/** Stops the build under way; it ends with CANCELLED and writes nothing. */
export function cancelPackBuild(): PackProgress {
  if (controller && !controller.signal.aborted) {
    controller.abort();
    progress = { ...progress, step: 'Cancelling…', cancelled: true };
  }
  return packProgress();
}

export function cancelledError(): AppError {
  return new AppError('CANCELLED', 'The pack was not made: the build was cancelled. Nothing was written.');
}

export type Report = (step: string, fraction: number | null) => void;

/**
 * Runs one build with its own abort signal (also aborted by `signal`, if given), reporting
 * progress; any failure once cancelled reads as the cancellation.
 */
export async function runBuild<T>(meetingId: number, signal: AbortSignal | undefined, work: (signal: AbortSignal, report: Report) => Promise<T>): Promise<T> {
  if (progress.active) {
    throw new AppError('NOT_AVAILABLE', 'A pack is already being made. Wait for it to finish, or cancel it, then try again.');
  }
  const own = new AbortController();
  const relay = () => own.abort();
  if (signal?.aborted) own.abort();
  signal?.addEventListener('abort', relay, { once: true });
  controller = own;
  progress = { active: true, meetingId, step: 'Reading the papers', fraction: 0, cancelled: false };
  const report: Report = (step, fraction) => {
    if (controller === own && !own.signal.aborted) progress = { ...progress, step, fraction };
  };
  try {
    if (own.signal.aborted) throw cancelledError();
    const result = await work(own.signal, report);
    if (own.signal.aborted) throw cancelledError();
    return result;
  } catch (e) {
    throw own.signal.aborted ? cancelledError() : e;
  } finally {
    signal?.removeEventListener('abort', relay);
    controller = null;
    progress = own.signal.aborted ? { ...IDLE, meetingId, step: 'Cancelled', cancelled: true } : IDLE;
  }
}

export function checkAborted(signal: AbortSignal): void {
  if (signal.aborted) throw cancelledError();
}
