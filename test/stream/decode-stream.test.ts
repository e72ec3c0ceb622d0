/**
 * Decoding in chunks keeps what `decode` gives — the typed message, the
 * level-1 findings with their lines — whatever the chunk size, and gives up
 * (for `decode` to answer) exactly where the byte tokenizer does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/codec/decode.js';
import { decodeFast, startDecode } from '../../src/decode-stream.js';
import { loadFixtures } from '../../scripts/lib/fixture-files.js';

const fixtures = loadFixtures();

function inChunks(bytes: Uint8Array, size: number): ReturnType<typeof decode> | undefined {
  const decoding = startDecode();
  for (let offset = 0; offset < bytes.length; offset += size) if (!decoding.write(bytes.subarray(offset, offset + size))) break;
  return decoding.end();
}

describe('startDecode', () => {
  it('gives decode’s result on every fixture, in chunks of any size', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.integer({ min: 1, max: 4096 }), (fixture, size) => {
        const chunked = inChunks(fixture.bytes, size);
        // Undefined only where the tokenizer leaves the input to saxes; decodeFast then answers with decode.
        if (chunked) expect(chunked).toEqual(decode(fixture.bytes));
        expect(decodeFast(fixture.bytes)).toEqual(decode(fixture.bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('takes the fast path on most fixtures, and gives up on a processing instruction', () => {
    const fast = fixtures.filter((f) => inChunks(f.bytes, 1 << 20) !== undefined).length;
    expect(fast / fixtures.length).toBeGreaterThan(0.9);
    const valid = fixtures.find((f) => f.expect.accepted)!;
    const withInstruction = new TextEncoder().encode(new TextDecoder().decode(valid.bytes).replace('?>', '?><?iwmo test?>'));
    expect(inChunks(withInstruction, 1 << 20)).toBeUndefined();
    expect(decodeFast(withInstruction)).toEqual(decode(withInstruction));
  });

  it('leaves input over the size cap to decode, which refuses it unread', () => {
    const valid = fixtures.find((f) => f.expect.accepted)!;
    const result = decodeFast(valid.bytes, { maxBytes: 100 });
    expect(result).toEqual(decode(valid.bytes, { maxBytes: 100 }));
    expect(result.value).toBeUndefined();
  });
});
