/**
 * Reads a workbook on two worker threads: one reads the shared strings while the other reads
 * the sheets, and hands each sheet over as it completes. The file is untrusted and may take
 * seconds to parse; meanwhile this thread stays free, and the caller can start on a sheet as
 * soon as it has been read (the import loads the database for the scope named in `_meta`,
 * which comes before the data sheet, while the data sheet is still being parsed).
 */
import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { AppError, type ErrorCode, type ErrorInfo } from '../../../shared/errors';
import { READ_LIMITS, unreadable, type RawRow, type RawSheet, type RawWorkbook, type ReadLimits, type ReadProgress } from './read-workbook';
import type { WorkerRequest } from './read-worker';

export type WorkerMessage =
  | { t: 'sheet'; name: string; hidden: boolean }
  /** `repeats`: cells whose text another cell of the batch holds, sent as that cell (read-worker.ts). */
  | { t: 'rows'; rows: RawRow[]; repeats?: Int32Array }
  | ({ t: 'progress' } & ReadProgress)
  | { t: 'done'; date1904: boolean }
  | { t: 'error'; code: ErrorCode; message: string; details?: ErrorInfo['details'] };

/** The worker's source, run through tsx when the server runs from source (tests, CLI, web host). */
const SOURCE_ENTRY = join(__dirname, 'read-worker.ts');
let builtEntry: string | null = null;

/** A built host (the Electron utility process) names the worker bundle electron-vite made; null goes back to the source. */
export function setBuiltReadWorker(file: string | null): void {
  builtEntry = file;
}

/**
 * A ceiling on the worker's heap: a file within READ_LIMITS needs far less, and a file that
 * would need more fails as one clear error instead of taking the server down.
 */
const WORKER_HEAP_MB = 1024;
/**
 * The reader's garbage is short-lived: a 16 MB nursery holds it at no measurable cost in time
 * and keeps the process's peak lower than V8's default while 100,000 rows are read. (8 MB
 * made the read a sixth slower.)
 */
const WORKER_YOUNG_MB = 16;

export interface OffThreadRead {
  onProgress?: (p: ReadProgress) => void;
  /** Called as each sheet is complete, before the next one is read. */
  onSheetRead?: (sheet: RawSheet) => void;
  limits?: ReadLimits;
}

/** Options that load code before a script runs, each with its value (`--import tsx`, `--require=x`). */
const LOADER = /^(--import|--require|-r|--loader|--experimental-loader)(=|$)/;

function withoutLoaders(execArgv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const m = LOADER.exec(execArgv[i]!);
    if (!m) out.push(execArgv[i]!);
    else if (m[2] === '') i++;
  }
  return out;
}

function startWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } };
  if (!builtEntry) return new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(SOURCE_ENTRY)});`, { ...options, eval: true });
  // The built worker is plain JavaScript: a loader the server runs under (tsx, when it runs from
  // source, as the benchmark does) has nothing to do there, and takes a fifth of a second to
  // start in each thread, before the file can be read. Other options (profiling) still apply.
  const execArgv = withoutLoaders(process.execArgv);
  if (execArgv.length < process.execArgv.length) {
    try {
      return new Worker(builtEntry, { ...options, execArgv });
    } catch {
      // An option a worker may not be given explicitly: inherit them all, loader included.
    }
  }
  return new Worker(builtEntry, options);
}

/**
 * One read on two worker threads. The threads start booting (a V8 isolate, the XML parser)
 * when this is made, so a caller that still has the file to load and check makes it first.
 */
export class ReaderThread {
  private readonly strings = startWorker();
  private readonly sheets = startWorker();
  private used = false;

  /** Reads every sheet of the workbook. */
  read(bytes: Uint8Array, fileName: string, o: OffThreadRead = {}): Promise<RawWorkbook> {
    if (this.used) throw new Error('ReaderThread reads one workbook');
    this.used = true;
    // Both threads read the same bytes: share them rather than copy them twice.
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
    shared.set(bytes);
    const sheets: RawSheet[] = [];
    const result = new Promise<RawWorkbook>((resolve, reject) => {
      let settled = false;
      const finish = (error: AppError | null, date1904 = false) => {
        if (settled) return;
        settled = true;
        this.close();
        if (error) reject(error);
        else resolve({ sheets, date1904 });
      };
      const sheetDone = () => {
        const last = sheets[sheets.length - 1];
        if (last) o.onSheetRead?.(last);
      };
      const onMessage = (m: WorkerMessage) => {
        if (settled) return;
        try {
          switch (m.t) {
            case 'sheet':
              sheetDone();
              sheets.push({ name: m.name, hidden: m.hidden, rows: [] });
              break;
            case 'rows': {
              const into = sheets[sheets.length - 1]!.rows;
              const { rows, repeats } = m;
              if (repeats) {
                for (let k = 0; k < repeats.length; k += 4) rows[repeats[k]!]!.cells[repeats[k + 1]!] = rows[repeats[k + 2]!]!.cells[repeats[k + 3]!]!;
              }
              for (const r of rows) into.push(r);
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
      };
      for (const worker of [this.strings, this.sheets]) {
        worker.on('message', onMessage);
        worker.on('error', (e: Error & { code?: string }) => {
          if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return finish(unreadable(fileName, 'it needs more memory than a workbook within the size limits can'));
          // The reader reports the file's faults itself; an error that escapes it is ours (a thread that could not start).
          finish(new AppError('INTERNAL', `HNB Desk could not run its workbook reader, so ${fileName} was not read. (${e.message})`));
        });
        worker.on('exit', (code) => {
          // The strings thread ends on its own once it has handed its strings over.
          if (code !== 0 || worker === this.sheets) finish(unreadable(fileName, `the reader stopped with code ${code}`));
        });
      }
    });
    const { port1, port2 } = new MessageChannel();
    const limits = o.limits ?? READ_LIMITS;
    const stringsRequest: WorkerRequest = { role: 'strings', bytes: shared, fileName, limits, port: port1 };
    const sheetsRequest: WorkerRequest = { role: 'sheets', bytes: shared, fileName, limits, port: port2 };
    this.strings.postMessage(stringsRequest, [port1]);
    this.sheets.postMessage(sheetsRequest, [port2]);
    return result;
  }

  /** Stops both threads; a read under way ends as unreadable. Safe to call more than once. */
  close(): void {
    void this.strings.terminate();
    void this.sheets.terminate();
  }
}

/** Reads every sheet of the workbook on worker threads. */
export function readWorkbookOffThread(bytes: Uint8Array, fileName: string, o: OffThreadRead = {}): Promise<RawWorkbook> {
  return new ReaderThread().read(bytes, fileName, o);
}
