/**
 * The parts of an .xlsx read straight from its bytes. The file is in memory already, so any
 * part can be reached directly from the zip's directory: the workbook and its relationships
 * first, whatever order the writer stored them in, and the shared strings and the sheets at
 * the same time on different threads. Every part is inflated with its declared size as a hard
 * limit, so a zip that lies about its sizes is stopped as it inflates.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { zipDirectory, type ZipEntry } from './file-checks';

const CHUNK = 64 * 1024;

export class XlsxParts {
  private readonly buf: Buffer;
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    bytes: Uint8Array,
    readonly fileName: string,
  ) {
    this.buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // OPC part names ignore case.
    for (const e of zipDirectory(bytes, fileName).entries) this.byName.set(e.name.toLowerCase(), e);
  }

  has(part: string): boolean {
    return this.byName.has(part.toLowerCase());
  }

  /** The stored size of a part, for progress. */
  storedSize(part: string): number {
    return this.entry(part).compressedSize;
  }

  /** A small part, whole. */
  bytes(part: string): Buffer {
    const e = this.entry(part);
    const data = this.data(e);
    if (e.method === 0) return data;
    try {
      const out = inflateRawSync(data, { maxOutputLength: e.uncompressedSize + 1 });
      if (out.length !== e.uncompressedSize) throw new Error('size differs from the directory');
      return out;
    } catch {
      throw this.damaged(part);
    }
  }

  /**
   * A part's text as it inflates, in chunks; `onStored` is told how many stored bytes each
   * chunk used. Decoded as a stream, so a character split between two chunks stays whole.
   */
  async *stream(part: string, onStored?: (bytes: number) => void): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of this.inflated(part, onStored)) {
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  private async *inflated(part: string, onStored?: (bytes: number) => void): AsyncGenerator<Buffer> {
    const e = this.entry(part);
    const data = this.data(e);
    if (e.method === 0) {
      for (let i = 0; i < data.length; i += CHUNK) {
        onStored?.(Math.min(CHUNK, data.length - i));
        // A copy: the bytes may be shared between threads, and text is not decoded from shared memory.
        yield Buffer.from(data.subarray(i, i + CHUNK));
      }
      return;
    }
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    let out = 0;
    let fed = 0;
    const feed = (error?: Error | null) => {
      if (error) return;
      // Feed the stored bytes a piece at a time, so inflating never runs far ahead of parsing.
      if (fed >= data.length) return inflate.end();
      const n = Math.min(CHUNK, data.length - fed);
      onStored?.(n);
      inflate.write(data.subarray(fed, fed + n), feed);
      fed += n;
    };
    feed();
    try {
      for await (const chunk of inflate as AsyncIterable<Buffer>) {
        out += chunk.length;
        if (out > e.uncompressedSize) throw new Error('larger than the directory says');
        yield chunk;
      }
    } catch {
      throw this.damaged(part);
    } finally {
      inflate.destroy();
    }
  }

  private entry(part: string): ZipEntry {
    const e = this.byName.get(part.toLowerCase());
    if (!e) throw this.damaged(part);
    return e;
  }

  private data(e: ZipEntry): Buffer {
    const at = e.localOffset;
    const start = at + 30 + this.buf.readUInt16LE(at + 26) + this.buf.readUInt16LE(at + 28);
    return this.buf.subarray(start, start + e.compressedSize);
  }

  private damaged(part: string): AppError {
    return new AppError(
      'INVALID_FILE',
      `${this.fileName} could not be read as an Excel workbook: its part ${part} is damaged. Open it in Excel, save it as .xlsx, and try again.`,
      { fileName: this.fileName, rule: 'readable workbook' },
    );
  }
}
