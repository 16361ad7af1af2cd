/**
 * Worker-thread entry for reading a workbook, in one of two roles (read-off-thread.ts starts
 * one of each): "strings" reads the shared-strings part and hands it to the sheets thread;
 * "sheets" reads every sheet and posts rows, in batches, to the thread that started it. Rows
 * read before the strings arrive wait, in order, and go out once their text is known
 * (strings-gate.ts).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { openWorkbook, readSharedStringsPart, sheetTooBig, streamSheets, unreadable, type RawRow, type ReadLimits } from './read-workbook';
import type { WorkerMessage } from './read-off-thread';
import type { SharedString } from './sheet-rows';
import { StringsGate } from './strings-gate';

export interface WorkerRequest {
  role: 'strings' | 'sheets';
  bytes: Uint8Array;
  fileName: string;
  limits: ReadLimits;
  /** From the strings thread to the sheets thread. */
  port: MessagePort;
}

const BATCH = 1000;
function post(m: WorkerMessage): void {
  if (m.t === 'rows') postRows(m.rows);
  else parentPort!.postMessage(m);
}

/**
 * A batch of rows, each text its cells repeat sent once: a copy that crosses to the main thread
 * arrives as a string of its own, and a return repeats its budget holders, provision types and
 * s251 lines on every row, tens of megabytes at 100,000 rows. A repeat goes as the row and
 * column of the cell that holds the text (four numbers, in a buffer handed over, not copied).
 */
function postRows(rows: RawRow[]): void {
  const firstAt = new Map<string, number>();
  const repeats: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!.cells;
    for (let c = 0; c < cells.length; c++) {
      const v = cells[c];
      // (A column past 65,535 is never one a read lets through; it would not fit the key.)
      if (typeof v !== 'string' || c >= 65536) continue;
      const at = firstAt.get(v);
      if (at === undefined) firstAt.set(v, r * 65536 + c);
      else {
        repeats.push(r, c, Math.floor(at / 65536), at % 65536);
        cells[c] = null;
      }
    }
  }
  if (repeats.length === 0) {
    parentPort!.postMessage({ t: 'rows', rows } satisfies WorkerMessage);
    return;
  }
  const buffer = Int32Array.from(repeats);
  parentPort!.postMessage({ t: 'rows', rows, repeats: buffer } satisfies WorkerMessage, [buffer.buffer]);
}

/** Anything that goes wrong reading the file is the file's fault, said in the file's name. */
function fail(fileName: string, e: unknown): void {
  const err = e instanceof AppError ? e : unreadable(fileName, (e as Error).message);
  post({ t: 'error', code: err.code, message: err.message, details: err.details });
}

async function readStrings({ bytes, fileName, limits, port }: WorkerRequest): Promise<void> {
  const { parts, layout } = await openWorkbook(bytes, fileName, limits);
  const strings = await readSharedStringsPart(parts, layout);
  port.postMessage(strings);
  port.close();
}

async function readSheets({ bytes, fileName, limits, port }: WorkerRequest): Promise<void> {
  const { parts, layout } = await openWorkbook(bytes, fileName, limits);
  const gate = new StringsGate(post, layout.sharedStrings ? null : [], limits, (sheet, col, row, v) => sheetTooBig(fileName, sheet, col, row, v, limits));
  const arrived = new Promise<void>((resolve, reject) => {
    port.once('message', (strings: SharedString[]) => {
      port.close();
      try {
        gate.arrive(strings);
        resolve();
      } catch (e) {
        reject(e as Error);
      }
    });
  });
  // A failure while filling in held rows is reported when the sheets are done, or now if they are.
  arrived.catch(() => undefined);
  let batch: RawRow[] = [];
  const flush = () => {
    if (batch.length) gate.send({ t: 'rows', rows: batch });
    batch = [];
  };
  try {
    await streamSheets(
      parts,
      layout,
      gate.lookup,
      {
        sheet: (name, hidden) => {
          flush();
          gate.send({ t: 'sheet', name, hidden });
        },
        rows: (rows) => {
          for (const r of rows) batch.push(r);
          if (batch.length >= BATCH) flush();
        },
        progress: (p) => post({ t: 'progress', ...p }),
      },
      limits,
      gate.outside,
    );
  } catch (e) {
    // A value past the limits: text read before it, still to come when it was read, may be
    // past them too, and is then the cell to name.
    if (e instanceof AppError && e.details?.rule === 'size limits') {
      await arrived.catch(() => undefined);
      throw gate.outsideRefusal() ?? e;
    }
    throw e;
  }
  flush();
  await arrived;
  post({ t: 'done', date1904: layout.date1904 });
}

// The thread boots while its starter loads and checks the file; the file comes as one message.
parentPort!.once('message', (request: WorkerRequest) => {
  const run = request.role === 'strings' ? readStrings : readSheets;
  run(request).catch((e: unknown) => fail(request.fileName, e));
});
