/**
 * retour() and retourChunks() on the streaming path (a WMO323's Clients judged
 * in batches and dropped) against the classic path (the whole model read by
 * saxes): the same report, the same answer and the same XML on every fixture,
 * on every mutant of the seeded corpus and on large declaraties, and the
 * message read whole where the 325 needs its Prestaties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDeclaratie } from '../../bench/lib/declaratie.js';
import { encode, retour, retourChunks, type Finding, type MessageId, type WMO323 } from '../../src/index.js';
import { decodeWithSaxes } from '../../src/codec/decode.js';
import { retourWhole } from '../../src/retour/retour.js';
import { startValidation } from '../../src/validate-stream.js';
import { loadFixtures } from '../../scripts/lib/fixture-files.js';
import { buildMutationCorpus, type MutationSource } from '../../scripts/lib/mutations.js';
import { mutators } from './declaratie-mutators.js';
import { reusingSource } from './reusing-source.js';

const OPTIONS = { now: new Date(2025, 7, 1, 8, 0) };
const fixtures = loadFixtures();
const bytesOf = (xml: string): Uint8Array => new TextEncoder().encode(xml);

function finding(level: 3, path: string, retourcode: string): Finding {
  return { rule: 'TEST-L3', level, retourcode, path, message: { nl: 'Bevinding voor de test.', en: 'Finding for the test.' } };
}

/** A declaratie of `clients` Clients (several batches), optionally with a level-2 violation. */
function declaratie(clients: number, violation?: string): Uint8Array {
  const message = structuredClone(buildDeclaratie(clients)) as WMO323;
  if (violation) mutators[violation]!(message, clients - 50, 5);
  return bytesOf(encode(message));
}

describe('the streamed retour gives the whole-model answer', () => {
  it('on every fixture, as bytes and as text', () => {
    for (const fixture of fixtures) {
      const whole = retourWhole(fixture.bytes, OPTIONS);
      expect(retour(fixture.bytes, OPTIONS), fixture.name).toEqual(whole);
      // A byte order mark is kept in the text: it is a finding of its own.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(fixture.bytes);
      expect(retour(text, OPTIONS), fixture.name).toEqual(retourWhole(text, OPTIONS));
    }
  });

  it('on every mutant of the seeded corpus', () => {
    const sources: MutationSource[] = fixtures.filter((f) => f.expect.accepted).map((f) => ({ name: f.name, message: f.id as MessageId, xml: new TextDecoder().decode(f.bytes) }));
    for (const mutant of buildMutationCorpus(sources, { count: 1000, seed: 23 })) {
      const bytes = bytesOf(mutant.xml);
      expect(retour(bytes, OPTIONS), `${mutant.id} ${mutant.description}`).toEqual(retourWhole(bytes, OPTIONS));
    }
  });

  it('on a declaratie of several batches: clean (8001), and with a level-2 error spanning Clients (0001)', () => {
    for (const violation of [undefined, 'TR101 Bsn of an earlier Client', 'TR358 total off']) {
      const bytes = declaratie(700, violation);
      const streamed = retour(bytes, OPTIONS);
      expect(streamed, violation).toEqual(retourWhole(bytes, OPTIONS));
      expect(streamed.retour?.header.retourCodes).toEqual([violation ? '0001' : '0200']);
    }
  });

  it('reads the declaratie whole when findings of a dossier reject Prestaties, which the 325 then lists', () => {
    const bytes = declaratie(700);
    const path = '/Bericht/Declaratie/Clienten/Client[650]/Prestaties/Prestatie[1]/ProductReferentie/ReferentieNummer';
    const options = { ...OPTIONS, additionalFindings: [finding(3, path, '9341')] };
    const streamed = retour(bytes, options);
    expect(streamed).toEqual(retourWhole(bytes, options));
    const answer = streamed.retour as Extract<typeof streamed.retour, { type: 'WMO325' }>;
    expect(answer.declaratieAntwoord?.clienten?.map((c) => c.prestaties.map((p) => p.retourCodes))).toEqual([[['9341']]]);
  });

  it('answers a dossier finding on the header without the Clients', () => {
    const bytes = declaratie(700);
    const options = { ...OPTIONS, additionalFindings: [finding(3, '/Bericht/Header/BerichtIdentificatie/Identificatie', '9056')] };
    const streamed = retour(bytes, options);
    expect(streamed).toEqual(retourWhole(bytes, options));
    expect(streamed.retour?.header.retourCodes).toEqual(['9056']);
  });
});

describe('the streaming validation keeps what a retour is built from', () => {
  it('a declaratie without its Clients, which were judged in batches', () => {
    const validation = startValidation();
    validation.write(declaratie(300));
    expect(validation.end()?.accepted).toBe(true);
    const read = validation.decoded();
    expect(read.clientsDropped).toBe(true);
    expect((read.value as WMO323).declaratie.clienten).toEqual([]);
    expect((read.value as WMO323).declaratie.declaratieNummer).toBeDefined();
  });

  it('any other message whole', () => {
    const toewijzing = fixtures.find((f) => f.id === 'WMO301' && f.expect.accepted)!;
    const validation = startValidation();
    validation.write(toewijzing.bytes);
    validation.end();
    expect(validation.decoded()).toEqual({ value: decodeWithSaxes(toewijzing.bytes).value, clientsDropped: false });
  });
});

describe('retourChunks', () => {
  it('gives retour’s answer on every fixture, in chunks of any size, from a reused buffer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures), fc.integer({ min: 1, max: 5000 }), async (fixture, size) => {
        const source = reusingSource(fixture.bytes, size);
        expect(await retourChunks(source.open, OPTIONS)).toEqual(retour(fixture.bytes, OPTIONS));
        expect(source.opened()).toBeLessThanOrEqual(2);
      }),
      { numRuns: 200 },
    );
  });

  it('reads the source once for a declaratie of several batches, and again only when the 325 needs its Prestaties', async () => {
    const bytes = declaratie(700);
    const once = reusingSource(bytes, 65_536);
    expect(await retourChunks(once.open, OPTIONS)).toEqual(retour(bytes, OPTIONS));
    expect(once.opened()).toBe(1);
    const options = { ...OPTIONS, additionalFindings: [finding(3, '/Bericht/Declaratie/Clienten/Client[3]/Prestaties/Prestatie[1]', '9341')] };
    const twice = reusingSource(bytes, 65_536);
    expect(await retourChunks(twice.open, options)).toEqual(retourWhole(bytes, options));
    expect(twice.opened()).toBe(2);
  });

  it('gives no retour on input over the cap, with its exact size, as retour does', async () => {
    const valid = fixtures.find((f) => f.id === 'WMO323' && f.expect.accepted)!;
    const result = await retourChunks(reusingSource(valid.bytes, 100).open, { ...OPTIONS, maxBytes: 500 });
    expect(result).toEqual(retour(valid.bytes, { ...OPTIONS, maxBytes: 500 }));
    expect(result.retour).toBeUndefined();
    expect(result.report.findings[0]?.message.en).toContain(`${valid.bytes.length} > 500`);
  });
});
