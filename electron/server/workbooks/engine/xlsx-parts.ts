/**
 * The parts of an .xlsx read straight from its bytes. The file is in memory already, so any
 * part can be reached directly from the zip's directory: the workbook and its relationships
 * first, whatever order the writer stored them in, and the shared strings and the sheets at
 * the same time on different threads. Every part is inflated with its declared size as a hard
 * limit, so a zip that lies about its sizes is stopped as it inflates. Text is decoded as strict
 * UTF-8: bytes that are not UTF-8 are never quietly turned into U+FFFD and stored.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';
import { zipDirectory, type ZipEntry } from './file-checks';

const CHUNK = 64 * 1024;
const NOTHING: Buffer = Buffer.alloc(0);

/**
 * What a part's decoder found, for its reader: `invalid` is set once the part has held bytes
 * that are not UTF-8. From then on the part is decoded leniently (the file is refused anyway,
 * and its reader names the cells that show U+FFFD where the bad bytes were).
 */
export interface TextCheck {
  invalid: boolean;
}

/**
 * The bytes at the end of a chunk that a streaming decoder holds back because they begin a
 * character the next chunk completes (at most 3). `bytes` is known to be valid UTF-8 so far.
 */
function heldBack(bytes: Buffer): Buffer {
  for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 3; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return bytes.length - i < length ? bytes.subarray(i) : NOTHING;
  }
  return NOTHING;
}

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

  /** A small part's text, whole; bytes that are not UTF-8 are refused as `invalidText(where)`. */
  text(part: string, where: string): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes(part));
    } catch (e) {
      throw e instanceof AppError ? e : this.invalidText(where);
    }
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
   * Decoded strictly: at the first bytes that are not UTF-8, `check.invalid` is set and the
   * rest of the part (from the character that chunk began with) is decoded with U+FFFD in
   * place of the bad bytes, so its reader can name the cells that hold them (or, when none
   * does, refuse the part).
   */
  async *stream(part: string, check: TextCheck, onStored?: (bytes: number) => void): AsyncGenerator<string> {
    let decoder = new TextDecoder('utf-8', { fatal: true });
    let strict = true;
    // What the strict decoder holds back of a character the next chunk completes.
    let held: Buffer = NOTHING;
    for await (const chunk of this.inflated(part, onStored)) {
      let text: string;
      if (strict) {
        try {
          text = decoder.decode(chunk, { stream: true });
          held = heldBack(chunk.length >= 3 || !held.length ? chunk : Buffer.concat([held, chunk]));
        } catch {
          strict = false;
          check.invalid = true;
          decoder = new TextDecoder('utf-8');
          text = decoder.decode(held.length ? Buffer.concat([held, chunk]) : chunk, { stream: true });
        }
      } else text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    let rest: string;
    try {
      rest = decoder.decode();
    } catch {
      // The part ends inside a character.
      check.invalid = true;
      rest = '\uFFFD';
    }
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

  /** The sentence for bytes that are not UTF-8 where no cell shows them: `where` is "on the sheet "S"", "in its shared text". */
  invalidText(where: string): AppError {
    return new AppError('INVALID_FILE', `${this.fileName} contains bytes that are not valid text (UTF-8) ${where}. Open it in Excel, save it, and try again.`, {
      fileName: this.fileName,
      rule: 'valid text (UTF-8)',
    });
  }

  private damaged(part: string): AppError {
    return new AppError(
      'INVALID_FILE',
      `${this.fileName} could not be read as an Excel workbook: its part ${part} is damaged. Open it in Excel, save it as .xlsx, and try again.`,
      { fileName: this.fileName, rule: 'readable workbook' },
    );
  }
}
