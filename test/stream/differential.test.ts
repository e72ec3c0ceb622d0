/**
 * The streaming validation path (byte tokenizer, Clients judged in batches
 * and dropped) against the whole-model path it replaces: the same report —
 * findings, order, paths, lines, columns, texts — on every fixture, on every
 * mutant of the seeded mutation corpus, and on large declaraties with level-2
 * violations placed in different batches (keys, references and totals that
 * span Clients).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateWhole } from '../../src/api.js';
import { decodeWithSaxes } from '../../src/codec/decode.js';
import { decode } from '../../src/decode-stream.js';
import { encode, validate, type MessageId } from '../../src/index.js';
import { mutators } from './declaratie-mutators.js';
import { startValidation } from '../../src/validate-stream.js';
import { buildDeclaratie } from '../../bench/lib/declaratie.js';
import { loadFixtures, REPO_ROOT } from '../../scripts/lib/fixture-files.js';
import { buildMutationCorpus, createRandom, type MutationSource } from '../../scripts/lib/mutations.js';

function* xmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* xmlFiles(path);
    else if (name.endsWith('.xml')) yield path;
  }
}

const bytesOf = (xml: string): Uint8Array => new TextEncoder().encode(xml);

/** Streams in small chunks, so tokens straddle chunk ends; undefined when the path gives up. */
function streamed(bytes: Uint8Array, chunk: number): ReturnType<typeof validate> | undefined {
  const validation = startValidation();
  for (let offset = 0; offset < bytes.length; offset += chunk) if (!validation.write(bytes.subarray(offset, offset + chunk))) break;
  return validation.end();
}

