/**
 * Validation of a message that arrives in chunks (a file, a Blob, an HTTP
 * body): the streaming path of `validate` without the whole input in memory.
 */
import { validateWhole, type ValidateOptions } from './api.js';
import type { Report } from './findings.js';
import { startValidation } from './validate-stream.js';
import type { TokenizerPath } from './xml/input-chunks.js';
import { DEFAULT_MAX_BYTES, tooLargeReport } from './xml/reader.js';

/**
 * Opens the message's bytes, in chunks of any size: an iterable, an async
 * iterable (a Node stream) or a web `ReadableStream` (`blob.stream()`, a
 * `fetch` body). Called once; a second time only for input the byte tokenizer
 * leaves to saxes. A chunk may be reused once the next is asked for.
 */
export type ChunkSource = () => Iterable<Uint8Array> | AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

type Chunks = Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** A stream as chunks: browsers that cannot iterate a ReadableStream with `for await` read it through its reader. */
function chunksOf(opened: ReturnType<ChunkSource>): Chunks {
  if (Symbol.asyncIterator in opened || Symbol.iterator in opened) return opened as Chunks;
  return readerChunks(opened);
}

async function* readerChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    // Abandoned early (the path gave up): the stream is told it is no longer read.
    if (!done) await reader.cancel();
    reader.releaseLock();
  }
}

/**
 * Validates a message read in chunks, with the report `validate` gives on the
 * whole input. The Clients of a WMO323 are judged in batches and dropped, so
 * memory does not grow with the declaratie. Input the byte tokenizer does not
 * take (a processing instruction, a DOCTYPE, not well-formed XML) is read
 * again from `open` and validated whole. Over `maxBytes` (25 MB by default)
 * the chunks are only counted, for the size the finding names.
 */
export async function validateChunks(open: ChunkSource, options: ValidateOptions = {}): Promise<Report> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return throughChunks(open, maxBytes, startValidation(options), {
    overCap: (size) => tooLargeReport(size, maxBytes),
    whole: (bytes) => validateWhole(bytes, options),
  });
}

/** What a chunked reading gives when the byte tokenizer's path does not: over the cap, or input it leaves to saxes. */
export interface ChunkFallback<T> {
  /** The chunks came to `size` bytes, over the cap: they were only counted. */
  overCap(size: number): T;
  /** The path gave up: the whole input, read again from the source. */
  whole(bytes: Uint8Array): T;
}

/** A message read in chunks through a path of the byte tokenizer (validation, a retour): its result, or the fallback's. */
export async function throughChunks<T>(open: ChunkSource, maxBytes: number, path: TokenizerPath<T>, fallback: ChunkFallback<T>): Promise<T> {
  let size = 0;
  let streaming = true;
  for await (const chunk of chunksOf(open())) {
    size += chunk.byteLength;
    if (size > maxBytes) streaming = false;
    else if (!path.write(chunk)) {
      streaming = false;
      break;
    }
  }
  if (size > maxBytes) return fallback.overCap(size);
  const result = streaming ? path.end() : undefined;
  if (result !== undefined) return result;
  const whole = await readWhole(open, maxBytes);
  return typeof whole === 'number' ? fallback.overCap(whole) : fallback.whole(whole);
}

/** All the bytes, or only their number once it is over the cap (a source may change between reads). */
async function readWhole(open: ChunkSource, maxBytes: number): Promise<Uint8Array | number> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunksOf(open())) {
    size += chunk.byteLength;
    if (size <= maxBytes) chunks.push(chunk.slice());
    else chunks.length = 0;
  }
  if (size > maxBytes) return size;
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
