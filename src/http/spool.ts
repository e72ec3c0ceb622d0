/**
 * A request body read chunk by chunk: a small one into memory, a larger one
 * (or one that grows past the threshold without a Content-Length) into a
 * private temporary file, so the service never holds a large declaratie whole.
 * The file rather than memory because the streaming validation's rare
 * give-up reads the input a second time.
 */
import { mkdtemp, open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { errorCodes } from 'fastify';

export interface BodyReadOptions {
  /** Largest accepted body in bytes; a larger one is refused with 413 (Fastify's own error). */
  readonly limit: number;
  /** Bodies of up to this many bytes stay in memory; larger ones are spooled to a file. */
  readonly memoryUpTo: number;
  /** Where the private temporary folder is made (default: the system's temporary folder). */
  readonly spoolRoot?: string;
}

/** A body on disk, in a folder of its own that only this process can read. */
export interface SpooledBody {
  readonly file: string;
  readonly size: number;
  /** Removes the file and its folder; safe to call more than once. */
  remove(): Promise<void>;
}

/**
 * Reads `payload` under the size cap. `declaredLength` (the Content-Length)
 * above the cap is refused before a byte is read. Every failure (cap hit,
 * aborted upload, wrong length) removes what was spooled so far.
 */
export async function readBody(payload: Readable, declaredLength: number | undefined, options: BodyReadOptions): Promise<Uint8Array | SpooledBody> {
  if (declaredLength !== undefined && declaredLength > options.limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
  const root = options.spoolRoot ?? tmpdir();
  const chunks: Buffer[] = [];
  let received = 0;
  let spool: Spool | undefined;
  try {
    if (declaredLength !== undefined && declaredLength > options.memoryUpTo) spool = await Spool.create(root);
    // Not destroyed on a cap hit: the 413 still has to go out over the same socket.
    for await (const chunk of payload.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer | string>) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.length;
      if (received > options.limit) throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
      if (spool === undefined && received > options.memoryUpTo) {
        spool = await Spool.create(root);
        for (const held of chunks.splice(0)) await spool.write(held);
      }
      if (spool) await spool.write(bytes);
      else chunks.push(bytes);
    }
    if (declaredLength !== undefined && received !== declaredLength) throw new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH();
    return spool ? await spool.close(received) : Buffer.concat(chunks, received);
  } catch (error) {
    await spool?.discard();
    // A spool folder that cannot be made or written (missing, read-only, disk full) is the service's fault: a 500, not the client's 400.
    if (spoolErrors.has(error as object)) {
      // The body is within the cap: it is read to its end before the answer, so a client still sending it gets the 500, not a broken pipe.
      await drain(payload, options.limit - received);
      throw error;
    }
    // The rest of a refused body is read and dropped, as Fastify does, so the answer can be sent.
    if (!payload.destroyed) payload.resume();
    throw asClientError(error);
  }
}

/** Reads and drops what is left of a body, at most `upTo` bytes more. */
async function drain(payload: Readable, upTo: number): Promise<void> {
  let left = upTo;
  try {
    for await (const chunk of payload.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer | string>) {
      left -= chunk.length;
      if (left < 0) break;
    }
  } catch {
    // The client went away: nothing is left to wait for.
  }
  if (!payload.destroyed) payload.resume();
}

/** Errors of the spool's own file calls, as opposed to those of the request stream. */
const spoolErrors = new WeakSet<object>();
async function spoolCall<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error !== null && typeof error === 'object') spoolErrors.add(error);
    throw error;
  }
}

/** An aborted or broken upload is the client's fault (400), as in Fastify's own body reader. */
function asClientError(error: unknown): unknown {
  if (error instanceof Error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (!(typeof status === 'number' && status >= 400)) Object.assign(error, { statusCode: 400 });
  }
  return error;
}

class Spool {
  private constructor(
    private readonly directory: string,
    private readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(root: string): Promise<Spool> {
    // mkdtemp makes the folder 0700; the file is 0600 and must not exist yet.
    const directory = await spoolCall(mkdtemp(join(root, 'iwmo-body-')));
    const file = join(directory, 'body.xml');
    try {
      return new Spool(directory, file, await spoolCall(open(file, 'wx', 0o600)));
    } catch (error) {
      await rm(directory, { recursive: true, force: true });
      throw error;
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.length) offset += (await spoolCall(this.handle.write(bytes, offset, bytes.length - offset))).bytesWritten;
  }

  async close(size: number): Promise<SpooledBody> {
    await spoolCall(this.handle.close());
    const directory = this.directory;
    let removal: Promise<void> | undefined;
    return { file: this.file, size, remove: () => (removal ??= rm(directory, { recursive: true, force: true })) };
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.directory, { recursive: true, force: true });
  }
}

export function isSpooled(body: Uint8Array | SpooledBody): body is SpooledBody {
  return !(body instanceof Uint8Array);
}
