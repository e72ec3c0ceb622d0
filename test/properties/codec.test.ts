/**
 * Properties of the codec over generated messages of all 14 types: round trip,
 * clean level 1, and every single mutation of the XML reported at its element.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_MESSAGE_IDS, decode, encode, isError, validate } from '../../src/index.js';
import { messageArbitrary } from '../../src/generate/index.js';
import { MUTATION_KINDS, mutate, reserialize } from './mutations.js';

// Both standards: iWmo 3.2 and iJw 3.2.
const ids = ALL_MESSAGE_IDS;
const runs = { numRuns: 60 };

describe.each(ids)('%s generated messages', (id) => {
  const arbitrary = messageArbitrary(id);

  it('round-trip: encode → decode gives the same value and no findings', () => {
    fc.assert(
      fc.property(arbitrary, (message) => {
        const result = decode(encode(message));
        expect(result.findings).toEqual([]);
        expect(result.value).toEqual(message);
      }),
      runs,
    );
  });

  it('encode writes XML without any level-1 finding, in every layout', () => {
    fc.assert(
      fc.property(arbitrary, fc.constantFrom({}, { indent: '', omitDeclaration: true }, { newline: '\n' as const, indent: '  ' }), (message, layout) => {
        const findings = validate(encode(message, layout)).findings.filter((f) => f.level === 1);
        expect(findings).toEqual([]);
      }),
      runs,
    );
  });

  it('one mutation of the XML gives a level-1 finding at the mutated element or its parent', () => {
    fc.assert(
      fc.property(arbitrary, fc.nat(MUTATION_KINDS.length - 1), fc.nat(), (message, kind, target) => {
        const xml = encode(message, { indent: '' });
        // The mutation harness reads and writes our XML faithfully.
        expect(reserialize(xml, id)).toBe(xml.slice(xml.indexOf('?>') + 2));
        const mutation = mutate(xml, id, kind, target);
        const result = decode(mutation.xml);
        const levelOne = result.findings.filter((f) => f.level === 1 && isError(f));
        expect(levelOne.length, mutation.description).toBeGreaterThan(0);
        expect(result.value, mutation.description).toBeUndefined();
        const at = levelOne.map((f) => f.path);
        expect(
          at.some((path) => mutation.paths.includes(path)),
          `${mutation.description}: findings at ${at.join(', ')}`,
        ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
