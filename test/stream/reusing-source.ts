/** A chunk source for validateChunks and retourChunks tests, shaped like a file reader. */
import type { ChunkSource } from '../../src/index.js';

/** One buffer, refilled for every chunk (so a reader that keeps a chunk is caught); counts how often it is opened. */
export function reusingSource(bytes: Uint8Array, size: number): { open: ChunkSource; opened: () => number } {
  let opened = 0;
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const buffer = new Uint8Array(size);
    for (let at = 0; at < bytes.length; at += size) {
      const piece = bytes.subarray(at, at + size);
      buffer.set(piece);
      yield buffer.subarray(0, piece.length);
    }
  }
  return {
    open: () => {
      opened++;
      return chunks();
    },
    opened: () => opened,
  };
}
