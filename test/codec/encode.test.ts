/**
 * encode against the encoder it replaced (./reference-encode.ts): the same
 * text in every layout for every fixture, retour and generated message, and
 * the same IwmoError findings (order, paths, texts) for damaged typed values.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_MESSAGE_IDS, decode, encode, IwmoError, retour, type EncodeOptions, type Message, type WMO323 } from '../../src/index.js';
import { generateMessages, messageArbitrary } from '../../src/generate/index.js';
import { loadFixtures, REPO_ROOT } from '../../scripts/lib/fixture-files.js';
import { referenceEncode } from './reference-encode.js';

const LAYOUTS: readonly EncodeOptions[] = [{}, { indent: '', omitDeclaration: true }, { newline: '\n', indent: '  ' }, { newline: '\r\n', indent: '\t\t' }, { indent: ' ', omitDeclaration: true }];

/** What an encoder did with a value: the text, or the findings of its IwmoError. */
function outcome(write: (message: Message, options?: EncodeOptions) => string, message: unknown, options?: EncodeOptions): unknown {
  try {
    return { xml: write(message as Message, options) };
  } catch (error) {
    if (error instanceof IwmoError) return { findings: error.findings };
    return { crash: String(error) };
  }
}

function expectSame(message: unknown, options?: EncodeOptions): void {
  expect(outcome(encode, message, options)).toEqual(outcome(referenceEncode, message, options));
}

const otherFixtures = ['fixtures/level2', 'fixtures/retour'].flatMap((dir) =>
  readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.endsWith('.xml'))
    .map((f) => ({ name: `${dir}/${f}`, bytes: readFileSync(join(REPO_ROOT, dir, f)) })),
);
const decodable = [...loadFixtures().map((f) => ({ name: `${f.id}/${f.name}`, bytes: f.bytes })), ...otherFixtures]
  .map((f) => ({ name: f.name, value: decode(f.bytes).value }))
  .filter((f): f is { name: string; value: Message } => f.value !== undefined);

/** A WMO323 holding the Clients of 700 generated ones: more distinct values per type than the encoder's cache keeps. */
function largeDeclaratie(seed: number): WMO323 {
  const [first, ...rest] = generateMessages('WMO323', { count: 700, seed, maxRepeat: 2 });
  return { ...first!, declaratie: { ...first!.declaratie, clienten: [first!, ...rest].flatMap((m) => m.declaratie.clienten) } };
}

describe('encode writes what the previous encoder wrote', () => {
  it('for every fixture that passes level 1, in five layouts', () => {
    expect(decodable.length).toBeGreaterThan(150);
    for (const fixture of decodable) {
      for (const layout of LAYOUTS) expect(encode(fixture.value, layout), `${fixture.name} ${JSON.stringify(layout)}`).toBe(referenceEncode(fixture.value, layout));
    }
  });

  it('for the answers retour builds to the retour fixtures', () => {
    const heen = otherFixtures.filter((f) => f.name.startsWith('fixtures/retour/'));
    expect(heen.length).toBeGreaterThan(0);
    for (const fixture of heen) {
      const result = retour(fixture.bytes);
      expect(result.retour, fixture.name).toBeDefined();
      expect(result.xml, fixture.name).toBe(referenceEncode(result.retour!));
    }
  });

  it.each(ALL_MESSAGE_IDS)('for generated %s messages, coherent or only XSD-valid', (id) => {
    fc.assert(
      fc.property(fc.oneof(messageArbitrary(id), messageArbitrary(id, { coherent: false, maxRepeat: 5 })), fc.constantFrom(...LAYOUTS), (message, layout) => {
        expect(encode(message, layout)).toBe(referenceEncode(message, layout));
      }),
      { numRuns: 25 },
    );
  });

  it('for a declaratie of 700 clients, where the cache of checked values is emptied on the way', () => {
    const declaratie = largeDeclaratie(7);
    expect(encode(declaratie)).toBe(referenceEncode(declaratie));
  });
});

/** Every place in a typed value, as a list of keys from the root. */
function places(value: unknown, at: readonly (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push([...at]);
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) places(child, [...at, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

const REPLACEMENTS: readonly ((old: unknown) => unknown)[] = [
  () => undefined,
  () => null,
  () => '',
  () => 'x',
  () => ' 12 ',
  () => 'a&b<c>d\r\ne',
  () => '😀',
  () => 'é\uD83D',
  () => 'a\uDE00b &',
  () => 'x\u0001',
  () => 'é\u001F😀',
  () => '\uFFFF',
  () => -1,
  () => 1.5,
  () => NaN,
  () => 12_345_678_901_234,
  () => true,
  () => [],
  () => ({}),
  (old) => [old, old],
  (old) => [old],
  (old) => (typeof old === 'string' ? `${old}${old}` : old),
];

function damaged(message: Message, place: readonly (string | number)[], replace: (old: unknown) => unknown): unknown {
  const copy = structuredClone(message) as unknown as Record<string | number, unknown>;
  if (place.length === 0) return replace(copy);
  let parent = copy;
  for (const key of place.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = place.at(-1)!;
  const value = replace(parent[last]);
  if (value === undefined && !Array.isArray(parent)) delete parent[last];
  else parent[last] = value;
  return copy;
}

describe('encode refuses what the previous encoder refused, with the same findings', () => {
  it.each(ALL_MESSAGE_IDS)('for %s messages with one or two places damaged', (id) => {
    fc.assert(
      fc.property(messageArbitrary(id, { coherent: false }), fc.array(fc.tuple(fc.nat(), fc.nat(REPLACEMENTS.length - 1)), { minLength: 1, maxLength: 2 }), fc.constantFrom(...LAYOUTS), (message, damages, layout) => {
        let value: unknown = message;
        for (const [where, how] of damages) {
          const all = places(value);
          value = damaged(value as Message, all[where % all.length]!, REPLACEMENTS[how]!);
        }
        expectSame(value, layout);
      }),
      { numRuns: 40 },
    );
  });

  it('for a message of an unknown type and for no object at all', () => {
    for (const value of [{ type: 'WMO399' }, { type: undefined }, {}]) expectSame(value);
    const refused = outcome(encode, { type: 'WMO399' });
    expect(refused).toMatchObject({ findings: [{ rule: 'XSD', path: '/Bericht' }] });
  });

  it('for a damaged Client deep in a declaratie of 700 clients', () => {
    const broken = largeDeclaratie(11);
    const brokenClients = broken.declaratie.clienten;
    brokenClients[650]!.bsn = '12345';
    brokenClients[651]!.bsn = 'abc&';
    const outcomeNow = outcome(encode, broken);
    expect(outcomeNow).toEqual(outcome(referenceEncode, broken));
    expect((outcomeNow as { findings: { path: string }[] }).findings.map((f) => f.path)).toEqual([
      '/Bericht/Declaratie/Clienten/Client[651]/Bsn',
      '/Bericht/Declaratie/Clienten/Client[652]/Bsn',
    ]);
  });
});
