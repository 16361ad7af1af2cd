/**
 * pdf.js, loaded the first time a pack is previewed. The worker is a file of the app's own
 * (Vite's `?url`), so the CSP's script-src 'self' covers it: no blob: or remote worker. The
 * legacy build carries its own polyfills, so it runs in whichever Chromium Electron ships.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';

let loading: Promise<typeof import('pdfjs-dist')> | null = null;

function pdfjs() {
  loading ??= Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url')]).then(([lib, worker]) => {
    lib.GlobalWorkerOptions.workerSrc = worker.default;
    return lib as unknown as typeof import('pdfjs-dist');
  });
  return loading;
}

export function base64Bytes(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Opens a PDF from its bytes: nothing is fetched, no script in it runs, no font is looked up elsewhere. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const lib = await pdfjs();
  return lib.getDocument({ data: bytes, enableXfa: false, useSystemFonts: false, stopAtErrors: false }).promise;
}
