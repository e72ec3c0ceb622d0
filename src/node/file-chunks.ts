/**
 * Reading a file in chunks for the streaming validation: one buffer, read
 * into again and again. The byte reader keeps what it has not consumed, so a
 * chunk is done with once handed over; a new buffer per chunk would leave a
 * megabyte each for the collector, and the peak would grow with the file.
 */
import { open, type FileHandle } from 'node:fs/promises';

const CHUNK = 1 << 20;

/** The bytes of [start, end) (to the end of the file by default), a chunk at a time, each valid until the next. */
export async function* chunksOf(handle: FileHandle, buffer: Uint8Array, start = 0, end = Number.POSITIVE_INFINITY): AsyncGenerator<Uint8Array> {
  for (let at = start; at < end; ) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - at), at);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
    at += bytesRead;
  }
}

/** A buffer for `chunksOf`. */
export const chunkBuffer = (): Uint8Array => new Uint8Array(CHUNK);

/** The bytes of a file, a chunk at a time (one buffer, reused); the file is closed when they are read or abandoned. */
export async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    yield* chunksOf(handle, chunkBuffer());
  } finally {
    await handle.close();
  }
}
