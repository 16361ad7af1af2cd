/**
 * Reads a workbook on a worker thread. The file is untrusted and may take seconds to parse;
 * meanwhile this thread stays free, and the caller can start on a sheet as soon as it has
 * been read (the import loads the database for the scope named in `_meta`, which comes
 * before the data sheet, while the data sheet is still being parsed).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ErrorInfo } from '../../../shared/errors';
import { READ_LIMITS, unreadable, type RawRow, type RawSheet, type RawWorkbook, type ReadLimits, type ReadProgress } from './read-workbook';

export type WorkerMessage =
  | { t: 'sheet'; name: string; hidden: boolean }
  | { t: 'rows'; rows: RawRow[] }
  | ({ t: 'progress' } & ReadProgress)
  | { t: 'done'; date1904: boolean }
  | { t: 'error'; code: ErrorCode; message: string; details?: ErrorInfo['details'] };

/** The worker's source, run through tsx when the server runs from source (tests, CLI, web host). */
const SOURCE_ENTRY = join(__dirname, 'read-worker.ts');
let builtEntry: string | null = null;

/** A built host (the Electron utility process) names the worker bundle electron-vite made; null goes back to the source. */
export function useBuiltReadWorker(file: string | null): void {
  builtEntry = file;
}

/**
 * A ceiling on the worker's heap: a file within READ_LIMITS needs far less, and a file that
 * would need more fails as one clear error instead of taking the server down.
 */
const WORKER_HEAP_MB = 1024;

function startWorker(data: { bytes: Uint8Array; fileName: string; limits: ReadLimits }, transfer: ArrayBuffer): Worker {
  const options = { workerData: data, transferList: [transfer], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } };
  if (builtEntry) return new Worker(builtEntry, options);
  return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(SOURCE_ENTRY)});`, { ...options, eval: true });
}

export interface OffThreadRead {
  onProgress?: (p: ReadProgress) => void;
  /** Called as each sheet is complete, before the next one is read. */
  onSheetRead?: (sheet: RawSheet) => void;
  limits?: ReadLimits;
}

/** Reads every sheet of the workbook on a worker thread. `bytes` is handed over, not copied: do not use it afterwards. */
export function readWorkbookOffThread(bytes: Uint8Array, fileName: string, o: OffThreadRead = {}): Promise<RawWorkbook> {
  // Transfer needs a buffer of its own; a Buffer may be a view on Node's shared pool.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  const worker = startWorker({ bytes: own, fileName, limits: o.limits ?? READ_LIMITS }, own.buffer as ArrayBuffer);
  const sheets: RawSheet[] = [];
  return new Promise<RawWorkbook>((resolve, reject) => {
    let settled = false;
    const finish = (error: AppError | null, date1904 = false) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (error) reject(error);
      else resolve({ sheets, date1904 });
    };
    const sheetDone = () => {
      const last = sheets[sheets.length - 1];
      if (last) o.onSheetRead?.(last);
    };
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      try {
        switch (m.t) {
          case 'sheet':
            sheetDone();
            sheets.push({ name: m.name, hidden: m.hidden, rows: [] });
            break;
          case 'rows': {
            const into = sheets[sheets.length - 1]!.rows;
            for (const r of m.rows) into.push(r);
            break;
          }
          case 'progress':
            o.onProgress?.({ rowsRead: m.rowsRead, fraction: m.fraction });
            break;
          case 'done':
            sheetDone();
            finish(null, m.date1904);
            break;
          case 'error':
            finish(new AppError(m.code, m.message, m.details));
            break;
        }
      } catch (e) {
        finish(e instanceof AppError ? e : new AppError('INTERNAL', (e as Error).message));
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      const why = e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it needs more memory than a workbook within the size limits can' : e.message;
      finish(unreadable(fileName, why));
    });
    worker.on('exit', (code) => finish(unreadable(fileName, `the reader stopped with code ${code}`)));
  });
}
