import { utilityProcess, type UtilityProcess } from 'electron';
import type { Envelope } from '../shared/errors';
import { printHtmlToPdf } from './pdf-window';

/** The domain server in a utility process, and request/response matching over its port. */
export class ServerProcess {
  private child: UtilityProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (envelope: Envelope<unknown>) => void>();

  constructor(private readonly entry: string) {}

  start(dataDir: string): Promise<Envelope<unknown>> {
    const child = utilityProcess.fork(this.entry, [], { serviceName: 'HNB Desk data server', stdio: 'inherit' });
    this.child = child;
    const ready = new Promise<Envelope<unknown>>((resolve) => {
      child.on(
        'message',
        (msg: { type?: string; id?: number; envelope?: Envelope<unknown>; opened?: Envelope<unknown>; html?: string; landscape?: boolean }) => {
          if (msg.type === 'ready') return resolve(msg.opened!);
          if (msg.type === 'pdf') return void this.print(child, msg.id!, msg.html ?? '', msg.landscape === true);
          const done = msg.id === undefined ? undefined : this.pending.get(msg.id);
          if (done && msg.envelope) {
            this.pending.delete(msg.id!);
            done(msg.envelope);
          }
        },
      );
    });
    child.on('exit', (code) => {
      for (const done of this.pending.values()) {
        done({ ok: false, error: { code: 'INTERNAL', message: `The data server stopped (code ${code}). Restart HNB Desk; nothing unsaved was written.` } });
      }
      this.pending.clear();
      this.child = null;
    });
    child.postMessage({ type: 'init', dataDir });
    return ready;
  }

  /** The server asked for a pack's HTML to be laid out as PDF. */
  private async print(child: UtilityProcess, id: number, html: string, landscape: boolean): Promise<void> {
    try {
      const bytes = await printHtmlToPdf(html, landscape);
      child.postMessage({ type: 'pdf-done', id, base64: bytes.toString('base64') });
    } catch (e) {
      child.postMessage({ type: 'pdf-done', id, error: e instanceof Error ? e.message : String(e) });
    }
  }

  call(channel: string, input: unknown): Promise<Envelope<unknown>> {
    return this.send({ type: 'call', channel, input });
  }

  /** Opens (or creates) a workspace the user chose in a native dialog: never for a path from the window. */
  open(path: string, create: boolean): Promise<Envelope<unknown>> {
    return this.send({ type: 'open', path, create });
  }

  private send(message: Record<string, unknown>): Promise<Envelope<unknown>> {
    const child = this.child;
    if (!child) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'The data server is not running. Restart HNB Desk.' } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      child.postMessage({ ...message, id });
    });
  }

  stop(): void {
    this.child?.kill();
  }
}
