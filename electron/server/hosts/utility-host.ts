/**
 * Entry for Electron's utilityProcess: the domain server off the window's thread, so a long
 * import or export never freezes the app. Talks to main over process.parentPort; no Electron import.
 */
import { join } from 'node:path';
import { DomainServer } from '../server';
import { type PdfReply, portPdfEngine } from './port-pdf-engine';
import { setBuiltReadWorker } from '../workbooks/engine/read-off-thread';

interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

type Message =
  | { type: 'init'; dataDir: string; workspacePath?: string }
  | { type: 'call'; id: number; channel: string; input: unknown }
  | { type: 'open'; id: number; path: string; create: boolean }
  | PdfReply;

const port = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!port) throw new Error('utility-host must run in an Electron utility process');

let server: DomainServer | null = null;
// Pack PDFs are printed by main (webContents.printToPDF): the utility process has no windows.
const pdf = portPdfEngine(port);
// electron-vite builds the workbook reader's worker next to this entry.
setBuiltReadWorker(join(__dirname, 'read-worker.js'));

port.on('message', async ({ data }) => {
  const msg = data as Message;
  if (msg.type === 'pdf-done') return pdf.receive(msg);
  if (msg.type === 'init') {
    server = new DomainServer({ dataDir: msg.dataDir, pdfEngine: () => pdf.engine });
    const opened = await server.openChosen(msg.workspacePath ?? server.defaultWorkspacePath, true);
    port.postMessage({ type: 'ready', opened });
    return;
  }
  if (!server)
    return port.postMessage({
      id: (msg as { id: number }).id,
      envelope: { ok: false, error: { code: 'INTERNAL', message: 'The data server is still starting.' } },
    });
  if (msg.type === 'call') {
    port.postMessage({ id: msg.id, envelope: await server.call(msg.channel, msg.input) });
  } else if (msg.type === 'open') {
    port.postMessage({ id: msg.id, envelope: await server.openChosen(msg.path, msg.create) });
  }
});

process.on('exit', () => server?.close());
