/**
 * Properties of the iJw-only rules on generated messages: every generated JW
 * message is clean, and one change to it is caught by exactly the rule the
 * iJw rule set has for it (iJw spec §4.1).
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageArbitrary } from '../../src/generate/index.js';
import { checkRules, type JW301, type JW319 } from '../../src/index.js';

const fired = (message: Parameters<typeof checkRules>[0]): string[] => [...new Set(checkRules(message).map((f) => f.rule))].sort();

describe('iJw-only rules on generated messages', () => {
  it('CS318: a JW301 whose client gets NaamGebruik 6 fails CS318 and nothing else', () => {
    fc.assert(
      fc.property(messageArbitrary('JW301'), (message: JW301) => {
        expect(fired(message)).toEqual([]);
        const changed = structuredClone(message);
        // Without a Partnernaam, 6 is allowed by CS050 in iJw; only CS318 speaks.
        delete changed.client.naam.partnernaam;
        changed.client.naam.naamGebruik = '6';
        expect(fired(changed)).toEqual(['CS318']);
      }),
      { numRuns: 40 },
    );
  });

  it('TR377 / TR409: a Woonplaatsbeginsel goes with reason 8 only', () => {
    fc.assert(
      fc.property(messageArbitrary('JW319'), fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '9'), (message: JW319, other) => {
        expect(fired(message)).toEqual([]);
        const rejected = structuredClone(message);
        Object.assign(rejected.antwoord, { verzoekAntwoord: '1', redenAfwijzingVerzoek: '8' });
        delete rejected.antwoord.woonplaatsbeginsel;
        expect(fired(rejected)).toEqual(['TR377']);
        rejected.antwoord.woonplaatsbeginsel = { gemeente: '1916' };
        expect(fired(rejected)).toEqual([]);
        rejected.antwoord.redenAfwijzingVerzoek = other as JW319['antwoord']['redenAfwijzingVerzoek'] & string;
        expect(fired(rejected)).toEqual(['TR409']);
      }),
      { numRuns: 40 },
    );
  });
});
