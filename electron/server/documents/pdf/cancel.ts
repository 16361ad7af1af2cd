import { AppError } from '../../../shared/errors';

/** The refusal every step gives once the clerk has cancelled the build. */
export function cancelled(): AppError {
  return new AppError('CANCELLED', 'The PDF was not made: the build was cancelled.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

/**
 * Races a step against the signal, so a cancel is answered at once; `onAbort` stops the step's
 * own work (closing the browser page, say) so nothing keeps running after the refusal.
 */
export function abortable<T>(signal: AbortSignal | undefined, work: Promise<T>, onAbort?: () => void): Promise<T> {
  if (!signal) return work;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort?.();
      reject(cancelled());
    };
    signal.addEventListener('abort', abort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(signal.aborted ? cancelled() : error);
      },
    );
  });
}
