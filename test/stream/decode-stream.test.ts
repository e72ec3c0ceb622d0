/**
 * Decoding through the byte tokenizer keeps what saxes gives — the typed
 * message, the level-1 findings with their lines — whatever the chunk size,
 * and gives up (for saxes to answer) exactly where the tokenizer does. The
 * public `decode` (and so `parse`, `safeParse`, `retour`, format and the
 * dossier) is that path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeWithSaxes } from '../../src/codec/decode.js';
import { decode, startDecode } from '../../src/decode-stream.js';
import { decode as publicDecode, type MessageId } from '../../src/index.js';
import { loadFixtures } from '../../scripts/lib/fixture-files.js';
import { buildMutationCorpus, createRandom, type MutationSource } from '../../scripts/lib/mutations.js';

const fixtures = loadFixtures();

function inChunks(bytes: Uint8Array, size: number): ReturnType<typeof decodeWithSaxes> | undefined {
  const decoding = startDecode();
  for (let offset = 0; offset < bytes.length; offset += size) if (!decoding.write(bytes.subarray(offset, offset + size))) break;
  return decoding.end();
}

const bytesOf = (xml: string): Uint8Array => new TextEncoder().encode(xml);

describe('startDecode and decode', () => {
  it('the public decode is the one through the byte tokenizer', () => {
    expect(publicDecode).toBe(decode);
  });

  it('give saxes’ result on every fixture, in chunks of any size, and as text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.integer({ min: 1, max: 4096 }), (fixture, size) => {
        const chunked = inChunks(fixture.bytes, size);
        // Undefined only where the tokenizer leaves the input to saxes; decode then answers through saxes.
        if (chunked) expect(chunked).toEqual(decodeWithSaxes(fixture.bytes));
        expect(decode(fixture.bytes)).toEqual(decodeWithSaxes(fixture.bytes));
        const text = new TextDecoder().decode(fixture.bytes);
        expect(decode(text)).toEqual(decodeWithSaxes(text));
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
    expect(decode(withInstruction)).toEqual(decodeWithSaxes(withInstruction));
  });

  it('leave input over the size cap to saxes, which refuses it unread', () => {
    const valid = fixtures.find((f) => f.expect.accepted)!;
    const result = decode(valid.bytes, { maxBytes: 100 });
    expect(result).toEqual(decodeWithSaxes(valid.bytes, { maxBytes: 100 }));
    expect(result.value).toBeUndefined();
  });

  it('decode gives saxes’ result on every mutant of the seeded corpus, as bytes and as text', () => {
    const sources: MutationSource[] = fixtures.filter((f) => f.expect.accepted).map((f) => ({ name: f.name, message: f.id as MessageId, xml: new TextDecoder().decode(f.bytes) }));
    for (const mutant of buildMutationCorpus(sources, { count: 1000, seed: 23 })) {
      const bytes = bytesOf(mutant.xml);
      expect(decode(bytes), `${mutant.id} ${mutant.description}`).toEqual(decodeWithSaxes(bytes));
      expect(decode(mutant.xml), `${mutant.id} ${mutant.description} (text)`).toEqual(decodeWithSaxes(mutant.xml));
    }
  });

  it('decode gives saxes’ result on byte-level damage: truncations, flipped bytes, inserted markup', () => {
    const rng = createRandom(29);
    const inserts = ['<', '&', ']]>', '<!--x-->', '<?pi x?>', '<![CDATA[x]]>', '</a>', '<a/>', '\r', '\u0001', '&amp;', '&#x1F600;', 'é', ' xmlns:q="u"', '"'];
    for (const source of fixtures.slice(0, 40)) {
      const text = new TextDecoder().decode(source.bytes);
      for (let k = 0; k < 25; k++) {
        const at = rng.int(text.length);
        const kind = rng.int(3);
        let damaged: Uint8Array;
        if (kind === 0) damaged = bytesOf(text.slice(0, at));
        else if (kind === 1) {
          damaged = Uint8Array.from(source.bytes);
          damaged[at % damaged.length] = rng.int(256);
        } else damaged = bytesOf(text.slice(0, at) + inserts[rng.int(inserts.length)]! + text.slice(at));
        expect(decode(damaged), `${source.name} ${kind} at ${at}`).toEqual(decodeWithSaxes(damaged));
      }
    }
  });
});
