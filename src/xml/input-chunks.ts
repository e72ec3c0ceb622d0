/**
 * A message for the byte tokenizer, a chunk at a time: bytes as they are,
 * text encoded as UTF-8 piece by piece into one reused buffer, so a document
 * given as a string is never held twice. Undefined when saxes must read the
 * input instead, with its findings: over the size cap (refused unread), or
 * text with a lone surrogate (UTF-8 cannot carry one; saxes says where it is).
 */
import { mayHoldLoneSurrogate } from './characters.js';
import { sizeOf } from './reader.js';

/** A path through the byte tokenizer fed chunk by chunk: `write` is false once it has given up, `end` is then undefined. */
export interface TokenizerPath<T> {
  write(chunk: Uint8Array): boolean;
  end(): T | undefined;
}

/**
 * A whole input through a path of the byte tokenizer (validation or decode):
 * its result, or undefined when the input must go to saxes instead (see
 * `inputChunks`) or the path gave up on it.
 */
export function throughTokenizer<T>(xml: string | Uint8Array, maxBytes: number, start: () => TokenizerPath<T>): T | undefined {
  const chunks = inputChunks(xml, maxBytes);
  if (!chunks) return undefined;
  const path = start();
  for (const chunk of chunks) if (!path.write(chunk)) break;
  return path.end();
}

/** Bytes handed to the tokenizer at a time. */
const CHUNK_BYTES = 1 << 20;
/** Characters encoded at a time: at most three bytes each. */
const CHUNK_CHARS = 1 << 18;

export function inputChunks(xml: string | Uint8Array, maxBytes: number): Iterable<Uint8Array> | undefined {
  if (sizeOf(xml, maxBytes) > maxBytes) return undefined;
  if (typeof xml !== 'string') return byteChunks(xml);
  if (mayHoldLoneSurrogate(xml)) return undefined;
  return encodedChunks(xml);
}

function* byteChunks(bytes: Uint8Array): Generator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += CHUNK_BYTES) yield bytes.subarray(offset, offset + CHUNK_BYTES);
}

/** Each chunk is valid until the next is asked for (the tokenizer copies what it keeps). */
function* encodedChunks(text: string): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(CHUNK_CHARS * 3);
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + CHUNK_CHARS);
    // A surrogate pair stays whole: a chunk never ends between its halves.
    if (end < text.length && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    const { written } = encoder.encodeInto(text.slice(at, end), buffer);
    yield buffer.subarray(0, written);
    at = end;
  }
}