describe('streaming validation gives the whole-model report', () => {
  const files = [...xmlFiles(join(REPO_ROOT, 'fixtures'))];

  it('on every fixture (and takes the fast path on most)', () => {
    expect(files.length).toBeGreaterThan(100);
    let fast = 0;
    for (const file of files) {
      const bytes = readFileSync(file);
      const whole = validateWhole(bytes);
      expect(validate(bytes), file).toEqual(whole);
      const report = streamed(bytes, 97);
      if (report) {
        fast++;
        expect(report, file).toEqual(whole);
      }
    }
    expect(fast / files.length).toBeGreaterThan(0.9);
  });

  it('on every mutant of the seeded corpus', () => {
    const sources: MutationSource[] = loadFixtures()
      .filter((f) => f.expect.accepted)
      .map((f) => ({ name: f.name, message: f.id as MessageId, xml: new TextDecoder().decode(f.bytes) }));
    const corpus = buildMutationCorpus(sources, { count: 1500, seed: 11 });
    for (const mutant of corpus) {
      const bytes = bytesOf(mutant.xml);
      expect(validate(bytes), `${mutant.id} ${mutant.description}`).toEqual(validateWhole(bytes));
    }
  });

  it('on a namespace declared with spaces around it (saxes trims it; found by the fuzz)', () => {
    for (const fixture of loadFixtures().filter((f) => f.expect.accepted).slice(0, 10)) {
      const text = new TextDecoder().decode(fixture.bytes);
      for (const damaged of [text.replace(/xmlns:(\w+)="h/, 'xmlns:$1=" '), text.replace(/xmlns:(\w+)="/, 'xmlns:$1=" '), text.replace(/(xmlns:\w+="[^"]*)"/, '$1 "')]) {
        expect(damaged).not.toBe(text);
        const bytes = bytesOf(damaged);
        expect(validate(bytes), fixture.name).toEqual(validateWhole(bytes));
      }
    }
  });

  it('on whitespace beside a comment in a value (part of the value; found by the fuzz)', () => {
    for (const fixture of loadFixtures().filter((f) => f.expect.accepted).slice(0, 10)) {
      const text = new TextDecoder().decode(fixture.bytes);
      const leaf = /<(\w+:\w+)>([^<>\s][^<>]*)<\/\1>/;
      expect(text, fixture.name).toMatch(leaf);
      for (const replacement of ['<$1>  <!--c--> $2</$1>', '<$1> <!--c-->$2</$1>', '<$1>$2 <!--c-->  </$1>', '<$1>  <!--c-->  </$1>', '<$1>\r\n\t<!--c--></$1>']) {
        const bytes = bytesOf(text.replace(leaf, replacement));
        expect(validate(bytes), `${fixture.name} ${replacement}`).toEqual(validateWhole(bytes));
        expect(decode(bytes), `${fixture.name} ${replacement}`).toEqual(decodeWithSaxes(bytes));
      }
    }
  });

  it('on byte-level damage: truncations, flipped bytes, inserted markup', () => {
    const sources = loadFixtures().slice(0, 40);
    const rng = createRandom(5);
    const inserts = ['<', '&', ']]>', '<!--x-->', '<?pi x?>', '<![CDATA[x]]>', '</a>', '<a/>', '\r', '\u0001', '&amp;', '&#x1F600;', 'é', ' xmlns:q="u"', '"'];
    for (const source of sources) {
      for (let k = 0; k < 25; k++) {
        const text = new TextDecoder().decode(source.bytes);
        const at = rng.int(text.length);
        const kind = rng.int(3);
        const damaged =
          kind === 0 ? bytesOf(text.slice(0, at)) : kind === 1 ? (() => { const b = Uint8Array.from(source.bytes); b[at % b.length] = rng.int(256); return b; })() : bytesOf(text.slice(0, at) + inserts[rng.int(inserts.length)]! + text.slice(at));
        expect(validate(damaged), `${source.name} ${kind} at ${at}`).toEqual(validateWhole(damaged));
      }
    }
  });

  describe('a declaratie of 700 Clients (several batches) with level-2 violations anywhere', () => {
    const base = buildDeclaratie(700);
    const names = Object.keys(mutators);

    it('same report as the whole model, whatever the chunk size', () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...names), fc.nat(699), fc.nat(699)), { minLength: 1, maxLength: 4 }),
          fc.constantFrom(4096, 65_536, 1 << 20),
          (changes, chunk) => {
            const message = structuredClone(base);
            for (const [name, i, j] of changes) mutators[name]!(message, i, j);
            const bytes = bytesOf(encode(message));
            const whole = validateWhole(bytes);
            const report = streamed(bytes, chunk);
            expect(report).toBeDefined();
            expect(report).toEqual(whole);
            for (const f of whole.findings) seen.add(f.rule);
          },
        ),
        { numRuns: 25, seed: 3 },
      );
      // The runs met the rules that span Clients, not only clean declaraties.
      for (const rule of ['TR101', 'TR315', 'TR316', 'TR358', 'CS002', 'TR416']) expect(seen).toContain(rule);
    });
  });

  describe('on text input (encoded piece by piece for the tokenizer)', () => {
    const textOf = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

    it('on every fixture', () => {
      for (const file of files) {
        const text = textOf(readFileSync(file));
        expect(validate(text), file).toEqual(validateWhole(text));
      }
    });

    it('on every mutant of the seeded corpus', () => {
      const sources: MutationSource[] = loadFixtures()
        .filter((f) => f.expect.accepted)
        .map((f) => ({ name: f.name, message: f.id as MessageId, xml: textOf(f.bytes) }));
      for (const mutant of buildMutationCorpus(sources, { count: 800, seed: 13 })) expect(validate(mutant.xml), `${mutant.id} ${mutant.description}`).toEqual(validateWhole(mutant.xml));
    });

    it('on characters bytes cannot carry or that XML refuses: lone surrogates, a BOM, U+FFFE, controls, astral characters', () => {
      const rng = createRandom(17);
      const inserts = ['\uD800', '\uDC00', 'x\uDBFFy', '\uFEFF', '\uFFFE', '\uFFFF', '\u0000', '\u0001', '😀', '\u{10FFFF}', 'é', '\r\n', '\r'];
      for (const source of loadFixtures().slice(0, 40)) {
        const text = textOf(source.bytes);
        for (let k = 0; k < 10; k++) {
          const at = rng.int(text.length);
          const damaged = text.slice(0, at) + inserts[rng.int(inserts.length)]! + text.slice(at);
          expect(validate(damaged), `${source.name} at ${at}`).toEqual(validateWhole(damaged));
        }
        const withBom = '\uFEFF' + text;
        expect(validate(withBom), `${source.name} with a BOM`).toEqual(validateWhole(withBom));
      }
    });

    it('on a declaratie of several text chunks, with level-2 violations in different batches', () => {
      const message = structuredClone(buildDeclaratie(2500));
      mutators[Object.keys(mutators)[0]!]!(message, 10, 2400);
      const text = encode(message);
      expect(text.length).toBeGreaterThan(3 * (1 << 18));
      const report = validate(text);
      expect(report).toEqual(validateWhole(text));
      expect(report.findings.length).toBeGreaterThan(0);
    });
  });
});
