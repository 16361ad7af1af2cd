/**
 * The PDF engine inside the app: the domain server runs in a utility process, which has no
 * windows, so it asks Electron's main process to lay the HTML out (webContents.printToPDF in a
 * hidden, locked-down window). No Electron import here: only messages over the parent port.
 */
import { AppError } from '../../shared/errors';
import type { PdfEngine } from '../documents/pdf/types';

export interface PdfPort {
  postMessage(message: unknown): void;
}

/** What main answers: the PDF's bytes as base64, or the reason it could not print. */
export type PdfReply = { type: 'pdf-done'; id: number; base64?: string; error?: string };

export function portPdfEngine(port: PdfPort): { engine: PdfEngine; receive(reply: PdfReply): void } {
  let nextId = 1;
  const pending = new Map<number, { resolve: (bytes: Uint8Array) => void; reject: (e: Error) => void }>();
  return {
    engine: {
      name: 'Electron printToPDF',
      render(html, { landscapeDefault = false, signal } = {}) {
        if (signal?.aborted) return Promise.reject(new AppError('CANCELLED', 'The pack was cancelled; nothing was saved.'));
        const id = nextId++;
        return new Promise<Uint8Array>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          signal?.addEventListener(
            'abort',
            () => {
              // Main finishes the page it is printing; its answer is then dropped.
              if (pending.delete(id)) reject(new AppError('CANCELLED', 'The pack was cancelled; nothing was saved.'));
            },
            { once: true },
          );
          port.postMessage({ type: 'pdf', id, html, landscape: landscapeDefault });
        });
      },
      async close() {
        for (const p of pending.values()) p.reject(new AppError('CANCELLED', 'The data server is closing.'));
        pending.clear();
      },
    },
    receive(reply) {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (reply.base64 !== undefined) p.resolve(new Uint8Array(Buffer.from(reply.base64, 'base64')));
      else p.reject(new AppError('NOT_AVAILABLE', `The PDF could not be laid out: ${reply.error ?? 'the window did not print'}.`));
    },
  };
}
