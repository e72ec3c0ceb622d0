/**
 * The JSON Schemas (schemas/*.schema.json, written by the codegen) and the zod
 * schemas both derive from the descriptors: they accept every generated
 * message, reject every single-field corruption, and agree with each other on
 * random ones.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { ALL_MESSAGE_IDS } from '../../src/standard/standards.js';
import type { MessageId } from '../../src/standard/descriptor.js';
import { messageArbitrary } from '../../src/generate/index.js';
import { messageSchema, zodSchemaFor } from '../../src/standard/zod.js';
import { applyAt, corruptionsOf, sitesOf } from './corruptions.js';

// Both standards: iWmo 3.2 and iJw 3.2.
const ids: readonly MessageId[] = ALL_MESSAGE_IDS;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validators = new Map<MessageId, ValidateFunction>(
  ids.map((id) => [id, ajv.compile(JSON.parse(readFileSync(new URL(`../../schemas/${id}.schema.json`, import.meta.url), 'utf8')))]),
);
const jsonSchemaAccepts = (id: MessageId, value: unknown) => validators.get(id)!(value);
const zodAccepts = (id: MessageId, value: unknown) => zodSchemaFor(id).safeParse(value).success;

/** Values a careless producer might put anywhere: wrong types, near-miss strings and numbers. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 1_000_000_000_000 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 12 }),
  // Lengths around the limits, with characters outside the BMP and XSD whitespace.
  fc.array(fc.constantFrom('a', '9', '😀', ' ', '\t', '\n', 'é', '\u00A0'), { maxLength: 40 }).map((a) => a.join('')),
  fc.constantFrom('2024-02-29', '2023-02-29', '2024-13-01', '2024-01-01Z', '10:00:00', '24:00:00', '23:59:60', '01', '1', 'NL', 'D', 'C', '414', '0001', '1.0.0', '01.0.0'),
  fc.constantFrom(...ids),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
);

describe('JSON Schema (ajv, draft 2020-12)', () => {
  it('compiles the schema of every message type', () => {
    // 14 messages in each of the two standards.
    expect(validators.size).toBe(28);
  });

  it.each(ids)('%s: accepts generated messages', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id), (message) => {
        const valid = jsonSchemaAccepts(id, message);
        expect(valid, JSON.stringify(validators.get(id)!.errors?.slice(0, 3))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('zod schemas', () => {
  it.each(ids)('%s: accepts generated messages, alone and in the union', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id), (message) => {
        const result = zodSchemaFor(id).safeParse(message);
        expect(result.success, result.error?.message).toBe(true);
        expect(messageSchema.safeParse(message).success).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps types: the union picks the schema by `type`', () => {
    const [wmo319] = fc.sample(messageArbitrary('WMO319'), { numRuns: 1, seed: 1 });
    expect(messageSchema.safeParse({ ...wmo319, type: 'WMO320' }).success).toBe(false);
    expect(messageSchema.safeParse({ ...wmo319, type: 'WMO399' }).success).toBe(false);
  });
});

describe('single-field corruptions', () => {
  it.each(ids)('%s: both schemas reject every one', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id, { maxRepeat: 2 }), (message) => {
        const corruptions = corruptionsOf(message);
        expect(corruptions.length).toBeGreaterThan(20);
        for (const corruption of corruptions) {
          const corrupted = applyAt(message, corruption.path, corruption.value);
          expect(jsonSchemaAccepts(id, corrupted), `JSON Schema: ${corruption.description}`).toBe(false);
          expect(zodAccepts(id, corrupted), `zod: ${corruption.description}`).toBe(false);
        }
      }),
      { numRuns: 8 },
    );
  });

  it('a value of exactly maxLength characters, one outside the BMP, is valid for both', () => {
    const [message] = fc.sample(messageArbitrary('WMO305'), { numRuns: 1, seed: 5 });
    const name = applyAt(message, ['client', 'naam', 'geslachtsnaam', 'achternaam'], 'x'.repeat(199) + '😀');
    expect(jsonSchemaAccepts('WMO305', name)).toBe(true);
    expect(zodAccepts('WMO305', name)).toBe(true);
  });
});

describe('JSON Schema and zod agree', () => {
  it.each(ids)('%s: on random replacements anywhere in a message', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id, { maxRepeat: 2 }), fc.nat(), anyValue, (message, pick, value) => {
        const sites = sitesOf(message).filter((s) => s.path.length > 0);
        const site = sites[pick % sites.length]!;
        const corrupted = applyAt(message, site.path, value);
        const json = jsonSchemaAccepts(id, corrupted);
        const zod = zodAccepts(id, corrupted);
        expect(zod, `${site.path.join('.')} := ${JSON.stringify(value)}: JSON Schema says ${json}`).toBe(json);
      }),
      { numRuns: 150 },
    );
  });
});
