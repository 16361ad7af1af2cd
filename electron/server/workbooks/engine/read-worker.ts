/**
 * Worker-thread entry: reads one workbook (streamWorkbook) and posts what it finds to the
 * thread that started it, rows in batches, so parsing an untrusted file of 100,000 rows
 * neither blocks the domain server nor waits for it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { streamWorkbook, type RawRow, type ReadLimits } from './read-workbook';
import type { WorkerMessage } from './read-off-thread';

const BATCH = 1000;

async function run(): Promise<void> {
  const { bytes, fileName, limits } = workerData as { bytes: Uint8Array; fileName: string; limits: ReadLimits };
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  let batch: RawRow[] = [];
  const flush = () => {
    if (batch.length) post({ t: 'rows', rows: batch });
    batch = [];
  };
  try {
    const { date1904 } = await streamWorkbook(
      bytes,
      fileName,
      {
        sheet: (name, hidden) => {
          flush();
          post({ t: 'sheet', name, hidden });
        },
        rows: (rows) => {
          for (const r of rows) batch.push(r);
          if (batch.length >= BATCH) flush();
        },
        progress: (p) => post({ t: 'progress', ...p }),
      },
      limits,
    );
    flush();
    post({ t: 'done', date1904 });
  } catch (e) {
    const err = e instanceof AppError ? e : new AppError('INTERNAL', (e as Error).message);
    post({ t: 'error', code: err.code, message: err.message, details: err.details });
  }
}

void run();
