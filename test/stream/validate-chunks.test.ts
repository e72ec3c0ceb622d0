/**
 * validateChunks: the report `validate` gives on the whole input, from chunks
 * of any size, sync or async, from a source that reuses its buffer; the
 * source opened again only where the tokenizer leaves the input to saxes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeclaratie } from '../../bench/lib/declaratie.js';
import { encode, validate, validateChunks } from '../../src/index.js';
import { loadFixtures } from '../../scripts/lib/fixture-files.js';
import { mutators } from './declaratie-mutators.js';
import { reusingSource } from './reusing-source.js';

const fixtures = loadFixtures();

describe('validateChunks', () => {
  it('gives validate’s report on every fixture, in chunks of any size, from a reused buffer, reading once where the tokenizer takes the input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures), fc.integer({ min: 1, max: 5000 }), async (fixture, size) => {
        const source = reusingSource(fixture.bytes, size);
        expect(await validateChunks(source.open)).toEqual(validate(fixture.bytes));
        expect(source.opened()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
    const valid = fixtures.find((f) => f.expect.accepted)!;
    const source = reusingSource(valid.bytes, 100);
    await validateChunks(source.open);
    expect(source.opened()).toBe(1);
  });

  it('takes sync iterables, with the same options as validate', async () => {
    const invalid = fixtures.find((f) => !f.expect.accepted)!;
    const chunks = (): Uint8Array[] => [invalid.bytes.subarray(0, 10), invalid.bytes.subarray(10)];
    expect(await validateChunks(chunks, { allLevels: true })).toEqual(validate(invalid.bytes, { allLevels: true }));
  });

  it('reads input the tokenizer leaves to saxes a second time, whole, with the same report', async () => {
    const valid = fixtures.find((f) => f.expect.accepted)!;
    const withInstruction = new TextEncoder().encode(new TextDecoder().decode(valid.bytes).replace('?>', '?><?iwmo test?>'));
    const source = reusingSource(withInstruction, 64);
    const report = await validateChunks(source.open);
    expect(source.opened()).toBe(2);
    expect(report).toEqual(validate(withInstruction));
  });

  it('refuses input over the cap with its exact size, as validate does', async () => {
    const valid = fixtures.find((f) => f.expect.accepted)!;
    const report = await validateChunks(reusingSource(valid.bytes, 100).open, { maxBytes: 500 });
    expect(report).toEqual(validate(valid.bytes, { maxBytes: 500 }));
    expect(report.findings[0]?.message.en).toContain(`${valid.bytes.length} > 500`);
  });

  it('gives validate’s report on a declaratie of several batches with violations of the rules spanning Clients', async () => {
    const message = structuredClone(buildDeclaratie(700));
    for (const name of ['TR101 Bsn of an earlier Client', 'TR315/TR316 VorigReferentieNummer of another Prestatie', 'TR358 total off']) mutators[name]!(message, 650, 5);
    const bytes = new TextEncoder().encode(encode(message));
    const report = await validateChunks(reusingSource(bytes, 65_536).open);
    expect(report).toEqual(validate(bytes));
    expect(new Set(report.findings.map((f) => f.rule))).toEqual(new Set(['TR101', 'TR316', 'TR358']));
  });

  it('reads a web ReadableStream, also where it cannot be iterated, and cancels one it leaves early', async () => {
    const valid = fixtures.find((f) => f.expect.accepted)!;
    const withInstruction = new TextEncoder().encode(new TextDecoder().decode(valid.bytes).replace('?>', '?><?iwmo test?>'));
    for (const bytes of [valid.bytes, withInstruction]) {
      let cancelled = 0;
      const open = (): ReadableStream<Uint8Array> => {
        let at = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(controller) {
            if (at >= bytes.length) controller.close();
            else controller.enqueue(bytes.slice(at, (at += 50)));
          },
          cancel() {
            cancelled++;
          },
        });
        // Only what every browser has: no Symbol.asyncIterator.
        return { getReader: () => stream.getReader() } as unknown as ReadableStream<Uint8Array>;
      };
      expect(await validateChunks(open)).toEqual(validate(bytes));
      expect(cancelled).toBe(bytes === withInstruction ? 1 : 0);
    }
  });
});
