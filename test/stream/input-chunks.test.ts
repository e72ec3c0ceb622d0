/**
 * What the byte tokenizer is fed: bytes as they are, text as UTF-8 piece by
 * piece without splitting a character, and nothing (saxes reads it) for text
 * UTF-8 cannot carry or input over the cap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startDecode } from '../../src/decode-stream.js';
import { inputChunks } from '../../src/xml/input-chunks.js';
import { loadFixtures } from '../../scripts/lib/fixture-files.js';

const MAX = 1 << 30;

/** The chunks copied out as they come (each is valid only until the next). */
function joined(chunks: Iterable<Uint8Array>): Buffer {
  const parts: Uint8Array[] = [];
  for (const chunk of chunks) parts.push(chunk.slice());
  const all = Buffer.alloc(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

describe('inputChunks', () => {
  it('encodes any well-formed text as its UTF-8 bytes, whatever falls on a chunk boundary', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: (1 << 18) - 120, max: (1 << 18) + 4 }), (piece, pad) => {
        // Padding moves the piece across the first chunk boundary (2^18 characters).
        const text = 'a'.repeat(pad) + piece + piece;
        expect(joined(inputChunks(text, MAX)!).equals(new TextEncoder().encode(text))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a surrogate pair whole when it straddles a chunk boundary', () => {
    for (const pad of [(1 << 18) - 2, (1 << 18) - 1, 1 << 18]) {
      const text = 'a'.repeat(pad) + '😀'.repeat(3) + 'b';
      expect(joined(inputChunks(text, MAX)!).equals(new TextEncoder().encode(text))).toBe(true);
    }
  });

  it('leaves text with a lone surrogate, and input over the cap, to saxes', () => {
    expect(inputChunks('<a>\uD800</a>', MAX)).toBeUndefined();
    expect(inputChunks('<a>\uDC00x</a>', MAX)).toBeUndefined();
    expect(inputChunks('<a>é</a>', 9)).toBeDefined();
    expect(inputChunks('<a>é</a>', 8)).toBeUndefined(); // 9 bytes in UTF-8
    expect(inputChunks(new Uint8Array(10), 9)).toBeUndefined();
  });

  it('gives the tokenizer text it takes: fixtures given as text decode on the fast path', () => {
    const fixtures = loadFixtures();
    let fast = 0;
    for (const fixture of fixtures) {
      const decoding = startDecode();
      for (const chunk of inputChunks(new TextDecoder().decode(fixture.bytes), MAX)!) if (!decoding.write(chunk)) break;
      if (decoding.end()) fast++;
    }
    expect(fast / fixtures.length).toBeGreaterThan(0.9);
  });
});
